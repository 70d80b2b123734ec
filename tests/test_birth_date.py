"""Date of birth (three boxes, printed with the age) and "None of these" health conditions.

A clinician reading page 1 asked for the patient's age, and to tell "no" from "not answered"
for the health conditions (pregnancy, a weak immune system).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from consultprep.birth_date import NOT_SAVED, read_birth_date, whole_date
from consultprep.content import load_library
from consultprep.dates import age_on, birth_text
from consultprep.labels import NONE_OF_THESE, health_conditions
from consultprep.models import AboutSkin, Draft
from consultprep.storage import load_draft, save_draft
from consultprep.summary import summary_lines
from tests.pdf_library import export, flat, page_texts
from ui.birth_date import BIRTH_HINT
from ui.pages.about_page import AboutPage

LIBRARY = load_library()
TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("parts", "born"),
    [
        (("27", "3", "1942"), date(1942, 3, 27)),
        (("27", "March", "1942"), date(1942, 3, 27)),
        ((" 3rd ", "sept", "1950"), date(1950, 9, 3)),
        (("03", "MAR.", "1950"), date(1950, 3, 3)),
        (("29", "2", "1948"), date(1948, 2, 29)),
        (("27", "Febuary", "1942"), date(1942, 2, 27)),  # misspelt after its first letters
        (("5", "Septmber", "1950"), date(1950, 9, 5)),
        # a whole date in one box (the page's own example), or split oddly among them
        (("27 3 1942", "", ""), date(1942, 3, 27)),
        (("27/03/1942", "", ""), date(1942, 3, 27)),
        (("27", "March 1942", ""), date(1942, 3, 27)),
        (("", "", "27.3.1942"), date(1942, 3, 27)),
        # digits of any script, and wide ones
        (("٢٧", "٣", "١٩٤٢"), date(1942, 3, 27)),
        (("２７", "３", "１９４２"), date(1942, 3, 27)),
    ],
)
def test_a_date_of_birth_is_read_from_numbers_or_month_names(parts, born) -> None:
    assert read_birth_date(*parts, TODAY) == (born, "")


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("27", "3", ""), "Please add the year, as in 27 3 1942."),
        (("", "", "1942"), "Please add the day and the month, as in 27 3 1942."),
        (("31", "2", "1942"), "There is no 31 February 1942. Please check the day."),
        (("29", "2", "1949"), "There is no 29 February 1949. Please check the day."),
        (("x", "1", "1950"), "The day should be a number from 1 to 31."),
        (("27 3", "1942", "x"), "Please put the day, month and year in their own boxes"),
        (("1", "13", "1950"), "The month should be a number from 1 to 12"),
        (("1", "ma", "1950"), "The month should be a number from 1 to 12"),
        (("1", "1", "42"), "The year should have 4 numbers, such as 1942."),
        (("1", "1", "2030"), "This date is after today. Please check the year."),
        (("1", "1", "1850"), "more than 130 years ago"),
    ],
)
def test_a_date_that_is_not_real_gets_a_plain_message(parts, message) -> None:
    born, said = read_birth_date(*parts, TODAY)
    assert born is None and message in said


def test_empty_boxes_are_no_date_and_no_message() -> None:
    assert read_birth_date(" ", "", "", TODAY) == (None, "")


def test_a_whole_date_in_one_box_is_shared_out() -> None:
    assert whole_date("27/03/1942", "", "") == ("27", "03", "1942")
    assert whole_date("27", "3", "1942") is None  # one in each already
    assert whole_date("27", "3", "") is None


def test_the_age_is_in_whole_years_on_the_appointment_day_unless_it_has_passed() -> None:
    born = date(1942, 3, 27)
    assert age_on(born, date(2027, 3, 26)) == 84
    assert age_on(born, date(2027, 3, 27)) == 85
    assert age_on(date(2030, 1, 1), TODAY) is None
    later = date(2027, 4, 1)
    assert birth_text(born, later, TODAY) == "27\u00a0March\u00a01942 (age\u00a085)"
    assert birth_text(born, later, TODAY, short=True) == "27\u00a0Mar\u00a01942 (age\u00a085)"
    said = birth_text(born, later, TODAY, say=True)  # the review page says which day
    assert said == "27\u00a0March\u00a01942 (age\u00a085 on the day of the appointment)"
    assert birth_text(born, date(2026, 1, 1), TODAY, say=True).endswith("(age\u00a084)")  # past
    assert birth_text(born, None, TODAY) .endswith("(age\u00a084)")
    assert birth_text(date(2030, 1, 1), None, TODAY) == "1\u00a0January\u00a02030"
    assert birth_text(date(1, 1, 1), None, TODAY) == "1\u00a0January\u00a01"  # (hand-edited)


def test_none_of_these_lists_what_was_said_no_to() -> None:
    about = AboutSkin(no_conditions=True)
    text = health_conditions(LIBRARY, about)
    # A box this library does not know is ticked: not "none of these" (a hand-edited file).
    assert health_conditions(LIBRARY, AboutSkin(no_conditions=True, conditions=["x"])) == ""
    assert text == (
        f"{NONE_OF_THESE} (asked about: diabetes, poor circulation, smoking, weak immunity, "
        "bleeding or blood thinners, keloids, cancer, pregnancy, breastfeeding)"
    )  # short labels, each once ("smoking": now or in the last year)
    assert "or stopped in the last year" not in text  # old boxes are not asked now
    # A ticked box wins (a hand-edited file may hold both); neither: nothing is said.
    about = AboutSkin(no_conditions=True, conditions=["diabetes"])
    assert health_conditions(LIBRARY, about) == "Diabetes"
    assert health_conditions(LIBRARY, AboutSkin()) == ""


def test_both_are_saved_and_opened_again(tmp_path: Path) -> None:
    draft = Draft()
    draft.about.date_of_birth = date(1942, 3, 27)
    draft.about.no_conditions = True
    save_draft(draft, tmp_path / "d.consultprep")
    about = load_draft(tmp_path / "d.consultprep").about
    assert about.date_of_birth == date(1942, 3, 27) and about.no_conditions


def _page(qtbot, about: AboutSkin | None = None) -> AboutPage:
    draft = Draft()
    if about is not None:
        draft.about = about
    page = AboutPage(draft, LIBRARY)
    qtbot.addWidget(page)
    page.initializePage()
    return page


def _type(page: AboutPage, day: str, month: str, year: str) -> None:
    for box, text in zip(page.date_of_birth.boxes.values(), (day, month, year), strict=True):
        box.setText(text)


def test_the_page_shows_and_stores_a_date_of_birth(qtbot) -> None:
    page = _page(qtbot, AboutSkin(date_of_birth=date(1942, 3, 27)))
    assert page.date_of_birth.parts() == ("27", "March", "1942")
    edited: list[bool] = []
    page.edited.connect(lambda: edited.append(True))
    _type(page, "3", "9", "1950")
    assert edited
    page.write_draft()
    assert page.draft.about.date_of_birth == date(1950, 9, 3)
    _type(page, "", "", "")
    page.write_draft()
    assert page.draft.about.date_of_birth is None


def test_a_wrong_date_is_said_when_the_boxes_are_left_not_at_each_key(qtbot) -> None:
    page = _page(qtbot)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    birth = page.date_of_birth
    day, month, year = birth.boxes.values()
    day.setFocus()
    day.setText("31")
    month.setFocus()  # from the day to the month: nothing said yet
    assert birth.message.isHidden()
    month.setText("2")
    year.setFocus()
    year.setText("1942")
    assert birth.message.isHidden()
    page.patient_name.setFocus()  # the boxes are left
    qtbot.waitUntil(lambda: not birth.message.isHidden())
    said = birth.message.text()
    assert said == f"There is no 31 February 1942. Please check the day. {NOT_SAVED}"
    assert day.accessibleDescription() == said  # a screen reader hears it on each box
    day.setText("28")  # put right: the message goes at once
    assert birth.message.isHidden() and day.accessibleDescription() == BIRTH_HINT
    page.write_draft()
    assert page.draft.about.date_of_birth == date(1942, 2, 28)
    day.setFocus()  # a whole date typed in the day box is shared out once it is left
    _type(page, "", "", "")
    day.setText("3/9/1950")
    page.patient_name.setFocus()
    qtbot.waitUntil(lambda: birth.parts() == ("3", "9", "1950"))
    assert birth.message.isHidden() and birth.value() == date(1950, 9, 3)


def test_a_date_not_put_right_is_kept_as_typed_and_said(qtbot, tmp_path: Path) -> None:
    page = _page(qtbot, AboutSkin(date_of_birth=date(1942, 3, 27)))
    _type(page, "27", "3", "194")  # left so, with the focus still in the year box
    page.write_draft()  # (an autosave: nothing said while typing)
    assert page.date_of_birth.message.isHidden()
    assert page.validatePage()  # Next
    about = page.draft.about
    assert about.date_of_birth is None and about.date_of_birth_typed == ["27", "3", "194"]
    said = "The year should have 4 numbers, such as 1942."
    assert page.date_of_birth.message.text() == f"{said} {NOT_SAVED}"
    review = dict(summary_lines(page.draft, LIBRARY))["About your skin"]
    assert "Date of birth: “27 3 194” is not a date ConsultPrep can read yet" in review
    save_draft(page.draft, tmp_path / "d.consultprep")  # and it comes back, with its message
    again = _page(qtbot, load_draft(tmp_path / "d.consultprep").about)
    assert again.date_of_birth.parts() == ("27", "3", "194")
    assert not again.date_of_birth.message.isHidden()
    _type(again, "27", "3", "1942")  # put right: a date, nothing kept as typed
    again.write_draft()
    assert again.draft.about.date_of_birth == date(1942, 3, 27)
    assert again.draft.about.date_of_birth_typed == []


def test_the_boxes_have_names_labels_and_room(qtbot) -> None:
    page = _page(qtbot)
    boxes = page.date_of_birth.boxes
    assert [b.accessibleName() for b in boxes.values()] == [
        "Date of birth: day",
        "Date of birth: month",
        "Date of birth: year",
    ]
    assert boxes["Day"].accessibleDescription() == BIRTH_HINT  # the example, for a reader
    month = boxes["Month"]
    assert isinstance(month, QLineEdit)
    assert month.width() >= month.fontMetrics().horizontalAdvance("September") + 8


def test_none_of_these_and_a_condition_untick_each_other(qtbot) -> None:
    page = _page(qtbot, AboutSkin(conditions=["diabetes", "cancer"]))
    assert not page.no_conditions.isChecked()
    page.no_conditions.setChecked(True)
    assert not any(c.isChecked() for c in page.condition_checks.values())
    said = "Unticked: Diabetes; cancer now or in the past. Tick again any that apply."
    assert page.unticked_note.text() == said and not page.unticked_note.isHidden()
    page.write_draft()
    assert page.draft.about.conditions == [] and page.draft.about.no_conditions
    page.condition_checks["pregnant"].setChecked(True)
    assert not page.no_conditions.isChecked() and page.unticked_note.isHidden()
    page.write_draft()
    assert page.draft.about.conditions == ["pregnant"]
    assert not page.draft.about.no_conditions


def test_none_of_these_is_shown_from_a_draft(qtbot) -> None:
    page = _page(qtbot, AboutSkin(no_conditions=True))
    assert page.no_conditions.isChecked()


def test_the_review_page_and_the_pdf_say_both(tmp_path: Path) -> None:
    today = date.today()  # (the appointment is always ahead, whenever this runs)
    born, appointment = date(today.year - 85, 1, 1), date(today.year + 1, 6, 1)
    draft = Draft(concern="ageing")
    draft.about = AboutSkin(
        patient_name="Margaret",
        date_of_birth=born,
        appointment_date=appointment,
        no_conditions=True,
    )
    about = dict(summary_lines(draft, LIBRARY))["About your skin"].splitlines()
    age = "(age\u00a086 on the day of the appointment)"
    assert f"Date of birth: 1\u00a0January\u00a0{born.year} {age}" in about
    assert "Health conditions: None of these (asked about: diabetes, poor" in "\n".join(about)
    first = flat(page_texts(export(draft, LIBRARY, tmp_path))[0])
    assert f"Date of birth 1 Jan {born.year} (age 86)" in first
    assert "Health conditions None of these (asked about: diabetes, poor circulation" in first


def test_a_carer_is_named_on_the_review_page_and_page_one(qtbot, tmp_path: Path) -> None:
    page = _page(qtbot)
    # The name box says whose name goes in it when someone else fills the app in.
    assert "For someone else? Their name" in page.patient_name.placeholderText()
    page.helper.setText("Susan Ellis, daughter")
    page.write_draft()
    draft = page.draft
    assert draft.about.helper == "Susan Ellis, daughter"
    about = dict(summary_lines(draft, LIBRARY))["About your skin"]
    assert "Carer or helper: Susan Ellis, daughter" in about.splitlines()
    first = flat(page_texts(export(draft, LIBRARY, tmp_path))[0])
    assert "Carer or helper Susan Ellis, daughter" in first
    page.read_draft()
    assert page.helper.text() == "Susan Ellis, daughter"


def test_every_medicine_is_on_the_review_page_not_only_the_first_line() -> None:
    draft = Draft()
    draft.about = AboutSkin(medicines="Apixaban 5 mg b.d.;\nAmlodipine 5 mg o.d.\n\nStatin")
    about = dict(summary_lines(draft, LIBRARY))["About your skin"]
    assert "Medicines: Apixaban 5 mg b.d.; Amlodipine 5 mg o.d.; Statin" in about.splitlines()


def test_month_names_are_english_whatever_the_computer_s_language() -> None:
    """Qt sets the C library's locale from the computer's language, so "%B" gave "Dezember"
    in an English pack on a German computer: dates are written with consultprep.dates."""
    import re

    root = Path(__file__).resolve().parent.parent
    used = [
        f"{path.relative_to(root)}:{n}"
        for folder in ("consultprep", "exports", "ui")
        for path in (root / folder).rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"%[aAbBcxp]", line)
    ]
    assert not used


def test_the_medicines_box_grows_to_show_a_list(qtbot) -> None:
    """Four medicines, one a line, at large text: the fourth was cut through the middle."""
    page = _page(qtbot, AboutSkin(medicines="Warfarin\nMetformin\nAtorvastatin\nRamipril"))
    page.resize(900, 700)
    page.show()
    qtbot.waitUntil(lambda: page.medicines.verticalScrollBar().maximum() == 0)
    box = page.medicines
    assert box.viewport().height() >= 4 * box.fontMetrics().lineSpacing()


def test_an_appointments_date_is_read_as_a_birth_date_is_with_its_own_limits() -> None:
    from consultprep.birth_date import read_appointment_date

    today = date(2026, 12, 8)
    assert read_appointment_date("14", "1", "2027", today) == (date(2027, 1, 14), "")
    assert read_appointment_date("1", "12", "2026", today) == (date(2026, 12, 1), "")  # passed
    assert read_appointment_date("3/2/27", "", "", today) == (date(2027, 2, 3), "")
    when, said = read_appointment_date("14", "1", "2072", today)
    assert when is None and said.startswith("Please check the year")
    when, said = read_appointment_date("14", "", "2027", today)
    assert when is None and said == "Please add the month, as in 14 3 2027."


@pytest.mark.parametrize(
    "pasted",
    [
        "Wednesday, 14th of March 2027 at 10:30am",
        "Sunday 14 March 2027",
        "14 March 2027 at 10:30",
        "2027-03-14T09:30",
        "14/03/2027 9am",
        "Weds 14 March 2027 10.30am",
        "14 March 2027, 2.15 p.m.",
    ],
)
def test_a_date_pasted_from_an_appointment_letter_is_read(pasted: str) -> None:
    """A day's name and a time are left out (pasted, they were read as the month and year)."""
    from consultprep.birth_date import read_appointment_date

    assert read_appointment_date(pasted, "", "", date(2026, 12, 8)) == (date(2027, 3, 14), "")


def test_damaged_typed_dates_keep_each_part_in_its_box() -> None:
    """From a damaged draft: a number is its text, anything else an empty box, at most three
    (a bad item dropped moved the year into the month box: a review)."""
    from consultprep.models import AboutSkin

    assert AboutSkin(appointment_date_typed=["12", 3, "2026"]).appointment_date_typed == [
        "12",
        "3",
        "2026",
    ]
    assert AboutSkin(date_of_birth_typed=["1", None, "1942", "x"]).date_of_birth_typed == [
        "1",
        "",
        "1942",
    ]
    assert AboutSkin(date_of_birth_typed=[True, 3.0, 2.5]).date_of_birth_typed == ["", "3", ""]
