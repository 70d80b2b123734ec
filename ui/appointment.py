"""The appointment's date on the About page: a tick ("I know the date"), then the date in
three boxes (day, month, year), as the date of birth is.

It was a date box that started at today's date (easy to leave by mistake), moved on to the
month by itself after two figures of the day, wanted the month by name, and took Tab to mean
its next part: "12", Tab, "6", Tab, "2025" left the date as it was and put "2025" in the next
field (a walk-through with the keyboard). Three plain boxes read "12 6 2025" as meant.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QCheckBox, QVBoxLayout

from ui.birth_date import AppointmentDateInput
from ui.widgets import reveal


class AppointmentDate:
    """The tick and the date's boxes, added to ``form``; ``edited`` is called on each change
    the patient makes, and ``reading`` says when the page is showing the draft."""

    def __init__(
        self, form: QVBoxLayout, edited: Callable[..., None], reading: Callable[[], bool]
    ) -> None:
        self._reading = reading
        self.tick = QCheckBox("I know the &date of my appointment")
        self.tick.setAccessibleName("I know the date of my appointment")
        self.box = AppointmentDateInput()
        # Hidden until ticked (the boxes are the next Tab stop then).
        self.box.setVisible(False)
        self.tick.toggled.connect(self._ticked)
        self.tick.toggled.connect(edited)
        self.box.changed.connect(edited)
        form.addWidget(self.tick)
        form.addWidget(self.box)

    def set_value(self, when: date | None, typed: list[str] | None = None) -> None:
        """Show the draft's date (or what was typed that is not a date yet), ticked; or no
        date, unticked."""
        self.tick.setChecked(when is not None or any(t.strip() for t in typed or []))
        self.box.set_value(when, typed)

    def value(self) -> date | None:
        return self.box.value() if self.tick.isChecked() else None

    def typed(self) -> list[str]:
        """What the boxes hold while it is not a date (kept in the draft, not printed)."""
        return self.box.typed() if self.tick.isChecked() else []

    def show_problem(self) -> None:
        """Say what to put right (the page is left, or the draft saved)."""
        if self.tick.isChecked():
            self.box.show_problem()

    def _ticked(self, on: bool) -> None:
        self.box.setVisible(on)
        if on and not self._reading():  # the boxes, next after the tick, in view (the focus
            reveal(self.box, self.tick)  # stays: a second Space unticks)
