"""Choices whose text wraps: a tick box or radio button with its text beside it, and notes.

Qt's own tick boxes and radio buttons cannot wrap their text, so the text is a label beside
the button (``ClickLabel``) that clicks it when clicked. Its first line is lined up with the
button's middle, so one line and several start alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from ui.widgets import CARD, HINT, SUBHEADING, PlainLabel


def one_tab_stop(group: QButtonGroup) -> Callable[..., None]:
    """Make Tab stop at ``group``'s chosen button (its first if none is), now and whenever the
    choice changes; the arrow keys move between them. Qt gives the stop to the button that
    last had the focus: after a draft was opened, Tab went to the first button, not the chosen
    one, and Space there changed the answer. Returns what sets the stop (call it again after
    adding buttons)."""

    def set_stop(*_args: object) -> None:
        buttons = group.buttons()
        chosen = group.checkedButton() or (buttons[0] if buttons else None)
        for button in buttons:
            strong = button is chosen
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if strong else Qt.FocusPolicy.ClickFocus
            )

    group.buttonToggled.connect(set_stop)
    set_stop()
    return set_stop


#: Events after which a ``ClickLabel`` beside its button lines up with it again.
_LINE_UP_AGAIN = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange})


class ClickLabel(PlainLabel):
    """A plain label that clicks a button when clicked, so the whole text is a target.

    ``beside``: the label is the button's text, to its right, both at the top of their grid
    rows (the button spanning the rows of any notes below). The label's first line is lined
    up with the middle of the button by a top margin, so a one-line text and a text of
    several lines start the same way and the note below follows each as closely. (The
    button alone in the first row made that row as tall as the button: a one-line text was
    centred in it, with a gap before its note that a longer text did not have.)
    """

    clicked = Signal()

    def __init__(
        self, text: str, target: QAbstractButton, *, role: str | None = None, beside: bool = False
    ) -> None:
        super().__init__()
        self.setText(text)
        self.setWordWrap(True)
        if role:
            self.setObjectName(role)
        self.setBuddy(target)
        self._target = target
        self._beside = beside
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if beside:
            self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def changeEvent(self, event: QEvent) -> None:
        """Called by Qt when the font or style changes (styling a label gives it its font):
        the first line is lined up with the button again. (Not ``event()``: Python would be
        called for every one of the label's events, hundreds each time a page is shown.)"""
        super().changeEvent(event)
        if self._beside and event.type() in _LINE_UP_AGAIN:
            self._line_up()

    def _line_up(self) -> None:
        top = max(0, (self._target.sizeHint().height() - self.fontMetrics().lineSpacing()) // 2)
        if self.contentsMargins().top() != top:
            self.setContentsMargins(0, top, 0, 0)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Called by Qt when a mouse button is released over the label."""
        if event.button() == Qt.MouseButton.LeftButton and self._target.isEnabled():
            self._target.click()
            self._target.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


def beside_grid(
    owner: QWidget, button: QAbstractButton, label: ClickLabel, margins: int | tuple, spacing: int
) -> QGridLayout:
    """The grid of a button with its text (a ``ClickLabel`` made ``beside`` it) on ``owner``:
    the button at the top left, spanning the text's row and the row of any note below it
    (row 1, column 1), so the text lines up with it (``margins``: one for all sides, or
    left, top, right, bottom; ``spacing``: between the text and its note)."""
    grid = QGridLayout(owner)
    grid.setContentsMargins(*((margins,) * 4 if isinstance(margins, int) else margins))
    grid.setHorizontalSpacing(0)  # the button keeps its own gap (the style sheet's spacing)
    grid.setVerticalSpacing(spacing)
    button.setObjectName("beside")  # its gap before the label: see ui.theme_qt
    grid.addWidget(button, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
    grid.addWidget(label, 0, 1)
    grid.setColumnStretch(1, 1)
    return grid


class ChoiceCard(QFrame):
    """A large choice: a radio button, a bold name and a plain description; click anywhere.

    The name and description wrap, so long content text is never clipped.
    """

    def __init__(self, name: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(CARD)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.radio = QRadioButton()
        self.radio.setAccessibleName(name)
        self.radio.setAccessibleDescription(description)
        self.name_label = ClickLabel(name, self.radio, role=SUBHEADING, beside=True)
        self.description_label = ClickLabel(description, self.radio)
        grid = beside_grid(self, self.radio, self.name_label, (12, 10, 12, 10), 4)
        grid.addWidget(self.description_label, 1, 1)
        grid.setRowStretch(2, 1)  # spare height goes below the text, not between
        self.radio.toggled.connect(self._show_selected)

    def _show_selected(self, on: bool) -> None:
        self.setProperty("selected", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Called by Qt when the card is clicked outside its labels: choose it."""
        if event.button() == Qt.MouseButton.LeftButton and not self.radio.isChecked():
            self.radio.click()
            self.radio.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class LabelledCheck(QWidget):
    """A tick box with wrapping plain text beside it and an optional grey line beneath.

    ``QCheckBox`` text cannot wrap, so content text goes in a label that ticks the box when
    clicked. The box's accessible name is the text, its description the explanation.
    """

    def __init__(self, text: str, explanation: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.check.setAccessibleName(text)
        if explanation:
            self.check.setAccessibleDescription(explanation)
        self.label = ClickLabel(text, self.check, beside=True)
        grid = beside_grid(self, self.check, self.label, 0, 2)
        self.explanation_label: QLabel | None = None
        if explanation:
            self.explanation_label = ClickLabel(explanation, self.check, role=HINT)
            grid.addWidget(self.explanation_label, 1, 1)
        grid.setRowStretch(2, 1)  # given more height (a grid row beside a taller item): at the top
