"""Reaching and choosing answers from the keyboard: Tab stops at the chosen answer, a control
Tab moves to is clear of the fade at the foot of the page, answer buttons say how to reach
the others, and Shift+F1 explains the words beside a tick box (from a keyboard review).
The rest of the keyboard and screen-reader checks are in test_accessibility.py."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from tests.a11y_helpers import (  # noqa: F401 - example_window is the window fixture
    LIBRARY,
    accessible_name,
    example_window,
    interactive_widgets,
    settle,
    walk_pages,
)
from ui.edge_fade import PageScrollArea
from ui.focus import layout_order
from ui.wizard import PageId


def test_the_arrow_keys_choose_among_cards_and_tab_follows_the_choice(window) -> None:
    """On the concern step, Down moves to the next kind of scar and chooses it; Tab then
    stops there (the chosen card), not at the card chosen when the draft was opened."""
    for page_id in walk_pages(window):
        if page_id == PageId.CONCERN:
            break
    page = window.wizard.currentPage()
    radios = list(page.subtype_radios.values())
    start = next(r for r in radios if r.isChecked())
    start.setFocus()
    settle()
    QTest.keyClick(start, Qt.Key.Key_Down)
    settle()
    moved = QApplication.focusWidget()
    assert moved in radios and moved is not start and moved.isChecked()
    assert moved.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert start.focusPolicy() == Qt.FocusPolicy.ClickFocus


def test_tab_scrolls_a_control_clear_of_the_fade_at_the_foot(window) -> None:
    """Qt scrolled a text box into view only as far as its cursor: its foot and focus ring
    stayed under the fade at the bottom of the page (a keyboard review found 12 such stops)."""
    for page_id in walk_pages(window):
        if page_id not in (PageId.ABOUT, PageId.OFFER):
            continue
        page = window.wizard.currentPage()
        area = page.findChild(PageScrollArea)
        start = next(w for w in layout_order(page) if w in interactive_widgets(window))
        start.setFocus(Qt.FocusReason.TabFocusReason)
        settle()
        checked = 0
        for _ in range(60):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focused = QApplication.focusWidget()
            if focused is start or not area.viewport().isAncestorOf(focused):
                break
            fade = area._fade
            if fade.isVisible() and focused.height() < area.viewport().height() // 2:
                shown = QRect(focused.mapTo(area, QPoint(0, 0)), focused.size())
                under = QRect(fade.mapTo(area, QPoint(0, 0)), fade.size())
                assert not shown.intersects(under), (page_id, accessible_name(focused))
                checked += 1
        assert checked, page_id  # some stops were checked with the fade shown


def test_answer_buttons_say_how_to_reach_the_others_and_before_and_after_differ(window) -> None:
    """Tab stops at one button of a score row or a readiness question, so each says how the
    arrow keys reach the others; the readiness questions after the appointment were named
    exactly as those before it."""
    from ui.inputs import SCORE_KEYS
    from ui.readiness_check import ANSWER_KEYS

    for page_id in walk_pages(window):
        page = window.wizard.currentPage()
        if page_id == PageId.ABOUT:
            for score in page.score_inputs.values():
                for button in [*score.buttons, score.not_answered]:
                    assert button.accessibleDescription() == SCORE_KEYS
        if page_id == PageId.READINESS:
            page.after_toggle.setChecked(True)  # both sets of questions
            buttons = [
                b
                for b in page.findChildren(QPushButton)
                if ANSWER_KEYS in b.accessibleDescription()
            ]
            assert len(buttons) == 16
            names = [accessible_name(b) for b in buttons]
            assert len(set(names)) == len(names)


def test_shift_f1_on_a_tick_box_explains_the_words_beside_it(window) -> None:
    """The meanings of words such as "FDA" were shown only when a mouse rested on them: a
    keyboard user can now press Shift+F1 on the tick box (Qt's What's This)."""
    for page_id in walk_pages(window):
        if page_id == PageId.OFFER:
            break
    settle()
    page = window.wizard.currentPage()
    flag = LIBRARY.red_flag("rf-one-for-all")  # "The FDA has warned about …"
    check = page.red_flag_checks[flag.id]
    assert "FDA" in flag.explanation
    assert "FDA: The US Food and Drug Administration" in check.whatsThis()
    check.setFocus()
    settle()
    before = set(QApplication.topLevelWidgets())
    QTest.keyClick(check, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    settle()
    shown = [w for w in set(QApplication.topLevelWidgets()) - before if w.isVisible()]
    assert shown, "Shift+F1 showed the meanings"
    for w in shown:
        w.close()


def test_a_box_reached_with_its_alt_key_or_a_result_just_shown_is_scrolled_into_view(
    window,
) -> None:
    """Qt scrolls only for Tab: a walk-through typed medicines into a box reached with Alt+M
    out of sight, and never saw what "Check this text" found below the view."""
    window.resize(900, 600)
    for page_id in walk_pages(window):
        if page_id == PageId.ABOUT:
            page = window.wizard.currentPage()
            area = page.findChild(PageScrollArea)
            area.verticalScrollBar().setValue(0)
            settle()
            page.medicines.setFocus(Qt.FocusReason.ShortcutFocusReason)  # as its Alt key does
            settle()
            assert _in_view(area, page.medicines)
        if page_id == PageId.OFFER:
            page = window.wizard.currentPage()
            area = page.findChild(PageScrollArea)
            area.verticalScrollBar().setValue(0)
            settle()
            page.advert.check_button.click()
            settle()
            assert _in_view(area, page.advert.summary_label)
            break


def _in_view(area: PageScrollArea, widget) -> bool:
    top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= area.viewport().height()


def test_back_after_enter_in_a_field_puts_the_focus_in_that_field_again(window) -> None:
    """Enter in a one-line field means Next; Back then goes to that field again (the focus
    went to the top of the page: a walk-through with the keyboard). Not after Next itself."""
    window.activateWindow()
    window.wizard.go_to(PageId.ABOUT)
    settle()
    field = window.wizard.currentPage().patient_name
    next_button = window.wizard.button(window.wizard.WizardButton.NextButton)
    for pressed, key, back_in_field in (
        (field, Qt.Key.Key_Return, True),
        (next_button, Qt.Key.Key_Space, False),  # Next pressed as a button
    ):
        pressed.setFocus(Qt.FocusReason.TabFocusReason)
        settle()
        QTest.keyClick(pressed, key)
        settle()
        assert window.wizard.currentId() == PageId.PHOTOS
        window.wizard.back()
        settle()
        assert (QApplication.focusWidget() is field) == back_in_field
