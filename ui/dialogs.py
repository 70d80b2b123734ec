"""Message boxes that always show plain text.

Qt's static ``QMessageBox.warning()`` and friends guess whether a message is rich text, so a
file called ``<b>notes</b>.consultprep`` would be shown as markup. These never guess.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


def message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = Icon.Information,
    buttons: QMessageBox.StandardButton = Button.Ok,
    default: QMessageBox.StandardButton = Button.NoButton,
) -> QMessageBox:
    """A plain-text message box, not yet shown."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(buttons)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    discard = box.button(Button.Discard)
    if discard is not None:
        discard.setText("Do&n't save")  # plainer than "Discard"
    # Qt's own label name: keep lines from getting narrow and tall.
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 420px; }")
    return box


def show_message(
    parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon = Icon.Information
) -> None:
    """Show a plain-text message with an OK button and wait for it to be closed."""
    message_box(parent, title, text, icon).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Show a plain-text warning (something could not be done, and why)."""
    show_message(parent, title, text, Icon.Warning)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
    labels: dict[QMessageBox.StandardButton, str] | None = None,
) -> QMessageBox.StandardButton:
    """Ask a plain-text question; return the button pressed.

    ``labels`` gives buttons plainer words (``{Button.Yes: "&Recover"}``); the answer is still
    the standard button, so callers and tests compare with ``Button.Yes``.
    """
    box = message_box(parent, title, text, Icon.Question, buttons, default)
    for which, label in (labels or {}).items():
        button = box.button(which)
        if button is not None:
            button.setText(label)
    result = box.exec()
    clicked = box.clickedButton()
    if clicked is not None:
        return box.standardButton(clicked)
    return Button(result) if result in {b.value for b in Button} else Button.Cancel
