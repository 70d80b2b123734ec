"""Tick boxes, round choice buttons and drop-down arrows drawn in the theme's colours, clearly.

Fusion draws their edges a little darker than the window colour, which on a dark or black
background is no edge at all. This style draws them instead: a thick edge in the theme's
field-edge colour, a tick or dot in its text colour, and the focus ring is left to the style
sheet. Fusion's arrow on a drop-down box (paper size, dates) stays 8 pixels wide at any text
size; this style draws a chevron as big as the text instead.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from ui import theme

_ARROW = QStyle.PrimitiveElement.PE_IndicatorArrowDown
_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)


class IndicatorStyle(QProxyStyle):
    """Fusion, with tick boxes, round choice buttons and drop-down arrows drawn from
    ``ui.theme.current()``."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Called by Qt to draw small parts of controls; we draw the two indicators, and the
        arrow of a drop-down box."""
        if element == _ARROW and isinstance(widget, (QComboBox, QDateTimeEdit)):
            _draw_chevron(painter, option)
            return
        if element not in _INDICATORS:
            super().drawPrimitive(element, option, painter, widget)
            return
        colours = theme.current()
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        on = bool(state & QStyle.StateFlag.State_On)
        edge = QColor(colours.field_border if enabled else colours.disabled)
        mark = QColor(colours.text if enabled else colours.disabled)
        rect = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(edge, 2))
        painter.setBrush(QColor(colours.base))
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
            if on:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mark)
                inset = rect.width() * 0.27
                painter.drawEllipse(rect.adjusted(inset, inset, -inset, -inset))
        else:
            painter.drawRoundedRect(rect, 3, 3)
            if on:
                w, h = rect.width(), rect.height()
                tick = QPainterPath(QPointF(rect.left() + w * 0.2, rect.top() + h * 0.52))
                tick.lineTo(QPointF(rect.left() + w * 0.42, rect.top() + h * 0.75))
                tick.lineTo(QPointF(rect.left() + w * 0.8, rect.top() + h * 0.25))
                pen = QPen(mark, max(2.0, w / 7))
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(tick)
        painter.restore()


def _draw_chevron(painter: QPainter, option: QStyleOption) -> None:
    """A down-pointing chevron in the text colour, sized to the text, centred on the arrow."""
    colours = theme.current()
    enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
    width = option.fontMetrics.height() * 0.55
    height = width / 2
    centre = QRectF(option.rect).center()
    pen = QPen(QColor(colours.text if enabled else colours.disabled), max(1.5, width / 6))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(centre.x() - width / 2, centre.y() - height / 2))
    path.lineTo(QPointF(centre.x(), centre.y() + height / 2))
    path.lineTo(QPointF(centre.x() + width / 2, centre.y() - height / 2))
    painter.drawPath(path)
    painter.restore()
