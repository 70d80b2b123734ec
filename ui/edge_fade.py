"""A page's scroll area that fades its content out at the bottom edge while there is more
below, so a line cut off there reads as "scroll for more", not as clipped text.

The fade is a small widget over the foot of the scroll area's viewport (it does not scroll,
and clicks go through it). It is shown only while the scroll bar is not at its end; it is
placed again when the area is resized and when the scroll range changes (the scroll bar
coming or going changes the viewport's width). No event filter: Python sees only those.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QScrollArea, QWidget

#: The fade's height, in lines of the page's text.
FADE_LINES = 1.2


class _Fade(QWidget):
    """From clear to the page's colour, top to bottom."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Called by Qt to draw the fade; in high contrast, a solid line at the foot instead
        (a fading last line is hard to read there: a low-vision walk-through)."""
        from ui import theme

        if theme.current().key in (theme.HIGH_CONTRAST, theme.HIGH_CONTRAST_LIGHT):
            painter = QPainter(self)
            line = self.palette().color(QPalette.ColorRole.WindowText)
            painter.fillRect(QRect(0, self.height() - 3, self.width(), 3), line)
            painter.end()
            return
        solid = self.palette().color(QPalette.ColorRole.Window)
        clear = QColor(solid)
        clear.setAlpha(0)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(1.0, solid)
        painter = QPainter(self)
        painter.fillRect(self.rect(), gradient)
        painter.end()


class PageScrollArea(QScrollArea):
    """A vertical scroll area whose content fades out at the foot while more is below.

    The scroll bar's room is kept when there is nothing to scroll, so the content is as wide
    either way: it does not reflow as the bar comes and goes, and steps with and without one
    line up (their right edges moved by the bar's width from one step to the next).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fade = _Fade(self)
        self._kept = 0  # the room kept for the scroll bar while it is hidden, in pixels
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._place_fade)
        bar.rangeChanged.connect(self._place_fade)
        bar.rangeChanged.connect(self._keep_bar_room)
        self._keep_bar_room(0, 0)

    def _keep_bar_room(self, _least: int, most: int) -> None:
        bar = self.verticalScrollBar()
        kept = 0 if most > 0 else bar.sizeHint().width()
        if kept != self._kept:
            self._kept = kept
            self.setViewportMargins(0, 0, kept, 0)

    def more_below(self) -> bool:
        """True if some of the content is below the visible part (the fade is shown)."""
        bar = self.verticalScrollBar()
        return bar.value() < bar.maximum()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Called by Qt for Tab and Shift+Tab inside the area: Qt scrolls the control it moved
        to into view, but a text box only as far as its cursor, so its foot (and its focus
        ring) could stay under the fade (``above_fade`` scrolls on)."""
        moved = super().focusNextPrevChild(next)
        focused = self.focusWidget() if moved else None
        if focused is not None:
            self.above_fade(focused)
        return moved

    def show_whole(self, widget: QWidget) -> None:
        """Scroll ``widget`` into view, above the fade: for a control reached with its Alt
        key, which Qt does not scroll to (a keyboard walk-through typed medicines into a box
        out of sight), and for what a button has just shown."""
        if self.viewport().isAncestorOf(widget):
            self.ensureWidgetVisible(widget, 0, 12)
            self.above_fade(widget)

    def above_fade(self, widget: QWidget) -> None:
        """Scroll on until the whole of ``widget`` is above the fade (one taller than the view
        keeps its top in view)."""
        view = self.viewport()
        if view.isAncestorOf(widget) and self._fade.isVisible():
            top = widget.mapTo(view, QPoint(0, 0)).y()
            foot = top + widget.height() + self._fade.height() + 4
            below = min(foot - view.height(), top)  # never past the control's top
            if below > 0:
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + below)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Called by Qt when the area's size changes: the fade follows the viewport."""
        super().resizeEvent(event)
        self._place_fade()

    def _place_fade(self, *_args: int) -> None:
        fade = self._fade
        if not self.more_below():
            fade.hide()
            return
        view = self.viewport().geometry()
        height = min(round(self.fontMetrics().height() * FADE_LINES), view.height() // 3)
        fade.setGeometry(QRect(view.left(), view.bottom() + 1 - height, view.width(), height))
        fade.raise_()
        fade.show()


def scroll_to(widget: QWidget) -> None:
    """Show ``widget`` whole in the page scroll area it is in (if any)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, PageScrollArea):
        area = area.parentWidget()
    if area is not None:
        area.show_whole(widget)
