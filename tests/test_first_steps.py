"""Steps 1 and 2: the note on more than one skin problem, and the appointment date (shown
only once known; a note to change today's date until it is changed; brought into view)."""

from __future__ import annotations

from datetime import date

from tests.a11y_helpers import look  # noqa: F401 - a fixture
from tests.test_wizard import choose, go_next, page
from ui.main_window import MainWindow
from ui.wizard import PageId


def test_the_appointment_date_shows_only_once_known(window: MainWindow) -> None:
    """A greyed-out date (today's) read as if the appointment were today."""
    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_next(window, PageId.ABOUT)
    p = page(window, PageId.ABOUT)
    assert p.appointment_date.isHidden()
    p.has_appointment.setChecked(True)
    assert not p.appointment_date.isHidden() and p.appointment_date.isEnabled()
    p.has_appointment.setChecked(False)
    assert p.appointment_date.isHidden()


def test_the_appointment_date_says_to_change_today_until_changed(window: MainWindow) -> None:
    """The box starts at today's date, which is easy to leave as it is: a note under it says
    to change it, until the patient does (or the draft gives a date)."""
    from ui.appointment import CHANGE_THE_DATE

    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_next(window, PageId.ABOUT)
    p = page(window, PageId.ABOUT)
    hint = p.appointment_hint
    assert hint.isHidden()
    p.has_appointment.setChecked(True)
    assert not hint.isHidden() and hint.text() == CHANGE_THE_DATE
    assert p.appointment_date.accessibleDescription() == CHANGE_THE_DATE
    p.appointment_date.set_value(date(2027, 1, 14))
    assert hint.isHidden() and not p.appointment_date.accessibleDescription()
    p.has_appointment.setChecked(False)
    p.has_appointment.setChecked(True)
    assert hint.isHidden()  # chosen once: not asked again
    p.write_draft()
    assert window.draft.about.appointment_date == date(2027, 1, 14)
    window.draft.about.appointment_date = None  # a draft with no date: the note again,
    p.initializePage()  # over today's date (not the date picked before)
    p.has_appointment.setChecked(True)
    assert not hint.isHidden()
    assert p.appointment_date.value() == date.today()
    window.draft.about.appointment_date = date(2027, 2, 1)  # a draft's date: no note
    p.initializePage()
    assert hint.isHidden() and p.has_appointment.isChecked()


def test_the_skin_problem_step_says_what_to_do_with_more_than_one(window: MainWindow) -> None:
    """A pack is about one skin problem: the step says how to prepare for another, and the
    menu it names is there."""
    from PySide6.QtWidgets import QLabel

    from ui.pages.concern_page import MORE_THAN_ONE

    go_next(window, PageId.CONCERN)
    texts = [label.text() for label in page(window, PageId.CONCERN).findChildren(QLabel)]
    assert MORE_THAN_ONE in texts and "File ▸ New" in MORE_THAN_ONE
    assert window.new_action.text().replace("&", "") == "New"


def test_the_appointment_date_and_its_note_come_into_view_when_ticked(
    window: MainWindow, qtbot, look  # noqa: F811 - the fixture
) -> None:
    """Ticked at the foot of the visible page, the date box and its note opened below the
    edge (at 200 % text)."""
    from PySide6.QtCore import QPoint

    look.set_scale(200)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_next(window, PageId.ABOUT)
    p = page(window, PageId.ABOUT)
    viewport = p.scroll_area.viewport()

    def in_view(widget) -> bool:
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + widget.height() <= viewport.height()

    bar = p.scroll_area.verticalScrollBar()  # the tick box on the last line in view
    bottom = p.has_appointment.mapTo(p.scroll_area.widget(), QPoint(0, 0)).y()
    bar.setValue(bottom + p.has_appointment.height() - p.scroll_area.viewport().height())
    assert in_view(p.has_appointment)
    p.has_appointment.click()
    qtbot.waitUntil(lambda: in_view(p.appointment_hint) and in_view(p.appointment_date))
    # the focus stays on the tick box (a second Space unticks it); the date box is next
    assert window.focusWidget() is not p.appointment_date


def test_a_kind_chosen_is_kept_when_another_concern_is_chosen_and_then_this_one_again(
    window: MainWindow,
) -> None:
    """An arrow key pressed on the concerns (as if to scroll) chose another one; going back
    to the first had lost its kind, and Next was greyed out."""
    go_next(window, PageId.CONCERN)
    p = page(window, PageId.CONCERN)
    choose(window, "chronic-wound", "venous-leg")
    p.concern_radios["ageing"].setChecked(True)
    assert p.chosen_subtype() is None and not p.isComplete()
    p.concern_radios["chronic-wound"].setChecked(True)
    assert p.chosen_subtype() == "venous-leg" and p.isComplete()
