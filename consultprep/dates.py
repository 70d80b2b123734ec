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
