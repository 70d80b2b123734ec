"""Are you ready to decide? Four quick questions, again after the appointment, and BRAN notes.

Each "Not yet" adds a question to the checklist at once (``consultprep.checklist``), so the
patient can see it was added. The BRAN notes are written when the page is left or saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from consultprep.bran import cleaned, treatment_choices
from consultprep.checklist import sync_checklist
from consultprep.citations import sources_line, with_sources
from consultprep.content import Library
from consultprep.models import Draft, ReadinessCheck
from consultprep.readiness import is_taken, load_readiness, summary_line, updated
from ui.answers_dialog import NOTE_ANSWERS_HINT, note_button
from ui.bran_editor import BranEditor
from ui.choices import LabelledCheck
from ui.pages.base import DraftPage
from ui.readiness_check import ADDED, SUGGESTED, ReadinessCheckView
from ui.widgets import HINT, SUBHEADING, ScrollContent, plain_label, scrolling

BEFORE, AFTER = "Before your appointment", "After your appointment"
AFTER_TOGGLE = "I have had my appointment. Let me answer the questions again."
ANSWERS_NOTED = (
    "You have noted answers from your appointment. When you are ready, tick the box below "
    "and answer the four questions again."
)


class ReadinessPage(DraftPage):
    """The readiness check before and after the appointment, then BRAN notes."""

    def __init__(self, draft: Draft, library: Library) -> None:
        self.content = load_readiness()
        super().__init__(draft, library, "Are you ready to decide?", self.content.intro)
        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(plain_label(self._source_text(), role=HINT, selectable=True))

        self.before_view, self.before_result = self._add_check(layout, BEFORE)
        layout.addSpacing(8)
        self.answers_noted = plain_label(ANSWERS_NOTED, role=HINT)
        # What the patient was told, in a window of its own (ui.answers_dialog; also File ▸)
        self.note_answers_button = note_button(self)
        toggle = LabelledCheck(AFTER_TOGGLE, self.content.after_intro)
        self.after_toggle: QCheckBox = toggle.check
        self.after_view, self.after_result = self._add_check(
            layout,
            AFTER,
            [
                plain_label(NOTE_ANSWERS_HINT, role=HINT),
                self.note_answers_button,
                self.answers_noted,
                toggle,
            ],
        )

        layout.addSpacing(8)
        layout.addWidget(plain_label("Weigh up a treatment: BRAN", role=SUBHEADING))
        # With its source, as in the PDF (a content review, 2026-12-08).
        readiness = self.content
        intro = with_sources(readiness.bran_intro, self.library, readiness.bran_citations)
        layout.addWidget(plain_label(intro, role=HINT))
        self.bran_editor = BranEditor(self.content)
        layout.addWidget(self.bran_editor)
        layout.addStretch(1)
        self.page_layout.addWidget(scrolling(content, "Are you ready to decide?"), 1)

        self.before_view.changed.connect(self._answers_changed)
        self.after_view.changed.connect(self._answers_changed)
        self.after_toggle.toggled.connect(self._toggle_changed)
        self.bran_editor.changed.connect(self.mark_edited)
        self._show_after(False)

    # --- draft ----------------------------------------------------------------------------
    def prepare(self) -> Iterator[None]:
        """Show the draft ahead of time (``ui.preparation``), so entering the page changes
        little and its layout is done already."""
        self.initializePage()
        yield

    def read_draft(self) -> None:
        """Show the checks and the BRAN notes held in the draft."""
        r = self.draft.readiness
        self.before_view.set_value(r.before)
        self.after_view.set_value(r.after)
        self.after_toggle.setChecked(r.after is not None)
        choices = treatment_choices(self.draft, self.library)
        if (self.bran_editor.value(), self.bran_editor.choices) != (self.draft.bran, choices):
            self.bran_editor.set_value(self.draft.bran, choices)  # else keep the cards
        self._show_after(r.after is not None)
        self._show_results()

    def write_draft(self) -> None:
        """Store both checks and the BRAN notes; bring the question list up to date."""
        self._write_checks()
        bran = cleaned(self.bran_editor.value())
        if bran != self.draft.bran:
            self.draft.bran = bran

    # --- helpers --------------------------------------------------------------------------
    def _source_text(self) -> str:
        sources = sources_line(self.library, self.content.citations)
        return f"{self.content.source_note} {sources}".strip()

    def _add_check(
        self, layout: QVBoxLayout, when: str, above: list[QWidget] | None = None
    ) -> tuple[ReadinessCheckView, QLabel]:
        """A heading, any widgets ``above`` the questions, the four questions, the result."""
        layout.addWidget(plain_label(when, role=SUBHEADING))
        for widget in above or []:
            layout.addWidget(widget)
        view = ReadinessCheckView(self.content, when)
        layout.addWidget(view)
        result = plain_label(role="strong", selectable=True)
        result.setAccessibleName(f"{when}: result")
        layout.addWidget(result)
        return view, result

    def _write_checks(self) -> None:
        r = self.draft.readiness
        today = date.today()
        before = updated(r.before, self.before_view.value(), today)
        if self.after_toggle.isChecked():
            after = updated(r.after, self.after_view.value(), today) or ReadinessCheck()
        else:
            after = None
        if (before, after) != (r.before, r.after):
            self.draft.readiness = r.model_copy(update={"before": before, "after": after})
        sync_checklist(self.draft, self.library)

    def _answers_changed(self) -> None:
        self._write_checks()
        self._show_results()
        self.mark_edited()

    def _toggle_changed(self, on: bool) -> None:
        self._show_after(on)
        if not self._reading:
            self._answers_changed()

    def _show_after(self, on: bool) -> None:
        self.after_view.setVisible(on)
        self.after_result.setVisible(on)
        noted = any(i.asked or i.answer.strip() for i in self.draft.checklist)
        self.answers_noted.setVisible(noted and not on)

    def _show_results(self) -> None:
        r = self.draft.readiness
        for label, check in ((self.before_result, r.before), (self.after_result, r.after)):
            # (not "Your answers: none yet": read after an appointment as if the answers
            # noted there were lost)
            taken = is_taken(check)
            result = summary_line(check, self.content) if taken else "none yet."
            label.setText(f"Your answers{'' if taken else ' to these four questions'}: {result}")
        # Only the latest check's "Not yet" answers are on the list.
        after_counts = is_taken(r.after)
        self.before_view.set_suggestion_prefix(SUGGESTED if after_counts else ADDED)
        self.after_view.set_suggestion_prefix(ADDED)
