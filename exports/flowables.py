"""Small custom flowables: a tick box, lines to write on, a score bar, the evidence ladder.

Raw canvas drawing lives only here. Everything drawn is either our own text or text that
went through :func:`exports.fonts.plain_text`, so nothing can be read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from consultprep.content import Concern, Library, Treatment
from consultprep.evidence import (
    KIND_LABELS,
    KIND_ORDER,
    RUNG_FILL,
    WARNING_COLOUR,
    ladder_rows,
    unrated,
)
from exports.fonts import FONT, FONT_BOLD, plain_text
from exports.kind_marks import BADGE, draw_badge, kind_shape
from exports.styles import ACCENT, FRAME_HEIGHT, HINT, TEXT, WRITING_LINE


class Checkbox(Flowable):
    """An empty square to tick by hand."""

    def __init__(self, size: float = 13) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Called by reportlab to ask for the size."""
        return self.size, self.size

    def draw(self) -> None:
        """Called by reportlab to draw."""
        c = self.canv
        c.setStrokeColor(TEXT)
        c.setLineWidth(1.1)
        c.roundRect(0.5, 0.5, self.size - 1, self.size - 1, 2, stroke=1, fill=0)


class RuledLines(Flowable):
    """``count`` ruled lines across the frame, to write an answer on."""

    def __init__(self, count: int = 3, gap: float = 22) -> None:
        super().__init__()
        self.count = count
        self.gap = gap
        self.width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Called by reportlab to ask for the size."""
        self.width = avail_width
        return avail_width, self.count * self.gap + 2

    #: Draw the lowest line (a subclass whose field border is that line leaves it out).
    bottom_line = True

    def draw(self) -> None:
        """Called by reportlab to draw."""
        c = self.canv
        c.setStrokeColor(WRITING_LINE)
        c.setLineWidth(0.8)
        for n in range(self.count if self.bottom_line else self.count - 1):
            y = (self.count - n - 1) * self.gap + 1
            c.line(0, y, self.width, y)


class ScoreBar(Flowable):
    """A 0-10 score as ten small boxes, the first ``score`` of them filled."""

    def __init__(self, score: int, cell: float = 11.5, gap: float = 2.5) -> None:
        super().__init__()
        self.score = max(0, min(10, int(score)))
        self.cell = cell
        self.gap = gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Called by reportlab to ask for the size."""
        return 10 * self.cell + 9 * self.gap, self.cell

    def draw(self) -> None:
        """Called by reportlab to draw."""
        c = self.canv
        c.setLineWidth(0.8)
        for n in range(10):
            x = n * (self.cell + self.gap)
            filled = n < self.score
            # (Empty boxes in RULE's pale grey vanished in a black-and-white print.)
            c.setStrokeColor(ACCENT if filled else WRITING_LINE)
            c.setFillColor(ACCENT if filled else colors.white)
            c.roundRect(x, 0, self.cell, self.cell, 2, stroke=1, fill=1)


# --- the evidence ladder --------------------------------------------------------------------
PAD = 8.0
GAP = 8.0
LABEL_SIZE = 10.0
PILL_SIZE = 9.5
SMALL = 9.0  # captions and key: as the footer, the smallest type in the pack
PILL_PAD_X = 8.0
PILL_PAD_Y = 4.5
PILL_GAP = 6.0


@dataclass
class _Pill:
    x: float
    y: float  # top, measured down from the row's top
    w: float
    h: float
    lines: list[str]
    treatment: Treatment


@dataclass
class _Row:
    top: float  # measured down from the ladder's top
    h: float
    label: list[str]
    fill: str | None
    pills: list[_Pill] = field(default_factory=list)
    empty: str = ""
    label_top: float = 0.0  # offsets from the row's top
    area_x: float = 0.0
    pills_top: float = 0.0


class EvidenceLadder(Flowable):
    """The four-rung evidence ladder for one concern, drawn like the one on screen.

    Strongest evidence at the top; each treatment is a pill whose colour and shape show its
    kind (``kind_marks.kind_shape``: on paper printed in grey, the shape), with a red "!" marker
    if regulators have issued warnings. "Waiting or doing nothing" sits in its own dashed row
    as the comparison point. A legend explains the marks.
    """

    def __init__(
        self,
        concern: Concern,
        library: Library,
        max_height: float = FRAME_HEIGHT,
        text_scale: float = 1.0,
    ) -> None:
        super().__init__()
        self.concern = concern
        self.library = library
        self.max_height = max_height  # the page's frame: the ladder is never taller
        self.text_scale = text_scale  # larger for large print
        self.width = 0.0
        self.height = 0.0
        self._scale = 1.0
        self._rows: list[_Row] = []
        self._legend: list[tuple[float, float, str, str, bool]] = []

    # layout -------------------------------------------------------------------------------
    def _entries(self) -> list[tuple[str, str | None, list[Treatment]]]:
        entries: list[tuple[str, str | None, list[Treatment]]] = [
            (f"{int(level)}. {self.library.level_info(level).short}", RUNG_FILL[int(level)], ts)
            for level, ts in ladder_rows(self.concern)
        ]
        waiting = unrated(self.concern)
        if waiting:
            entries.append(("Comparison point", None, waiting))
        return entries

    def _layout(self, width: float) -> float:
        # On a narrow ladder the rung's label goes above its pills instead of beside them.
        stacked = width < 340
        label_w = width - 2 * PAD if stacked else max(110.0, min(185.0, width * 0.33))
        area_x = PAD + 4 if stacked else PAD + label_w + GAP
        area_w = width - area_x - PAD - 4 if stacked else width - area_x - PAD
        line_h = PILL_SIZE * 1.2
        y = PAD + SMALL * 1.3 + 4  # the "Stronger evidence" caption
        self._rows = []
        for n, (label, fill, treatments) in enumerate(self._entries()):
            if fill is None:
                y += GAP
            label_lines = wrap_lines(plain_text(label), FONT_BOLD, LABEL_SIZE, label_w - PAD)
            label_h = len(label_lines) * LABEL_SIZE * 1.25
            pills: list[_Pill] = []
            px, py, tallest = 0.0, 0.0, 0.0
            for t in treatments:
                badge = BADGE + 5 if t.warning else 0
                max_text = area_w - 2 * PILL_PAD_X - badge
                lines = wrap_lines(plain_text(t.name), FONT_BOLD, PILL_SIZE, max_text)
                text_w = max(_width(s, FONT_BOLD, PILL_SIZE) for s in lines)
                pw = text_w + 2 * PILL_PAD_X + badge
                ph = max(len(lines) * line_h, BADGE if t.warning else 0) + 2 * PILL_PAD_Y
                if px > 0 and px + pw > area_w:
                    px, py, tallest = 0.0, py + tallest + PILL_GAP, 0.0
                pills.append(_Pill(area_x + px, py, pw, ph, lines, t))
                px += pw + PILL_GAP
                tallest = max(tallest, ph)
            pills_h = py + tallest if pills else LABEL_SIZE * 1.3
            if stacked:
                row_h = label_h + 5 + pills_h + 2 * 7
                label_top = 7.0
                pills_top = 7 + label_h + 5
            else:
                row_h = max(label_h, pills_h, 26.0) + 2 * 7
                label_top = (row_h - label_h) / 2
                pills_top = (row_h - pills_h) / 2  # the block of pills is centred in the rung
            for p in pills:
                p.y += pills_top
            empty = "" if pills else "None here"
            self._rows.append(
                _Row(y, row_h, label_lines, fill, pills, empty, label_top, area_x, pills_top)
            )
            y += row_h + 2.5
            if n == 3:
                y += SMALL * 1.3 + 4  # the "Weaker evidence" caption
        y += GAP
        return y + self._layout_legend(width, y) + PAD

    def _legend_items(self) -> list[tuple[str, str, bool]]:
        items = [(KIND_LABELS[k], k, False) for k in KIND_ORDER]  # (a kind, not a colour)
        items.append((self.library.warning_marker.short, WARNING_COLOUR, True))
        return items

    def _layout_legend(self, width: float, top: float) -> float:
        x, y = PAD, top
        row_h = max(BADGE, SMALL * 1.3)
        self._legend = []
        for text, colour, is_warning in self._legend_items():
            label = plain_text(text)
            max_w = width - 2 * PAD - BADGE - 6
            if _width(label, FONT, SMALL) > max_w:  # legend labels are short; cut if not
                label = wrap_lines(label, FONT, SMALL, max_w - _width("…", FONT, SMALL))[0]
                label = label.rstrip() + "…"
            w = BADGE + 5 + _width(label, FONT, SMALL) + 16
            if x > PAD and x + w > width - PAD:
                x, y = PAD, y + row_h + 4
            self._legend.append((x, y, label, colour, is_warning))
            x += w
        return y - top + row_h

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Called by reportlab to ask for the size (the height follows the width).

        The ladder is laid out at ``width / scale`` and drawn scaled up, so in large print
        everything in it is bigger.
        """
        self.width = avail_width

        def height(scale: float) -> float:
            return self._layout(avail_width / scale) * scale

        # Never taller than a page: a very full ladder is drawn a little smaller instead, as
        # big as fits. (Smaller, it may be laid out side by side, not stacked, and take less
        # room than the first shrink allowed for: large print came out at 10 pt, not 16.)
        fits, too_big = self.text_scale, None
        while height(fits) > self.max_height and fits > 0.2:
            too_big, fits = fits, fits * min(0.95, self.max_height / height(fits))
        for _ in range(8 if too_big is not None else 0):
            middle = (fits + too_big) / 2
            fits, too_big = (middle, too_big) if height(middle) <= self.max_height else (fits, middle)
        self._scale = fits
        self.height = height(fits)
        return self.width, self.height

    # drawing ------------------------------------------------------------------------------
    def draw(self) -> None:
        """Called by reportlab to draw the ladder."""
        c = self.canv
        c.saveState()
        c.scale(self._scale, self._scale)
        width = self.width / self._scale
        top = self.height / self._scale

        def down(y: float) -> float:  # our layout measures down from the top
            return top - y

        c.setFont(FONT, SMALL)
        c.setFillColor(HINT)
        c.drawString(PAD, down(PAD + SMALL), "▲ Stronger evidence")
        rungs = [r for r in self._rows if r.fill is not None]
        if rungs:
            below = rungs[-1].top + rungs[-1].h + 4
            c.drawString(PAD, down(below + SMALL), "▼ Weaker evidence")
        for row in self._rows:
            self._draw_row(row, width, down)
        for x, y, label, colour, is_warning in self._legend:
            cy = down(y + BADGE / 2)
            if is_warning:
                self._draw_badge(x + BADGE / 2, cy)
            else:
                kind_shape(c, colour, x, cy - BADGE / 2, BADGE, BADGE, 2.5)
            c.setFont(FONT, SMALL)
            c.setFillColor(TEXT)
            c.drawString(x + BADGE + 5, cy - SMALL * 0.35, label)
        c.restoreState()

    def _draw_row(self, row: _Row, width: float, down) -> None:
        c = self.canv
        bottom = down(row.top + row.h)
        if row.fill is not None:
            c.setFillColor(colors.HexColor(row.fill))
            c.roundRect(PAD / 2, bottom, width - PAD, row.h, 5, stroke=0, fill=1)
        else:
            c.setStrokeColor(colors.HexColor("#9AA0A6"))
            c.setDash(3, 2)
            c.setLineWidth(0.8)
            c.roundRect(PAD / 2, bottom, width - PAD, row.h, 5, stroke=1, fill=0)
            c.setDash()
        c.setFillColor(TEXT)
        c.setFont(FONT_BOLD, LABEL_SIZE)
        lead = LABEL_SIZE * 1.25
        y = down(row.top + row.label_top) - LABEL_SIZE
        for line in row.label:
            c.drawString(PAD + 4, y, line)
            y -= lead
        if row.empty:
            c.setFont(FONT, PILL_SIZE)
            c.setFillColor(HINT)
            c.drawString(row.area_x, down(row.top + row.pills_top) - PILL_SIZE, row.empty)
        for pill in row.pills:
            self._draw_pill(pill, row, down)

    def _draw_pill(self, pill: _Pill, row: _Row, down) -> None:
        c = self.canv
        t = pill.treatment
        top = down(row.top + pill.y)
        radius = min(pill.h / 2, 9)
        text = kind_shape(c, t.kind, pill.x, top - pill.h, pill.w, pill.h, radius)
        c.setFillColor(text)
        c.setFont(FONT_BOLD, PILL_SIZE)
        line_h = PILL_SIZE * 1.2
        y = top - (pill.h - len(pill.lines) * line_h) / 2 - PILL_SIZE * 0.95
        for line in pill.lines:
            c.drawString(pill.x + PILL_PAD_X, y, line)
            y -= line_h
        if t.warning:
            cx = pill.x + pill.w - PILL_PAD_X - BADGE / 2 + 2
            cy = top - pill.h / 2
            c.setFillColor(colors.white)
            c.circle(cx, cy, BADGE / 2 + 1.5, stroke=0, fill=1)
            self._draw_badge(cx, cy)

    def _draw_badge(self, cx: float, cy: float) -> None:
        draw_badge(self.canv, cx, cy)


class BadgedParagraph(Flowable):
    """A paragraph with the ladder's red "!" badge as its bullet (the key under the ladder
    then shows the same mark as the ladder itself). It is short: it moves whole, never split."""

    def __init__(self, paragraph: Paragraph) -> None:
        super().__init__()
        self.paragraph = paragraph

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.paragraph.wrap(avail_width, avail_height)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.paragraph.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.paragraph.getSpaceAfter()

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, 0)
        style = self.paragraph.style
        first_line = self.height - style.leading / 2 - (style.leading - style.fontSize) / 4
        size = BADGE * style.fontSize / LABEL_SIZE  # as big, beside its text, as in the ladder
        draw_badge(self.canv, style.bulletIndent + size / 2, first_line, size)


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def wrap_lines(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Lines of ``text`` no wider than ``max_width``; over-long words are broken too."""
    out: list[str] = []
    for line in simpleSplit(text, font, size, max_width) or [""]:
        while _width(line, font, size) > max_width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and _width(line[:cut], font, size) > max_width:
                cut -= 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out
