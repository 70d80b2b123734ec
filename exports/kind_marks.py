"""The marks the evidence ladder draws: a treatment kind's shape, and the red "!" badge of
regulators' warnings (also the key's, and the bullet of the rungs list's warning entry)."""

from __future__ import annotations

from reportlab.lib import colors

from consultprep.evidence import KIND_COLOURS, WARNING_COLOUR
from exports.fonts import FONT_BOLD
from exports.styles import TEXT

BADGE = 11.0
#: The outlines of the kinds drawn as outlines, darker than their colours on screen.
PRINTED_LINES = {"regenerative": "#5B2C83", "waiting": "#3A3A3A"}


#: The mark before a treatment card's name: filled, outlined or dashed, as the ladder's shapes
#: (in a grey print the three coloured squares looked alike: a black-and-white review).
KIND_SWATCHES = {"established": "■", "regenerative": "□", "waiting": "⬚"}


def kind_swatch(kind: str) -> str:
    """Markup for a treatment kind's mark, in the colour its shape's edge is printed in."""
    colour = PRINTED_LINES.get(kind, KIND_COLOURS[kind])
    return f'<font color="{colour}">{KIND_SWATCHES[kind]}</font>'


def kind_shape(canv, kind: str, x: float, y: float, w: float, h: float, radius: float):
    """Draw a treatment kind's shape, and return the colour for text on it. The kinds differ
    in shape as well as colour, as printed in grey they look alike (a greyscale print review):
    established care is filled, a regenerative option outlined, waiting outlined with dashes."""
    colour = colors.HexColor(KIND_COLOURS[kind])
    canv.saveState()
    if kind == "established":
        canv.setFillColor(colour)
        canv.roundRect(x, y, w, h, radius, stroke=0, fill=1)
        canv.restoreState()
        return colors.white
    canv.setFillColor(colors.white)
    # A darker line, and near-black words: in a toner-saving print, the purple and grey
    # (and the words in them) vanished from the ladder (a black-and-white review).
    canv.setStrokeColor(colors.HexColor(PRINTED_LINES[kind]))
    canv.setLineWidth(1.8)
    if kind == "waiting":
        canv.setDash(3, 2)
    inset = 0.8  # the line drawn inside the shape's edge
    canv.roundRect(x + inset, y + inset, w - 2 * inset, h - 2 * inset, radius, stroke=1, fill=1)
    canv.restoreState()
    return TEXT


def draw_badge(canv, cx: float, cy: float, size: float = BADGE) -> None:
    """The red "!" badge that marks a treatment with regulators' warnings, centred here."""
    canv.setFillColor(colors.HexColor(WARNING_COLOUR))
    canv.circle(cx, cy, size / 2, stroke=0, fill=1)
    canv.setFillColor(colors.white)
    canv.setFont(FONT_BOLD, size * 0.78)
    canv.drawCentredString(cx, cy - size * 0.28, "!")
