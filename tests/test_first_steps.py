"""Steps 1 and 2: the note on more than one skin problem, and the appointment date (shown
only once known; typed in three boxes; brought into view)."""

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


def test_the_appointment_date_is_typed_in_three_boxes_as_meant(window: MainWindow) -> None:
    """Three plain boxes, empty until typed in (a box at today's date was easy to leave as it
    was), read as the date of birth is: "12", "6", "2026" is 12 June 2026 (a date box moved
    on by itself and wanted the month's name: a walk-through with the keyboard)."""
    from consultprep.birth_date import APPOINTMENT_NOT_SAVED

    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_next(window, PageId.ABOUT)
    p = page(window, PageId.ABOUT)
    p.has_appointment.setChecked(True)
    boxes = p.appointment_date.boxes
    assert [b.text() for b in boxes.values()] == ["", "", ""]
    assert p.appointment_date.hint.text().startswith("For example: 14 3 ")
    for box, text in zip(boxes.values(), ("12", "6", "2026"), strict=True):
        box.setText(text)
    p.write_draft()
    assert window.draft.about.appointment_date == date(2026, 6, 12)
    assert window.draft.about.appointment_date_typed == []
    # a whole date pasted into the day box is shared out at once
    boxes["Day"].clear(), boxes["Month"].clear(), boxes["Year"].clear()
    boxes["Day"].setText("14/01/2027")
    assert [b.text() for b in boxes.values()] == ["14", "01", "2027"]
    # a date not put right is kept as typed, said when the page is left, and not printed
    boxes["Day"].setText("31")
    boxes["Month"].setText("2")
    p.add_typed(leaving=True)
    assert p.appointment_date.message.text().endswith(APPOINTMENT_NOT_SAVED)
    p.write_draft()
    about = window.draft.about
    assert about.appointment_date is None and about.appointment_date_typed == ["31", "2", "2027"]
    p.initializePage()  # shown again as typed, ticked
    assert p.has_appointment.isChecked()
    assert [b.text() for b in boxes.values()] == ["31", "2", "2027"]
    # unticked, nothing is kept
    p.has_appointment.setChecked(False)
    p.write_draft()
    assert window.draft.about.appointment_date is None
    assert window.draft.about.appointment_date_typed == []


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
    qtbot.waitUntil(lambda: in_view(p.appointment_date))
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
