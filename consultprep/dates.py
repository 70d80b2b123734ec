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


def long_date(d: date, *, short: bool = False) -> str:
    """A date as "3 March 2025" (English month names whatever the computer's language), with
    no-break spaces: a date is never split over two lines (printed, they are plain spaces).
    With ``short``, the month's first three letters: "3 Mar 2025"."""
    month = MONTHS[d.month - 1]
    return f"{d.day}\u00a0{month[:3] if short else month}\u00a0{d.year}"


def age_on(born: date, on: date) -> int | None:
    """Age in whole years on the day ``on`` (None if ``born`` is after it)."""
    if born > on:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


#: No one is older: a date of birth further back is a mistake.
MOST_YEARS = 130


def age_day(appointment: date | None, today: date) -> date:
    """The day the age is given for: the appointment's, unless it has passed (then today)."""
    return appointment if appointment is not None and appointment > today else today


def birth_text(
    born: date, appointment: date | None, today: date, *, short: bool = False, say: bool = False
) -> str:
    """A date of birth with the age on the day of the appointment (or today, if it has
    passed or is not known): "12 March 1942 (age 84)"; with ``short`` "12 Mar 1942 (age 84)"
    (page 1's narrow column); with ``say``, "(age 85 on the day of the appointment)" when
    that is the day (the review page, where the patient may be younger today). No age for
    a date after that day."""
    on = age_day(appointment, today)
    age = age_on(born, on)
    when = long_date(born, short=short)
    if age is None or age > MOST_YEARS:  # (a date from a hand-edited file: no age for it)
        return when
    # "the appointment", not "your": a carer may be filling it in (a carer's walk-through)
    said = " on the day of the appointment" if say and on != today else ""
    return f"{when} (age\u00a0{age}{said})"

