"""A page's fixed panel (under its scroll area) that scrolls with the page when space is short.

Some pages keep a few controls below their scroll area so they are always in view ("Add your
own question", "Save PDF"). With large text in a small window that panel can take most of
the height, leaving a sliver to scroll. ``FoldingPanel`` then moves the panel to the end of
the scrolled content, and back again when there is room.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMargins, QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QSizePolicy, QWidget, QWidgetItem

from ui.focus import apply_layout_order, own_layout
from ui.widgets import PlainLabel, page_changed

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLayoutItem

#: Move the panel into the scroll area when it would take more than this share of the page.
FOLD_AT = 0.55
#: ... and back out when it would take less than this (a gap, so it cannot flicker).
UNFOLD_AT = 0.45
#: A page's header (step, title, subtitle) scrolls with the page sooner: a page may also have
#: a panel below its scroll area, and the two together left a sliver to read in.
HEADER_FOLD_AT = 0.3
HEADER_UNFOLD_AT = 0.22
#: ... also when the header and the page's other fixed parts ("Add your own question") would
#: together take more than this share, leaving the scroll area too little room.
FIXED_FOLD_AT = 0.36
FIXED_UNFOLD_AT = 0.28


def _edge(outer: QBoxLayout, panel: QWidget) -> tuple[QScrollArea, str] | None:
    """The scroll area in ``outer`` and "panelAbove" or "panelBelow", as ``panel`` is."""
    for i in range(outer.count()):
        area = outer.itemAt(i).widget()
        if isinstance(area, QScrollArea):
            return area, "panelAbove" if outer.indexOf(panel) < i else "panelBelow"
    return None


class FoldingPanel(QObject):
    """Keeps ``panel`` in ``outer`` below the scroll area, or at the end of ``inner``.

    The panel starts inside the scroll area and comes out once the page is shown tall
    enough, so it never makes the window taller than the screen allows. ``moved`` tells
    (True: now inside the scroll area).
    """

    moved = Signal(bool)
    _settling = False  # other panels are looking again after one moved (``_move``)

    def __init__(
        self,
        page: QWidget,
        panel: QWidget,
        outer: QBoxLayout,
        inner: QBoxLayout,
        *,
        at_top: bool = False,
        fold_at: float = FOLD_AT,
        unfold_at: float = UNFOLD_AT,
        area: QScrollArea | None = None,
        at_width: bool = False,
    ) -> None:
        """``area``: the page's scroll area, if the page's other fixed parts (all but the
        scroll area) are to count too (``FIXED_FOLD_AT``). ``at_width``: measure the panel's
        wrapped text at the page's width, not at the narrowest (a page header)."""
        super().__init__(page)
        self._at_width = at_width
        self._area = area
        self._at_top = at_top
        self._fold_at, self._unfold_at = fold_at, unfold_at
        self._page = page
        self._panel = panel
        self._outer = outer
        self._inner = inner
        # What comes before the panel in ``outer``: it goes back after those still there (an
        # earlier panel, such as the page's header, may have moved away meanwhile).
        index = outer.indexOf(panel)
        self._before = [self._thing(outer.itemAt(i)) for i in range(max(index, 0))]
        layout = panel.layout()
        self._margins = layout.contentsMargins() if layout is not None else QMargins()
        #: The scroll area and the property telling it the panel is outside, above or below
        #: it (a rule then marks where its content is cut off; ``ui.theme_qt``).
        self._edge = _edge(outer, panel)
        self.folded = False
        self._again = False  # a look after a change of text size is waiting
        self._fresh = False  # the page was just shown: no lag (see update_place)
        self._move(fold=True)
        page.installEventFilter(self)

    @staticmethod
    def _thing(item: QLayoutItem):
        """The widget or layout a layout item holds (or the item itself: a spacing)."""
        return item.widget() or item.layout() or item

    def update_place(self) -> None:
        """Put the panel where it fits best for the page's current height."""
        height = self._page.height()
        if height <= 0:
            return
        height_at = getattr(self._panel, "height_at", None)  # as laid out at this width,
        if callable(height_at):  # which may not have been done yet
            panel = height_at(self._page.width())
        elif self._at_width and self._panel.hasHeightForWidth():  # wrapped: at the page's width
            panel = self._panel.heightForWidth(self._page.width())
        else:
            panel = self._panel.sizeHint().height()
        # Two thresholds, so a panel cannot flicker in and out while the window is resized;
        # when a page is shown, one, so pages alike in a window alike are placed alike (the
        # header of one step scrolled while the next step's stood still).
        lag = self.folded and not self._fresh
        self._fresh = False
        fold = panel / height > (self._unfold_at if lag else self._fold_at)
        if self._area is not None and not fold:
            self._outer.activate()  # (the heights as laid out now, not before a move)
            # What is fixed besides the panel, measured alike in both places: out of the scroll
            # area the panel takes its height and the gap after it (counted, the two places
            # differed by that gap, and a header near the line folded and unfolded in turn).
            outside = 0 if self.folded else self._panel.height() + max(self._outer.spacing(), 0)
            others = height - self._area.height() - outside
            fixed = (panel + max(others, 0)) / height
            fold = fixed > (FIXED_UNFOLD_AT if lag else FIXED_FOLD_AT)
        if fold != self.folded:
            self._move(fold)
            self._others_look_again()

    def look_afresh(self) -> None:
        """Place the panel as if the page had just been shown (another panel of the page has
        moved, changing the room left)."""
        self._fresh = True
        self.update_place()

    def _move(self, fold: bool) -> None:
        self.folded = fold
        layout = self._panel.layout()
        if fold:
            self._outer.removeWidget(self._panel)
            if self._at_top:
                self._inner.insertWidget(0, self._panel)
            else:
                self._inner.addWidget(self._panel)
            if layout is not None:
                layout.setContentsMargins(0, self._margins.top(), 0, self._margins.bottom())
        else:
            self._inner.removeWidget(self._panel)
            place = sum(1 for thing in self._before if self._outer.indexOf(thing) >= 0)
            self._outer.insertWidget(place, self._panel)
            if layout is not None:
                layout.setContentsMargins(self._margins)
        self._panel.show()
        if self._edge is not None:
            area, name = self._edge
            area.setProperty(name, not fold)
            area.style().unpolish(area)
            area.style().polish(area)
        # Moving the panel changed the order Qt keeps: a hidden page is seen to when it is
        # next prepared or entered (ui.focus), the page in view at once.
        page_changed(self._page)
        if self._page.isVisible():
            apply_layout_order(self._page)
        self.moved.emit(fold)

    def _others_look_again(self) -> None:
        """The room left for the page's other panels (its header, say) changed: each looks
        again as if the page had just been shown. Placed one by one, the result hung on
        their order, and a page prepared ahead could fold its header only once shown."""
        if FoldingPanel._settling:  # a panel moved by this moves no others in turn
            return
        FoldingPanel._settling = True
        try:
            for other in self._page.findChildren(FoldingPanel):
                if other is not self:
                    other.look_afresh()
        finally:
            FoldingPanel._settling = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the page's events: look again when its size changes."""
        if watched is self._page:
            kind = event.type()
            if kind == QEvent.Type.Resize:
                self.update_place()
            elif kind == QEvent.Type.Show:
                self.look_afresh()
                QTimer.singleShot(0, self, self.look_afresh)  # again, laid out as shown
            elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and not self._again:
                # Larger or smaller text: the same page, a panel of another height. Looked at
                # once the page has been laid out in the new size.
                self._again = True
                QTimer.singleShot(0, self, self._look_again)
        return False

    def _look_again(self) -> None:
        self._again = False
        self.update_place()


#: The narrowest a page header gets (the main window is at least 800 pixels wide).
NARROWEST = 700


class FittedLabel(PlainLabel):
    """A word-wrapped plain label that asks only for the height it needs at its real width.

    Qt works out a wrapped label's minimum size for a narrow guess at its width, so a long
    sentence in a page header (which does not scroll) asked for several lines more than it
    used, and with large text that made the whole wizard taller than the window.
    """

    def __init__(self, text: str = "", role: str | None = None) -> None:
        super().__init__()
        self.setText(text)
        self.setWordWrap(True)
        if role:
            self.setObjectName(role)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def minimumSizeHint(self) -> QSize:
        """Called by Qt layouts: the height the text needs in the narrowest page there is."""
        return QSize(NARROWEST, self.heightForWidth(NARROWEST))


def fold_header(page: QWidget) -> FoldingPanel | None:
    """Let a wizard page's header (its ``header`` widget) scroll with the page when its
    title and subtitle would take too much of a short window. Done once per page."""
    existing = getattr(page, "header_fold", None)
    if isinstance(existing, FoldingPanel):
        return existing
    header = getattr(page, "header", None)
    outer = own_layout(page)
    if not isinstance(header, QWidget) or not isinstance(outer, QBoxLayout):
        return None
    area = next(
        (
            outer.itemAt(i).widget()
            for i in range(outer.count())
            if isinstance(outer.itemAt(i), QWidgetItem)
            and isinstance(outer.itemAt(i).widget(), QScrollArea)
        ),
        None,
    )
    inner = own_layout(area.widget()) if area is not None else None
    if not isinstance(inner, QBoxLayout):
        return None
    fold = FoldingPanel(
        page,
        header,
        outer,
        inner,
        at_top=True,
        fold_at=HEADER_FOLD_AT,
        unfold_at=HEADER_UNFOLD_AT,
        area=area,
        at_width=True,
    )
    fold.update_place()
    page.header_fold = fold
    return fold
