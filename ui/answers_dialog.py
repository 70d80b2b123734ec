"""Answers from your appointment: for each question in the pack, "I asked this" and what the
patient was told, typed in the app.

The PDF pack's form fields do the same on screen (File ▸ Import answers from a filled-in PDF…),
but a patient who wrote on the printout, or was told things on the telephone, had nowhere in
the app to put them. The answers go into the draft only when "Keep these answers" is pressed;
closing the window with answers typed asks first, so nothing typed is lost without a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultprep.answers import note_answers, questions_to_note
from consultprep.labels import shorten
from ui import dialogs
from ui.fields import text_box
from ui.help import fit_to_text
from ui.widgets import HEADING, HINT, ScrollContent, card, plain_label, scrolling

if TYPE_CHECKING:
    from consultprep.models import ChecklistItem, Draft

TITLE = "Answers from your appointment"
INTRO = (
    "Write down what you were told, while you still remember it. Tick “I asked this” for each "
    "question you asked. You do not have to fill in every box. Your answers are kept in your "
    "draft when you save it, and printed in your PDF pack."
)
NO_QUESTIONS = (
    "There are no questions in your pack yet, so there is nothing to note answers to. Choose "
    "the questions you want to ask on the “Your questions” page first."
)
NOT_IN_PACK = "Not in your pack now, but you noted something about it before."
ASKED = "I asked this"  # (no Alt letter: every question has one)
KEEP = "&Keep these answers"
LEAVE_TITLE = "Keep the answers you typed?"
LEAVE = "You have typed or ticked something here. Keep it in your draft?"


class AnswersDialog(QDialog):
    """One card per question: its words, an "I asked this" tick and a box for the answer."""

    def __init__(self, items: list[ChecklistItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.rows: dict[str, tuple[QCheckBox, QPlainTextEdit]] = {}
        self._first = {i.id: (i.asked, i.answer.strip()) for i in items}
        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(plain_label(TITLE, role=HEADING))
        layout.addWidget(plain_label(INTRO, role=HINT))
        for number, item in enumerate(items, 1):
            layout.addWidget(self._card(number, item))
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

    def _card(self, number: int, item: ChecklistItem) -> QWidget:
        frame, column = card()
        words = plain_label(f"{number}. {item.text}", role="strong", selectable=True)
        column.addWidget(words)
        if not item.included:
            column.addWidget(plain_label(NOT_IN_PACK, role=HINT))
        short = shorten(item.text, 80)
        asked = QCheckBox(ASKED)
        asked.setAccessibleName(f"I asked question {number}: {short}")
        asked.setChecked(item.asked)
        column.addWidget(asked)
        box = text_box(f"What you were told, question {number}: {short}", 3, grow_to=10)
        box.setPlaceholderText("What you were told")
        box.setPlainText(item.answer)
        column.addWidget(box)
        self.rows[item.id] = (asked, box)
        return frame

    def noted(self) -> dict[str, tuple[bool, str]]:
        """What the window holds now: question id: (asked, answer)."""
        return {
            item_id: (asked.isChecked(), box.toPlainText().strip())
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
            {button.Save: "&Keep them", button.Discard: "Do&n't keep them", button.Cancel: "&Go back"},
        )
        if answer == button.Save:
            self.accept()
        elif answer == button.Discard:
            super().reject()


def note_in_dialog(parent: QWidget, draft: Draft) -> int:
    """Show the answers window for ``draft``'s questions; record what is kept. Returns how
    many questions changed (0 if none, or the window was cancelled)."""
    items = questions_to_note(draft)
    if not items:
        dialogs.show_message(parent, TITLE, NO_QUESTIONS)
        return 0
    window = AnswersDialog(items, parent)
    window.setWindowModality(Qt.WindowModality.WindowModal)
    if window.exec() != QDialog.DialogCode.Accepted:
        return 0
    return note_answers(draft, window.noted())
