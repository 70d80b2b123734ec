"""A date in three boxes, day, month and year: the date of birth, and the appointment's.

A date everyone knows by heart is quicker typed than picked: a calendar that starts at today
is a long way from 1942. The month may be a number or its name. While the boxes do not give
a real date, a plain message under them says what to put right once the patient moves on
(not at each key, and not while they go from the day to the month).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication, QGridLayout, QLineEdit, QVBoxLayout, QWidget

from consultprep.birth_date import (
    APPOINTMENT_NOT_SAVED,
    NOT_SAVED,
    read_appointment_date,
    read_birth_date,
    whole_date,
)
from consultprep.dates import MONTHS
from ui.announce import announce
from ui.fields import line_edit
from ui.widgets import HINT, NOTICE, plain_label

#: Under the label, before the boxes.
BIRTH_HINT = "For example: 27 3 1942, or 27 March 1942. Leave it empty if you prefer."
#: How many letters each box is made wide enough for.
_WIDTHS = {"Day": 4, "Month": 11, "Year": 6}


class DateBoxes(QWidget):
    """Three boxes (day, month, year), their hint and the message; ``value`` is the date,
    or None while the boxes are empty or do not give a real date.

    Subclasses say what the date is: ``WHAT`` names the boxes ("Date of birth: day"),
    ``HINT_TEXT`` is shown above them, ``NOT_SAVED`` follows each message, and ``_reader``
    reads the three texts."""

    WHAT = "Date"
    HINT_TEXT = ""
    NOT_SAVED = ""
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.hint = plain_label(self.HINT_TEXT, role=HINT)
        outer.addWidget(self.hint)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.boxes: dict[str, QLineEdit] = {}
        for column, name in enumerate(_WIDTHS):
            box = line_edit(f"{self.WHAT}: {name.lower()}")
            box.setMaxLength(60)  # (a date pasted from a letter: "Tuesday 14 March 2027 at…")
            label = plain_label(name)
            label.setBuddy(box)
            grid.addWidget(label, 0, column)
            grid.addWidget(box, 1, column)
            box.textChanged.connect(lambda text, box=box: self._typed(box, text))
            self.boxes[name] = box
        self._before = {box: "" for box in self.boxes.values()}  # each box's text, a key ago
        #: The draft's date and the boxes' texts that show it: given back as it is while the
        #: boxes still show it (a date outside the limits, such as 1 January 1 from a hand-
        #: edited draft, was read as a mistake and lost; as Qt's date box lost it once).
        self._given: tuple[date, tuple[str, str, str]] | None = None
        grid.setColumnStretch(len(_WIDTHS), 1)
        outer.addLayout(grid)
        self.day = self.boxes["Day"]  # (the label's buddy)
        self.message = plain_label(role=NOTICE)
        self.message.hide()
        outer.addWidget(self.message)
        self._say("")
        self._widen()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _widen(self) -> None:
        """Each box wide enough for its longest answer at the present text size."""
        for name, letters in _WIDTHS.items():
            box = self.boxes[name]
            box.setFixedWidth(self.fontMetrics().horizontalAdvance("0" * letters) + 24)

    def changeEvent(self, event: QEvent) -> None:
        """The text size changed: the boxes are made wide enough again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._widen()

    # --- the value ------------------------------------------------------------------------
    def parts(self) -> tuple[str, str, str]:
        return tuple(self.boxes[name].text() for name in _WIDTHS)  # type: ignore[return-value]

    def read(self) -> tuple[date | None, str]:
        """The date (or None), and what to put right ("" when the boxes give a date or are
        all empty)."""
        parts = self.parts()
        if self._given is not None and parts == self._given[1]:
            return self._given[0], ""
        return self._reader(*parts, date.today())

    @staticmethod
    def _reader(day: str, month: str, year: str, today: date) -> tuple[date | None, str]:
        raise NotImplementedError

    def value(self) -> date | None:
        return self.read()[0]

    def problem(self) -> str:
        return self.read()[1]

    def typed(self) -> list[str]:
        """What the boxes hold while it is not a date (kept in the draft, not printed)."""
        parts = list(self.parts())
        return parts if self.read()[1] else []  # (a problem: something typed, not a date)

    def set_value(self, born: date | None, typed: list[str] | None = None) -> None:
        """Show ``born`` (the month by name), or what was ``typed`` that is not a date yet
        (with its message), or empty boxes."""
        texts = ["", "", ""]
        self._given = None
        if born is not None:
            texts = [str(born.day), MONTHS[born.month - 1], str(born.year)]
            self._given = born, (texts[0], texts[1], texts[2])
        elif typed:
            texts = (list(typed) + ["", "", ""])[:3]
        for box, text in zip(self.boxes.values(), texts, strict=True):
            box.blockSignals(True)
            box.setText(text)
            box.blockSignals(False)
            self._before[box] = text
        self._say(self.problem())

    def show_problem(self) -> None:
        """Say what to put right (the page is left, or the draft saved, with the focus still
        in a box: it was not said when the date was kept as typed)."""
        self._say(self.problem())

    # --- the message ----------------------------------------------------------------------
    def _typed(self, box: QLineEdit, text: str) -> None:
        """A change: a whole date pasted into one box is shared out at once (it showed only
        "/1980" in the narrow day box until the page was left: a walk-through with the
        keyboard); a message already shown follows it (and goes once all is well)."""
        pasted = len(text) - len(self._before.get(box, "")) >= 3
        self._before[box] = text
        if pasted and self._share_out():
            return  # (each box's change came here again)
        problem = self.problem()  # (read once a key)
        if not self.message.isHidden() or not problem:
            self._say(problem)
        self.changed.emit()

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Once the focus has left all three boxes: a whole date typed in one box is shared
        out among them ("27/03/1942" in the day box), and what to put right is said."""
        boxes = list(self.boxes.values())
        if old not in boxes or new in boxes:
            return
        self._share_out()
        problem = self.problem()
        self._say(problem)
        if problem:
            announce(self.message, self.message.text())

    def _share_out(self) -> bool:
        """A whole date typed in one box ("27/03/1942") put in the three boxes; True if so."""
        split = whole_date(*self.parts())
        if split is None:
            return False
        for box, text in zip(self.boxes.values(), split, strict=True):
            self._before[box] = text
            box.setText(text)
        return True

    def _say(self, problem: str) -> None:
        text = f"{problem} {self.NOT_SAVED}" if problem else ""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        for box in self.boxes.values():  # a screen reader hears it (or the example) on each box
            box.setAccessibleDescription(text or self.hint.text())


class BirthDateInput(DateBoxes):
    """The date of birth: not after today, nor more than ``MOST_YEARS`` before it."""

    WHAT = "Date of birth"
    HINT_TEXT = BIRTH_HINT
    NOT_SAVED = NOT_SAVED
    _reader = staticmethod(read_birth_date)


class AppointmentDateInput(DateBoxes):
    """The appointment's date: within a few years of today (it may have passed)."""

    WHAT = "Appointment date"
    NOT_SAVED = APPOINTMENT_NOT_SAVED
    _reader = staticmethod(read_appointment_date)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint.setText(appointment_hint(date.today()))
        self._say(self.problem())


def appointment_hint(today: date) -> str:
    """The example above the appointment's boxes, in next year (it is not a date of birth)."""
    return f"For example: 14 3 {today.year + 1}, or 14 March {today.year + 1}."
