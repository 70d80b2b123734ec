"""Message boxes that always show plain text.

Qt's static ``QMessageBox.warning()`` and friends guess whether a message is rich text, so a
file called ``<b>notes</b>.consultprep`` would be shown as markup. These never guess.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from consultprep.labels import shorten
from ui.widgets import breakable

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon

#: The narrowest a message's text may be: about this many letters, and at least this many
#: pixels (wider with a larger text size; never wider than most of the screen).
MIN_CHARS, MIN_PIXELS = 36, 420
#: How wide (in letters) a long message's text may grow before it scrolls instead.
WIDE_CHARS = 70
BOX_EXTRAS = 120  # a message box's picture and margins beside its text, in pixels
TOO_TALL = "too_tall"  # a message box's property: show_message shows a LongMessage instead


def readable(text: str) -> str:
    """``text`` with a "�" for each byte of a file name that is not UTF-8 (Python keeps such
    a byte as a lone surrogate, which Qt dropped: "PDF saved to /tmp/x/.pdf")."""
    if text.isascii():
        return text
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


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
    box.setText(breakable(readable(text)))  # (a long folder or file name wraps)
    box.setStandardButtons(buttons)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    # Every button with an underlined letter (Alt and the letter), in plain words.
    plain = {Button.Discard: "Do&n't save", Button.Save: "&Save", Button.Cancel: "&Cancel"}
    for which, label in plain.items():
        button = box.button(which)
        if button is not None:
            button.setText(label)
    # Qt's own label name: keep lines from getting narrow and tall, at any text size.
    width = max(MIN_PIXELS, MIN_CHARS * box.fontMetrics().averageCharWidth())
    screen = box.screen()
    if screen is not None:
        width = min(width, _widest(screen.size().width()))
        width = _fit_long_text(box, width, screen.availableGeometry(), screen.size().width())
    box.setStyleSheet(f"QLabel#qt_msgbox_label {{ min-width: {width}px; }}")
    return box


def _widest(screen_width: int) -> int:
    """How wide a message box's text can be on a screen this wide: as wide as Qt lets a
    message box be (the screen less 480 pixels, at most 1,000; a screen 1,024 wide or less,
    all of it), less its picture and margins. Wider, the ends of the lines were cut off."""
    limit = screen_width if screen_width <= 1024 else min(screen_width - 480, 1000)
    return max(MIN_PIXELS // 2, limit - BOX_EXTRAS)


def _fit_long_text(box: QMessageBox, width: int, room: QRect, screen_width: int) -> int:
    """A long message (six notes on opening a damaged draft, at 200 % text) made the box
    taller than the screen, its OK button out of reach (a review on a 1366 × 768 laptop):
    its text is made wider; if it is still taller than half the screen, the box is marked
    ``too_tall`` (``show_message`` then shows it in a window that scrolls). Returns the width
    for the text."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is None:
        return width
    metrics = label.fontMetrics()

    def height(across: int) -> int:
        bounds = QRect(0, 0, across, 10**7)
        return metrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, label.text()).height()

    most = room.height() // 2
    if height(width) <= most:
        return width
    widest = min(_widest(screen_width), room.width() * 7 // 10)
    width = max(width, min(WIDE_CHARS * metrics.averageCharWidth(), widest))
    box.setProperty(TOO_TALL, height(width) > most)
    return width


def show_message(
    parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon = Icon.Information
) -> None:
    """Show a plain-text message with an OK button and wait for it to be closed."""
    box = message_box(parent, title, text, icon)
    if box.property(TOO_TALL):
        from ui.long_message import LongMessage  # (only then: Qt's types load when first used)

        LongMessage(parent, title, text, icon).exec()
    else:
        box.exec()


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


def confirm_remove(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before taking away something the patient typed; True to remove it ("Keep it" is
    the default, so Enter or Escape loses nothing)."""
    answer = ask(
        parent,
        title,
        text,
        Button.Yes | Button.No,
        Button.No,
        {Button.Yes: "&Remove", Button.No: "&Keep it"},
    )
    return answer == Button.Yes


def confirm_replace(parent: QWidget | None, path: Path, what: str = "file") -> bool:
    """Ask before replacing the file at ``path`` (``what``: "PDF", "draft"); True: replace."""
    answer = ask(
        parent,
        f"Replace the {what}?",
        f"There is already a file called “{path.name}” there. Replace it?",
        Button.Yes | Button.No,
        Button.No,
        {Button.Yes: "&Replace it", Button.No: "&Keep it"},  # as "Remove" / "Keep it"
    )
    return answer == Button.Yes


def confirm_remove_question(parent: QWidget | None, text: str, answer: str, asked: bool) -> bool:
    """Ask before removing one of the patient's questions that has an answer written down or
    is ticked as asked (only the last question removed can be put back); True to remove it.
    Nothing is asked (True) for a question with neither."""
    answered = bool(answer.strip())
    if not answered and not asked:
        return True
    held = " and ".join(
        said
        for said, holds in (("is ticked as asked", asked), ("has an answer written down", answered))
        if holds
    )
    what = "it and its answer" if answered else "it"
    question = f"Your question “{shorten(text, 80)}” {held}. Take {what} off your list?"
    return confirm_remove(parent, "Remove this question?", question)
