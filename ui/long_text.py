"""A very long text from a draft: its field shows the start, and the rest is kept as it is.

A text box lays a paragraph out whole, and again whenever the box's width changes. A symptoms
text of 50 million letters in one paragraph (a file pasted into a draft, or a draft edited by
hand) took over 20 seconds to show, and as long again each time the window changed size. A
field given more than ``SHOWN_AT_MOST`` letters shows only their start; the rest is kept just
as it was, after what the field shows, and saved with it. A note under the field says so, with
a button to leave that rest out.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from ui import dialogs
from ui.fields import FieldNotice, LineBox
from ui.widgets import NOTICE, plain_label

#: A field shows at most this many letters of a text (about a hundred pages: laid out in a
#: few hundredths of a second).
SHOWN_AT_MOST = 200_000
#: The cut is moved back to the last space or line break within this many letters.
WORD_END_WITHIN = 1_000

#: Under a field that shows only the start of its text (and for screen readers, its note).
PART_SHOWN_NOTICE = (
    "This box shows the first {shown:,} of the {total:,} letters your draft holds here. "
    "Showing them all would make ConsultPrep very slow. The other {rest:,} letters are still "
    "kept, after what the box shows, and saved with it."
)


class LongTextNote(QWidget):
    """What ``field`` (a text box or a ``LineBox``) holds: the note under it says when it
    shows only the start of a very long text, and keeps the rest.

    Put the note under the field; it is hidden while the field shows all of its text.
    """

    #: The patient left out the part of the text that was not shown.
    changed = Signal()

    def __init__(self, field: QPlainTextEdit | QTextEdit) -> None:
        super().__init__()
        self._field = field
        self._notice = FieldNotice(field, pop_up=False)  # the note, read with the field
        self.rest = ""  # the part of the text the field does not show
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.label = plain_label(role=NOTICE)
        layout.addWidget(self.label, 1)
        self.leave_out_button = QPushButton("Leave out the rest")
        self.leave_out_button.setAutoDefault(True)  # as every button: Enter presses it
        self.leave_out_button.clicked.connect(self._leave_out)
        layout.addWidget(self.leave_out_button)
        self.hide()

    def set_text(self, text: str) -> None:
        """Show ``text`` in the field: all of it, or its start if it is very long."""
        cut = _cut(text)
        self.rest = text[cut:]
        if isinstance(self._field, LineBox):
            self._field.setText(text[:cut])  # (fitted to its lines)
        else:
            self._field.setPlainText(text[:cut])
        self._show_note(len(text))

    def text(self) -> str:
        """The whole text: what the field shows, then the rest it does not show."""
        return self._field.toPlainText() + self.rest

    def _show_note(self, total: int) -> None:
        note = None
        if self.rest:
            rest = len(self.rest)
            note = PART_SHOWN_NOTICE.format(shown=total - rest, total=total, rest=rest)
            self.label.setText(note)
            self.leave_out_button.setAccessibleName(f"Leave out the {rest:,} letters not shown")
        self._notice.show(note)
        self.setVisible(note is not None)

    def _leave_out(self) -> None:
        if not dialogs.confirm_remove(
            self,
            "Leave out the rest?",
            f"Take the {len(self.rest):,} letters this box does not show out of your draft? "
            "What the box shows is kept.",
        ):
            return
        self.rest = ""
        self._show_note(0)
        self._field.setFocus()
        self.changed.emit()


def _cut(text: str) -> int:
    """Where to cut ``text`` for a field: its length if it is not too long, else at most
    ``SHOWN_AT_MOST`` letters in, after a space or line break if there is one just before."""
    if len(text) <= SHOWN_AT_MOST:
        return len(text)
    start = SHOWN_AT_MOST - WORD_END_WITHIN
    space = max(text.rfind(" ", start, SHOWN_AT_MOST), text.rfind("\n", start, SHOWN_AT_MOST))
    return space + 1 if space >= 0 else SHOWN_AT_MOST
