"""A page's fixed panel (under its scroll area) that scrolls with the page when space is short.

Some pages keep a few controls below their scroll area so they are always in view ("Add your
own question", "Save PDF"). With large text in a small window that panel can take most of
the height, leaving a sliver to scroll. ``FoldingPanel`` then moves the panel to the end of
the scrolled content, and back again when there is room.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject
from PySide6.QtWidgets import QBoxLayout, QWidget

from ui.focus import apply_layout_order

#: Move the panel into the scroll area when it would take more than this share of the page.
FOLD_AT = 0.55
#: ... and back out when it would take less than this (a gap, so it cannot flicker).
UNFOLD_AT = 0.45


class FoldingPanel(QObject):
    """Keeps ``panel`` in ``outer`` below the scroll area, or at the end of ``inner``.

    The panel starts inside the scroll area and comes out once the page is shown tall
    enough, so it never makes the window taller than the screen allows.
    """

    def __init__(self, page: QWidget, panel: QWidget, outer: QBoxLayout, inner: QBoxLayout):
        super().__init__(page)
        self._page = page
        self._panel = panel
        self._outer = outer
        self._inner = inner
        self._index = outer.indexOf(panel)
        layout = panel.layout()
        self._margins = layout.contentsMargins() if layout is not None else QMargins()
        self.folded = False
        self._move(fold=True)
        page.installEventFilter(self)

    def update_place(self) -> None:
        """Put the panel where it fits best for the page's current height."""
        height = self._page.height()
        if height <= 0:
            return
        share = self._panel.sizeHint().height() / height
        fold = share > (UNFOLD_AT if self.folded else FOLD_AT)
        if fold != self.folded:
            self._move(fold)

    def _move(self, fold: bool) -> None:
        self.folded = fold
        layout = self._panel.layout()
        if fold:
            self._outer.removeWidget(self._panel)
            self._inner.addWidget(self._panel)
            if layout is not None:
                layout.setContentsMargins(0, self._margins.top(), 0, self._margins.bottom())
        else:
            self._inner.removeWidget(self._panel)
            self._outer.insertWidget(self._index, self._panel)
            if layout is not None:
                layout.setContentsMargins(self._margins)
        self._panel.show()
        apply_layout_order(self._page)  # moving the panel changed the order Qt keeps

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the page's events: look again when its size changes."""
        if watched is self._page and event.type() == QEvent.Type.Resize:
            self.update_place()
        return False
