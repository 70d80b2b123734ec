"""A long column of rows (the question checklist), kept in blocks of a few dozen rows each.

Qt handles each widget's siblings one by one when it paints or shows it: with thousands of
rows in one parent, showing the question page took seconds, growing with the square of the
number of questions. Here the rows sit in blocks of ``BLOCK`` rows (a plain widget each,
stacked with the same spacing as the rows), so no widget has more than a few dozen siblings.
The blocks are invisible: the rows are laid out exactly as in one column, and Tab goes
through them in order (``ui.focus`` reads the order from the layouts, blocks included).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

BLOCK = 64


class RowColumn:
    """Rows in order, placed in blocks inside ``layout`` (which holds nothing else)."""

    def __init__(self, layout: QVBoxLayout) -> None:
        self._layout = layout
        self._blocks: list[tuple[QWidget, QVBoxLayout]] = []
        self._placed: list[list[QWidget]] = []  # each block's rows, in order

    def rows(self) -> list[QWidget]:
        """The rows, in the order they are shown."""
        return [row for rows in self._placed for row in rows]

    def append(self, row: QWidget) -> None:
        """Show ``row`` after the others."""
        if not self._placed or len(self._placed[-1]) >= BLOCK:
            self._add_block()
        self._blocks[-1][1].addWidget(row)
        self._placed[-1].append(row)

    def remove(self, row: QWidget) -> None:
        """Take ``row`` out of the column (the caller deletes it); the rows after it stay
        where they are until ``set_rows``."""
        for (_, layout), rows in zip(self._blocks, self._placed, strict=True):
            if row in rows:
                rows.remove(row)
                layout.removeWidget(row)
                return

    def set_rows(self, rows: list[QWidget]) -> bool:
        """Show ``rows`` (each already in the column) in this order; True if any moved.

        Only the blocks whose rows change are filled again; a row moved to another block is
        shown there at once (Qt hides a widget that changes parent)."""
        changed = False
        for n in range(0, len(rows), BLOCK):
            k = n // BLOCK
            if k == len(self._blocks):
                self._add_block()
            wanted = rows[n : n + BLOCK]
            if self._placed[k] != wanted:
                self._fill(k, wanted)
                changed = True
        while len(self._blocks) > -(-len(rows) // BLOCK):  # blocks left empty
            self._drop_last_block()
            changed = True
        return changed

    def _fill(self, k: int, wanted: list[QWidget]) -> None:
        box, layout = self._blocks[k]
        for index in range(layout.count() - 1, -1, -1):  # the last first: nothing searched
            layout.takeAt(index)
        for row in self._placed[k]:
            if row.parent() is box:  # not taken into another block already: in no layout
                # so adding it again need not look for it in one (slow with many rows).
                row.setAttribute(Qt.WidgetAttribute.WA_LaidOut, False)
        self._placed[k] = list(wanted)
        for row in wanted:
            moved = row.parent() is not box
            layout.addWidget(row)
            if moved:
                row.show()

    def hidden_blocks(self, *, full_only: bool = False) -> list[QWidget]:
        """The blocks with rows not shown yet (only those with all their rows, if
        ``full_only``). A new block is hidden while it is filled: rows added to a shown page
        one by one were each laid out with the whole column (for thousands: minutes)."""
        return [
            box
            for (box, _), rows in zip(self._blocks, self._placed, strict=True)
            if box.isHidden() and rows and (len(rows) >= BLOCK or not full_only)
        ]

    def _add_block(self) -> None:
        box = QWidget()
        box.setObjectName("row_block")
        box.hide()  # until shown by the page (see ``hidden_blocks``)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self._layout.spacing())
        self._layout.addWidget(box)
        self._blocks.append((box, layout))
        self._placed.append([])

    def _drop_last_block(self) -> None:
        box, _ = self._blocks.pop()
        self._placed.pop()
        self._layout.removeWidget(box)
        box.hide()
        box.deleteLater()  # its rows were all placed in other blocks, or removed
