"""Check everything, then save the PDF pack (and the draft)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from consultprep.content import Library
from consultprep.labels import conditions_text, join_labels
from consultprep.models import SCORE_LABELS, Draft, TriedTreatment
from consultprep.readiness import deciding_lines
from ui import dialogs, export_helpers
from ui.busy import SAVING_PDF, open_file, show_in_folder
from ui.field_row import FieldRow
from ui.fields import line_box
from ui.file_menu import PDF_FILTER
from ui.flow_layout import FlowLayout
from ui.pack_options import PackOptionsRow
from ui.pages.base import DraftPage
from ui.responsive import FoldingPanel
from ui.widgets import (
    ERROR,
    HINT,
    NOTICE,
    PAGE_MARGIN,
    SUBHEADING,
    ScrollContent,
    big_button,
    card,
    clear_layout,
    page_changed,
    plain_label,
    scrolling,
)

#: Said when the draft changed after the PDF was saved (the PDF holds the earlier answers).
CHANGED_SINCE_SAVED = (
    "You changed your answers after the PDF was saved, so that PDF does not have the changes. "
    "Press Save PDF to make it again."
)
LOCATION_WORDS = {"uk": "in the UK", "abroad": "abroad", "not_sure": "not sure where"}


def summary_lines(draft: Draft, library: Library) -> list[tuple[str, str]]:
    """The draft in a few plain (heading, text) pairs, for the review page."""
    out: list[tuple[str, str]] = []
    concern = library.concern(draft.concern)
    if concern is None:
        out.append(("Skin problem", "Not chosen yet."))
    else:
        subtype = concern.subtype(draft.subtype)
        out.append(("Skin problem", concern.name + (f" — {subtype.name}" if subtype else "")))

    a = draft.about
    facts = []
    if a.patient_name:
        facts.append(f"Name: {a.patient_name}")
    if a.body_area:
        facts.append(f"Where: {a.body_area}")
    if a.duration:
        facts.append(f"How long: {a.duration}")
    if a.symptoms:
        facts.append(f"Symptoms: {_shorten(a.symptoms)}")
    scores = a.scores.answered()
    if scores:
        facts.append("Scores: " + ", ".join(f"{SCORE_LABELS[k]} {v}/10" for k, v in scores.items()))
    facts += [f"Tried: {_tried(t)}" for t in a.treatments_tried]  # one line each
    if a.medicines:
        facts.append(f"Medicines: {_shorten(a.medicines)}")
    if a.allergies:
        facts.append(f"Allergies: {_shorten(a.allergies)}")
    conditions = conditions_text(library, a.conditions)
    if conditions:
        facts.append(f"Health conditions: {conditions}")
    if a.other_conditions:  # on its own line, as in the PDF
        facts.append(f"Other health conditions: {_shorten(a.other_conditions)}")
    if a.goals:
        facts.append(f"What matters most to you: {_shorten(a.goals)}")
    if a.appointment_date:
        when = f"{a.appointment_date.day} {a.appointment_date:%B %Y}"
        facts.append(f"Appointment: {when}" + (f", with {a.clinician}" if a.clinician else ""))
    elif a.clinician:
        facts.append(f"Specialist: {a.clinician}")
    out.append(("About your skin", "\n".join(facts) or "Nothing filled in (that is fine)."))
    if draft.photos:
        n = len(draft.photos)
        out.append(("Photos", f"{n} photo{'' if n == 1 else 's'}, printed in the PDF."))

    o = draft.offer
    if not o.offered:
        out.append(("Offer from a clinic", "None noted."))
    else:
        # The patient's own words are given as fields, not woven into a sentence.
        line = f"Treatment: {o.treatment or 'not named'}"
        if o.clinic:
            line += f"\nClinic: {o.clinic}"
        place = LOCATION_WORDS.get(o.location or "", "")
        country = o.country_detail()
        if country:
            place = f"{place} ({country})" if place else country
        if place:
            line += f"\nWhere: {place[0].upper() + place[1:]}"
        if o.cost:
            line += f"\nCost: {o.cost}"
        if o.claims:
            line += f"\nWhat they said: {_shorten(o.claims)}"
        flags = [library.red_flag(f) for f in o.red_flags]
        names = [f.label for f in flags if f is not None]
        line += "\nWarning signs ticked: " + (join_labels(names) if names else "none")
        out.append(("Offer from a clinic", line))

    included = [i for i in draft.checklist if i.included]
    own = [i for i in included if i.source == "own"]
    text = f"{len(included)} questions to ask"
    if own:
        text += f", including {len(own)} of your own"
    top = draft.top_questions()
    if top:
        text += ".\nYour top three:\n" + "\n".join(f"{n}.  {i.text}" for n, i in enumerate(top, 1))
    else:
        text += ". No top three chosen."
    out.append(("Your questions", text))
    deciding = deciding_lines(draft)
    if deciding:
        out.append(("Ready to decide?", "\n".join(deciding)))
    return out


def _is_file(path: Path) -> bool:
    """True if ``path`` is a file; False also for a name no file can have (too long, a
    null character): saving then explains what is wrong with it."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _tried(t: TriedTreatment) -> str:
    """ "Silicone gel sheets — it helped a little": a tried treatment and how it went (in the
    patient's own words, which may start with a capital)."""
    name = t.name or "(no name)"
    how = " ".join(t.how_it_went.split())  # its lines run on: one line here
    return f"{name} — {_shorten(how, 200)}" if how else name


def _shorten(text: str, limit: int = 200) -> str:
    """The first line of ``text``, cut at about ``limit`` characters with an ellipsis."""
    first = text.splitlines()[0] if text else ""
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0]
    return first + ("…" if first != text else "")


SUBTITLE = (
    "Check the summary of your answers, and save your pack as a PDF to print or take with you."
)
#: When there is little room, the buttons come first (``ReviewPage.panel_fold``).
SUBTITLE_BUTTONS_FIRST = (
    "Check the summary of your answers below the buttons, and save your pack as a PDF to "
    "print or take with you."
)


class ReviewPage(DraftPage):
    """A plain summary, then: choose where the PDF goes, save it, open it, save the draft."""

    #: The patient pressed "Save draft…" (the window saves, asking where if needed).
    save_draft_requested = Signal()

    def __init__(self, draft: Draft, library: Library) -> None:
        super().__init__(
            draft,
            library,
            "Check and save",
            SUBTITLE,
        )
        self._confirmed_path: Path | None = None
        self.saved_pdf: Path | None = None
        self._saved_from: str | None = None  # the draft as the PDF last saved holds it

        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        summary_card, self._summary_box = card()
        self._summary_labels: list[tuple[QLabel, QLabel]] = []
        layout.addWidget(summary_card)

        layout.addStretch(1)
        self.panel = QWidget()  # below the summary; above it, scrolling, when space is short
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(PAGE_MARGIN, 0, PAGE_MARGIN, 0)
        panel.setSpacing(8)
        panel.addWidget(plain_label("Your PDF pack", role=SUBHEADING))
        # The whole path, wrapped (a one-line field showed only its end with large text), and
        # its label above it when the row is narrow.
        self.pdf_path_edit = line_box("PDF file")
        path_label = plain_label("&PDF file:")
        path_label.setWordWrap(False)
        path_label.setBuddy(self.pdf_path_edit)
        self.choose_button = big_button("&Choose…", "Choose where to save the PDF")
        self.choose_button.clicked.connect(self.choose_pdf_path)
        panel.addWidget(FieldRow(path_label, self.pdf_path_edit, self.choose_button))
        self.pack_options = PackOptionsRow()
        panel.addWidget(self.pack_options)

        actions = FlowLayout(spacing=8)  # wraps onto two lines with large text
        self.save_pdf_button = big_button("&Save PDF", "Save the PDF", primary=True)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.open_pdf_button = big_button("&Open PDF", "Open the PDF")
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.open_pdf_button.hide()
        # Alt+I: Alt+F is the File menu
        self.show_folder_button = big_button("Show &in folder", "Show the PDF in its folder")
        self.show_folder_button.clicked.connect(self.show_pdf_folder)
        self.show_folder_button.hide()
        self.save_draft_button = big_button("Save &draft…", "Save the draft to work on later")
        self.save_draft_button.clicked.connect(self.save_draft_requested)
        actions.addWidget(self.save_pdf_button)
        actions.addWidget(self.open_pdf_button)
        actions.addWidget(self.show_folder_button)
        actions.addWidget(self.save_draft_button)
        panel.addLayout(actions)

        self.status_label = plain_label(role=NOTICE, selectable=True)
        self.status_label.setAccessibleName("PDF saved")
        self.status_label.hide()
        self.error_label = plain_label(role=ERROR, selectable=True)
        self.error_label.setAccessibleName("PDF not saved")
        self.error_label.hide()
        panel.addWidget(self.status_label)
        panel.addWidget(self.error_label)
        panel.addWidget(
            plain_label(
                "The PDF and the draft are saved only on this computer, where you choose (and, until "
                "you save, a safety copy in ConsultPrep's own folder).",
                role=HINT,
            )
        )
        self.pdf_path_edit.textEdited.connect(self._path_edited)

        outer = self.page_layout
        self.scroll_area = scrolling(content)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.panel)
        # With little room (large text, a small window) the panel goes first in the scroll
        # area, so Save PDF is in view without scrolling past the whole summary.
        self.panel_fold = FoldingPanel(self, self.panel, outer, layout, at_top=True)
        self.panel_fold.moved.connect(self._panel_moved)
        self._panel_moved(self.panel_fold.folded)

    def _panel_moved(self, folded: bool) -> None:
        """The header says where the summary is: below the buttons when they come first."""
        self.subtitle_label.setText(SUBTITLE_BUTTONS_FIRST if folded else SUBTITLE)

    # --- draft ----------------------------------------------------------------------------
    def read_draft(self) -> None:
        """Show the summary and offer a PDF file name; a PDF saved before the draft changed
        since is no longer offered as the pack (it holds the old answers)."""
        self._show_summary()
        if self._saved_from is not None and self._saved_from != self.draft.snapshot():
            self._saved_from = None
            self.open_pdf_button.hide()
            self.show_folder_button.hide()
            self.error_label.hide()
            self._show_status(CHANGED_SINCE_SAVED, error=False)
        if not self.pdf_path_edit.text().strip():
            self.pdf_path_edit.setText(str(export_helpers.default_pdf_path(self.draft, self.library)))

    def showEvent(self, event: QShowEvent) -> None:
        """Called by Qt when the page is shown: keep the summary current, and Save PDF in view
        when it scrolls with the page (the title may scroll away instead)."""
        self._show_summary()
        super().showEvent(event)
        QTimer.singleShot(0, self, self._save_button_in_view)

    def _save_button_in_view(self) -> None:
        if self.panel_fold.folded and self.isVisible():
            self.scroll_area.ensureWidgetVisible(self.save_pdf_button, 0, 12)

    def prepare(self) -> Iterator[None]:
        """Show the summary of the draft as it is now (``ui.preparation``, in idle time)."""
        self._show_summary()
        yield

    def _show_summary(self) -> None:
        """Show the summary: the labels are kept and only their texts change, unless the
        number of parts changed (a photo or an offer added, say)."""
        lines = summary_lines(self.draft, self.library)
        if len(lines) != len(self._summary_labels):
            clear_layout(self._summary_box)
            self._summary_labels = []
            for n, (heading, text) in enumerate(lines):
                if n:
                    self._summary_box.addSpacing(8)
                pair = (plain_label(heading, role="strong"), plain_label(text, selectable=True))
                self._summary_box.addWidget(pair[0])
                self._summary_box.addWidget(pair[1])
                self._summary_labels.append(pair)
            page_changed(self)
            return
        for (heading, text), (heading_label, text_label) in zip(lines, self._summary_labels):
            heading_label.setText(heading)
            text_label.setText(text)

    # --- actions --------------------------------------------------------------------------
    def choose_pdf_path(self) -> None:
        """Ask where to save the PDF (the system's Save dialog)."""
        start = self.pdf_path_edit.text().strip() or str(
            export_helpers.default_pdf_path(self.draft, self.library)
        )
        path, _ = QFileDialog.getSaveFileName(self, "Save the PDF as", start, PDF_FILTER)
        if not path:
            return
        try:
            chosen = export_helpers.with_suffix(path, ".pdf")
        except export_helpers.NotAFileName as exc:
            self._show_status(str(exc), error=True)
            return
        self.pdf_path_edit.setText(str(chosen))
        if not export_helpers.replaces_unasked(path, chosen):
            self._confirmed_path = chosen  # the dialog already asked about replacing it

    def save_pdf(self) -> Path | None:
        """Make the PDF at the chosen path; show the outcome on the page."""
        text = self.pdf_path_edit.text().strip()
        if not text:
            self._show_status("Please choose where to save the PDF first.", error=True)
            return None
        try:
            folder = export_helpers.default_pdf_path(self.draft, self.library).parent
            path = export_helpers.typed_path(text, ".pdf", folder)
        except export_helpers.NotAFileName as exc:
            self._show_status(
                (
                    "That is a folder, not a file name. Please type a name for the PDF, "
                    "ending in .pdf, or press “Choose…”."
                )
                if exc.folder
                else str(exc),
                error=True,
            )
            return None
        unasked = _is_file(path) and path != self._confirmed_path
        if unasked and not dialogs.confirm_replace(self, path, "PDF"):
            return None
        import exports
        from ui.pdf_saving import KEPT, save_pdf

        self._show_status(SAVING_PDF, error=False)
        try:
            saved = save_pdf(self, self.draft, path, self.library, self.pack_options.options())
        except exports.ExportError as exc:
            saved = None
            self._show_status(str(exc), error=True)
        else:
            if saved is None:
                self._show_status(KEPT, error=False)
        if saved is None:
            self.open_pdf_button.hide()
            self.show_folder_button.hide()
            return None
        self.saved_pdf = saved
        self._saved_from = self.draft.snapshot()
        self._confirmed_path = saved
        self.pdf_path_edit.setText(str(saved))
        self._show_status(f"Your PDF pack was saved to:\n{saved}", error=False)
        self.open_pdf_button.show()
        self.show_folder_button.show()
        self.open_pdf_button.setFocus()
        QTimer.singleShot(0, self, self._status_in_view)
        return saved

    def _status_in_view(self) -> None:
        """The words saying where the PDF went, in view when the panel scrolls with the page
        (with large text they were below the buttons, out of sight)."""
        if self.panel_fold.folded and self.isVisible():
            self.scroll_area.ensureWidgetVisible(self.status_label, 0, 12)

    def open_pdf(self) -> None:
        """Open the saved PDF in the computer's PDF viewer."""
        if self.saved_pdf is not None:
            open_file(self.saved_pdf)

    def show_pdf_folder(self) -> None:
        """Open the folder holding the saved PDF in the computer's file manager."""
        if self.saved_pdf is not None:
            show_in_folder(self.saved_pdf)

    def _path_edited(self, _text: str) -> None:
        self._confirmed_path = None
        self.open_pdf_button.hide()
        self.show_folder_button.hide()
        self.status_label.hide()
        self.error_label.hide()

    def _show_status(self, text: str, *, error: bool) -> None:
        """Show the outcome: a notice on success, a red message on failure."""
        shown, hidden = (
            (self.error_label, self.status_label)
            if error
            else (self.status_label, self.error_label)
        )
        hidden.hide()
        shown.setText(text)
        shown.show()
