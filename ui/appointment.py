"""The appointment's date on the About page: a tick ("I know the date"), then the date.

The box starts at today's date, which is easy to leave by mistake: until a date is chosen
(or one comes from the draft) a note under it says to change it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QVBoxLayout

from ui.date_field import DateEdit
from ui.flow_layout import FlowLayout
from ui.widgets import HINT, plain_label, reveal

#: Under the appointment date until the patient changes it from today's date.
CHANGE_THE_DATE = "Today’s date is shown. Change it to the day of your appointment."


class AppointmentDate:
    """The tick, the date box and its note, added to ``form``; ``edited`` is called on each
    change the patient makes, and ``reading`` says when the page is showing the draft."""

    def __init__(
        self, form: QVBoxLayout, edited: Callable[..., None], reading: Callable[[], bool]
    ) -> None:
        self._reading = reading
        self._edited = edited
        self.tick = QCheckBox("I know the &date of my appointment")
        self.tick.setAccessibleName("I know the date of my appointment")
        self.box = DateEdit()
        self.box.setAccessibleName("Appointment date")
        self.box.setDate(QDate.currentDate())
        self.box.setEnabled(False)
        # Hidden until ticked: a greyed-out date (today's) read as if the appointment were today.
        self.box.setVisible(False)
        self.hint = plain_label(CHANGE_THE_DATE, role=HINT)
        self.hint.setVisible(False)
        self._chosen = False
        self.tick.toggled.connect(self._ticked)
        self.tick.toggled.connect(edited)
        self.box.dateChanged.connect(self._changed)
        row = FlowLayout(spacing=10)  # the date goes below the tick with large text
        row.addWidget(self.tick)
        row.addWidget(self.box)
        form.addLayout(row)
        form.addWidget(self.hint)

    def set_value(self, when: date | None) -> None:
        """Show the draft's date (or none: today's, unticked)."""
        self.tick.setChecked(when is not None)
        if when is not None:
            self.box.set_value(when)
        else:  # a date picked and then unticked is not in the draft: today again, as said
            self.box.setDate(QDate.currentDate())
        self._chosen = when is not None
        self._show_hint()

    def value(self) -> date | None:
        return self.box.value() if self.tick.isChecked() else None

    def _ticked(self, on: bool) -> None:
        self.box.setEnabled(on)
        self.box.setVisible(on)
        self._show_hint()
        if on and not self._reading():  # the date box, next after the tick, in view with its
            reveal(self.hint, self.box)  # note (the focus stays: a second Space unticks)

    def _changed(self) -> None:
        if not self._reading():
            self._chosen = True
            self._show_hint()
        self._edited()

    def _show_hint(self) -> None:
        shown = self.tick.isChecked() and not self._chosen
        self.hint.setVisible(shown)
        self.box.setAccessibleDescription(CHANGE_THE_DATE if shown else "")
