"""Keyboard and screen-reader use of every page of the real wizard, with a full example draft."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QScrollArea,
    QWidget,
    QWizard,
)

from tests.a11y_helpers import (  # noqa: F401 - the fixtures: window, announcements
    LIBRARY,
    accessible_name,
    example_window,
    group_of,
    interactive_widgets,
    said_aloud,
    settle,
    walk_pages,
)
from ui.focus import FOCUS_SHOWN, FOCUS_WITHIN, layout_order
from ui.ladder import EvidenceLadder
from ui.wizard import PageId


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} {accessible_name(widget)!r}"


def test_every_page_is_walked(window) -> None:
    visited = list(walk_pages(window))
    assert visited == window.wizard.pageIds()
    assert len(visited) >= 7


def test_every_control_on_every_page_has_an_accessible_name(window) -> None:
    nameless = []
    checked = 0
    for page_id in walk_pages(window):
        for widget in interactive_widgets(window):
            checked += 1
            if not accessible_name(widget):
                nameless.append(f"page {page_id}: {_describe(widget)}")
    assert checked > 60
    assert not nameless, "\n".join(nameless)


def _tab_cycle(window) -> list[QWidget]:
    """Press Tab from the page's first control until the focus comes back round."""
    wizard = window.wizard
    start = next(w for w in layout_order(wizard.currentPage()) if w in interactive_widgets(window))
    start.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    assert QApplication.focusWidget() is start
    seen = [start]
    for _ in range(500):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is start:
            return seen
        if focused is seen[-1]:
            continue  # Tab moves between the day, month and year of a date first
        assert focused not in seen, f"Tab went round without coming back to the start: {seen}"
        seen.append(focused)
    raise AssertionError("Tab never came back to where it started")


def test_tab_reaches_every_control_in_reading_order(window) -> None:
    back = window.wizard.button(QWizard.WizardButton.BackButton)
    next_ = window.wizard.button(QWizard.WizardButton.NextButton)
    for page_id in walk_pages(window):
        cycle = _tab_cycle(window)
        reached = set(cycle)
        reached_groups = {group_of(w) for w in cycle} - {None}
        missed = [
            _describe(w)
            for w in interactive_widgets(window)
            if w not in reached and group_of(w) not in reached_groups
        ]
        assert not missed, f"page {page_id}: Tab never reaches {missed}"
        # In a group of choices, Tab stops at the chosen one: after a draft was opened it
        # stopped at the first, and Space there changed the answer.
        for w in cycle:
            group = group_of(w)
            chosen = group.checkedButton() if group is not None else None
            assert chosen in (None, w), f"page {page_id}: Tab stops at {_describe(w)}"
        # The page's own controls come in the order the page lays them out, then Back, Next.
        on_page = [w for w in cycle if w not in (back, next_)]
        order = [w for w in layout_order(window.wizard.currentPage()) if w in on_page]
        assert on_page == order, f"page {page_id}: Tab order differs from the layout"
        buttons = [w for w in cycle if w in (back, next_)]
        assert buttons == [b for b in (back, next_) if b in reached]
        assert cycle.index(buttons[-1]) == len(cycle) - 1 or not buttons


def test_arrow_keys_move_within_a_group_of_choices(window) -> None:
    for page_id in walk_pages(window):
        if page_id == PageId.ABOUT:
            break
    page = window.wizard.currentPage()
    score = page.score_inputs["itch"]
    start = score.chosen()
    start.setFocus()
    settle()
    before = score.value()
    assert before is not None and before > 0  # the example draft scores the itch
    QTest.keyClick(start, Qt.Key.Key_Left)
    assert score.value() == before - 1
    assert QApplication.focusWidget() is score.buttons[before - 1]
    # Tab leaves the row at once (one stop per row), for the next row's chosen button.
    QTest.keyClick(score.buttons[before - 1], Qt.Key.Key_Tab)
    following = list(page.score_inputs.values())[1]
    assert QApplication.focusWidget() is following.chosen()
    QTest.keyClick(following.chosen(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is score.buttons[before - 1]


def test_focus_shows_on_the_card_that_holds_it(window) -> None:
    for page_id in walk_pages(window):
        if page_id == PageId.QUESTIONS:
            break
    page = window.wizard.currentPage()
    rows = list(page.rows.values())
    rows[0].include.setFocus()
    settle()
    assert rows[0].property(FOCUS_WITHIN) == "true"
    rows[1].top_button.setFocus()
    settle()
    assert rows[0].property(FOCUS_WITHIN) == "false"
    assert rows[1].property(FOCUS_WITHIN) == "true"


def test_a_page_shows_its_focus_bar_after_the_keyboard_not_a_click(window) -> None:
    """A click on Next gives the new page's scroll area the focus (Qt does): its bar is hidden
    then, and shown once the focus comes back by Tab, or arrives by Enter on Next."""
    wizard = window.wizard
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    settle()
    QTest.mouseClick(next_button, Qt.MouseButton.LeftButton)
    settle()
    area = QApplication.focusWidget()
    assert isinstance(area, QScrollArea) and wizard.currentPage().isAncestorOf(area)
    assert area.property(FOCUS_SHOWN) == "false"
    QTest.keyClick(area, Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    settle()
    assert QApplication.focusWidget() is area
    assert area.property(FOCUS_SHOWN) == "true"

    start = wizard.currentId()
    next_button.setFocus()
    QTest.keyClick(next_button, Qt.Key.Key_Return)
    settle()
    assert wizard.currentId() != start
    area = QApplication.focusWidget()
    assert isinstance(area, QScrollArea) and wizard.currentPage().isAncestorOf(area)
    assert area.property(FOCUS_SHOWN) == "true"


def test_enter_goes_on_from_a_field_after_next_was_clicked(window) -> None:
    """Clicking Next made Qt stop treating it as the default: Enter then did nothing."""
    wizard = window.wizard
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    settle()
    while wizard.currentId() != PageId.ABOUT:
        QTest.mouseClick(next_button, Qt.MouseButton.LeftButton)
        settle()
    page = wizard.currentPage()
    page.body_area.setFocus()
    QTest.keyClick(page.body_area, Qt.Key.Key_Return)
    settle()
    assert wizard.currentId() == PageId.PHOTOS


def test_enter_goes_to_the_next_page_from_a_field(window) -> None:
    for page_id in walk_pages(window):
        if page_id == PageId.ABOUT:
            break
    page = window.wizard.currentPage()
    page.body_area.setFocus()
    QTest.keyClick(page.body_area, Qt.Key.Key_Return)
    settle()
    assert window.wizard.currentId() != PageId.ABOUT


def test_enter_goes_on_from_a_field_after_tab_went_through_back_and_next(window) -> None:
    """(A keyboard audit: once Tab had passed Back and Next, Enter in a field did nothing.)"""
    for page_id in walk_pages(window):
        if page_id == PageId.ABOUT:
            break
    wizard = window.wizard
    wizard.button(QWizard.WizardButton.BackButton).setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(2):  # to Next, then on into the page
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        settle()
    page = wizard.currentPage()
    page.body_area.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(page.body_area, Qt.Key.Key_Return)
    settle()
    assert wizard.currentId() != PageId.ABOUT


def test_enter_in_a_text_box_makes_a_new_line(window) -> None:
    for page_id in walk_pages(window):
        if page_id == PageId.ABOUT:
            break
    page = window.wizard.currentPage()
    page.symptoms.setPlainText("first")
    page.symptoms.setFocus()
    page.symptoms.moveCursor(page.symptoms.textCursor().MoveOperation.End)
    QTest.keyClick(page.symptoms, Qt.Key.Key_Return)
    QTest.keyClicks(page.symptoms, "second")
    assert window.wizard.currentId() == PageId.ABOUT
    assert page.symptoms.toPlainText() == "first\nsecond"


def test_enter_in_the_own_question_field_adds_it_and_stays(window) -> None:
    for page_id in walk_pages(window):
        if page_id == PageId.QUESTIONS:
            break
    page = window.wizard.currentPage()
    page.own_question_edit.setFocus()
    QTest.keyClicks(page.own_question_edit, "Can I bring a friend?")
    QTest.keyClick(page.own_question_edit, Qt.Key.Key_Return)
    settle()
    assert window.wizard.currentId() == PageId.QUESTIONS
    assert window.draft.checklist[-1].text == "Can I bring a friend?"


def test_enter_on_a_focused_button_presses_that_button(window) -> None:
    for page_id in walk_pages(window):
        if page_id == PageId.ABOUT:
            break
    editor = window.wizard.currentPage().treatments_tried
    count = len(editor.rows)
    editor.add_button.setFocus()
    QTest.keyClick(editor.add_button, Qt.Key.Key_Return)
    settle()
    assert window.wizard.currentId() == PageId.ABOUT
    assert len(editor.rows) == count + 1


def test_enter_on_any_focused_button_of_any_page_presses_it_not_next(window) -> None:
    """Every push button on a page is pressed by Enter when it has the focus (Qt's
    "auto default"), so Enter on "Not yet" or "Add a treatment to weigh up" never moves on
    to the next page with the answer left out."""
    from PySide6.QtWidgets import QPushButton

    for _ in walk_pages(window):
        page = window.wizard.currentPage()
        for button in page.findChildren(QPushButton):
            assert button.autoDefault(), (type(page).__name__, button.text())


def test_enter_on_a_readiness_answer_chooses_it(window) -> None:
    for page_id in walk_pages(window):
        if page_id == PageId.READINESS:
            break
    page = window.wizard.currentPage()
    button = next(iter(page.before_view.rows.values())).buttons["not_yet"]
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Return)
    settle()
    assert window.wizard.currentId() == PageId.READINESS
    assert button.isChecked()


def test_escape_never_loses_work(window) -> None:
    for page_id in walk_pages(window):
        focus = next((w for w in interactive_widgets(window)), None)
        if focus is not None:
            focus.setFocus()
        window.wizard.write_current_page()
        before = window.draft.model_dump_json(exclude={"created", "updated"})
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape)
        settle()
        assert window.isVisible()
        assert window.wizard.currentId() == page_id
        window.wizard.write_current_page()
        assert window.draft.model_dump_json(exclude={"created", "updated"}) == before


def test_page_buttons_have_shortcut_letters_and_none_clash(window) -> None:
    problems = []
    for page_id in walk_pages(window):
        letters: dict[str, str] = {}
        page = window.wizard.currentPage()
        shown = [  # and the page's buttons shown later ("Show in folder" once a PDF is saved)
            w
            for w in window.findChildren(QWidget)
            if isinstance(w, (QAbstractButton, QLabel))
            and (w.isVisibleTo(window) or (isinstance(w, QAbstractButton) and page.isAncestorOf(w)))
        ]
        for w in shown:
            text = w.text().replace("&&", "")
            if "&" not in text or (isinstance(w, QLabel) and w.buddy() is None):
                continue
            letter = text[text.index("&") + 1].lower()
            if letter in letters and letters[letter] != text:
                problems.append(f"page {page_id}: Alt+{letter} is {letters[letter]!r} and {text!r}")
            letters[letter] = text
        for a in window.menuBar().actions():
            letter = a.text()[a.text().index("&") + 1].lower()
            if letter in letters:
                problems.append(
                    f"page {page_id}: Alt+{letter} opens a menu and {letters[letter]!r}"
                )
    assert not problems, "\n".join(problems)


def test_main_buttons_have_shortcut_letters(window) -> None:
    for page_id in walk_pages(window):
        page = window.wizard.currentPage()
        for name in ("start_button", "open_button", "add_button", "save_pdf_button"):
            button = getattr(page, name, None)
            if isinstance(button, QAbstractButton) and button.isVisibleTo(window):
                assert "&" in button.text(), f"page {page_id}: {button.text()!r}"


@pytest.mark.parametrize("concern", LIBRARY.concerns, ids=lambda c: c.id)
def test_the_evidence_ladder_has_a_text_equivalent(qtbot, concern) -> None:
    ladder = EvidenceLadder(LIBRARY)
    qtbot.addWidget(ladder)
    ladder.set_concern(concern)
    text = accessible_name(ladder) + " " + ladder.accessibleDescription()
    assert "Evidence ladder" in text
    for treatment in concern.treatments:
        assert treatment.name in text
    for info in LIBRARY.levels:
        assert info.short in text
    if any(t.warning for t in concern.treatments):
        assert LIBRARY.warning_marker.short in text


# --- telling a screen reader which page is shown ---------------------------------------------
def test_each_new_page_is_announced_with_its_step_and_title(window, announcements) -> None:
    wizard = window.wizard
    assert announcements == []  # the first page: the window appearing says enough
    wizard.next()
    settle()
    page = wizard.currentPage()
    (source, message), = announcements
    assert source is page
    assert message.startswith("Step 1 of ")
    assert page.title_label.text() in message
    assert page.subtitle_label.text() in message
    announcements.clear()
    wizard.next()
    wizard.back()
    settle()
    assert [m for _, m in announcements][-1].startswith("Step 1 of ")
    announcements.clear()
    wizard.back()
    assert [m for _, m in announcements] == ["Welcome to ConsultPrep."]
    announcements.clear()
    wizard.restart()  # the same page again: nothing new to say
    assert announcements == []


def test_nothing_is_announced_without_a_screen_reader(window, monkeypatch) -> None:
    from PySide6.QtGui import QAccessible

    sent: list[object] = []
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(sent.append))
    assert not QAccessible.isActive()
    window.wizard.next()
    settle()
    assert sent == []
