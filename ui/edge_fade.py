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
        """Called by Qt to draw the fade."""
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
        ring) could stay under the fade. Scroll on until the whole control is above it (a
        control taller than the view keeps its top in view)."""
        moved = super().focusNextPrevChild(next)
        focused = self.focusWidget() if moved else None
        view = self.viewport()
        if focused is not None and view.isAncestorOf(focused) and self._fade.isVisible():
            top = focused.mapTo(view, QPoint(0, 0)).y()
            foot = top + focused.height() + self._fade.height() + 4
            below = min(foot - view.height(), top)  # never past the control's top
            if below > 0:
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + below)
        return moved

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
