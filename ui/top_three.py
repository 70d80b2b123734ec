"""Parts of the questions page: the card of the patient's top three questions, and the
"Add your own question" row (which scrolls with the list when space is short)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from consultprep.models import MAX_TOP
from ui.field_row import FieldRow
from ui.fields import line_edit
from ui.widgets import HINT, PAGE_MARGIN, SUBHEADING, big_button, card, plain_label

NO_TOP = (
    "None chosen yet. Press “☆ Top 3” beside up to three questions you most want answered. "
    "They will be printed first."
)


def words(n: int) -> str:
    """1 to 3 in words ("one"), any other number in figures."""
    return {1: "one", 2: "two", 3: "three"}.get(n, str(n))


def more_top(chosen: int) -> str:
    """The hint under a top three that is not full yet ("" once it is)."""
    left = MAX_TOP - chosen
    if chosen == 0:
        return NO_TOP
    if left <= 0:
        return ""
    return f"You can choose {words(left)} more with “☆ Top 3”."


class TopThree(QObject):
    """The card that shows the top questions chosen so far (``frame``), with a hint until
    all three are chosen."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.frame, box = card()
        box.addWidget(plain_label(f"Your top {words(MAX_TOP)} questions", role=SUBHEADING))
        self.labels: list[QLabel] = []  # each question's words,
        self.numbers: list[QLabel] = []  # beside its number (a wrapped line starts under
        for n in range(MAX_TOP):  # the words, not under the number)
            number = plain_label(f"{n + 1}.")
            number.setWordWrap(False)
            label = plain_label(selectable=True)
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(label, 1)
            self.numbers.append(number)
            self.labels.append(label)
            box.addLayout(line)
        self.hint_label = plain_label(NO_TOP, role=HINT)
        box.addWidget(self.hint_label)

    def show_top(self, texts: list[str]) -> None:
        """Show ``texts``, the top questions in order."""
        for n, (number, label) in enumerate(zip(self.numbers, self.labels, strict=True)):
            number.setVisible(n < len(texts))
            label.setVisible(n < len(texts))
            label.setText(texts[n] if n < len(texts) else "")
        hint = more_top(len(texts))
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))


class AddQuestionPanel(QWidget):
    """The row "Add your own question:", its box and the Add button (``add_requested`` on
    a press or Enter). Moving the focus into the box by keyboard (Alt+O, Tab) asks to be
    scrolled into view (``wants_view``), which matters while the row scrolls with the list."""

    add_requested = Signal()
    wants_view = Signal()

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(PAGE_MARGIN, 0, PAGE_MARGIN, 0)
        self.edit: QLineEdit = line_edit(
            "Your own question",
            "Type your question",  # short: still whole at 200 % text
        )
        label = plain_label("Add your &own question:")
        label.setBuddy(self.edit)
        label.setWordWrap(False)
        self.button = big_button("&Add", "Add your own question")
        self.edit.returnPressed.connect(self.button.click)
        self.button.clicked.connect(self.add_requested)
        self.fields = FieldRow(label, self.edit, self.button)
        row.addWidget(self.fields)  # (the label goes above them when they are cramped)
        self.edit.installEventFilter(self)

    def height_at(self, width: int) -> int:
        """The height the panel takes in a page ``width`` pixels wide (``ui.responsive``)."""
        return self.fields.height_at(width - 2 * PAGE_MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the box's events (see the class docstring)."""
        if (
            watched is self.edit
            and event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.MouseFocusReason
        ):
            self.wants_view.emit()
        return super().eventFilter(watched, event)
