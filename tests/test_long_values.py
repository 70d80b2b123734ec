"""Values a page cannot show in full come back unchanged: a short answer longer than a
one-line field holds (32,767 letters; the answers' boxes now show it whole), a date before the
year 100, a photo dated before 1900."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from consultprep.models import AboutSkin, ClinicOffer, Draft, Photo
from consultprep.storage import load_draft, save_draft
from tests.strategies import tiny_jpeg
from tests.test_wizard import go_through, page
from tests.ui_helpers import Dialogs
from ui.date_field import DateEdit
from ui.main_window import MainWindow
from ui.photo_row import NO_DATE
from ui.wizard import PageId

LONG = "Clinic of the " + "é🙂 " * 15_000 + "end"  # 45,017 letters: more than a one-line field holds


def _walk_and_save(window: MainWindow, dialogs: Dialogs, draft: Draft, tmp_path: Path) -> Draft:
    path = tmp_path / "long.consultprep"
    save_draft(draft, path)
    assert window.open_path(path)
    page(window, PageId.WELCOME).start_button.click()
    go_through(window, *[p for p in PageId if p > PageId.CONCERN])
    window.wizard.back()  # and back again: each page reads and writes its fields once more
    window.wizard.next()
    dialogs.save_path = str(tmp_path / "again.consultprep")
    window.save_as_action.trigger()
    return load_draft(tmp_path / "again.consultprep")


def test_a_one_line_answer_longer_than_its_field_is_saved_whole(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    draft = Draft(
        concern="scars",
        subtype="acne",
        about=AboutSkin(patient_name=LONG, body_area="Cheeks"),
        offer=ClinicOffer(offered=True, clinic=LONG, cost="£3,000"),
    )
    saved = _walk_and_save(window, dialogs, draft, tmp_path)
    assert saved.about.patient_name == LONG and saved.offer.clinic == LONG
    assert saved.about == draft.about and saved.offer == draft.offer  # the rest unchanged too


def test_a_long_answer_in_a_growing_field_is_shown_whole(
    window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "long.consultprep"
    save_draft(Draft(concern="scars", subtype="acne", about=AboutSkin(duration=LONG)), path)
    assert window.open_path(path)
    page(window, PageId.WELCOME).start_button.click()
    go_through(window, PageId.ABOUT)
    duration = page(window, PageId.ABOUT).duration
    assert duration.toPlainText() == LONG and duration.toolTip() == ""
    # (four lines of it, and a scroll bar)
    assert duration.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    assert duration.height() < 5 * duration.fontMetrics().lineSpacing() + 30


def test_a_long_caption_is_shown_whole(qtbot) -> None:
    from ui.photo_row import PhotoRow

    photo = Photo(id="p", caption=LONG, width=4, height=3, data=tiny_jpeg(4, 3, 80))
    row = PhotoRow(photo, number=1, count=1)
    qtbot.addWidget(row)
    assert row.caption_edit.text() == LONG and row.caption_edit.toolTip() == ""
    assert row.caption() == LONG.strip()


def test_dates_a_date_box_cannot_show_are_kept(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    jpeg = tiny_jpeg(4, 3, 80)
    draft = Draft(
        concern="chronic-wound",
        subtype="diabetic-foot",
        about=AboutSkin(appointment_date=date(1, 1, 1)),
        photos=[
            Photo(id="old", caption="Grandfather's scar", taken_on=date(1850, 6, 1), width=4,
                  height=3, data=jpeg),
            Photo(id="odd", caption="Typed wrongly", taken_on=date(50, 3, 5), width=4, height=3,
                  data=jpeg),
            Photo(id="none", caption="No date", width=4, height=3, data=jpeg),
        ],
    )
    saved = _walk_and_save(window, dialogs, draft, tmp_path)
    assert saved.about.appointment_date == date(1, 1, 1)  # once became 14 September 1752
    assert [p.taken_on for p in saved.photos] == [date(1850, 6, 1), date(50, 3, 5), None]


def test_a_kept_date_says_so_and_gives_way_to_a_picked_one(qtbot) -> None:
    box = DateEdit()
    box.setAccessibleDescription("When you will see the doctor")
    qtbot.addWidget(box)
    box.set_value(date(9, 2, 3))
    assert box.value() == date(9, 2, 3)
    assert "Your draft gives the date 3\u00a0February\u00a09, which this box cannot" in box.toolTip()
    assert box.accessibleDescription() == box.toolTip()
    assert box.text() == "3 February 9"  # the box shows the date it keeps
    box.set_value(date(5, 6, 7))  # another draft's date it cannot show
    assert box.value() == date(5, 6, 7) and box.text() == "7 June 5"
    box.setDate(QDate(2027, 1, 15))  # the patient picks a date
    assert box.value() == date(2027, 1, 15) and box.kept() is None
    assert box.toolTip() == "" and box.accessibleDescription() == "When you will see the doctor"
    box.set_value(date(1900, 1, 1))  # a date it can show is simply shown
    assert box.date() == QDate(1900, 1, 1) and box.kept() is None and box.toolTip() == ""
    box.setDate(box.minimumDate())
    assert box.text() == "1 January 0100"  # its own words again at its lowest date


def test_a_photo_with_a_kept_date_shows_that_date_not_no_date(qtbot) -> None:
    from ui.photo_row import PhotoRow

    photo = Photo(id="p", caption="Old", taken_on=date(50, 3, 5), width=4, height=3,
                  data=tiny_jpeg(4, 3, 80))
    row = PhotoRow(photo, number=1, count=1)
    qtbot.addWidget(row)
    assert row.date_edit.text() == "5 March 50" and not row.no_date.isChecked()
    assert row.taken_on() == date(50, 3, 5)
    row.no_date.setChecked(True)
    assert row.taken_on() is None and row.date_edit.text() == "No date"  # as ticked
    assert row.date_edit.toolTip() == "" and not row.date_edit.isEnabled()
    row.no_date.setChecked(False)  # and back: the date is still there
    assert row.taken_on() == date(50, 3, 5) and row.date_edit.text() == "5 March 50"
    assert "cannot show" in row.date_edit.toolTip()
    row.set_taken_on(None)  # a draft with no date shown after one with a kept date
    assert row.date_edit.text() == "No date" and row.no_date.isChecked()
    row.no_date.setChecked(False)  # a date to start from, not the lowest one
    assert row.taken_on() == date.today()


def test_the_photo_date_box_reaches_back_to_the_year_100() -> None:
    assert NO_DATE == QDate(100, 1, 1)


def test_a_long_bran_treatment_name_is_kept_whole(qtbot) -> None:
    from consultprep.models import BranNotes
    from consultprep.readiness import load_readiness
    from ui.bran_editor import BranCard

    card = BranCard(load_readiness(), ["Silicone gel"], 1)
    qtbot.addWidget(card)
    notes = BranNotes(treatment=LONG, benefits="Softer")
    card.set_value(notes)
    assert card.value() == notes
    card.set_value(BranNotes(treatment="Silicone gel"))
    assert card.value().treatment == "Silicone gel"
