"""Drawing the tick boxes, round choice buttons and drop-down chevrons of
``ui.indicator_style.IndicatorStyle``, in the theme's colours.

Apart from the style itself: the first page has none of these, so their Qt classes are loaded
only when the first one is drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyleOption

from ui import theme


def draw_indicator(
    element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter
) -> None:
    """A tick box or round choice button: a thick edge in the field-edge colour, a tick or dot
    in the text colour."""
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


def draw_chevron(painter: QPainter, option: QStyleOption) -> None:
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
