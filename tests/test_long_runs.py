"""Very long runs of letters with no space (a pasted link, a folder, a million letters in one
word): labels and messages get invisible places to break (``ui.widgets.breakable``), copies
come out without them, and text boxes wrap such a run anywhere (``ui.fields``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ui.widgets import ZWSP, breakable, plain_label


def test_breakable_only_touches_long_unbroken_runs() -> None:
    assert breakable("A normal sentence, with-hyphens/and/slash.") == (
        "A normal sentence, with-hyphens/and/slash."
    )
    long = "x" * 100
    out = breakable(f"see {long} here")
    assert out.replace(ZWSP, "") == f"see {long} here"
    assert out.count(ZWSP) == 4


def test_a_label_with_a_very_long_word_stays_narrow(qtbot) -> None:
    label = plain_label("https://example.org/" + "z" * 400)
    qtbot.addWidget(label)
    assert label.minimumSizeHint().width() < 400
    assert label.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize("kind", ["text box", "advert box"])
def test_a_long_unbroken_run_is_wrapped_anywhere_before_it_is_laid_out(qtbot, kind) -> None:
    """A pasted run of letters with no space (a million froze the window for a minute while
    Qt looked for word ends) is wrapped anywhere; ordinary text at word ends again."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QTextOption

    from ui.fields import LONG_RUN, PlainTextEdit, text_box

    box = text_box("Symptoms") if kind == "text box" else PlainTextEdit()
    qtbot.addWidget(box)
    words = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    anywhere = QTextOption.WrapMode.WrapAnywhere
    box.setPlainText("x" * (LONG_RUN - 1) + " and some words")
    assert box.wordWrapMode() == words
    box.setPlainText("x" * 200_000)  # as a draft holding one is opened
    assert box.wordWrapMode() == anywhere
    # Back to word ends only once the long run has gone (with it still in the box, Qt laid
    # it out again: minutes for 2 MB, a review found).
    held_at_change = []
    real = box.setWordWrapMode
    box.setWordWrapMode = lambda mode: held_at_change.append(len(box.toPlainText())) or real(
        mode
    )
    box.setPlainText("Itchy and sore.")
    assert box.wordWrapMode() == words
    assert held_at_change == [len("Itchy and sore.")]
    del box.setWordWrapMode
    pasted = QMimeData()
    pasted.setText("y" * 200_000)
    box.insertFromMimeData(pasted)  # as Qt pastes or drops
    assert box.wordWrapMode() == anywhere
    assert "y" * 200_000 in box.toPlainText()  # nothing lost
    box.selectAll()
    box.insertPlainText("Typed again.")  # the run is gone: word ends again
    assert box.wordWrapMode() == words


def test_a_long_web_address_breaks_after_its_dots(qtbot) -> None:
    """A host name of 38 letters with no slash or hyphen (Healthcare Improvement Scotland's)
    kept the About window wider than a small screen at large text: it now breaks after a dot,
    and the text is unchanged but for the invisible break points."""
    address = "https://www.healthcareimprovementscotland.scot/"
    out = breakable(address)
    assert out.replace(ZWSP, "") == address
    assert f"www.{ZWSP}" in out and f"scotland.{ZWSP}scot" in out
    label = plain_label(address)
    qtbot.addWidget(label)
    whole = label.fontMetrics().horizontalAdvance("healthcareimprovementscotland.scot")
    assert label.minimumSizeHint().width() < whole
    assert breakable("short-run/with.dots") == "short-run/with.dots"


def test_what_is_copied_has_no_break_points_in_it(qtbot, monkeypatch) -> None:
    """A web address shown with break points in it is copied without them, so it works when
    pasted into a web browser."""
    from PySide6.QtGui import QClipboard, QGuiApplication

    # What this app copies is its own (Qt's offscreen screens do not say so)
    monkeypatch.setattr(QClipboard, "ownsClipboard", lambda self: True)

    address = "doi:10.1002/14651858.CD013878.pub2"
    label = plain_label(address, selectable=True)
    qtbot.addWidget(label)
    assert label.text() == address  # the text as set, ...
    shown = QLabel.text(label)
    assert ZWSP in shown  # ... shown with places to break
    label.setSelection(0, len(shown))
    QGuiApplication.clipboard().setText(label.selectedText())  # as Ctrl+C does
    assert QGuiApplication.clipboard().text() == address
