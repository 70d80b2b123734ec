"""Score rows (0 to 10, or "Not answered"): one Tab stop, the chosen button; arrows, Home
and End choose along the row, as in a group of round choices."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.inputs import ScoreInput


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
