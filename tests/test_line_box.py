"""A one-line answer's box (``ui.fields.LineBox``): as tall as a one-line field while the answer
fits, taller as it wraps (up to four lines, then a scroll bar), and Enter goes on as there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from tests.a11y_helpers import look  # noqa: F401 - a fixture
from ui.fields import LineBox, line_box, line_edit

LONG_ANSWER = "Stem cells from my own fat, injected into the scar, three sessions two weeks apart"


def _shown(qtbot, width: int = 700):
    """A one-line field and a LineBox, one above the other, shown ``width`` wide."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    field = line_edit("A one-line field")
    box = line_box("Where on your body", "For example: left lower leg")
    layout.addWidget(field)
    layout.addWidget(box)
    layout.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(width, 700)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, field, box


def _lines(box: LineBox) -> float:
    return box.viewport().height() / box.fontMetrics().lineSpacing()


@pytest.mark.parametrize("scale", [100, 200])
def test_it_is_as_tall_as_a_one_line_field_and_grows_as_the_answer_wraps(
    qtbot, look, scale  # noqa: F811 - the fixture
) -> None:
    look.set_scale(scale)
    _, field, box = _shown(qtbot)
    assert box.height() == field.height()  # empty: the placeholder fits on one line
    box.setText("Left lower leg")
    assert box.height() == field.height()
    box.setText(LONG_ANSWER)
    qtbot.waitUntil(lambda: box.height() > field.height())
    document_lines = box.document().size().height() / box.fontMetrics().lineSpacing()
    assert document_lines >= 1.9  # wrapped, not cut at the edge ...
    assert box.verticalScrollBar().maximum() == 0  # ... and all of it in view
    assert not box.verticalScrollBar().isVisible()
    box.setText("Left lower leg")  # shorter again: one line again
    qtbot.waitUntil(lambda: box.height() == field.height())


def test_beyond_four_lines_it_stops_growing_and_scrolls(qtbot, look) -> None:  # noqa: F811
    _, _field, box = _shown(qtbot)
    box.setText(" ".join(["word"] * 400))
    qtbot.waitUntil(box.verticalScrollBar().isVisible)
    assert _lines(box) <= LineBox.MAX_LINES + 0.1  # four lines, not a sliver of a fifth
    assert box.toPlainText().count("word") == 400  # nothing lost
    width_beside_bar = box.viewport().width()
    assert box.document().textWidth() == width_beside_bar  # wrapped beside the bar, not under
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    QTest.keyClicks(box, " apple pie" * 20)  # typing at the end scrolls to it ...
    line = box.document().firstBlock().layout().lineAt(0).height()
    assert box.verticalScrollBar().value() > 0
    assert box.verticalScrollBar().value() % line == 0  # ... by whole lines: no sliver above
    assert box.viewport().height() == round(LineBox.MAX_LINES * line)
    box.setText("Cheek")
    qtbot.waitUntil(lambda: not box.verticalScrollBar().isVisible())
    assert box.document().textWidth() > width_beside_bar


@pytest.mark.parametrize("scale", [100, 200])
def test_an_answer_set_before_the_box_is_shown_fits_once_it_is(
    qtbot, look, scale  # noqa: F811 - the fixture
) -> None:
    """A draft's answers are put in before the page is shown: the box fits them when it is."""
    look.set_scale(scale)
    holder = QWidget()
    layout = QVBoxLayout(holder)
    short, long, longest = line_box("a"), line_box("b"), line_box("c")
    for box, text in ((short, "Cheek"), (long, LONG_ANSWER), (longest, "word " * 300)):
        box.setText(text)
        layout.addWidget(box)
    layout.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(700, 700)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.waitUntil(longest.verticalScrollBar().isVisible)
    assert not long.verticalScrollBar().isVisible()  # (Qt had kept a bar beside it)
    assert long.verticalScrollBar().maximum() == 0
    assert long.document().textWidth() == long.viewport().width()
    assert short.height() < long.height() < longest.height()


def test_enter_is_left_to_the_window_and_pasted_line_breaks_become_spaces(qtbot) -> None:
    box = line_box("Allergies")
    qtbot.addWidget(box)
    box.setText("Penicillin")
    box.moveCursor(box.textCursor().MoveOperation.End)
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
        box.keyPressEvent(event)
        assert not event.isAccepted()  # passed on: in the wizard, Enter means Next
    assert box.text() == "Penicillin"
    pasted = QMimeData()
    pasted.setText(", plasters\r\nand latex\n")
    box.insertFromMimeData(pasted)
    assert box.text() == "Penicillin, plasters and latex "
    pasted = QMimeData()
    pasted.setHtml("<b>bold</b>")  # copied from a web page: its words, not its bold
    pasted.setText("bold")
    box.insertFromMimeData(pasted)
    assert box.text().endswith("latex bold") and "font-weight:700" not in box.toHtml()


def test_text_edited_is_said_for_the_patients_changes_only(qtbot) -> None:
    box = line_box("PDF file")
    qtbot.addWidget(box)
    seen: list[str] = []
    box.textEdited.connect(seen.append)
    box.setText("/home/ada/Documents/pack.pdf")  # put there by the app: not an edit
    assert seen == []
    box.moveCursor(box.textCursor().MoveOperation.End)
    QTest.keyClicks(box, "x")
    assert seen == ["/home/ada/Documents/pack.pdfx"]


def test_an_example_too_long_for_the_box_ends_in_an_ellipsis(qtbot) -> None:
    """Qt draws only a placeholder's first line: at large text sizes the photo caption's
    example was cut off mid-phrase, as if it were the whole example."""
    example = "For example: scar on my left knee, three months after the operation"
    box = line_box("Caption", example)
    qtbot.addWidget(box)
    box.resize(220, 40)
    box.show()
    qtbot.waitExposed(box)
    shown = box.placeholderText()
    assert shown.endswith("…") and example.startswith(shown[:-1])
    assert box.fontMetrics().horizontalAdvance(shown) <= box.viewport().width()
    box.resize(1200, 40)
    QApplication.processEvents()
    assert box.placeholderText() == example
