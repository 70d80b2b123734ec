"""What the parts of the pack share while it is built: text helpers, styles, citations.

The section builders (:mod:`exports.summary`, :mod:`exports.sections`) each add flowables to
one :class:`Pack`. User text always goes through :meth:`Pack.user`, which escapes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from consultprep.content import Library
from consultprep.models import Draft
from exports.fonts import MAX_TEXT_CHARS, has_substitutes, safe_text
from exports.options import PackOptions
from exports.paragraphs import PackParagraph
from exports.styles import BOX_FILL, FRAME_WIDTH, page_geometry, styles

NOT_GIVEN = "Not filled in"  # ("Not given" could read as a refusal: a review)
NOT_GIVEN_MARKUP = f'<font color="#4A4A4A">{NOT_GIVEN}</font>'
SHORT_LIMIT = 300  # names, dates and other one-line fields
NBSP = "\u00a0"
class Citations:
    """Numbers references in the order the pack first cites them."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.numbers: dict[str, int] = {}

    def mark(self, ref_ids: list[str]) -> str:
        """Markup like "[1, 3]" for these references (empty if none)."""
        known = {r.id for r in self.library.references}
        nums = [self.numbers.setdefault(r, len(self.numbers) + 1) for r in ref_ids if r in known]
        if not nums:
            return ""
        # No-break spaces keep "[1, 3]" in one piece and on the line of the text it backs.
        numbers = NBSP.join(f"{n}," for n in sorted(set(nums))).rstrip(",")
        return f'{NBSP}<font color="#4A4A4A">[{numbers}]</font>'


#: Which part of the page-1 budget applies to a text (see ``Pack.brief``).
Kind = Literal["chars", "short", "question", "safety", "whole"]
#: Medicines and allergies on page 1 are never cut shorter than this (a clinician checks
#: them before prescribing): other text is cut harder instead.
SAFETY_CHARS = 400
SAFETY_LINES = 8


@dataclass(frozen=True)
class Budget:
    """How much of each thing the patient typed is printed on page 1 (see exports.page_one).

    ``chars`` and ``lines`` bound each free-text field, ``short`` a name, ``question`` each
    of the top three questions; ``items`` is how many tried treatments are listed and
    ``photos`` how many photo thumbnails are shown.
    """

    chars: int
    lines: int
    short: int
    question: int
    items: int
    photos: int


CONTINUED = "continued on page 2"


class Pack:
    """What the section builders share: the draft, the library, styles and the story so far.

    It also numbers citations and remembers whether any text needed the substitute mark.
    While page 1 is built, ``budget`` is set: :meth:`brief` then cuts long text and keeps the
    whole of it in ``overflow`` (label -> paragraphs, as functions that make their markup only
    when the continuation is printed: page 1 may be built several times).
    """

    def __init__(
        self,
        draft: Draft,
        library: Library,
        generated: date,
        options: PackOptions | None = None,
    ) -> None:
        self.draft = draft
        self.library = library
        self.generated = generated
        self.options = options or PackOptions()
        self.frame_height = page_geometry(self.options.paper).frame_height
        self.scale = 1.0
        self.st = styles()
        self.set_scale(self.options.scale)
        self.cites = Citations(library)
        self.substituted = False
        self.story: list[Flowable] = []
        self.budget: Budget | None = None
        self.overflow: dict[str, list[Callable[[], str]]] = {}

    def set_scale(self, scale: float) -> None:
        """Build what follows with type ``scale`` times the normal size (page 1 may differ)."""
        self.scale = scale
        self.st = styles(scale)

    def size(self, points: float) -> float:
        """A length in points, bigger in large print."""
        return points * self.scale

    def user(self, text: str | None, limit: int | None = None) -> str:
        """Escaped user text (noting if some characters cannot be printed)."""
        limit = MAX_TEXT_CHARS if limit is None else limit
        if has_substitutes(text, limit):
            self.substituted = True
        return safe_text(text, limit)

    def brief(
        self,
        text: str | None,
        label: str,
        limit: int | None = None,
        kind: Kind = "chars",
    ) -> str:
        """Escaped user text for page 1, cut to the page-1 budget if one is set.

        ``kind`` says which part of the budget applies (a free-text field, a name, a top
        question), ``"safety"`` for what a clinician must see before prescribing (medicines,
        allergies: cut last, never to fewer than ``SAFETY_CHARS`` and ``SAFETY_LINES``), or
        ``"whole"`` for ConsultPrep's own words (a question from its list, the names of ticked
        conditions), which are short and never cut for the patient's long ones; ``limit``
        caps the length whatever the budget. If the text is cut, it ends
        with "… (continued on page 2)" and the whole text is kept under ``label`` in
        ``overflow``.
        """
        budget = self.budget
        if budget is None or kind == "whole":
            return self.user(text, limit)
        text = (text or "").strip()
        if kind == "safety":
            chars, lines = max(budget.chars, SAFETY_CHARS), max(budget.lines, SAFETY_LINES)
        else:
            chars, lines = getattr(budget, kind), budget.lines
        if limit is not None:
            chars = min(limit, chars)
        cut = cut_text(text, chars, lines)
        if cut == text or no_shorter(text, cut, lines):
            return self.user(text)
        self.continue_later(label, lambda: self.user(text))
        return self.user(cut) + continued_mark()

    def continue_later(self, label: str, markup: Callable[[], str]) -> None:
        """Print what ``markup()`` returns (escaped text) under ``label`` after page 1."""
        self.overflow.setdefault(label, []).append(markup)

    def para(self, markup: str, style: str = "body", **kw: object) -> Paragraph:
        """A paragraph of markup (user text must already be escaped)."""
        return PackParagraph(markup, self.st[style], **kw)

    def heading(self, text: str, style: str = "h1", bookmark: bool = True) -> Paragraph:
        """A heading from plain text; big ones become PDF bookmarks."""
        p = self.para(safe_text(text), style)
        if bookmark:
            p.bookmark = text  # type: ignore[attr-defined]  # read by PackTemplate
        return p

    def field(
        self,
        label: str,
        value: str | None,
        always: bool = True,
        kind: Kind = "chars",
    ) -> None:
        """A "label   value" line; an empty value shows "Not filled in" (or nothing).

        On page 1 the value is cut to the page-1 budget (see :meth:`brief`), unless ``kind``
        is ``"whole"`` (ConsultPrep's own words).
        """
        markup = self.brief(value, label, kind=kind)
        if not markup:
            if not always:
                return
            markup = NOT_GIVEN_MARKUP
        self.story.append(self.para(markup, "field", bulletText=label))

    def box(
        self,
        rows: list[list[object]],
        fill: colors.Color = BOX_FILL,
        border: colors.Color | None = None,
        col_widths: list[float] | None = None,
        bar: colors.Color | None = None,
    ) -> Table:
        """A shaded box (a one-column table unless ``col_widths`` says otherwise); ``bar``, a
        thick line down its left side (a warning: printed in grey, its fill looked like any
        other box's)."""
        table = Table(rows, colWidths=col_widths or [FRAME_WIDTH], hAlign="LEFT")
        size = self.size
        commands = [
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), size(10)),
            ("RIGHTPADDING", (0, 0), (-1, -1), size(10)),
            ("TOPPADDING", (0, 0), (-1, -1), size(4)),
            ("BOTTOMPADDING", (0, 0), (-1, -1), size(4)),
            ("TOPPADDING", (0, 0), (-1, 0), size(7)),
            ("BOTTOMPADDING", (0, -1), (-1, -1), size(8)),
        ]
        if border is not None:
            commands.append(("BOX", (0, 0), (-1, -1), 1, border))
        if bar is not None:
            commands.append(("LINEBEFORE", (0, 0), (0, -1), size(3), bar))
        table.setStyle(TableStyle(commands))
        return table


#: The column a tick box sits in, beside a question or a clinic check (normal print).
TICK_COLUMN = 24
#: The tick box's size (normal print).
TICK_SIZE = 13


def beside_tick_box(pack: Pack, box: Flowable, cell: object, above: float = 0.0) -> Table:
    """``box`` in the tick-box column, ``cell`` in the rest of the width, the box level with
    the capitals of the first line of bold text in ``cell`` that starts ``above`` points down
    (under a "TOP THREE" line, whose height in large print is not simply scaled: its small
    type is raised to 16 pt)."""
    column = pack.size(TICK_COLUMN)
    return bare_table(
        [[box, cell]],
        [column, FRAME_WIDTH - column],
        ("TOPPADDING", (0, 0), (0, 0), above + pack.size(1)),
    )


def stacked_height(flowables: list[Flowable]) -> float:
    """How tall ``flowables`` are one under another across the frame, with their spacing."""
    from reportlab.platypus.flowables import _listWrapOn

    return _listWrapOn(flowables, FRAME_WIDTH, None)[1]


def bare_table(
    rows: list[list[object]], col_widths: list[float], *commands: tuple, valign: str = "TOP"
) -> Table:
    """A table used only to place things side by side: no padding, then ``commands``."""
    table = Table(rows, colWidths=col_widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), valign),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                *commands,
            ]
        )
    )
    return table


def cut_text(text: str, chars: int, lines: int) -> str:
    """``text`` shortened to at most ``chars`` characters and ``lines`` lines.

    It is cut at a space where there is one near the end, so words stay whole. Returns
    ``text`` itself if it is short enough.
    """
    kept = text.splitlines()
    shorter = "\n".join(kept[:lines]) if len(kept) > lines else text
    if len(shorter) > chars:
        shorter = shorter[:chars]
        space = shorter.rfind(" ")
        if space > chars * 0.5:
            shorter = shorter[:space]
    shorter = shorter.rstrip()
    return text if shorter == text else shorter


def no_shorter(text: str, cut: str, lines: int) -> bool:
    """True if ``cut`` and the pointer to page 2 would be about as long as ``text`` itself
    (a carer's walk-through: "How long" cut to one line kept two, the pointer on the
    second), so the whole text is printed instead."""
    return len(text.splitlines()) <= lines and len(text) - len(cut) <= len(CONTINUED) + 4


def continued_mark() -> str:
    """The pointer after text cut on page 1."""
    return f' … <font color="#4A4A4A">({CONTINUED})</font>'
