"""A date field that never changes a date it was given from a draft.

Qt's date box cannot show a date before the year 100 (and by default, none before
14 September 1752): it quietly shows its earliest date instead, and a draft saved after the
page was visited held that date, not the patient's. ``DateEdit`` keeps such a date, says so
beside the box, and gives it back unchanged until the patient picks another date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from consultprep.dates import long_date
from ui.fields import FieldNotice

#: The earliest date Qt's date box can show.
EARLIEST = QDate(100, 1, 1)
#: Said beside a date box holding a date it cannot show.
KEPT_DATE_NOTICE = (
    "Your draft gives the date {when}, which this box cannot show. It is kept unless you pick "
    "another date."
)


class DateEdit(QDateEdit):
    """A date box (day, month name, year; a calendar to pick from) that keeps a date from a
    draft it cannot show. Use ``set_value`` and ``value`` for the draft's date."""

    def __init__(self, earliest: QDate = EARLIEST) -> None:
        super().__init__()
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMMM yyyy")
        self.setMinimumDate(earliest)
        self.setMinimumWidth(220)
        self._kept: date | None = None
        self._shown = QDate()
        self._notice = FieldNotice(self, pop_up=False)
        self._special = ""  # the box's own special-value text, while a kept date shows
        self.dateChanged.connect(self._date_changed)

    def set_value(self, value: date) -> None:
        """Show ``value`` (or, if the box cannot show it, keep it and say so)."""
        shown = QDate(value.year, value.month, value.day)
        lowest = self.minimumDate()
        special = self._special if self._kept is not None else self.specialValueText()
        fits = (lowest < shown if special else lowest <= shown) and (
            shown <= self.maximumDate()
        )
        self._set_kept(None if fits else value)
        self._shown = shown if fits else lowest  # (before dateChanged, which checks it)
        self.setDate(self._shown)

    def set_lowest(self) -> None:
        """Show the box's lowest date (in its own words, such as "No date"), forgetting a
        kept date; ``set_value`` with that date gives it back."""
        self._set_kept(None)
        self._shown = self.minimumDate()
        self.setDate(self._shown)

    def value(self) -> date:
        """The date shown, or the draft's date the box could not show (until changed)."""
        if self._kept is not None and self.date() == self._shown:
            return self._kept
        return self.date().toPython()

    def kept(self) -> date | None:
        """The draft's date that the box cannot show, while it is kept."""
        return self._kept

    def _date_changed(self, value: QDate) -> None:
        if self._kept is not None and value != self._shown:
            self._set_kept(None)

    def _set_kept(self, kept: date | None) -> None:
        if self._kept is None and kept is not None:
            self._special = self.specialValueText()
        if kept is None:
            if self._kept is not None:
                self.setSpecialValueText(self._special)
            self._notice.show(None)
        else:
            self._notice.show(KEPT_DATE_NOTICE.format(when=long_date(kept)))
            # The box rests on its lowest date meanwhile: it shows the kept date's words.
            self.setSpecialValueText(long_date(kept).replace("\u00a0", " "))
        self._kept = kept
