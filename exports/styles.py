"""How the pack looks: colours, paragraph styles and the page's size and margins.

Colours for the evidence ladder come from ``consultprep.evidence`` (shared with the screen);
the text colours here match ``ui/style.py`` so the app and the paper look alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from consultprep.evidence import WARNING_COLOUR
from exports.fonts import FONT, FONT_BOLD, register_fonts
from exports.options import LARGE_PRINT_MIN_SIZE, LARGE_PRINT_SCALE

TEXT = colors.HexColor("#1A1A1A")
HINT = colors.HexColor("#4A4A4A")  # grey text, still 8.9:1 on white
ACCENT = colors.HexColor("#1F4E8C")
RULE = colors.HexColor("#C9CED6")
#: Lines to write on: darker than other rules (a 20 % tint broke up on a grey laser print, and
#: #8E959E vanished first in a toner-saving print: a black-and-white review, 2026-12-08).
WRITING_LINE = colors.HexColor("#6B6B6B")
BOX_FILL = colors.HexColor("#EEF3FA")
NOTICE_FILL = colors.HexColor("#FFF4D6")
#: Dark enough to keep the box's edge in a toner-saving print (#C89B00 faded, and the box read
#: as ordinary text: a black-and-white review).
NOTICE_BORDER = colors.HexColor("#7A5F00")
WARNING_FILL = colors.HexColor("#FCEBEE")

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 19 * mm  # room for the footer
# The text is as wide on Letter as on A4 (Letter is a little wider, so its side margins are
# a little larger); only the height of the frame changes with the paper.
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM  # on A4; see page_geometry()
LABEL_WIDTH = 44 * mm  # the left column of "label: value" lines (normal print)


@dataclass(frozen=True)
class PageGeometry:
    """The page and its one text frame for a paper size."""

    page_size: tuple[float, float]
    margin_x: float
    frame_height: float


def page_geometry(paper: str = "A4") -> PageGeometry:
    """The page size, side margin and frame height for "A4" or "Letter"."""
    size = LETTER if paper == "Letter" else A4
    return PageGeometry(
        page_size=(float(size[0]), float(size[1])),
        margin_x=(size[0] - FRAME_WIDTH) / 2,
        frame_height=size[1] - MARGIN_TOP - MARGIN_BOTTOM,
    )

BODY_SIZE = 11
SMALL_SIZE = 10
FOOTER_SIZE = 9
FOOTER_MAX_SCALE = 1.2  # in large print the footer grows less, so its two parts fit one line


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT,
        "fontSize": BODY_SIZE,
        "leading": 15,
        "textColor": TEXT,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


#: The small headings (a question's, a treatment's name, a clinic check's).
_H3: dict[str, Any] = {
    "fontName": FONT_BOLD,
    "fontSize": 12,
    "leading": 15.5,
    "spaceBefore": 10,
    "spaceAfter": 3,
    "keepWithNext": 1,
}


def _square_width() -> float:
    """How wide "■ " is in the treatment names' type (bold, 12 pt)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth("■ ", FONT_BOLD, 12)


#: Style attributes that are lengths, so they grow with large print.
_SCALED_ATTRIBUTES = (
    "fontSize",
    "leading",
    "spaceBefore",
    "spaceAfter",
    "leftIndent",
    "rightIndent",
    "firstLineIndent",
    "bulletIndent",
    "bulletFontSize",
)


@lru_cache(maxsize=16)
def styles(scale: float = 1.0) -> dict[str, ParagraphStyle]:
    """All paragraph styles of the pack, by name (fonts are registered first).

    Parameters
    ----------
    scale
        1.0 for normal print; larger for large print (type, spacing and indents grow).
    """
    base = _base_styles()
    if scale == 1.0:
        return base
    scaled = {}
    for name, style in base.items():
        sizes = {attr: getattr(style, attr) * _factor(style, scale) for attr in _SCALED_ATTRIBUTES}
        if scale >= LARGE_PRINT_SCALE:  # a bullet may be words ("Clinic"), so 16 pt too
            sizes["bulletFontSize"] = max(sizes["bulletFontSize"], LARGE_PRINT_MIN_SIZE)
        scaled[name] = ParagraphStyle(name, parent=style, **sizes)
    return scaled


def _factor(style: ParagraphStyle, scale: float) -> float:
    """How much a style grows: ``scale``, or more in large print where that would leave its
    type under 16 pt (its spacing grows with it, so it keeps its look). Page 1 may step down
    from large print to fit (see exports.page_one); below large print, nothing is raised."""
    if scale >= LARGE_PRINT_SCALE:
        return max(scale, LARGE_PRINT_MIN_SIZE / style.fontSize)
    return scale


@lru_cache(maxsize=1)
def _base_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    s = {
        "kicker": _style(
            "kicker",
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=12,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        "kicker_right": _style(
            "kicker_right",
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=12,
            textColor=ACCENT,
            alignment=TA_RIGHT,
        ),
        "title": _style(
            "title",
            fontName=FONT_BOLD,
            fontSize=21,
            leading=25,
            spaceAfter=4,
        ),
        "lead": _style("lead", fontSize=11.5, leading=16, textColor=HINT, spaceAfter=8),
        "h1": _style(
            "h1",
            fontName=FONT_BOLD,
            fontSize=18,
            leading=22,
            textColor=ACCENT,
            spaceBefore=20,  # dropped at the top of a page
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": _style(
            "h2",
            fontName=FONT_BOLD,
            fontSize=13.5,
            leading=16.5,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h3": _style("h3", **_H3),
        # A treatment's name after its coloured square: a name that wraps goes on under the
        # name, not under the square.
        "h3_item": _style(
            "h3_item", **_H3, leftIndent=_square_width(), firstLineIndent=-_square_width()
        ),
        "h3_box": _style(
            "h3_box", fontName=FONT_BOLD, fontSize=12, leading=15.5, spaceBefore=6, spaceAfter=2
        ),
        "body": _style("body", spaceAfter=6),
        "readiness": _style(
            "readiness", fontName=FONT_BOLD, textColor=ACCENT, spaceBefore=2, spaceAfter=2
        ),
        "small": _style(
            "small",
            fontSize=SMALL_SIZE,
            leading=13.5,
            textColor=HINT,
            spaceAfter=4,
        ),
        "box": _style("box", spaceAfter=0),
        "photo_caption": _style(
            "photo_caption", fontSize=SMALL_SIZE, leading=12.5, textColor=HINT, spaceBefore=4
        ),
        "label": _style("label", fontName=FONT_BOLD, fontSize=10, textColor=HINT),
        "box_small": _style(
            "box_small",
            fontSize=SMALL_SIZE,
            leading=15,
            textColor=HINT,
        ),
        # "Label   value" lines: the label hangs in a left column, the value wraps beside it.
        "field": _style(
            "field",
            leftIndent=LABEL_WIDTH,
            bulletIndent=0,
            bulletFontName=FONT_BOLD,
            bulletFontSize=10,
            bulletColor=HINT,
            spaceAfter=3,
        ),
        "bullet": _style(
            "bullet",
            leftIndent=14,
            bulletIndent=2,
            bulletFontName=FONT,
            spaceAfter=3,
        ),
        "top_item": _style(
            "top_item",
            fontName=FONT_BOLD,
            leftIndent=18,
            bulletIndent=0,
            bulletFontName=FONT_BOLD,
            bulletColor=ACCENT,
            spaceAfter=4,
        ),
        "question": _style("question", fontName=FONT_BOLD, fontSize=11.5, leading=15.5),
        "why": _style(
            "why",
            fontSize=SMALL_SIZE,
            leading=13.5,
            textColor=HINT,
            spaceBefore=2,
        ),
        "answer": _style(
            "answer",
            textColor=ACCENT,
            spaceBefore=5,
            leftIndent=24,
        ),
        "warning": _style(
            "warning",
            fontSize=10.5,
            leading=14.5,
            textColor=colors.HexColor("#7A0016"),
        ),
        "reference": _style(
            "reference",
            fontSize=10,
            leading=13.5,
            leftIndent=30,  # room for "[99]" in bold: the first line starts where the rest do
            bulletIndent=0,
            bulletFontName=FONT_BOLD,
            bulletFontSize=10,
            spaceAfter=5,
        ),
    }
    # The red-flag row under the rungs: set like the rungs above it, with a red marker.
    s["rung_flag"] = ParagraphStyle(
        "rung_flag", parent=s["reference"], bulletColor=colors.HexColor(WARNING_COLOUR)
    )
    s["flag"] = _style(
        "flag",
        fontSize=10.5,
        leading=14.5,
        leftIndent=24,
        bulletIndent=2,
        bulletFontName=FONT_BOLD,
        bulletFontSize=11,
        spaceAfter=7,
        bulletColor=colors.HexColor(WARNING_COLOUR),
    )
    return s
