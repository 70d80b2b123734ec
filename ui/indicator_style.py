"""Tick boxes, round choice buttons and drop-down arrows drawn in the theme's colours, clearly.

Fusion draws their edges a little darker than the window colour, which on a dark or black
background is no edge at all. This style draws them instead: a thick edge in the theme's
field-edge colour, a tick or dot in its text colour, and the focus ring is left to the style
sheet. Fusion's arrow on a drop-down box (paper size, dates) stays 8 pixels wide at any text
size; this style draws a chevron as big as the text instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QProxyStyle, QStyle

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOption, QWidget

_ARROW = QStyle.PrimitiveElement.PE_IndicatorArrowDown
_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)
#: The controls whose drop-down arrow is drawn as a chevron.
_DROP_DOWNS = ("QComboBox", "QDateTimeEdit")


class IndicatorStyle(QProxyStyle):
    """Fusion, with tick boxes, round choice buttons and drop-down arrows drawn from
    ``ui.theme.current()`` (by ``ui.indicator_drawing``)."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Called by Qt to draw small parts of controls; we draw the two indicators, and the
        arrow of a drop-down box."""
        if element == _ARROW and widget is not None and any(map(widget.inherits, _DROP_DOWNS)):
            from ui.indicator_drawing import draw_chevron

            draw_chevron(painter, option)
        elif element in _INDICATORS:
            from ui.indicator_drawing import draw_indicator

            draw_indicator(element, option, painter)
        else:
            super().drawPrimitive(element, option, painter, widget)
