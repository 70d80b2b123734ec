"""A 0-10 score input for the "About your skin" page (the list of tried treatments is in
``ui.tried_treatments``)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QPushButton,
    QWidget,
)

from ui.flow_layout import FlowLayout
from ui.widgets import KeyButton, page_changed

SCORE_WORDS = {0: "none", 10: "worst"}
#: Said with each score button: Tab stops at one button a row.
SCORE_KEYS = "The left and right arrow keys choose another score, or Not answered."


#: Keys that move the choice along a score row, and by how many buttons (None: to an end).
_STEPS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Home: None,
    Qt.Key.Key_End: None,
}


class _ScoreRow(FlowLayout):
    """The buttons 0 to 10 and "Not answered", wrapping evenly (0-5 and 6-10) with large text.

    When 0 to 10 take two lines or more and "Not answered" has no room after 10, it has a
    line of its own: there it is as wide as the widest line of numbers, so the three lines
    make one block, not two rows of numbers and a button left over under them. (Under 0 to
    10 on one line, it keeps its own width: as wide as the whole row would be far too wide.)
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, spacing=4, balanced=11)
        self.setContentsMargins(0, 0, 0, 0)

    def setGeometry(self, rect: QRect) -> None:
        """Called by Qt to place the buttons inside ``rect``; then "Not answered" is widened
        if it is alone under lines of numbers."""
        super().setGeometry(rect)
        items = [self.itemAt(n) for n in range(self.count())]
        items = [item for item in items if item is not None and not item.isEmpty()]
        if len(items) != 12:  # the numbers and "Not answered", all shown
            return
        *numbers, last = (item.geometry() for item in items)
        tops = {place.top() for place in numbers}
        if len(tops) < 2 or last.top() <= max(tops):
            return  # 0 to 10 on one line, or "Not answered" after 10
        left = min(place.left() for place in numbers)
        right = max(place.right() for place in numbers)
        if right - left + 1 > last.width():
            items[-1].setGeometry(QRect(left, last.top(), right - left + 1, last.height()))


class _ScoreButton(KeyButton):
    """One button of a score row, telling the row of its keys and focus changes."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Called by Qt when the button gets the focus."""
        super().focusInEvent(event)
        self._owner.focus_moved()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Called by Qt when the button loses the focus."""
        super().focusOutEvent(event)
        self._owner.focus_moved()


class ScoreInput(QWidget):
    """A 0-10 score as a row of large buttons, plus "Not answered" (the default).

    The row is one stop for Tab, as a group of round choice buttons is: Tab goes to the
    chosen button (at first "Not answered") and then on past the row, not through all twelve.
    The arrow keys choose the button before or after, Home and End the first and last; a
    click chooses any.
    """

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(f"{label}, 0 to 10")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = _ScoreRow(self)  # wraps evenly with large text
        self.buttons: list[QPushButton] = []
        for n in range(11):
            button = _ScoreButton(str(n), self)
            button.setObjectName("score")
            button.setCheckable(True)
            word = SCORE_WORDS.get(n)
            button.setAccessibleName(f"{label}: {n} out of 10" + (f" ({word})" if word else ""))
            button.setAccessibleDescription(SCORE_KEYS)
            self._group.addButton(button, n)
            self.buttons.append(button)
            row.addWidget(button)
        self.not_answered = _ScoreButton("Not answered", self)
        self.not_answered.setCheckable(True)
        self.not_answered.setAccessibleName(f"{label}: not answered")
        self.not_answered.setAccessibleDescription(SCORE_KEYS)
        self._group.addButton(self.not_answered, -2)
        row.addWidget(self.not_answered)
        self.not_answered.setChecked(True)
        self._group.idToggled.connect(self._toggled)
        self._stop: QPushButton | None = None  # the button Tab stops at
        self._one_tab_stop()

    def order(self) -> list[QPushButton]:
        """The buttons as they are laid out: 0 to 10, then "Not answered"."""
        return [*self.buttons, self.not_answered]

    def _one_tab_stop(self) -> None:
        """Only the chosen button takes Tab, in the place of the one chosen before; the others
        still take a click."""
        chosen = self.chosen()
        before = self._stop
        moved = False
        for button in self.order():
            policy = Qt.FocusPolicy.StrongFocus if button is chosen else Qt.FocusPolicy.ClickFocus
            if button.focusPolicy() != policy:
                button.setFocusPolicy(policy)
                moved = True
        if not moved and before is chosen:
            return
        if before is not None and before is not chosen:
            # At once, so a Tab pressed straight after an arrow key leaves the row; the page
            # redoes its tab order later (ui.focus), and finds this in place. Not
            # setFocusProxy: Qt moves a focus proxy in the focus chain, behind the back of the
            # page's tab order.
            QWidget.setTabOrder(before, chosen)
        self._stop = chosen
        page_changed(self)

    def chosen(self) -> QPushButton:
        """The chosen button ("Not answered" if no score), the one Tab stops at."""
        return self._group.checkedButton() or self.not_answered

    def focus_moved(self) -> None:
        """A button got or lost the focus. Qt moves a button group's Tab stop to any button
        that gets the focus (a right click, a press dragged off): the chosen button takes it
        back afterwards."""
        QTimer.singleShot(0, self, self._one_tab_stop)

    def key_pressed(self, button: QPushButton, event: QKeyEvent) -> bool:
        """A key pressed on ``button``: the arrow keys, Home and End choose; True if used."""
        if event.key() not in _STEPS or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        order = self.order()  # (``button`` is one of them: only this row makes its buttons)
        step = _STEPS[Qt.Key(event.key())]
        if step is None:
            target = order[0] if event.key() == Qt.Key.Key_Home else order[-1]
        else:
            # Right on "Not answered" (the last) goes round to 0; elsewhere the ends stop,
            # so holding an arrow key never goes round into clearing the score.
            at = order.index(button)
            target = order[0] if at == len(order) - 1 and step > 0 else order[max(0, at + step)]
        if not target.isChecked():
            target.setChecked(True)
        target.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def value(self) -> int | None:
        """The chosen score, or None for "not answered"."""
        n = self._group.checkedId()
        return n if 0 <= n <= 10 else None

    def set_value(self, value: int | None) -> None:
        """Show ``value`` (None: not answered)."""
        button = self.not_answered if value is None else self.buttons[value]
        button.setChecked(True)

    def _toggled(self, _id: int, on: bool) -> None:
        if on:
            self._one_tab_stop()
            self.changed.emit()
