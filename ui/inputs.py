"""Input widgets for the "About your skin" page: a 0-10 score and a list of tried treatments."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultprep.models import TriedTreatment
from consultprep.summary import shorten
from ui import dialogs
from ui.fields import NameBox, text_box
from ui.flow_layout import FlowLayout
from ui.widgets import HINT, big_button, page_changed, plain_label

SCORE_WORDS = {0: "none", 10: "worst"}
#: Tried treatments: narrower than this many average characters, the fields are stacked.
STACK_BELOW_CHARS = 90
SLACK = 12  # pixels to go past it before the columns come back (no flicker at the edge)
ROWS_PER_STEP = 25  # tried treatments made at a time while the page is prepared ahead


#: Keys that move the choice along a score row, and by how many buttons (None: to an end).
_STEPS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Home: None,
    Qt.Key.Key_End: None,
}


class _ScoreRow(FlowLayout):
    """The buttons 0 to 10 and "Not answered", wrapping evenly (0-5 and 6-10) with large text.

    When 0 to 10 take two lines or more and "Not answered" has no room after 10, it has a
    line of its own: there it is as wide as the widest line of numbers, so the three lines
    make one block, not two rows of numbers and a button left over under them. (Under 0 to
    10 on one line, it keeps its own width: as wide as the whole row would be far too wide.)
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, spacing=4, balanced=11)
        self.setContentsMargins(0, 0, 0, 0)

    def setGeometry(self, rect: QRect) -> None:
        """Called by Qt to place the buttons inside ``rect``; then "Not answered" is widened
        if it is alone under lines of numbers."""
        super().setGeometry(rect)
        items = [self.itemAt(n) for n in range(self.count())]
        items = [item for item in items if item is not None and not item.isEmpty()]
        if len(items) != 12:  # the numbers and "Not answered", all shown
            return
        *numbers, last = (item.geometry() for item in items)
        tops = {place.top() for place in numbers}
        if len(tops) < 2 or last.top() <= max(tops):
            return  # 0 to 10 on one line, or "Not answered" after 10
        left = min(place.left() for place in numbers)
        right = max(place.right() for place in numbers)
        if right - left + 1 > last.width():
            items[-1].setGeometry(QRect(left, last.top(), right - left + 1, last.height()))


class ScoreInput(QWidget):
    """A 0-10 score as a row of large buttons, plus "Not answered" (the default).

    The row is one stop for Tab, as a group of round choice buttons is: Tab goes to the
    chosen button (at first "Not answered") and then on past the row, not through all twelve.
    The arrow keys choose the button before or after, Home and End the first and last; a
    click chooses any.
    """

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(f"{label}, 0 to 10")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = _ScoreRow(self)  # wraps evenly with large text
        self.buttons: list[QPushButton] = []
        for n in range(11):
            button = QPushButton(str(n))
            button.setObjectName("score")
            button.setCheckable(True)
            word = SCORE_WORDS.get(n)
            button.setAccessibleName(f"{label}: {n} out of 10" + (f" ({word})" if word else ""))
            self._group.addButton(button, n)
            self.buttons.append(button)
            row.addWidget(button)
        self.not_answered = QPushButton("Not answered")
        self.not_answered.setObjectName("score")
        self.not_answered.setCheckable(True)
        self.not_answered.setAccessibleName(f"{label}: not answered")
        self._group.addButton(self.not_answered, -2)
        row.addWidget(self.not_answered)
        for button in self._group.buttons():
            button.installEventFilter(self)
        self.not_answered.setChecked(True)
        self._group.idToggled.connect(self._toggled)
        self._stop: QPushButton | None = None  # the button Tab stops at
        self._one_tab_stop()

    def order(self) -> list[QPushButton]:
        """The buttons as they are laid out: 0 to 10, then "Not answered"."""
        return [*self.buttons, self.not_answered]

    def _one_tab_stop(self) -> None:
        """Only the chosen button takes Tab, in the place of the one chosen before; the others
        still take a click."""
        chosen = self.chosen()
        before = self._stop
        moved = False
        for button in self.order():
            policy = Qt.FocusPolicy.StrongFocus if button is chosen else Qt.FocusPolicy.ClickFocus
            if button.focusPolicy() != policy:
                button.setFocusPolicy(policy)
                moved = True
        if not moved and before is chosen:
            return
        if before is not None and before is not chosen:
            # At once, so a Tab pressed straight after an arrow key leaves the row; the page
            # redoes its tab order later (ui.focus), and finds this in place. Not
            # setFocusProxy: Qt moves a focus proxy in the focus chain, behind the back of the
            # page's tab order.
            QWidget.setTabOrder(before, chosen)
        self._stop = chosen
        page_changed(self)

    def chosen(self) -> QPushButton:
        """The chosen button ("Not answered" if no score), the one Tab stops at."""
        return self._group.checkedButton() or self.not_answered

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the buttons' events: the arrow keys, Home and End choose."""
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            # Qt moves a button group's Tab stop to any button that gets the focus (a right
            # click, a press dragged off): the chosen button takes it back afterwards.
            QTimer.singleShot(0, self, self._one_tab_stop)
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in _STEPS or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        order = self.order()
        if watched not in order:
            return False
        step = _STEPS[Qt.Key(event.key())]
        if step is None:
            target = order[0] if event.key() == Qt.Key.Key_Home else order[-1]
        else:
            # Right on "Not answered" (the last) goes round to 0; elsewhere the ends stop,
            # so holding an arrow key never goes round into clearing the score.
            at = order.index(watched)
            target = order[0] if at == len(order) - 1 and step > 0 else order[max(0, at + step)]
        if not target.isChecked():
            target.setChecked(True)
        target.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def value(self) -> int | None:
        """The chosen score, or None for "not answered"."""
        n = self._group.checkedId()
        return n if 0 <= n <= 10 else None

    def set_value(self, value: int | None) -> None:
        """Show ``value`` (None: not answered)."""
        button = self.not_answered if value is None else self.buttons[value]
        button.setChecked(True)

    def _toggled(self, _id: int, on: bool) -> None:
        if on:
            self._one_tab_stop()
            self.changed.emit()


#: A tried treatment's boxes grow with their text up to this many lines, then scroll.
GROW_TO = 5


@dataclass
class TriedRow:
    """The widgets of one tried-treatment row."""

    name_edit: QPlainTextEdit  # two lines tall, both: a long name or a sentence or two
    how_edit: QPlainTextEdit  # is read back whole
    remove_button: QPushButton
    name_label: QLabel  # "Treatment 1" and "How did it go?", shown when the fields are
    how_label: QLabel  # stacked (a narrow page at large text); else the column headings say it

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name_label, self.name_edit, self.how_label, self.how_edit, self.remove_button)


class TriedTreatmentsEditor(QWidget):
    """A small editable list: what you tried and how it went; add and remove rows."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Treatments you have already tried")
        self.rows: list[TriedRow] = []
        self.stacked = False  # fields in columns; stacked when narrow (see stacked_for)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(1, 3)
        self._head_name = plain_label("Treatment", role=HINT)
        self._head_how = plain_label("How did it go?", role=HINT)
        self._grid.addWidget(self._head_name, 0, 0)
        self._grid.addWidget(self._head_how, 0, 1)
        outer.addLayout(self._grid)
        self.empty_label = plain_label("None added yet.", role=HINT)
        outer.addWidget(self.empty_label)
        add_row = QHBoxLayout()
        self.add_button = big_button(
            "&Add a treatment you have tried", "Add a treatment you have tried"
        )
        self.add_button.clicked.connect(self._add_clicked)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        outer.addLayout(add_row)
        self._refresh()

    def add_row(self, name: str = "", how_it_went: str = "") -> TriedRow:
        """Add a row (filled with ``name`` and ``how_it_went``) and return its widgets."""
        row = self._make_row(len(self.rows) + 1, name, how_it_went)
        self.rows.append(row)
        self._place(row, len(self.rows))  # at the end: the rows before it stay where they are
        self._refresh()
        return row

    def _make_row(self, n: int, name: str, how_it_went: str) -> TriedRow:
        """The widgets of row ``n``, filled and connected, not placed yet."""
        # Two lines tall, as how it went: a long name is read whole, not cut at the edge. Both
        # grow with a longer text (large text makes short lines), up to GROW_TO lines.
        name_edit = text_box(
            f"Treatment {n}: name", 2, "For example: steroid cream", kind=NameBox, grow_to=GROW_TO
        )
        how_edit = text_box(
            f"Treatment {n}: how it went", 2, "For example: helped a little", grow_to=GROW_TO
        )
        name_edit.setPlainText(name)
        how_edit.setPlainText(how_it_went)
        remove = QPushButton("Remove")
        remove.setAccessibleName(f"Remove treatment {n}")
        name_label = plain_label(f"Treatment {n}", role=HINT)
        how_label = plain_label("How did it go?", role=HINT)
        row = TriedRow(name_edit, how_edit, remove, name_label, how_label)
        remove.clicked.connect(lambda: self.remove_row(row))
        name_edit.textChanged.connect(self.changed)
        how_edit.textChanged.connect(self.changed)
        return row

    def remove_row(self, row: TriedRow) -> None:
        """Remove one row (after asking, if anything is typed in it)."""
        name = " ".join(row.name_edit.toPlainText().split())
        if (name or row.how_edit.toPlainText().strip()) and not dialogs.confirm_remove(
            self,
            "Remove this treatment?",
            f"Take {f'“{shorten(name, 80)}”' if name else 'this treatment'} and what you wrote "
            "about it off your list?",
        ):
            return
        if row in self.rows:
            self.rows.remove(row)
            self._relayout()  # takes every widget out of the grid, this row's too
            _delete(row)
            self.changed.emit()
            self.add_button.setFocus()

    def value(self) -> list[TriedTreatment]:
        """The rows that have something in them."""
        out = []
        for row in self.rows:
            name, how = row.name_edit.toPlainText().strip(), row.how_edit.toPlainText().strip()
            if name or how:
                out.append(TriedTreatment(name=name, how_it_went=how))
        return out

    def set_value(self, treatments: list[TriedTreatment]) -> None:
        """Show these treatments (replacing any rows)."""
        for _ in self.set_value_steps(treatments):
            pass

    def set_value_steps(
        self, treatments: list[TriedTreatment], per_step: int = ROWS_PER_STEP
    ) -> Iterator[None]:
        """Show these treatments, making ``per_step`` rows at a time and yielding after each
        few (``ui.preparation`` does this in idle time: thousands of rows took seconds).

        The rows at the start that show the same already are kept; the others are made
        afresh, each put after the last, so no row is moved (placing each row by moving
        all the rows before it again took minutes for thousands of rows).
        """
        wanted = [(t.name, t.how_it_went) for t in treatments]
        keep = 0
        while keep < min(len(self.rows), len(wanted)) and _shows(self.rows[keep]) == wanted[keep]:
            keep += 1
        if keep < len(self.rows):
            old, self.rows = self.rows[keep:], self.rows[:keep]
            self._relayout()  # takes every widget out of the grid, these rows' too
            for row in old:
                _delete(row)
        for n in range(keep, len(wanted)):
            row = self._make_row(n + 1, *wanted[n])
            self.rows.append(row)
            self._place(row, n + 1)
            if (n + 1 - keep) % per_step == 0 and n + 1 < len(wanted):
                self._refresh()
                yield
        self._refresh()

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def stacked_for(self, width: int) -> bool:
        """True if the fields should be stacked at this width (too narrow for columns)."""
        need = STACK_BELOW_CHARS * self.fontMetrics().averageCharWidth()
        return width < need + (SLACK if self.stacked else 0)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            stacked = self.stacked_for(self.width())
            if stacked != self.stacked:
                self.stacked = stacked
                self._relayout()
                page_changed(self)  # the tab order follows the new places
        return super().event(event)

    def _relayout(self) -> None:
        """Place every row again (after a row was removed, or the fields were stacked)."""
        self._take_all()
        self._grid.addWidget(self._head_name, 0, 0)
        self._grid.addWidget(self._head_how, 0, 1)
        for n, row in enumerate(self.rows, start=1):
            self._place(row, n)
        self._refresh()

    def _take_all(self) -> None:
        """Take every widget out of the grid, quickly: the last first, so none is looked
        for (``removeWidget`` searches the grid, which for every widget of a long list took
        minutes), and each marked as in no layout, so that adding it again does not search
        the editor's layouts for it either."""
        grid = self._grid
        for index in range(grid.count() - 1, -1, -1):
            item = grid.takeAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setAttribute(Qt.WidgetAttribute.WA_LaidOut, False)

    def _place(self, row: TriedRow, n: int) -> None:
        """Put row ``n`` (counted from 1) in the grid, which does not hold its widgets."""
        grid, top = self._grid, Qt.AlignmentFlag.AlignTop
        if self.stacked:  # Treatment n / name, Remove / How did it go? / box
            base = 1 + (n - 1) * 4
            grid.addWidget(row.name_label, base, 0, 1, 3)
            grid.addWidget(row.name_edit, base + 1, 0, 1, 2, top)
            grid.addWidget(row.remove_button, base + 1, 2, top)
            grid.addWidget(row.how_label, base + 2, 0, 1, 3)
            grid.addWidget(row.how_edit, base + 3, 0, 1, 3)
        else:
            grid.addWidget(row.name_edit, n, 0, top)
            grid.addWidget(row.how_edit, n, 1)
            grid.addWidget(row.remove_button, n, 2, Qt.AlignmentFlag.AlignVCenter)
        row.name_label.setContentsMargins(0, 10 if n > 1 else 0, 0, 0)  # a gap between
        row.name_label.setVisible(self.stacked)
        row.how_label.setVisible(self.stacked)
        row.name_label.setText(f"Treatment {n}")
        row.name_edit.setAccessibleName(f"Treatment {n}: name")
        row.how_edit.setAccessibleName(f"Treatment {n}: how it went")
        row.remove_button.setAccessibleName(f"Remove treatment {n}")

    def _refresh(self) -> None:
        has_rows = bool(self.rows)
        self._head_name.setVisible(has_rows and not self.stacked)
        self._head_how.setVisible(has_rows and not self.stacked)
        self.empty_label.setVisible(not has_rows)


def _shows(row: TriedRow) -> tuple[str, str]:
    """What a row shows: the treatment and how it went, as typed."""
    return row.name_edit.toPlainText(), row.how_edit.toPlainText()


def _delete(row: TriedRow) -> None:
    """Delete a row's widgets (taken out of the grid already)."""
    for widget in row.widgets():
        widget.hide()
        widget.deleteLater()
