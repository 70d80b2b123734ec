"""Score rows (0 to 10, or "Not answered"): one Tab stop, the chosen button; arrows, Home
and End choose along the row, as in a group of round choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.a11y_helpers import example_draft, look, open_window, walk_pages  # noqa: F401
from tests.ui_helpers import install_fake_dialogs
from ui.inputs import ScoreInput
from ui.wizard import PageId


def test_score_input_has_a_not_answered_state(qtbot) -> None:
    score = ScoreInput("Itch")
    qtbot.addWidget(score)
    assert score.value() is None and score.not_answered.isChecked()
    with qtbot.waitSignal(score.changed):
        score.buttons[10].click()
    assert score.value() == 10
    score.set_value(None)
    assert score.value() is None
    assert score.buttons[0].accessibleName() == "Itch: 0 out of 10 (none)"


def _tab_stops(score: ScoreInput) -> list[int]:
    """Which buttons take Tab (0 to 10, and 11 for "Not answered")."""
    return [
        n for n, b in enumerate(score.order()) if b.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def test_a_score_row_is_one_tab_stop_the_chosen_button(qtbot) -> None:
    score = ScoreInput("Itch")
    qtbot.addWidget(score)
    assert _tab_stops(score) == [11]
    assert score.chosen() is score.not_answered
    score.buttons[4].click()  # a click still reaches any button
    assert _tab_stops(score) == [4]
    assert score.chosen() is score.buttons[4]
    score.set_value(None)  # as when a draft is opened
    assert _tab_stops(score) == [11]


def test_arrow_keys_home_and_end_choose_along_a_score_row(qtbot) -> None:
    score = ScoreInput("Itch")
    qtbot.addWidget(score)
    score.show()
    score.activateWindow()
    assert QTest.qWaitForWindowActive(score)
    score.not_answered.setFocus()
    seen: list[int | None] = []
    score.changed.connect(lambda: seen.append(score.value()))
    QTest.keyClick(score.not_answered, Qt.Key.Key_Left)
    assert score.value() == 10 and QApplication.focusWidget() is score.buttons[10]
    QTest.keyClick(score.buttons[10], Qt.Key.Key_Up)
    assert score.value() == 9 and QApplication.focusWidget() is score.buttons[9]
    QTest.keyClick(score.buttons[9], Qt.Key.Key_Home)
    assert score.value() == 0 and QApplication.focusWidget() is score.buttons[0]
    QTest.keyClick(score.buttons[0], Qt.Key.Key_Left)  # stays at the first
    assert score.value() == 0
    QTest.keyClick(score.buttons[0], Qt.Key.Key_Down)
    assert score.value() == 1
    QTest.keyClick(score.buttons[1], Qt.Key.Key_End)
    assert score.value() is None and QApplication.focusWidget() is score.not_answered
    assert seen == [10, 9, 0, 1, None]
    assert _tab_stops(score) == [11]
    QTest.keyClick(score.not_answered, Qt.Key.Key_Right)  # from "Not answered" round to 0
    assert score.value() == 0 and QApplication.focusWidget() is score.buttons[0]


def test_focus_without_a_choice_leaves_the_tab_stop_on_the_chosen_button(qtbot) -> None:
    """A right click or a press dragged off a button focuses it without choosing it; Qt then
    moves the group's Tab stop there, and the row takes it back."""
    score = ScoreInput("Itch")
    qtbot.addWidget(score)
    score.show()
    score.activateWindow()
    assert QTest.qWaitForWindowActive(score)
    score.buttons[7].click()
    score.buttons[3].setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.wait(20)
    assert score.value() == 7
    assert _tab_stops(score) == [7]


# --- the row with large text ------------------------------------------------------------------
def _lines(score: ScoreInput) -> list[list[int]]:
    """The numbers on each line of a score row, top to bottom."""
    tops = sorted({b.geometry().top() for b in score.buttons})
    return [[n for n, b in enumerate(score.buttons) if b.geometry().top() == t] for t in tops]


def _not_answered_fits_in(score: ScoreInput) -> str:
    """What is wrong with where "Not answered" is, or "": after 10 on its line, or under 0 to
    10 on a line of its own; under numbers on two lines or more, at least as wide as they are
    (not a button left over under them)."""
    last = score.not_answered.geometry()
    numbers = [b.geometry() for b in score.buttons]
    if last.top() == numbers[10].top():
        return "" if last.left() > numbers[10].right() else "not after 10"
    if last.top() <= max(n.bottom() for n in numbers):
        return "not under the numbers"
    left, right = min(n.left() for n in numbers), max(n.right() for n in numbers)
    if len(_lines(score)) > 1 and (last.left() != left or last.right() < right):
        return f"alone at {last.left()}-{last.right()} under numbers at {left}-{right}"
    return ""


def test_not_answered_is_never_left_over_under_scores_that_wrap(qtbot, look) -> None:  # noqa: F811
    """At 200 %, at every width: 0 to 10 wrap evenly (0-5 and 6-10); "Not answered" goes
    after 10 when there is room, else on its own line, under two lines of numbers as wide as
    they are; no button is narrower than it asks to be."""
    look.set_scale(200)
    score = ScoreInput("Itch")
    qtbot.addWidget(score)
    score.show()
    row = score.layout()
    widest = max(b.sizeHint().width() for b in score.order())
    one_line = row.sizeHint().width()
    seen = set()
    for width in range(widest, one_line + 20, 5):
        row.setGeometry(QRect(0, 0, width, row.heightForWidth(width)))
        lines = _lines(score)
        assert max(map(len, lines)) - min(map(len, lines)) <= 1, (width, lines)
        assert _not_answered_fits_in(score) == "", width
        for button in score.order():
            assert button.width() >= button.sizeHint().width(), (width, button.text())
            assert button.geometry().right() < width, (width, button.text())
        seen.add((len(lines), score.not_answered.y() > score.buttons[10].y()))
    assert (2, True) in seen, "never on a line of its own under two lines of numbers"
    assert {(1, False), (1, True), (2, False)} <= seen


@pytest.mark.parametrize(
    ("scale", "size", "lines", "after_10"),
    [
        (200, (800, 600), [list(range(6)), list(range(6, 11))], False),
        (200, (1280, 800), [list(range(11))], False),
        (200, (1920, 1080), [list(range(11))], True),
        (100, (800, 600), [list(range(11))], False),  # just too narrow
        (100, (1280, 800), [list(range(11))], True),
    ],
    ids=["200pc-800x600", "200pc-1280x800", "200pc-1920x1080", "100pc-800x600", "100pc-1280x800"],
)
def test_score_rows_on_the_about_page_keep_0_to_10_together_when_there_is_room(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
    scale: int,
    size: tuple[int, int],
    lines: list[list[int]],
    after_10: bool,
) -> None:
    """0 to 10 on one line wherever they fit (at 200 % in a 1280x800 window too), else as
    0-5 and 6-10 with "Not answered" as wide as them under them."""
    install_fake_dialogs(monkeypatch)
    look.set_scale(scale)
    window = open_window(qtbot, example_draft(tmp_path), size)
    for page_id in walk_pages(window):
        if page_id == PageId.ABOUT:
            break
    scores = window.wizard.currentPage().score_inputs.values()
    assert len(scores) == 4
    for score in scores:
        assert _lines(score) == lines
        assert (score.not_answered.y() == score.buttons[10].y()) is after_10
        assert _not_answered_fits_in(score) == ""
