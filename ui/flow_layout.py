"""A layout that puts widgets in a row and wraps them onto the next line when space runs out.

Used for rows of buttons (scores 0 to 10, Save PDF / Open PDF / Show in folder) so that with
large text nothing is pushed off the right edge or squeezed until its label is cut. Based on
Qt's "Flow Layout" example. Items keep their order, so Tab still goes left to right.

Unlike Qt's example, the items are Python objects here, and Python can be told an item is gone
(its button was deleted with a window being replaced) while Qt still asks the layout for its
size: such items are dropped, not used (using one stopped the app).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget
from shiboken6 import isValid


class FlowLayout(QLayout):
    """Items left to right at their preferred size, wrapping; height follows the width.
    Items of different heights on one line are centred on it (a check box beside buttons)."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 6, balanced: int = 0
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        # The first ``balanced`` items (the scores 0 to 10) share their lines out evenly when
        # they wrap (0-5 and 6-10, not 0-8 and 9-10); the items after them flow as usual.
        self._balanced = balanced
        # Heights per width, remembered until the layout is invalidated. Only for a layout set
        # on a widget: Qt tells that one at once when an item changes, a nested one later.
        self._heights: dict[int, int] | None = {} if parent is not None else None
        self.setSpacing(spacing)
        if parent is None:
            self.setContentsMargins(QMargins(0, 0, 0, 0))

    # --- QLayout's interface ----------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        """Called by Qt (and addWidget) to add an item at the end."""
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        """Called by Qt: how many items there are."""
        return len(self._live())

    def itemAt(self, index: int) -> QLayoutItem | None:
        """Called by Qt: the item at ``index``, or None."""
        items = self._live()
        return items[index] if 0 <= index < len(items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Called by Qt to remove and return the item at ``index``."""
        self.invalidate()
        items = self._live()
        return items.pop(index) if 0 <= index < len(items) else None

    def invalidate(self) -> None:
        """Called by Qt when an item or the layout changed: forget the remembered heights."""
        heights = getattr(self, "_heights", None)  # None also while Qt is still making it
        if heights:
            heights.clear()
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        """Called by Qt: a flow never asks for more room than its items need."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """Called by Qt: the height depends on the width (more lines when narrower)."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Called by Qt: how tall the items are when wrapped at ``width``."""
        if self._heights is None:
            return self._arrange(QRect(0, 0, width, 0), move=False)
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= 16:  # a window being resized asks for many widths
                self._heights.clear()
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        """Called by Qt to place the items inside ``rect``."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Called by Qt: the size with every item on one line."""
        visible = [i for i in self._live() if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible)
        width += self.spacing() * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """Called by Qt: as narrow as the widest single item."""
        size = QSize()
        for item in self._live():
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # --- ours -------------------------------------------------------------------------------
    def _live(self) -> list[QLayoutItem]:
        """The items, without any Python has been told are gone (see the module docstring)."""
        if not all(isValid(item) for item in self._items):
            self._items = [item for item in self._items if isValid(item)]
        return self._items

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        gap = self.spacing()
        items = [item for item in self._live() if not item.isEmpty()]
        per_line = self._per_line(items[: self._balanced], area.width())
        line: list[tuple[QLayoutItem, int, QSize]] = []  # the items of this line, placed at x

        def place() -> None:  # a line's items, centred on the line's height
            for item, at, size in line if move else ():
                top = y + (line_height - size.height()) // 2
                item.setGeometry(QRect(QPoint(at, top), size))
            line.clear()

        for n, item in enumerate(items):
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            full = x + width > area.right() + 1 or (0 < n < self._balanced and n % per_line == 0)
            if x > area.x() and full:
                place()
                x, y, line_height = area.x(), y + line_height + gap, 0
            line.append((item, x, QSize(width, hint.height())))
            x += width + gap
            line_height = max(line_height, hint.height())
        place()
        return y + line_height - rect.y() + m.bottom()

    def _per_line(self, items: list[QLayoutItem], width: int) -> int:
        """How many of ``items`` to put on each line so their lines are even: as many lines
        as wrapping them where they run out of room would take, shared out equally."""
        lines, x = 1, 0
        for item in items:
            item_width = min(item.sizeHint().width(), width)
            if x > 0 and x + item_width > width:
                lines, x = lines + 1, 0
            x += item_width + self.spacing()
        return max(1, -(-len(items) // lines))

