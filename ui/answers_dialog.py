"""Answers from your appointment: for each question in the pack, "I asked this" and what the
patient was told, typed in the app.

The PDF pack's form fields do the same on screen (File ▸ Import answers from a filled-in PDF…),
but a patient who wrote on the printout, or was told things on the telephone, had nowhere in
the app to put them. The answers go into the draft only when "Keep these answers" is pressed;
closing the window with answers typed asks first, so nothing typed is lost without a word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from consultprep.answers import ToNote, note_answers, questions_to_note
from consultprep.labels import shorten
from consultprep.models import as_shown
from ui import dialogs
from ui.fields import text_box
from ui.help import fit_to_text
from ui.widgets import (
    HEADING,
    HINT,
    SUBHEADING,
    ScrollContent,
    big_button,
    card,
    plain_label,
    scrolling,
)

if TYPE_CHECKING:
    from consultprep.content import Library
    from consultprep.models import ChecklistItem, Draft

TITLE = "Answers from your appointment"
#: The pages' button (File ▸ says "Write down answers from your appointment…"), and above it.
NOTE_BUTTON = "&Write down answers…"
# (Not "tick the ones you asked" on "Your questions", where a tick means "I want to ask this".)
NOTE_ANSWERS_HINT = (
    "After your appointment, press “Write down answers…” to note what you were told about "
    "each question."
)
INTRO = (
    "Write down what you were told, while you still remember it. Tick “I asked this” for each "
    "question you asked. You do not have to fill in every box. Press “Keep these answers”, "
    "then save your draft. Your answers are printed the next time you save your PDF pack."
)
NO_QUESTIONS = (
    "You have not chosen any questions yet. Choose them at step 6, “Your questions”, first."
)
CLINIC_HEADING = "Questions for the clinic"
CLINIC_NOTE = "Your pack lists these under “Questions for the clinic”."
NOT_IN_PACK_HEADING = "Not on your list now"
NOT_IN_PACK = (
    "You noted something about these before. They are not on your list now, so they are not "
    "printed. Tick them at step 6, “Your questions”, to print them again."
)
ASKED = "I asked this"  # (no Alt letter: every question has one)
KEEP = "&Keep these answers"
LEAVE_TITLE = "Keep the answers you typed?"
LEAVE = "You have typed or ticked something here. Keep these answers in your draft?"


class AnswersDialog(QDialog):
    """One card per question: its words, an "I asked this" tick and a box for the answer."""

    #: A tick or a letter changed (the window's answers go in the safety copy).
    typed = Signal()

    def __init__(self, to_note: ToNote, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleDescription(INTRO)  # (the focus starts on the first tick, after it)
        self.rows: dict[str, tuple[QCheckBox, QPlainTextEdit]] = {}
        self._first = {i.id: (i.asked, as_shown(i.answer)) for i in to_note.all()}
        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(plain_label(TITLE, role=HEADING))
        layout.addWidget(plain_label(INTRO, role=HINT))
        number = 0  # numbered on through the groups, as the pack prints them (not the last)
        for heading, note, items in (
            ("", "", to_note.specialist),
            (CLINIC_HEADING, CLINIC_NOTE, to_note.clinic),
            (NOT_IN_PACK_HEADING, NOT_IN_PACK, to_note.held),
        ):
            if items and heading:
                layout.addWidget(plain_label(heading, role=SUBHEADING))
                layout.addWidget(plain_label(note, role=HINT))
            for item in items:
                printed = items is not to_note.held
                if printed:
                    number += 1
                layout.addWidget(self._card(number if printed else None, item, heading))
        layout.addStretch(1)
        self.scroll_area = scrolling(content, TITLE)
        buttons = QDialogButtonBox()
        self.keep_button = buttons.addButton(KEEP, QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button.setAccessibleName("Keep these answers")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("&Cancel")
        cancel.setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(buttons)
        fit_to_text(self, (80, 34), (1200, 1000))
        if self.rows:  # (else the scroll area had the focus: one more Tab for nothing)
            next(iter(self.rows.values()))[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _card(self, number: int | None, item: ChecklistItem, group: str) -> QWidget:
        """A question's card: numbered as printed (None: not printed), in ``group`` (a
        heading, or "": the specialist's), which a screen reader hears on its controls."""
        frame, column = card()
        shown = f"{number}. {item.text}" if number is not None else item.text
        column.addWidget(plain_label(shown, role="strong", selectable=True))
        short = shorten(item.text, 80)
        which = f"question {number}" if number is not None else "not printed"
        asked = QCheckBox(ASKED)  # (named as shown first, for voice control: "I asked this")
        asked.setAccessibleName(f"I asked this, {which}: {short}")
        asked.setAccessibleDescription(group)
        asked.setChecked(item.asked)
        column.addWidget(asked)
        box = text_box(f"What you were told, {which}: {short}", 3, grow_to=10)
        box.setAccessibleDescription(group)
        box.setPlaceholderText("What you were told")
        box.setPlainText(item.answer)
        asked.toggled.connect(self.typed)
        box.textChanged.connect(self.typed)
        column.addWidget(box)
        self.rows[item.id] = (asked, box)
        return frame

    def noted(self) -> dict[str, tuple[bool, str]]:
        """What the window holds now: question id: (asked, answer)."""
        return {
            item_id: (asked.isChecked(), as_shown(box.toPlainText()))
            for item_id, (asked, box) in self.rows.items()
        }

    def changed(self) -> bool:
        """True if anything was ticked, unticked or typed since the window opened."""
        return self.noted() != self._first

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Called by Qt for keys no control took: Enter presses a button only when it has the
        focus (on a tick box it pressed "Keep these answers" and closed the window: a
        walk-through; a text box takes Enter as a new line before this)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not isinstance(self.focusWidget(), QPushButton):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Cancel, Escape or closing the window: ask first if something was typed or ticked
        ("Keep" keeps it, as if "Keep these answers" was pressed)."""
        if not self.changed():
            super().reject()
            return
        button = QMessageBox.StandardButton
        answer = dialogs.ask(
            self,
            LEAVE_TITLE,
            LEAVE,
            button.Save | button.Discard | button.Cancel,
            button.Save,
            {
                button.Save: "&Keep them",
                button.Discard: "Do&n't keep them",
                button.Cancel: "&Go back",
            },
        )
        if answer == button.Save:
            self.accept()
        elif answer == button.Discard:
            super().reject()


def note_button(page: QWizardPage) -> QPushButton:
    """The "Write down answers…" button of a page (the questions page, where answers are
    shown, and "Are you ready to decide?"): it opens the window (``ConsultWizard.note_answers``,
    which shows the pages again)."""
    button = big_button(NOTE_BUTTON, "Write down answers from your appointment")
    button.setAccessibleDescription(NOTE_ANSWERS_HINT)
    # As wide as its words in a column of the page (not stretched across it)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    button.clicked.connect(lambda: getattr(page.wizard(), "note_answers", int)())
    return button


def note_in_dialog(
    parent: QWidget,
    draft: Draft,
    library: Library,
    watch: Callable[[AnswersDialog], None] | None = None,
) -> int:
    """Show the answers window for ``draft``'s questions (given to ``watch`` first); record
    what is kept. Returns how many questions changed (0 if none, or it was cancelled)."""
    to_note = questions_to_note(draft, library)
    if not to_note.all():
        dialogs.show_message(parent, TITLE, NO_QUESTIONS)
        return 0
    window = AnswersDialog(to_note, parent)
    window.setWindowModality(Qt.WindowModality.WindowModal)
    if watch is not None:
        watch(window)
    kept = window.exec() == QDialog.DialogCode.Accepted
    noted = window.noted()
    window.deleteLater()  # (a hidden window at each opening, kept until the wizard went)
    return note_answers(draft, noted) if kept else 0
