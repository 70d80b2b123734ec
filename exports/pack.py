"""What the parts of the pack share while it is built: text helpers, styles, citations.

The section builders (:mod:`exports.summary`, :mod:`exports.sections`) each add flowables to
one :class:`Pack`. User text always goes through :meth:`Pack.user`, which escapes it.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from consultprep.content import Library
from consultprep.models import Draft
from exports.fonts import MAX_TEXT_CHARS, has_substitutes, safe_text
from exports.styles import BOX_FILL, FRAME_WIDTH, styles

NOT_GIVEN = "Not given"
NOT_GIVEN_MARKUP = f'<font color="#4A4A4A">{NOT_GIVEN}</font>'
SHORT_LIMIT = 300  # names, dates and other one-line fields
NBSP = "\u00a0"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(d: date) -> str:
    """A date as "3 March 2025" (English month names whatever the computer's language)."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


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


class Pack:
    """What the section builders share: the draft, the library, styles and the story so far.

    It also numbers citations and remembers whether any text needed the substitute mark.
    """

    def __init__(self, draft: Draft, library: Library, generated: date) -> None:
        self.draft = draft
        self.library = library
        self.generated = generated
        self.st = styles()
        self.cites = Citations(library)
        self.substituted = False
        self.story: list[Flowable] = []

    def user(self, text: str | None, limit: int | None = None) -> str:
        """Escaped user text (noting if some characters cannot be printed)."""
        limit = MAX_TEXT_CHARS if limit is None else limit
        if has_substitutes(text, limit):
            self.substituted = True
        return safe_text(text, limit)

    def para(self, markup: str, style: str = "body", **kw: object) -> Paragraph:
        """A paragraph of markup (user text must already be escaped)."""
        return Paragraph(markup, self.st[style], **kw)

    def heading(self, text: str, style: str = "h1", bookmark: bool = True) -> Paragraph:
        """A heading from plain text; big ones become PDF bookmarks."""
        p = self.para(safe_text(text), style)
        if bookmark:
            p.bookmark = text  # type: ignore[attr-defined]  # read by PackTemplate
        return p

    def field(self, label: str, value: str | None, always: bool = True) -> None:
        """A "label   value" line; an empty value shows "Not given" (or nothing)."""
        markup = self.user(value)
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
    ) -> Table:
        """A shaded box (a one-column table unless ``col_widths`` says otherwise)."""
        table = Table(rows, colWidths=col_widths or [FRAME_WIDTH], hAlign="LEFT")
        commands = [
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
        ]
        if border is not None:
            commands.append(("BOX", (0, 0), (-1, -1), 0.8, border))
        table.setStyle(TableStyle(commands))
        return table
