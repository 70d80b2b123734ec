"""The treatments a patient has tried: a list of rows (the treatment, how it went) that can
be added to and taken from, in two columns, or stacked when the page is narrow.

A draft edited by hand can hold thousands of treatments, so the rows sit in blocks of
``BLOCK`` rows, as the questions do (``ui.row_column``), each block a grid of its own with the
same columns (``ui.grid_blocks``, which says why).

Making the widgets of a row takes about a millisecond, and showing them a third of that, so
when a page shows a draft (``set_value(at_once=...)``) only the first ``ROWS_AT_ONCE`` rows are
made and shown at once: the others are made (unless ``ui.preparation`` made them ahead) and
shown just after, a block at a time between the patient's clicks and keys, while a line under
the list says how many are shown so far. The treatments not shown yet are kept all the while:
``value()`` returns them too.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
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
from ui.grid_blocks import GridBlocks
from ui.row_column import BLOCK
from ui.widgets import HINT, big_button, page_changed, plain_label

#: Narrower than this many average characters, a row's fields are stacked.
STACK_BELOW_CHARS = 90
SLACK = 12  # pixels to go past it before the columns come back (no flicker at the edge)
ROWS_PER_STEP = 25  # rows made at a time while the page is prepared ahead
#: Rows made at once when a page shows a draft (``set_value(at_once=...)``); the rest are made
#: just after (``_make_more``), each time for this long.
ROWS_AT_ONCE = 2 * BLOCK
MORE_SECONDS = 0.03
#: A tried treatment's boxes grow with their text up to this many lines, then scroll.
GROW_TO = 5
#: Space between the columns, and between the rows (also between two blocks of rows).
COLUMN_SPACING = 8
ROW_SPACING = 6


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
    """A small editable list: what you tried and how it went; add and remove rows.

    Row ``n`` (counted from 1) is in block ``(n - 1) // BLOCK``; the first block also holds
    the column headings. A block is shown while it holds rows (while rows are still coming
    in, once it is full), and is filled before it is shown: a row added to a shown block is
    laid out with that block only.
    """

    #: The patient changed the list (typed, added or removed a row).
    changed = Signal()
    #: Rows were made for the treatments set (by ``set_value``, or just after it with
    #: ``at_once``): their place in the tab order is to be set.
    rows_made = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Treatments you have already tried")
        self.rows: list[TriedRow] = []
        #: Treatments to show after the rows, whose rows are not made yet (name, how it went).
        self._waiting: deque[tuple[str, str]] = deque()
        #: While rows are still coming in: how many blocks may be shown so far (else None).
        self._blocks_shown: int | None = None
        self._more = QTimer(self)  # makes and shows the rows still to come, a few at a time
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._make_more)
        self.stacked = False  # fields in columns; stacked when narrow (see stacked_for)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        blocks_layout = QVBoxLayout()
        outer.addLayout(blocks_layout)
        self._blocks = GridBlocks(
            self,
            blocks_layout,
            column_spacing=COLUMN_SPACING,
            spacing=ROW_SPACING,
            column_stretch=(2, 3),
        )
        self._head_name = plain_label("Treatment", role=HINT)
        self._head_how = plain_label("How did it go?", role=HINT)
        self._put_headings()  # in the first block
        self.empty_label = plain_label("None added yet.", role=HINT)
        outer.addWidget(self.empty_label)
        #: While rows are still coming in: how many are shown, and that none is lost.
        self.more_label = plain_label(role=HINT)
        outer.addWidget(self.more_label)
        add_row = QHBoxLayout()
        self.add_button = big_button(
            "&Add a treatment you have tried", "Add a treatment you have tried"
        )
        self.add_button.clicked.connect(self._add_clicked)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        outer.addLayout(add_row)
        self._refresh()

    # --- the rows -------------------------------------------------------------------------
    def add_row(self, name: str = "", how_it_went: str = "") -> TriedRow:
        """Add a row (filled with ``name`` and ``how_it_went``) after all the others, those
        still to come too, and return its widgets."""
        self.show_all_rows()
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
            index = self.rows.index(row)
            del self.rows[index]
            # The rows before it stay where they are; its block and those after it are filled
            # again (each row moves up one place, and the ones after it are numbered anew).
            self._relayout(index)
            _delete(row)
            self.changed.emit()
            self.add_button.setFocus()

    def value(self) -> list[TriedTreatment]:
        """The rows that have something in them, then the treatments whose rows are not made
        yet (as a row made for them would give them)."""
        out = []
        for name, how in [*map(_shows, self.rows), *self._waiting]:
            name, how = name.strip(), how.strip()
            if name or how:
                out.append(TriedTreatment(name=name, how_it_went=how))
        return out

    def set_value(self, treatments: list[TriedTreatment], at_once: int | None = None) -> None:
        """Show these treatments (replacing any rows).

        With ``at_once``, on an editor not shown yet, only the first ``at_once`` rows are made
        (or kept) and shown now, and the others just after, a block at a time between the
        patient's clicks and keys: a page with thousands is then shown at once. ``value()``
        has them all meanwhile.
        """
        steps = self.set_value_steps(treatments, per_step=at_once or ROWS_PER_STEP)
        if at_once is None or self.isVisible():
            for _ in steps:
                pass
            return
        next(steps, None)  # the first ``at_once`` new rows (the steps are not taken further)
        if self._waiting or len(self.rows) > at_once:
            self._blocks_shown = max(1, at_once // BLOCK)
            self._refresh()  # (blocks past these, made ahead, wait to be shown)
            self._more.start()

    def show_all_rows(self) -> None:
        """Make and show now every row ``set_value`` left to come just after."""
        if self._waiting:
            self._make_waiting(len(self._waiting))
        if self._blocks_shown is not None:
            self._blocks_shown = None
            self._refresh()

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
            self._relayout(keep)  # (takes the old rows' widgets out too)
            for row in old:
                _delete(row)
        # The rows still to make, in place of any an earlier call left to make: whoever makes
        # them next (this, ``_make_more``, ``add_row``) puts each after the last.
        self._waiting = deque(wanted[keep:])
        self._blocks_shown = None  # each block shown once it holds rows
        while self._waiting:
            self._make_waiting(per_step)
            if self._waiting:
                yield
        self._refresh()

    def _make_waiting(self, count: int) -> None:
        """Make the next ``count`` of the waiting rows, each after the last row, and show the
        blocks that may be shown."""
        for _ in range(min(count, len(self._waiting))):
            row = self._make_row(len(self.rows) + 1, *self._waiting.popleft())
            self.rows.append(row)
            self._place(row, len(self.rows))
        self._refresh()
        if not self._waiting:
            page_changed(self)  # the tab order takes in the new rows
            self.rows_made.emit()

    def _make_more(self) -> None:
        """Make more of the rows still to come, and show them a block at a time (each once it
        is full), for a moment; then again, until all are shown."""
        end = time.perf_counter() + MORE_SECONDS
        while self._blocks_shown is not None and time.perf_counter() < end:
            if self._waiting:
                self._make_waiting(8)
            full = len(self.rows) // BLOCK if self._waiting else -(-len(self.rows) // BLOCK)
            if self._blocks_shown < full:
                self._blocks_shown += 1
            elif not self._waiting:
                self._blocks_shown = None  # all made and shown
            self._refresh()
        if self._blocks_shown is not None:
            self._more.start()

    def showEvent(self, event: QShowEvent) -> None:
        """Called by Qt when the editor is shown: rows still to come (or made by steps of
        ``ui.preparation`` not taken to the end) are made and shown just after."""
        super().showEvent(event)
        if self._waiting and self._blocks_shown is None:
            self._blocks_shown = len(self.rows) // BLOCK
        if self._blocks_shown is not None and not self._more.isActive():
            self._more.start()

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    # --- columns or stacked ---------------------------------------------------------------
    def stacked_for(self, width: int) -> bool:
        """True if the fields should be stacked at this width (too narrow for columns)."""
        need = STACK_BELOW_CHARS * self.fontMetrics().averageCharWidth()
        return width < need + (SLACK if self.stacked else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Called by Qt when the width changes: stack the fields, or put them side by side."""
        self._restack()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Called by Qt when the text size changes: stack the fields, or put them side by side."""
        if event.type() == QEvent.Type.FontChange:
            self._restack()
        super().changeEvent(event)

    def _restack(self) -> None:
        stacked = self.stacked_for(self.width())
        if stacked != self.stacked:
            self.stacked = stacked
            self._relayout(0)
            page_changed(self)  # the tab order follows the new places

    # --- placing --------------------------------------------------------------------------
    def _relayout(self, first: int) -> None:
        """Place the rows from index ``first`` on again (after rows were taken off the list,
        or the fields were stacked): the blocks from the one that holds it are emptied,
        removed rows' widgets too, and filled again; blocks left empty are dropped."""
        start = first - first % BLOCK  # the first row of its block
        self._blocks.empty_from(start // BLOCK)
        if start == 0:
            self._put_headings()
        for index in range(start, len(self.rows)):
            self._place(self.rows[index], index + 1)
        self._blocks.keep(-(-len(self.rows) // BLOCK))  # (those left empty are dropped)
        self._refresh()

    def _put_headings(self) -> None:
        grid = self._blocks.grid(0)
        grid.addWidget(self._head_name, 0, 0)
        grid.addWidget(self._head_how, 0, 1)

    def _place(self, row: TriedRow, n: int) -> None:
        """Put row ``n`` (counted from 1) in its block's grid, which does not hold its
        widgets."""
        block, index = divmod(n - 1, BLOCK)
        grid = self._blocks.grid(block)
        top = Qt.AlignmentFlag.AlignTop
        if self.stacked:  # Treatment n / name, Remove / How did it go? / box
            base = 1 + index * 4  # (under the headings' line, which is empty then)
            grid.addWidget(row.name_label, base, 0, 1, 3)
            grid.addWidget(row.name_edit, base + 1, 0, 1, 2, top)
            grid.addWidget(row.how_label, base + 2, 0, 1, 3)
            grid.addWidget(row.how_edit, base + 3, 0, 1, 3)
            # Remove is beside the name, but Tab reaches it after "How did it go?" (the order
            # the grid was given): Space pressed out of habit after the name asked to remove it
            grid.addWidget(row.remove_button, base + 1, 2, top)
        else:
            line = 1 + index  # under the headings (only the first block has them)
            grid.addWidget(row.name_edit, line, 0, top)
            grid.addWidget(row.how_edit, line, 1)
            grid.addWidget(row.remove_button, line, 2, Qt.AlignmentFlag.AlignVCenter)
        row.name_label.setContentsMargins(0, 10 if n > 1 else 0, 0, 0)  # a gap between
        row.name_label.setVisible(self.stacked)
        row.how_label.setVisible(self.stacked)
        for widget in (row.name_edit, row.how_edit, row.remove_button):
            if widget.isHidden():  # Qt hides a widget put into a shown block from elsewhere
                widget.show()
        row.name_label.setText(f"Treatment {n}")
        row.name_edit.setAccessibleName(f"Treatment {n}: name")
        row.how_edit.setAccessibleName(f"Treatment {n}: how it went")
        row.remove_button.setAccessibleName(f"Remove treatment {n}")

    def _refresh(self) -> None:
        """Show the headings, or "None added yet", the blocks that may be shown, and how many
        rows are shown while more are to come."""
        has_rows = bool(self.rows)
        self._head_name.setVisible(has_rows and not self.stacked)
        self._head_how.setVisible(has_rows and not self.stacked)
        self.empty_label.setVisible(not has_rows and not self._waiting)
        self._blocks.show(len(self.rows), self._blocks_shown)
        coming = self._blocks_shown is not None
        if coming:
            shown = sum(
                min(BLOCK, len(self.rows) - k * BLOCK)
                for k, (box, _) in enumerate(self._blocks.blocks)
                if not box.isHidden()
            )
            total = len(self.rows) + len(self._waiting)
            self.more_label.setText(
                f"So far {shown:,} of your {total:,} treatments are shown. The others are "
                "being added below: all of them are kept."
            )
        self.more_label.setVisible(coming)


def _shows(row: TriedRow) -> tuple[str, str]:
    """What a row shows: the treatment and how it went, as typed."""
    return row.name_edit.toPlainText(), row.how_edit.toPlainText()


def _delete(row: TriedRow) -> None:
    """Delete a row's widgets (taken out of the grid already)."""
    for widget in row.widgets():
        widget.hide()
        widget.deleteLater()
