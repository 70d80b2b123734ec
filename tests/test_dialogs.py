"""Message boxes (ui.dialogs): plain text that wraps long file names, at any text size."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from tests.a11y_helpers import look  # noqa: F401 - a fixture
from ui.widgets import ZWSP


def test_a_message_wraps_long_file_names_and_widens_with_the_text_size(
    qtbot, look  # noqa: F811 - the fixture
) -> None:
    """A message box breaks lines at spaces only: a long file name or folder gets places to
    break (zero-width spaces, invisible), so it no longer runs off the box's right edge; and
    the text is at least about 36 letters wide at any text size."""
    from ui.dialogs import message_box
    from ui.widgets import breakable as wrappable

    name = "“autosave-999997.consultprep” is in “/home/someone/.local/share/ConsultPrep/autosave”."
    wrapped = wrappable(name)
    assert wrapped.replace(ZWSP, "") == name
    assert all(len(run) <= 20 for word in wrapped.split() for run in word.split(ZWSP))
    assert wrappable("Short words, and a date: 2026-12-05.") == "Short words, and a date: 2026-12-05."
    widths = []
    for scale in (100, 200):
        look.set_scale(scale)
        box = message_box(None, "Title", name)
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label.width() >= 36 * label.fontMetrics().averageCharWidth() or label.width() >= 420
        assert label.sizeHint().width() <= label.width() + 1, "nothing runs off the edge"
        widths.append(label.width())
        box.close()
    assert widths[1] > widths[0]
    from ui.dialogs import Button

    box = message_box(None, "Save?", "Save?", buttons=Button.Save | Button.Discard | Button.Cancel)
    qtbot.addWidget(box)
    labels = [box.button(b).text() for b in (Button.Save, Button.Discard, Button.Cancel)]
    assert labels == ["&Save", "Do&n't save", "&Cancel"]  # each with its underlined letter


def test_a_byte_of_a_file_name_that_is_not_utf8_is_shown_not_dropped(qtbot) -> None:
    """Python keeps such a byte as a lone surrogate; Qt dropped it ("saved to /tmp/x/.pdf")."""
    import os

    from ui import dialogs

    name = os.fsdecode(b"/tmp/x/caf\xe9.pdf")  # a Latin-1 "é" in a UTF-8 system
    box = dialogs.message_box(None, "PDF saved", f"Your PDF pack was saved to:\n{name}")
    qtbot.addWidget(box)
    assert box.text().replace(ZWSP, "") == "Your PDF pack was saved to:\n/tmp/x/caf\ufffd.pdf"
    assert dialogs.readable("plain") == "plain" and dialogs.readable("café") == "café"


def test_a_message_taller_than_half_the_screen_scrolls_with_ok_in_reach(
    qtbot,
    look,  # noqa: F811 - the fixture
) -> None:
    """Six notes on opening a damaged draft, at 200 % text, made a message box taller than a
    1366 × 768 laptop's screen, its OK button out of reach: the text is made wider, and if it
    is still too tall it is shown in a window whose text scrolls."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.dialogs import show_message
    from ui.long_message import LongMessage

    look.set_scale(200)
    note = "The part called “medicines” could not be read, so it was left out. Nothing else was."
    seen: list[tuple[QWidget, bool, bool, str]] = []

    def close() -> None:  # (closed first, then checked: a failed check must not hang)
        shown = QApplication.activeModalWidget()
        room = shown.screen().availableGeometry()
        fits = shown.height() <= room.height() and shown.width() <= room.width()
        scrolls = isinstance(shown, LongMessage) and shown.area.verticalScrollBar().maximum() > 0
        text = shown.label.text() if isinstance(shown, LongMessage) else ""
        seen.append((shown, fits, scrolls, text))
        if isinstance(shown, LongMessage):
            shown.ok.click()
        else:
            shown.done(0)

    for count in (1, 12):
        QTimer.singleShot(100, close)
        show_message(None, "Opened, with a note", "\n\n".join([note] * count))
    assert all(fits for _, fits, _, _ in seen), "on the screen"
    (short, _, _, _), (long, _, scrolls, text) = seen
    assert not isinstance(short, LongMessage), "a short message is a message box"
    assert isinstance(long, LongMessage) and scrolls, "a long one's text scrolls"
    assert note in text.replace(ZWSP, "")
    assert long.accessibleDescription().startswith("The part called"), "read out"


def test_a_message_is_never_wider_than_qt_lets_its_text_be() -> None:
    """Widened past it, the ends of its lines were cut off (a visual sweep, a review)."""
    from ui.dialogs import BOX_EXTRAS, _widest

    assert _widest(1366) == 1366 - 480 - BOX_EXTRAS
    assert _widest(1030) == 1030 - 480 - BOX_EXTRAS
    assert _widest(1920) == 1000 - BOX_EXTRAS
    assert _widest(1024) == 1024 - BOX_EXTRAS  # a small screen: all of it
