"""One question on the checklist: include it, mark it top three, move it, remove your own.

The Top 3, Up and Down buttons line up from row to row: the Top 3 button is as wide as its
wider text ("★ In top 3") in either state. "Remove" (on the patient's own questions only) is
with them, on a line of its own under Top 3: in line with the other rows' buttons, not in the
column of question text, where it broke into the text and its note. With large text the
buttons go under the question, where the three fit on one line, and "Remove" under them.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from consultprep.labels import one_line, shorten
from consultprep.models import ChecklistItem
from ui.choices import ClickLabel, beside_grid
from ui.flow_layout import FlowLayout
from ui.widgets import CARD, HINT, plain_label

SOURCE_NOTES = {
    "own": "Your own question.",
    # (a warning sign ticked, or an offer abroad: the questions about going abroad)
    "red_flag": "Added because of your answers about the clinic's offer.",
    "condition": "Added because of a box you ticked under “Your health”.",
    "readiness": "Added because you answered “Not yet” in the readiness check.",
}

#: Under a question to ask the clinic that made the offer
#: (``consultprep.checklist.for_specialist_and_clinic``).
FOR_CLINIC = "A question for the clinic: the PDF lists it under “Questions for the clinic”."

#: Under a question kept though it no longer goes with the answers (it was chosen).
KEPT = (
    "Kept because you chose it, or wrote an answer to it, before your answers changed. It "
    "may not fit now. You can untick it."
)


#: The Top 3 button's text when the question is in the top three, and when it is not.
IN_TOP = "★ In top 3"
NOT_TOP = "☆ Top 3"


def _selected(item: ChecklistItem) -> str:
    return "true" if item.top and item.included else "false"


def _text_style(item: ChecklistItem) -> str:
    return "question" if item.included else "question_off"


def _restyle(widget: QWidget, name: str, value: str) -> None:
    """Set the object name or property the style sheet looks at, and restyle if it changed."""
    if name == "objectName":
        if widget.objectName() == value:
            return
        widget.setObjectName(value)
    else:
        if widget.property(name) == value:
            return
        widget.setProperty(name, value)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def _small_button(text: str, accessible_name: str, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    if tip:
        button.setToolTip(tip)
    return button


class TopButton(QPushButton):
    """The Top 3 button: as wide as the wider of its two texts, whichever it shows, so it
    does not change size when pressed and the buttons after it line up with other rows'."""

    def sizeHint(self) -> QSize:
        """Called by Qt layouts: the size for the wider text, at the current font and style."""
        hint = super().sizeHint()
        option = QStyleOptionButton()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        width = hint.width()
        for text in (IN_TOP, NOT_TOP):  # as QPushButton.sizeHint measures its own text
            size = metrics.size(Qt.TextFlag.TextShowMnemonic, text)
            option.text = text
            option.rect.setSize(size)
            need = self.style().sizeFromContents(
                QStyle.ContentsType.CT_PushButton, option, size, self
            )
            width = max(width, need.width())
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:
        """Called by Qt layouts: never narrower than its wider text."""
        return self.sizeHint()


def noted(item: ChecklistItem) -> str:
    """What was noted of a question at the appointment (in the app, or in the filled-in PDF
    and imported): shown under it, so that it is seen before the next PDF is made."""
    answer = one_line(item.answer, sentences=True)  # (as on "Check and save")
    said = f"Answer noted: {shorten(answer, 200)}" if answer else ""
    return f"Ticked as asked. {said}".strip() if item.asked else said


class Place(NamedTuple):
    """Where a question is in the list, and whether it is ``kept``: it no longer goes with
    the draft's answers (another skin problem chosen since, say), and stays only because the
    patient chose it."""

    first: bool
    last: bool
    number: int
    kept: bool = False
    for_clinic: bool = False  # printed under "Questions for the clinic" (said under it)


class QuestionRow(QFrame):
    """The widgets for one checklist item. The page connects the signals.

    ``show_item`` brings the row up to date when the item changes or moves, so the page
    keeps its rows (and the keyboard focus in them) instead of making new ones.
    """

    def __init__(self, item: ChecklistItem, why: str, place: Place) -> None:
        super().__init__()
        self.item_id = item.id
        self.setObjectName(CARD)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("selected", _selected(item))
        self._shown: tuple = ()

        self.include = QCheckBox()
        self.include.setChecked(item.included)
        self.text_label = ClickLabel(item.text, self.include, beside=True)
        self.text_label.setObjectName(_text_style(item))
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        grid = beside_grid(self, self.include, self.text_label, (12, 8, 12, 8), 2)
        self._grid = grid
        self.why_label: QLabel | None = None  # made by show_item if there is a note
        # Beside buttons taller than the question, the room left goes under its note.
        grid.setRowStretch(1, 1)

        self.buttons_box = QWidget()  # beside the text, or under it when the row is narrow
        box = QVBoxLayout(self.buttons_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        self._flow = FlowLayout(spacing=6)  # Top 3, Up and Down: lined up from row to row
        box.addLayout(self._flow)
        self.top_button = TopButton()
        self.top_button.setCheckable(True)
        self.up_button = _small_button("▲ Up", "", "Move this question up")
        self.down_button = _small_button("▼ Down", "", "Move this question down")
        self._flow.addWidget(self.top_button)
        self._flow.addWidget(self.up_button)
        self._flow.addWidget(self.down_button)
        self.remove_button: QPushButton | None = None
        if item.source == "own":  # under Top 3, so the three above line up with other rows'
            self.remove_button = _small_button("Remove", "", "Remove this question")
            box.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.show_item(item, why, place)
        self.buttons_below = False
        self.buttons_box.setMinimumWidth(self._flow.sizeHint().width())
        grid.setColumnMinimumWidth(2, 12)  # a gap between the text and the buttons
        grid.addWidget(self.buttons_box, 0, 3, 2, 1, Qt.AlignmentFlag.AlignTop)

    def show_item(self, item: ChecklistItem, why: str, place: Place) -> None:
        """Show ``item`` (its ticks, its place in the list) without signalling any change."""
        shown = (item.text, item.included, item.top, why, place, item.answer, item.asked)
        if shown == self._shown:
            return
        self._shown = shown
        first, last, number = place.first, place.last, place.number
        source = SOURCE_NOTES.get(item.source, "")
        note = " ".join(n for n in (why, source, FOR_CLINIC if place.for_clinic else "") if n)
        self._show_note("\n".join(n for n in (KEPT if place.kept else "", note, noted(item)) if n))
        short = item.text  # for the buttons' names: cut between words, never inside one
        if len(short) > 80:
            short = short[:79].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
        self.include.blockSignals(True)
        self.include.setChecked(item.included)
        self.include.blockSignals(False)
        self.include.setAccessibleName(f"Include question {number}: {item.text}")
        self.text_label.setText(item.text)
        _restyle(self.text_label, "objectName", _text_style(item))
        _restyle(self, "selected", _selected(item))
        self.top_button.blockSignals(True)
        self.top_button.setChecked(item.top)
        self.top_button.blockSignals(False)
        self.top_button.setText(IN_TOP if item.top else NOT_TOP)
        self.top_button.setAccessibleName(f"Top three: {short}")
        self.top_button.setToolTip(
            "Take this question out of your top three"
            if item.top
            else "Put this question in your top three"
        )
        self.up_button.setAccessibleName(f"Move up: {short}")
        self.down_button.setAccessibleName(f"Move down: {short}")
        self.up_button.setEnabled(not first)
        self.down_button.setEnabled(not last)
        if self.remove_button is not None:
            self.remove_button.setAccessibleName(f"Remove your question: {short}")

    def _show_note(self, text: str) -> None:
        """The note under the question (why ask it, where it came from, why it was kept), also
        the tick box's description for a screen reader and the question's tooltip."""
        self.include.setAccessibleDescription(text.replace("\n", " "))
        self.text_label.setToolTip(text)
        if self.why_label is None:
            if not text:
                return
            self.why_label = plain_label(role=HINT)
            self._grid.addWidget(self.why_label, 1, 1)
            self.why_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if self.why_label.text() != text:
            self.why_label.setText(text)
        self.why_label.setVisible(bool(text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Called by Qt when the row changes size: buttons go under the text if it is narrow."""
        super().resizeEvent(event)
        one_line = self._flow.sizeHint().width()  # Top 3, Up and Down side by side
        room = 30 * self.fontMetrics().averageCharWidth() + one_line
        below = event.size().width() < room + 60
        if below != self.buttons_below:
            self.buttons_below = below
            self._grid.removeWidget(self.buttons_box)
            if below:  # wrap under the text if need be
                self.buttons_box.setMinimumWidth(0)
                self._grid.addWidget(self.buttons_box, 2, 1)
            else:  # beside the text, on one line
                self.buttons_box.setMinimumWidth(one_line)
                self._grid.addWidget(self.buttons_box, 0, 3, 2, 1, Qt.AlignmentFlag.AlignTop)

    def buttons(self) -> dict[str, QPushButton | QCheckBox]:
        """This row's controls by role (used to keep keyboard focus after a rebuild)."""
        out: dict[str, QPushButton | QCheckBox] = {
            "include": self.include,
            "top": self.top_button,
            "up": self.up_button,
            "down": self.down_button,
        }
        if self.remove_button is not None:
            out["remove"] = self.remove_button
        return out
