"""Parts of the clinic's-offer section: phrases found in the advert, and the UK checks.

The advert is the patient's own pasted text: only short excerpts around each match are
printed, escaped, with the matched words in bold.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from consultprep.claims import (
    ClaimMatch,
    find_claims,
    flags_found,
    load_claim_rules,
    marked,
    merged_spans,
    not_in_latin_letters,
    quotes,
    readable,
)
from consultprep.vetting import load_vetting
from exports.continued import continued_under
from exports.fonts import safe_text
from exports.form import check_box
from exports.pack import TICK_SIZE, Pack, beside_tick_box, stacked_height
from exports.paragraphs import PackParagraph
from exports.styles import BOX_FILL, NOTICE_BORDER, NOTICE_FILL, styles

EXCERPTS_PER_FLAG = 3
#: An advert up to this long (letters, spaces run together) is printed whole, its phrases in
#: bold, and each warning sign names the phrases found: quoted only in pieces, the claim that
#: mattered most was missing from the pack when no rule caught it (a walk-through).
ADVERT_WHOLE = 600
TICK_WHEN_DONE = "Tick each box when you have checked it."
_SMALL_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def checks_count(count: int) -> str:
    """How many checks there are, so a list that goes on over the page is not taken as done."""
    number = _SMALL_NUMBERS[count] if count < len(_SMALL_NUMBERS) else str(count)
    return f"There {'is' if count == 1 else 'are'} {number} check{'' if count == 1 else 's'}."


ADVERT_HEADING = "What the clinic's advert says"
NO_MATCHES = (
    "ConsultPrep looked through the advert text I pasted and found none of the phrases it "
    "looks for. That does not mean the offer is safe: the checks below still apply."
)
NOT_ENGLISH = (
    "ConsultPrep can only look for phrases in English, and most of the advert text I pasted "
    "is in another language. The checks below still apply."
)
MATCHES_NOTE = (
    "ConsultPrep looked through the advert text I pasted for phrases that often go with "
    "warning signs. A phrase found here is a reason to ask, not proof that something is wrong."
)


def advert_matches(pack: Pack) -> None:
    """Each warning sign found in the pasted advert, with up to three quoted excerpts."""
    text = pack.draft.offer.advert_text
    if not readable(text).text.strip():  # (also a paste of only invisible characters)
        return
    s = pack.story
    heading = pack.heading(ADVERT_HEADING, "h2", bookmark=False)
    library = pack.library
    matches = [m for m in find_claims(text, load_claim_rules()) if library.red_flag(m.red_flag)]
    short = len(" ".join(text.split())) <= ADVERT_WHOLE
    shown = [_whole_advert(pack, text, matches)] if short else []
    # A box cannot go over a page: one a third of a page or more (emoji printed as their
    # names, in large print: a diff review) gives way to quotes
    if shown and stacked_height(shown) > pack.frame_height / 3:
        shown = []
    whole = bool(shown)
    if not matches:
        note = NOT_ENGLISH if not_in_latin_letters(text) else NO_MATCHES
        s.append(KeepTogether([heading, *shown, pack.para(note, "small")]))
        return
    # The heading and note go with the first warning sign (alone, they ended a page).
    opening: list[Flowable] = [heading, *shown, pack.para(MATCHES_NOTE, "small")]
    for flag_id in flags_found(matches):
        flag = library.red_flag(flag_id)
        if flag is None:  # (never: only matches of the library's warning signs are kept)
            continue
        mine = [m for m in matches if m.red_flag == flag_id]
        # A warning sign already explained under "Warning signs I noticed" is not repeated.
        why = (
            "(explained above)"
            if flag_id in pack.draft.offer.red_flags
            else safe_text(flag.explanation) + pack.cites.mark(flag.citations)
        )
        block: list[Flowable] = [
            *opening,
            pack.para(f"<b>{safe_text(flag.label)}</b><br/>{why}", "flag", bulletText="⚠"),
        ]
        opening = []
        style = _excerpt_style(pack.scale)
        if whole:  # the advert is above: the phrases found, not quotes of it again
            said = ", ".join(dict.fromkeys(f"“{pack.user(m.phrase(text))}”" for m in mine))
            block.append(PackParagraph(f"Found: {said}", style, bulletText="–"))
            s.append(KeepTogether(block))
            continue
        # Phrases near each other share one quote; the same words found again (a phrase
        # repeated in the advert) are quoted once.
        found = list(dict.fromkeys(tuple(q) for q in quotes(text, mine)))
        for pieces in found[:EXCERPTS_PER_FLAG]:
            block.append(PackParagraph(_quote(pack, pieces), style, bulletText="–"))
        if len(found) > EXCERPTS_PER_FLAG:
            more = len(found) - EXCERPTS_PER_FLAG
            words = f"… and {more} more {'place' if more == 1 else 'places'} in the advert."
            block.append(PackParagraph(words, style))
        s.append(KeepTogether(block))


@lru_cache(maxsize=16)
def _excerpt_style(scale: float) -> ParagraphStyle:
    """Quoted excerpts, indented under their warning sign (one style object for each type
    scale, like the pack's other styles, so their paragraphs can be cached)."""
    st = styles(scale)
    flag = st["flag"]
    return ParagraphStyle(
        "advert_excerpt",
        parent=st["bullet"],
        fontSize=flag.fontSize,
        leading=flag.leading,
        leftIndent=flag.leftIndent + 12,
        bulletIndent=flag.leftIndent,
        spaceBefore=0,
        spaceAfter=3,
    )


def _whole_advert(pack: Pack, text: str, matches: list[ClaimMatch]) -> Flowable:
    """A short advert as pasted (spaces run together), its matched phrases in bold, in a box."""
    pieces = tuple(marked(text, merged_spans(matches)))  # overlapping ones bold as one
    label = "<b>The advert, as I pasted it:</b> "
    return pack.box([[pack.para(label + _quote(pack, pieces), "body")]], fill=BOX_FILL)


def _quote(pack: Pack, pieces: tuple[tuple[str, bool], ...]) -> str:
    """A quote's markup, its matched words in bold (see ``consultprep.claims.quotes``)."""
    out = []
    for words, matched in pieces:
        # safe_text trims each piece, so the spaces between pieces are put back here.
        lead = " " if words[:1].isspace() and out else ""
        trail = " " if words[-1:].isspace() else ""
        escaped = pack.user(words)
        out.append(f"{lead}<b>{escaped}</b>{trail}" if matched else f"{lead}{escaped}{trail}")
    return f"“{''.join(out).strip()}”"


def vetting_checks(pack: Pack) -> None:
    """How to check a clinic in the UK: what each check means and where to look.

    For a clinic abroad, the note that these checks are for the UK comes first, in a box,
    not at the end in small type. The heading never stands alone at the foot of a page.
    """
    vetting = load_vetting()
    s = pack.story
    abroad = pack.draft.offer.location == "abroad"
    opening: list[Flowable] = [
        pack.heading(vetting.title, "h2", bookmark=False),
        pack.para(
            f"{safe_text(vetting.intro)} {checks_count(len(vetting.checks))} {TICK_WHEN_DONE}",
            "small",
        ),
    ]
    if abroad:
        note = pack.para(f"<b>{safe_text(vetting.abroad_note)}</b>", "body")
        opening += [pack.box([[note]], fill=NOTICE_FILL, border=NOTICE_BORDER), Spacer(1, 6)]
    blocks: list[list[Flowable]] = []
    for n, check in enumerate(vetting.checks, 1):
        heading = _ticked_heading(pack, check.id, check.title)
        block = [
            continued_under(pack, vetting.title, heading) if n > 1 else heading,
            pack.para(safe_text(check.what) + pack.cites.mark(check.citations), "body"),
            pack.para(f"<b>Where to look:</b> {safe_text(check.where)}", "body"),
        ]
        if n == len(vetting.checks) and not abroad:  # never alone at the top of a page
            block.append(pack.para(safe_text(vetting.abroad_note), "small"))
        blocks.append(block)
    # The heading and intro start a page only with the first check under them. Keeping two
    # with them left nearly half a page blank on Letter paper; a list that goes on over the
    # page is told apart by the count in the intro and by "(continued)" over the next check.
    start = opening[0].getSpaceBefore() + stacked_height([*opening, *blocks[0]])
    s.append(CondPageBreak(min(start, pack.frame_height)))
    s += [*opening, *(KeepTogether(block) for block in blocks)]


def _ticked_heading(pack: Pack, check_id: str, title: str) -> Flowable:
    """A check's title beside a tick box, drawn and placed as the questions' boxes are."""
    heading = pack.para(safe_text(title), "h3")
    done = check_id in pack.draft.offer.checks_done
    row = beside_tick_box(pack, check_box(check_id, title, pack.size(TICK_SIZE), done), heading)
    row.spaceBefore = heading.style.spaceBefore  # a table cell leaves them out
    row.spaceAfter = heading.style.spaceAfter
    return row
