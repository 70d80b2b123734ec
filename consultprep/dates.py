"""Dates in words, the same on screen and on paper, whatever the computer's language."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(d: date) -> str:
    """A date as "3 March 2025" (English month names whatever the computer's language), with
    no-break spaces: a date is never split over two lines (printed, they are plain spaces)."""
    return f"{d.day}\u00a0{MONTHS[d.month - 1]}\u00a0{d.year}"


def age_on(born: date, on: date) -> int | None:
    """Age in whole years on the day ``on`` (None if ``born`` is after it)."""
    if born > on:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def birth_text(born: date, on: date, *, short: bool = False) -> str:
    """A date of birth with the age on the day ``on`` (the appointment, or today): "12 March
    1942 (age 84)", or with ``short`` "12 Mar 1942 (age 84)" (page 1's narrow column). No age
    for a date after ``on``."""
    age = age_on(born, on)
    when = long_date(born)
    if short:
        when = f"{born.day}\u00a0{MONTHS[born.month - 1][:3]}\u00a0{born.year}"
    return when + ("" if age is None else f" (age\u00a0{age})")


#: Said under the date of birth while its boxes do not give a real date.
NOT_SAVED = "Until it is put right, no date of birth is saved or printed."


def read_birth_date(day: str, month: str, year: str, today: date) -> tuple[date | None, str]:
    """The date of birth typed in three boxes, or None and a plain message saying what to
    put right ("" with no date when all three are empty). The month may be a number or its
    name ("3", "March", "mar"); the day may end in "st", "nd", "rd" or "th"."""
    day, month, year = (" ".join(part.split()).strip(" .,/-") for part in (day, month, year))
    if not (day or month or year):
        return None, ""
    missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
    if missing:
        return None, f"Please add the {' and the '.join(missing)}, as in 27 3 1942."
    day_digits = day.lower().removesuffix("st").removesuffix("nd").removesuffix("rd")
    day_digits = day_digits.removesuffix("th").strip()
    if not (day_digits.isascii() and day_digits.isdigit() and 1 <= int(day_digits) <= 31):
        return None, "The day should be a number from 1 to 31."
    number = _month_number(month)
    if number is None:
        return None, "The month should be a number from 1 to 12, or its name, such as March."
    if not (year.isascii() and year.isdigit() and len(year) == 4):
        return None, "The year should have 4 numbers, such as 1942."
    try:
        born = date(int(year), number, int(day_digits))
    except ValueError:
        when = f"{int(day_digits)} {MONTHS[number - 1]} {year}"
        return None, f"There is no {when}. Please check the day."
    if born > today:
        return None, "This date is after today. Please check the year."
    if today.year - born.year > 130:
        return None, "Please check the year: this date is more than 130 years ago."
    return born, ""


def _month_number(text: str) -> int | None:
    """1 to 12 from "3", "03", "March", "mar" or "Sept" (None if it is none of them)."""
    if text.isascii() and text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    word = text.lower().rstrip(".")
    if len(word) < 3:
        return None
    for n, name in enumerate(MONTHS, 1):
        if name.lower().startswith(word) or (word == "sept" and n == 9):
            return n
    return None
