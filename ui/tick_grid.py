"""Tick boxes with their text in two columns, or in one when narrow (the About page's
health conditions)."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from ui.card_grid import CardGrid
from ui.choices import LabelledCheck


class TickGrid(CardGrid):
    """Tick boxes with their text (``LabelledCheck``) in two columns, or in one when narrow.

    As ``CardGrid`` (the concern cards), but a column's text starts after its tick box, which
    is large at large text: the boxes' room is left out before the columns are measured.
    """

    def __init__(
        self,
        host: QWidget,
        grid: QGridLayout,
        items: list[LabelledCheck],
        shown: list[LabelledCheck] | None = None,
    ) -> None:
        self._items = list(items)  # every item, shown or not
        super().__init__(host, grid)
        self.set_cards(self._items if shown is None else shown)

    def show_only(self, shown: list[LabelledCheck]) -> None:
        """Show these items (in their order) and hide the others, closing up the gaps."""
        if shown == self._cards:
            return
        for item in self._items:
            self._grid.removeWidget(item)
            item.setVisible(item in shown)
        self.set_cards(shown)

    def columns_for(self, width: int) -> int:
        """How many columns fit in ``width`` pixels, leaving room for two tick boxes."""
        if not self._items:
            return super().columns_for(width)
        first = self._items[0]
        box = first.check.sizeHint().width() + first.layout().horizontalSpacing()
        return super().columns_for(width - 2 * box)
