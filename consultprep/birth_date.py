"""A date typed in three boxes (day, month, year), read as a patient means it: a date of
birth, or an appointment's date.

The boxes are read together: "27 3 1942" or "27/03/1942" typed or pasted into one box, or
"March 1942" in the month box, is the same date. Digits of any script count ("٢٧" is 27).
What cannot be read gets a plain message that says what to put right.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from consultprep.dates import MONTHS, MOST_YEARS

#: Said under the date of birth while its boxes do not give a real date.
NOT_SAVED = "Until it is put right, no date of birth is printed."
#: Said under the appointment's date while its boxes do not give a real date.
APPOINTMENT_NOT_SAVED = "Until it is put right, no appointment date is printed."
#: Each of the three boxes in turn.
PARTS = ("day", "month", "year")
_SEPARATORS = re.compile(r"[\s/.,\-]+")
#: Words a date may have that are not its day, month or year (see ``words``).
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEFT_OUT = frozenset(
    ["of", "the", "on", "at", "am", "pm", *_DAYS, "tues", "weds", "thur", "thurs"]
    + [day[:3] for day in _DAYS]
)
_TIME = re.compile(r"\d{1,2}(?::\d{2}){1,2}(?:am|pm)?|\d{1,2}(?:am|pm)", re.IGNORECASE)
_ISO_TIME = re.compile(r"(?<=\d)T(?=\d{1,2}:\d{2})")
#: "10.30am", "2.15 p.m.": a time with a dot, which the separators would cut (with its am or
#: pm only: "14.03.2027" is a date).
_DOT_TIME = re.compile(r"\b\d{1,2}\.\d{2}\s?[ap]\.?m\b\.?", re.IGNORECASE)


def words(text: str) -> list[str]:
    """``text`` in words between spaces, slashes, dots, commas and dashes, with digits of any
    script made 0 to 9 and wide letters made plain ("２７" is "27"); a day's name and a time
    are left out, as an appointment letter gives them ("Tuesday 14 March 2027 at 10:30am",
    "2027-03-14T09:30": pasted, they were read as the month and the year)."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)
    text = _DOT_TIME.sub(" ", _ISO_TIME.sub(" ", text))
    return [
        w
        for w in _SEPARATORS.split(text)
        if w and w.lower() not in _LEFT_OUT and not _TIME.fullmatch(w)
    ]


def whole_date(day: str, month: str, year: str) -> tuple[str, str, str] | None:
    """The day, month and year, when the three boxes hold three words in all but not one
    in each ("27 3 1942" or "27th of March 1942" in the day box; "1942-03-27" and "March 27,
    1942" are read too); None otherwise."""
    return _shared_out([words(p) for p in (day, month, year)])


def _shared_out(parts: list[list[str]]) -> tuple[str, str, str] | None:
    """``whole_date`` of the boxes' words."""
    found = [w for p in parts for w in p]
    if len(found) != 3 or all(len(p) == 1 for p in parts):
        return None
    first, second, third = found
    if len(first) == 4 and first.isdigit():  # year first: 1942-03-27
        return third, second, first
    if not first[:1].isdigit() and second[:1].isdigit():  # month first: March 27, 1942
        return second, first, third
    return first, second, third


def read_typed_date(
    day: str, month: str, year: str, example: str = "27 3 1942", century: int | None = None
) -> tuple[date | None, str]:
    """A date typed in three boxes, or None and a plain message saying what to put right
    ("" with no date when all three are empty). The month may be a number or its name ("3",
    "March", "mar"); the day may end in "st", "nd", "rd" or "th". ``example`` is the date
    the messages show, as in "27 3 1942". With a ``century`` (20), a year of two figures is
    in it ("27" is 2027). No range is checked (see ``read_birth_date``)."""
    parts = [words(p) for p in (day, month, year)]
    if not any(parts):
        return None, ""
    split = _shared_out(parts)  # (the words are found once)
    if split is not None:
        parts = [[w] for w in split]
    if any(len(p) > 1 for p in parts):
        return None, f"Please put the day, month and year in their own boxes, as in {example}."
    missing = [name for name, p in zip(PARTS, parts, strict=True) if not p]
    if missing:
        return None, f"Please add the {' and the '.join(missing)}, as in {example}."
    day, month, year = (p[0] for p in parts)
    day = re.sub(r"(?<=\d)(st|nd|rd|th)$", "", day.lower())
    if not (day.isdigit() and 1 <= int(day) <= 31):
        return None, "The day should be a number from 1 to 31."
    number = _month_number(month)
    if number is None:
        return None, "The month should be a number from 1 to 12, or its name, such as March."
    if century is not None and year.isdigit() and len(year) == 2:
        year = f"{century}{year}"
    if not (year.isdigit() and len(year) == 4 and int(year) > 0):
        return None, f"The year should have 4 numbers, such as {example.split()[-1]}."
    try:
        return date(int(year), number, int(day)), ""
    except ValueError:
        return None, f"There is no {int(day)} {MONTHS[number - 1]} {year}. Please check the day."


def read_birth_date(day: str, month: str, year: str, today: date) -> tuple[date | None, str]:
    """A date of birth typed in three boxes (``read_typed_date``), not after ``today`` and
    not more than ``MOST_YEARS`` before it."""
    born, problem = read_typed_date(day, month, year)
    if born is None:
        return None, problem
    if born > today:
        return None, "This date is after today. Please check the year."
    if today.year - born.year > MOST_YEARS:
        return None, f"Please check the year: this date is more than {MOST_YEARS} years ago."
    return born, ""


#: An appointment this many years from today, or more, is taken for a mistyped year.
APPOINTMENT_YEARS = 10


def read_appointment_date(day: str, month: str, year: str, today: date) -> tuple[date | None, str]:
    """An appointment's date typed in three boxes (``read_typed_date``; a year may have two
    figures), within ``APPOINTMENT_YEARS`` of ``today`` (it may have passed: answers are
    noted after it)."""
    example = f"14 3 {today.year + 1}"
    # "3/2/27": an appointment's year in two figures is this century's (a birth year's is not
    # taken as either: "42" may be 1942 or 2042)
    when, problem = read_typed_date(day, month, year, example, today.year // 100)
    if when is None:
        return None, problem
    if abs(when.year - today.year) >= APPOINTMENT_YEARS:
        return (
            None,
            f"Please check the year: this date is {APPOINTMENT_YEARS} or more years from today.",
        )
    return when, ""


def _month_number(text: str) -> int | None:
    """1 to 12 from "3", "03", "March", "mar" or "Sept", or a name misspelt after its first
    three letters, which no two months share ("Febuary", "Septmber"); None otherwise."""
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    word = text.lower()
    if len(word) < 3:
        return None
    for n, name in enumerate(MONTHS, 1):
        if name.lower()[:3] == word[:3] and word.isalpha():
            return n
    return None
