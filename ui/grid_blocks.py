"""A long grid of rows kept in blocks of ``BLOCK`` rows: a plain widget each, with a grid of its
own, stacked one under another (``ui.tried_treatments`` uses it).

Qt handles each widget's siblings one by one when it paints it, so with every row's widgets in
one parent, showing a list grew with the square of its rows (3,000 rows: many seconds). Every
block's grid has the same columns, so the rows line up as in one grid. Tab goes through the
rows in order (``ui.focus`` reads the order from the layouts, blocks included).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLayout, QScrollArea, QVBoxLayout, QWidget

from ui.focus import own_layout
from ui.row_column import BLOCK


class GridBlocks:
    """The blocks of ``owner``'s list, in ``layout`` (a column in the owner's own layout).

    ``column_stretch`` is given to every block's grid, so the rows line up from block to
    block; ``spacing`` is the space between rows, within a block and between two blocks.
    """

    def __init__(
        self,
        owner: QWidget,
        layout: QVBoxLayout,
        *,
        column_spacing: int,
        spacing: int,
        column_stretch: tuple[int, ...],
    ) -> None:
        self._owner = owner
        self._layout = layout
        self._layout.setSpacing(spacing)
        self._column_spacing = column_spacing
        self._spacing = spacing
        self._stretch = column_stretch
        #: Each block: its widget, and its grid.
        self.blocks: list[tuple[QWidget, QGridLayout]] = []

    def grid(self, block: int) -> QGridLayout:
        """The grid of block ``block`` (counted from 0; it holds rows ``block * BLOCK`` on),
        made if there is none yet."""
        while len(self.blocks) <= block:
            self._add_block()
        return self.blocks[block][1]

    def empty_from(self, block: int) -> None:
        """Take every widget out of the blocks from ``block`` on (to be placed again)."""
        for _, grid in self.blocks[block:]:
            _take_all(grid)

    def keep(self, count: int) -> None:
        """Drop the blocks past the first ``count`` (at least one is kept): their rows were
        placed in other blocks, or removed."""
        while len(self.blocks) > max(1, count):
            box, _ = self.blocks.pop()
            self._layout.removeWidget(box)
            box.hide()
            box.deleteLater()

    def show(self, rows: int, limit: int | None) -> None:
        """Show the blocks that hold some of the ``rows`` (only the first ``limit`` if given) and hide those left empty (and, on an owner not shown yet,
        those past the first ``limit``).

        On a page in view, a block is shown with room made for it first: else Qt squeezed
        every block into the page's old height, then let them grow back, which laid out every
        row twice for each block shown (for a few thousand rows: a minute).
        """
        owner = self._owner
        limit = len(self.blocks) if limit is None else limit
        shown: list[QWidget] = []
        for k, (box, _) in enumerate(self.blocks):
            holds_rows = rows > k * BLOCK
            if box.isHidden() and holds_rows and k < limit:
                shown.append(box)
            elif not box.isHidden() and (not holds_rows or (k >= limit and not owner.isVisible())):
                box.hide()
        content = _scroll_content(owner) if shown and owner.isVisible() else None
        # Qt lays out the layouts around a widget it shows (the owner's, the page's), at their
        # old heights: not until the page has the room.
        layouts = _layouts_up_to(owner, content) if content is not None else []
        for layout in layouts:
            layout.setEnabled(False)
        for box in shown:
            box.show()
        for layout in layouts:
            layout.setEnabled(True)
        if content is not None:
            # The heights known for the blocks' layout and the owner are old until Qt lays
            # them out: forgotten, so the page's height is measured with the new blocks.
            self._layout.invalidate()
            owner.updateGeometry()
            height = content.heightForWidth(content.width())
            if height > content.height():
                content.resize(content.width(), height)  # laid out once, with room for all

    def _add_block(self) -> None:
        box = QWidget()
        box.setObjectName("row_block")
        box.hide()  # until it holds rows (see show)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(self._column_spacing)
        grid.setVerticalSpacing(self._spacing)
        for column, stretch in enumerate(self._stretch):  # the same in every block
            grid.setColumnStretch(column, stretch)
        self._layout.addWidget(box)
        self.blocks.append((box, grid))


def _take_all(grid: QGridLayout) -> None:
    """Take every widget out of ``grid``, quickly: the last first, so none is looked for
    (``removeWidget`` searches the grid, which for every widget of a long list took
    minutes), and each marked as in no layout, so that adding it again, here or to another
    block, does not search the layouts for it either."""
    for index in range(grid.count() - 1, -1, -1):
        item = grid.takeAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setAttribute(Qt.WidgetAttribute.WA_LaidOut, False)


def _layouts_up_to(widget: QWidget, content: QWidget) -> list[QLayout]:
    """The layouts of ``widget`` and of the widgets it is in, up to ``content``."""
    layouts = []
    while True:
        layout = own_layout(widget)
        if layout is not None:
            layouts.append(layout)
        if widget is content or widget.isWindow():
            return layouts
        widget = widget.parentWidget()


def _scroll_content(widget: QWidget) -> QWidget | None:
    """The widget inside the scroll area that holds ``widget`` (a page's content)."""
    while not widget.isWindow():  # (never asking a window for its parent: ui.focus)
        parent = widget.parentWidget()
        area = None if parent.isWindow() else parent.parentWidget()
        if isinstance(area, QScrollArea) and area.widget() is widget:
            return widget
        widget = parent
    return None
