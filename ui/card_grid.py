"""Choice cards in two columns, or in one when the page is too narrow for two at its text size.

At large text in a small window, two columns of cards leave two or three words a line, hard to
read. ``CardGrid`` watches the width of the widget that holds the grid and puts the cards in
one column when a column would be narrower than ``MIN_COLUMN_CHARS`` average characters.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.widgets import page_changed

#: Narrowest comfortable column, in average characters of the cards' text.
MIN_COLUMN_CHARS = 26
#: Pixels to go past the limit before two columns come back (no flicker at the edge).
SLACK = 12


class CardGrid(QObject):
    """Places ``cards`` in ``grid`` (inside ``host``) in two columns, or one when narrow."""

    def __init__(self, host: QWidget, grid: QGridLayout) -> None:
        super().__init__(host)
        self._host = host
        self._grid = grid
        self._cards: list[QWidget] = []
        #: Cards that take a whole row of their own, across both columns.
        self.wide: set[QWidget] = set()
        self.columns = 2
        host.installEventFilter(self)

    def set_cards(self, cards: Iterable[QWidget]) -> None:
        """Show these cards (they are added to the grid), in reading order."""
        self._cards = list(cards)
        self.columns = self.columns_for(self._host.width())
        self._place()

    def cards(self) -> list[QWidget]:
        """The cards, in their order."""
        return list(self._cards)

    def columns_for(self, width: int) -> int:
        """How many columns fit in ``width`` pixels at the host's text size."""
        column = MIN_COLUMN_CHARS * self._host.fontMetrics().averageCharWidth()
        need = 2 * column + self._grid.horizontalSpacing()
        if self.columns == 1:
            need += SLACK
        return 2 if width >= need else 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._host and kind in (QEvent.Type.Resize, QEvent.Type.FontChange):
            columns = self.columns_for(self._host.width())
            if columns != self.columns:
                self.columns = columns
                self._place()
        return False

    def _place(self) -> None:
        for card in self._cards:
            self._grid.removeWidget(card)
        row = column = 0
        for card in self._cards:
            if card in self.wide:
                row += 1 if column else 0
                self._grid.addWidget(card, row, 0, 1, self.columns)
                row, column = row + 1, 0
                continue
            self._grid.addWidget(card, row, column)
            column += 1
            if column == self.columns:
                row, column = row + 1, 0
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 1 if self.columns == 2 else 0)
        page_changed(self._host)  # the tab order follows the new places
