"""A label, a field and a button on one row, the label going above when the row is narrow.

"Add your own question: [field] [Add]" fits a window at normal text sizes; with large text in a
small window the label and button left the field room for a few letters only. The row then
puts the label on a line of its own, above the field and its button, and back again when
there is room.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

#: The field should have room for about this many letters beside its label, else it goes below.
MIN_LETTERS = 24


class FieldRow(QWidget):
    """``label``, ``field`` and ``button`` on one row, or the label above the other two."""

    def __init__(self, label: QWidget, field: QWidget, button: QWidget) -> None:
        super().__init__()
        self.label, self.field, self.button = label, field, button
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.stacked: bool | None = None
        self._place(stacked=False)

    def _place(self, *, stacked: bool) -> None:
        if stacked == self.stacked:
            return
        self.stacked = stacked
        grid = self._grid
        for widget in (self.label, self.field, self.button):
            grid.removeWidget(widget)
        for column in range(3):
            grid.setColumnStretch(column, 0)
        if stacked:
            grid.addWidget(self.label, 0, 0, 1, 2)
            grid.addWidget(self.field, 1, 0)
            grid.addWidget(self.button, 1, 1)
            grid.setColumnStretch(0, 1)
        else:
            grid.addWidget(self.label, 0, 0)
            grid.addWidget(self.field, 0, 1)
            grid.addWidget(self.button, 0, 2)
            grid.setColumnStretch(1, 1)

    def wide_enough(self, width: int) -> bool:
        """True if the three fit on one row ``width`` pixels wide, the field at its ease."""
        spacing = max(0, self._grid.horizontalSpacing())
        letters = MIN_LETTERS * self.field.fontMetrics().averageCharWidth()
        needed = self.label.sizeHint().width() + letters + self.button.sizeHint().width()
        return width >= needed + 2 * spacing

    def height_at(self, width: int) -> int:
        """The height the row takes at ``width``: on one line, or two (``ui.responsive`` asks
        before the row has been laid out at that width)."""
        heights = [w.sizeHint().height() for w in (self.label, self.field, self.button)]
        if self.wide_enough(width):
            return max(heights)
        return heights[0] + max(0, self._grid.verticalSpacing()) + max(heights[1:])

    def minimumSizeHint(self) -> QSize:
        """Called by Qt: as narrow as the label above the other two allows (a narrow window
        gets that arrangement rather than being held wider), as tall as the one shown."""
        spacing = max(0, self._grid.horizontalSpacing())
        below = self.field.minimumSizeHint().width() + spacing + self.button.sizeHint().width()
        width = max(self.label.minimumSizeHint().width(), below)
        return QSize(width, self._grid.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Called by Qt when the row's width changes: one row, or the label above."""
        super().resizeEvent(event)
        self._place(stacked=not self.wide_enough(event.size().width()))
