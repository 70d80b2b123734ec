"""The pack's pages: the template with its one frame (headings become bookmarks), and the
footer drawn on every page once the number of pages is known ("page N of M", the date and
the patient's name)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from consultprep.dates import long_date
from exports.fonts import FONT
from exports.styles import (
    FOOTER_MAX_SCALE,
    FOOTER_SIZE,
    FRAME_WIDTH,
    HINT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    RULE,
    page_geometry,
)


def footer_text(page: int, pages: int, *, short: bool = False) -> str:
    """The footer on every page (``short``: without the app's name, to leave the patient's
    name room on the same line)."""
    if short:
        return f"Not medical advice — page {page} of {pages}"
    return f"ConsultPrep — not medical advice — page {page} of {pages}"


#: Gap between the footer's two parts, in points.
FOOTER_GAP = 14


def _footer_style(size: float) -> ParagraphStyle:
    return ParagraphStyle("footer", fontName=FONT, fontSize=size, leading=size * 1.2)


def _drawn_width(markup: str, size: float) -> float:
    """How wide ``markup`` is on one line in the footer (other fonts included)."""
    from exports.paragraphs import PackParagraph

    para = PackParagraph(markup, _footer_style(size))
    para.wrap(10_000, size * 4)
    return max(para.getActualLineWidths0() or [0.0])


def footer_name(name: str, room: float, size: float) -> str:
    """The patient's name as markup for the footer, cut with "…" to fit in ``room`` points
    at ``size``; "" if there is no name or no room for one. With it, a clinician can tell
    whose a page is after the pages are parted."""
    from exports.fonts import safe_text

    words = " ".join(name.split())[:60]
    cut = False
    while words:
        markup = safe_text(f"{words}…" if cut else words)
        if _drawn_width(markup, size) <= room:
            return markup
        words, cut = words[:-1].rstrip(), True
    return ""


def canvas_maker(
    generated: date, paper: str = "A4", scale: float = 1.0, name: str = ""
) -> type[canvas.Canvas]:
    """A canvas class that draws the footer once the number of pages is known.

    Pages are kept until the end (deferred ``showPage``), so the footer can say "page N of M".
    ``paper`` and ``scale`` are the pack's paper size and type scale (large print); ``name``
    is the patient's name as they typed it, shown on every page if given.
    """
    made = f"Made on {long_date(generated)}".replace("\u00a0", " ")
    geometry = page_geometry(paper)

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            """Called by reportlab at the end of each page: keep it for later."""
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            """Called by reportlab at the end: draw every footer, then write the pages."""
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                canvas.Canvas.showPage(self)
            canvas.Canvas.save(self)

        def _draw_footer(self, total: int) -> None:
            width = geometry.page_size[0]
            left = geometry.margin_x
            y = MARGIN_BOTTOM - 11 * mm
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            rule_y = y + 11 * min(scale, FOOTER_MAX_SCALE)
            self.line(left, rule_y, width - left, rule_y)
            size = FOOTER_SIZE * min(scale, FOOTER_MAX_SCALE)
            self.setFont(FONT, size)
            self.setFillColor(HINT)
            right = width - left
            fitted, short = self._name(total, width - 2 * left, size)
            self.drawString(left, y, footer_text(self._pageNumber, total, short=short))
            if not fitted:
                self.drawRightString(right, y, made)
            else:  # "For NAME — 6 December 2026"; the name may need other fonts, or
                # right-to-left order, so it is a paragraph of its own between the words
                tail = f" — {made.removeprefix('Made on ')}"
                end = right - self.stringWidth(tail, FONT, size)
                para, wide = self._name_paragraph(fitted, size)
                # drawn in reading order, so a copied footer reads the same
                self.drawRightString(end - wide, y, "For ")
                para.drawOn(self, end - wide, y - size * 0.2)
                self.drawRightString(right, y, tail)
            self.restoreState()

        def _name_paragraph(self, fitted: str, size: float) -> tuple[Any, float]:
            """The name's paragraph, laid out once for every page, and its width."""
            if "_footer_paragraph" not in NumberedCanvas.__dict__:
                from exports.paragraphs import PackParagraph

                style = _footer_style(size)
                style.textColor = HINT
                para = PackParagraph(fitted, style)
                para.wrap(10_000, size * 4)
                wide = max(para.getActualLineWidths0() or [0.0])
                NumberedCanvas._footer_paragraph = (para, wide)
            return NumberedCanvas._footer_paragraph

        def _name(self, total: int, frame: float, size: float) -> tuple[str, bool]:
            """The name as it fits on every page (measured once, beside the widest page
            number), and whether the left part is the short one: a name that would be cut
            (in large print, often) gets the room the app's name took, and is cut only if
            it still does not fit."""
            if "_footer_name" not in NumberedCanvas.__dict__:
                fixed = self.stringWidth(f"For  — {made.removeprefix('Made on ')}", FONT, size)
                fitted, short = "", False
                for short in (False, True):
                    widest = self.stringWidth(footer_text(total, total, short=short), FONT, size)
                    fitted = footer_name(name, frame - widest - FOOTER_GAP - fixed, size)
                    if not fitted.endswith("…"):
                        break
                NumberedCanvas._footer_name = (fitted, short and bool(fitted))
            return NumberedCanvas._footer_name

    return NumberedCanvas


class PackTemplate(BaseDocTemplate):
    """A4 or Letter pages with one frame; section headings become PDF bookmarks."""

    def __init__(
        self,
        filename: Any,
        progress: Callable[[int], None],
        paper: str = "A4",
        **kw: Any,
    ) -> None:
        """``progress`` is told the page being laid out after each flowable; it may raise
        (``exports.ExportCancelled``) to stop the pack there."""
        geometry = page_geometry(paper)
        super().__init__(
            filename,
            pagesize=geometry.page_size,
            leftMargin=geometry.margin_x,
            rightMargin=geometry.margin_x,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kw,
        )
        frame = Frame(
            geometry.margin_x,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            geometry.frame_height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._bookmarks = 0
        self._progress = progress

    def afterFlowable(self, flowable: Any) -> None:
        """Called by reportlab after each flowable: bookmark the big headings, and say how
        far the pack has got."""
        self._progress(self.page)
        title = getattr(flowable, "bookmark", None)
        if title:
            key = f"section-{self._bookmarks}"
            self._bookmarks += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0)
