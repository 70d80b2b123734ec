"""The patient's questions, the evidence and the clinic's offer.

The references at the end are in ``exports.references``.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
)

from consultprep.checklist import for_specialist_and_clinic, question_for
from consultprep.content import Concern, EvidenceLevel, Treatment
from consultprep.evidence import KIND_LABELS, KIND_ORDER, WARNING_COLOUR, kind_note
from consultprep.models import ChecklistItem
from exports.continued import Continued, KeptOrOtherOrder, continued_under
from exports.flowables import SMALL as LADDER_SMALL
from exports.flowables import BadgedParagraph, EvidenceLadder, RuledLines
from exports.fonts import safe_text
from exports.form import FormAnswerLines, FormTickBox
from exports.kind_marks import kind_swatch
from exports.offer_checks import advert_matches, vetting_checks
from exports.options import LARGE_PRINT_MIN_SIZE
from exports.pack import (
    NOT_GIVEN_MARKUP,
    SHORT_LIMIT,
    TICK_COLUMN,
    TICK_SIZE,
    Pack,
    beside_tick_box,
    stacked_height,
)
from exports.styles import FRAME_WIDTH, NOTICE_BORDER, NOTICE_FILL, WARNING_FILL

QUESTION_LIMIT = 1_500  # a question sits in a table cell, which cannot break across pages
LONG_QUESTION = 300  # characters: a question longer than this is measured (_question_para)
WHERE = {"uk": "In the UK", "abroad": "Abroad", "not_sure": "Not sure"}
KIND_HEADINGS = {
    "regenerative": "Stem-cell and other regenerative treatments",
    "established": "Established care",
    "waiting": "Waiting or doing nothing",
}

#: Said over a top question, by how many there are ("TOP THREE" for three).
TOP_KICKER = {1: "TOP QUESTION", 2: "TOP TWO"}
#: In the questions' intro, by how many top questions there are (none: nothing).
TOP_FIRST = {
    1: "My top question comes first. ",
    2: "My top two come first. ",
    3: "My top three come first. ",
}


def _top_first(pack: Pack, count: int) -> str:
    """ "My top three come first. " if there are top questions and others after them."""
    top = len(pack.draft.top_questions())
    return TOP_FIRST.get(top, "") if count > top else ""


#: Ruled lines to write on under a question in the top three, and under any other.
TOP_LINES, OTHER_LINES = 4, 2

CLINIC_HEADING = "Questions for the clinic"
CLINIC_NOTE = (
    "To ask the clinic that offered the treatment, before I agree to anything. My specialist "
    "may help me with them too."
)


def questions(pack: Pack) -> None:
    items = pack.draft.ordered_questions()
    s = pack.story
    if not items:  # one line: where there is room, not a page of its own
        lead = "No questions were chosen in ConsultPrep. You can write your questions here."
        lines = RuledLines(6, gap=pack.size(22))
        s.append(KeepTogether([pack.heading("My questions"), pack.para(lead, "body"), lines]))
        return
    # A new page unless the summary ran over and left most of a page free.
    s.append(CondPageBreak(pack.frame_height * 0.6))
    s.append(pack.heading("My questions"))
    s.append(
        pack.para(
            "Tick each question when it has been answered, and write the answer on the "
            f"lines. {_top_first(pack, len(items))}"
            "You can also fill in this PDF on a computer. "
            "Then add the answers to your draft in ConsultPrep: choose File, then Import "
            "answers from a filled-in PDF.",
            "small",
        )
    )
    s.append(Spacer(1, 6))
    mine, clinic = for_specialist_and_clinic(pack.draft, pack.library)
    for n, item in enumerate(mine, 1):
        s.append(KeepTogether(question_block(pack, n, item)))
    opening = [pack.heading(CLINIC_HEADING, "h2", bookmark=False), pack.para(CLINIC_NOTE, "small")]
    for n, item in enumerate(clinic, len(mine) + 1):  # under their own heading, numbered on
        s.append(KeepTogether([*opening, *question_block(pack, n, item)]))
        opening = []


def question_block(pack: Pack, n: int, item: ChecklistItem) -> list[Flowable]:
    # One paragraph in a table cell, which cannot split across pages: line breaks in the
    # question become spaces, so no question can be taller than a page (found by fuzzing).
    one_line = " ".join(item.text.split())
    cell: list[Flowable] = []
    width = FRAME_WIDTH - pack.size(TICK_COLUMN)
    above = 0.0  # how far down the question starts in its cell
    if item.top:
        kicker = pack.para(TOP_KICKER.get(len(pack.draft.top_questions()), "TOP THREE"), "kicker")
        cell.append(kicker)
        above = kicker.wrap(width, pack.frame_height)[1] + kicker.style.spaceAfter
    cell.append(_question_para(pack, n, one_line, width))
    info = question_for(item, pack.library)
    if info is not None:
        why = f"Why ask: {safe_text(info.why)}" + pack.cites.mark(info.citations)
        cell.append(pack.para(why, "why"))
    else:  # the patient's own question: the gap its "Why ask" line would leave
        cell.append(Spacer(1, pack.size(6)))
    tick = FormTickBox(item.id, item.asked, item.text, pack.size(TICK_SIZE))
    block: list[Flowable] = [beside_tick_box(pack, tick, cell, above)]
    answer = pack.user(item.answer)
    if answer:
        block.append(pack.para(f"<b>My notes:</b> {answer}", "answer"))
    # Room to write: more under a top-three question, less under the others (three lines
    # under each of 20 to 25 questions ran to six pages; a clinician's review, 2026-12-08).
    count = TOP_LINES if item.top else OTHER_LINES
    lines = FormAnswerLines(item.id, item.text, count, pack.size(22), pack.size(11))
    # The gap before the next question as space after the lines, not a Spacer: kept together,
    # a Spacer counted at the foot of a page, and a question that fitted went over to the next.
    lines.spaceAfter = pack.size(14)
    block += [Spacer(1, 2), lines]
    return block


def _question_para(pack: Pack, n: int, one_line: str, width: float) -> Flowable:
    """The numbered question, cut short if it would take more than half a page.

    A limit in characters is not enough: a "word" of thousands of wide letters with no space
    (pasted symbols, emoji shown as substitutes) breaks a letter at a time and ran taller than
    a page at 1,500 characters (found by the deep fuzz run). Ordinary questions are short and
    are not measured."""
    limit = int(QUESTION_LIMIT / pack.scale**2)
    para = pack.para(f"{n}. {pack.user(one_line, limit)}", "question")
    if len(one_line) <= LONG_QUESTION:
        return para
    while para.wrap(width, pack.frame_height)[1] > pack.frame_height * 0.45 and limit > 40:
        limit = int(limit * 0.7)
        para = pack.para(f"{n}. {pack.user(one_line, limit)}", "question")
    return para


# --- 3. the evidence -------------------------------------------------------------------
def evidence(pack: Pack, full: Concern | None, subtype_id: str | None) -> None:
    """The evidence for the concern, as shown for the patient's kind of it (subtype)."""
    s = pack.story
    concern = full.for_subtype(subtype_id) if full is not None else None
    s.append(CondPageBreak(pack.frame_height * 0.5))  # a new page only if less than half is left
    s.append(pack.heading("What the evidence says"))
    if concern is None:
        s.append(
            pack.para(
                "No skin problem was chosen, so there is no evidence summary for a particular "
                "one. The general points below apply to every skin problem.",
                "body",
            )
        )
    else:
        assert full is not None
        kind = concern.subtype(subtype_id)
        which = f"<b>{safe_text(concern.name)}</b>"
        if kind is not None:
            which += f" — {safe_text(kind.name)}"
        lead = pack.para(
            f"{which}. How strong the evidence is for each treatment. One ladder goes from "
            "lab studies only (rung 1) up to recommended standard care (rung 4).",
            "lead",
        )
        # What happens in the skin first, as on the app's evidence page, then the ladder (one
        # picture, never split) with the note on kinds left out under it. All of it starts on
        # a new page if it fits on one but not in what is left of this one, unless the text
        # fits there: then the text goes there and the ladder starts the next page (the
        # section's start alone above a gap as tall as the ladder, and a lone last question
        # above a blank page, were both seen). Taller than a page (large print), the ladder
        # comes first, under the section's heading: after the text, it left half a page blank
        # where it did not fit, and the note went on alone.
        opening = [
            s.pop(),
            pack.heading(f"About {concern.name.lower()}", "h2", bookmark=False),
            pack.para(safe_text(concern.description), "body"),
        ]
        if kind is not None:  # the patient's own kind: acne scars are mostly dips, not lumps
            opening.append(
                pack.para(f"<b>{safe_text(kind.name)}:</b> {safe_text(kind.description)}")
            )
            if kind.evidence_note:  # what to know first, for this kind: said at the top
                cited = safe_text(kind.evidence_note) + pack.cites.mark(
                    kind.evidence_note_citations
                )
                box = pack.box([[pack.para(cited, "body")]], NOTICE_FILL, NOTICE_BORDER)
                box.spaceAfter = pack.size(8)  # type: ignore[attr-defined]
                opening.append(box)
        opening.append(
            pack.para(safe_text(concern.normal_repair) + pack.cites.mark(concern.citations))
        )
        # In large print its smallest type (the key and captions) is 16 pt, as the text's is.
        ladder_scale = max(pack.scale, LARGE_PRINT_MIN_SIZE / LADDER_SMALL) if pack.scale > 1 else 1
        note_text = kind_note(full, subtype_id, printed=True)
        note = [pack.para(safe_text(note_text), "small")] if note_text else []
        # Never taller than the page leaves under the heading, lead line and note, so they
        # stay together with it.
        around = stacked_height([opening[0], lead, *note]) + lead.getSpaceAfter()
        room = pack.frame_height - around - sum(n.getSpaceBefore() for n in note)
        ladder = EvidenceLadder(concern, pack.library, room, ladder_scale)
        if stacked_height([*opening, lead, ladder, *note]) <= pack.frame_height:
            # One list, not a KeepTogether in a KeepTogether: reportlab measures one inside
            # another as 16,777,215 points tall, so the section always began a new page
            # (a pack with no questions had "My questions" alone on a page).
            # Where it does not fit in what is left of the page but the text does: the text
            # here, the ladder at the top of the next page (a last question stood alone on a
            # page above a blank three quarters: a visual review, 2026-12-08).
            text_first = (opening, [KeepTogether([lead, ladder, *note])])
            s.append(KeptOrOtherOrder([*opening, lead, ladder, *note], text_first))
        else:
            s += [KeepTogether([opening[0], lead, ladder, *note]), KeepTogether(opening[1:3])]
            s += opening[3:]
        levels(pack)
        for kind in KIND_ORDER:
            for n, t in enumerate(concern.treatments_of(kind)):
                # The group heading goes inside the first block, so it is never left alone.
                first = pack.heading(KIND_HEADINGS[kind], "h2", bookmark=False)
                s.extend(treatment(pack, t, first if n == 0 else None))
    facts = pack.library.general_facts
    if facts:
        bullets = [
            pack.para(
                safe_text(fact.text) + pack.cites.mark(fact.citations), "bullet", bulletText="•"
            )
            for fact in facts
        ]
        # The heading never ends a page with less than two of its points under it; a point
        # that starts a page has the heading's name over it.
        title = "About stem-cell treatments in general"
        heading = pack.heading(title, "h2", bookmark=False)
        s.append(KeepTogether([heading, *bullets[:2]]))
        s.extend(continued_under(pack, title, bullet) for bullet in bullets[2:])


#: A block up to this part of the page's height is never split over two pages (the ladder's
#: key; treatment cards have their own, ``CARD_WHOLE``).
KEEP_WHOLE = 0.35
#: A treatment card up to this part of the page's height is never split over two pages, so
#: its "What we don't know yet" never goes to the next page alone (in normal print every card
#: is below it: the largest, waiting with a foot ulcer, with its signs to get help, is 0.36 of
#: a Letter page).
CARD_WHOLE = 0.38


def levels(pack: Pack) -> None:
    lib = pack.library
    rows = [
        pack.para(
            f"<b>{safe_text(info.short)}.</b> {safe_text(info.meaning)}",
            "reference",
            bulletText=f"{int(info.level)}.",
        )
        for info in sorted(lib.levels, key=lambda x: x.level, reverse=True)
    ]
    marker = lib.warning_marker
    rows.append(  # marked with the ladder's own red "!" badge
        BadgedParagraph(
            pack.para(
                f'<font color="{WARNING_COLOUR}"><b>{safe_text(marker.short)}.</b></font> '
                f"{safe_text(marker.meaning)}",
                "rung_flag",
            )
        )
    )
    # The key is kept whole, so the red "!" is explained beside the rungs, unless it is long
    # (large print): then the heading never ends a page with less than two rungs under it and
    # the rest may follow on the next page (kept whole, it left a tall gap under the ladder).
    heading = pack.heading("What the rungs mean", "h2", bookmark=False)
    if stacked_height([heading, *rows]) <= pack.frame_height * KEEP_WHOLE:
        pack.story.append(KeepTogether([heading, *rows]))
    else:
        # (the red "!" never alone at the top of a page: with the last rung; a print review)
        pack.story += [KeepTogether([heading, *rows[:2]]), *rows[2:-2], KeepTogether(rows[-2:])]


def treatment(pack: Pack, t: Treatment, heading: Flowable | None = None) -> list[Flowable]:
    swatch = kind_swatch(t.kind)
    parts: list[Flowable] = [heading] if heading is not None else []
    parts.append(pack.para(f"{swatch} {safe_text(t.name)}", "h3_item"))
    if t.level is not None:
        info = pack.library.level_info(EvidenceLevel(t.level))
        rung = f"Evidence: rung {int(t.level)} of 4 — {safe_text(info.short)}"
    else:
        rung = "The comparison point for the treatments above (no rung of its own)"
    kind = "" if t.kind == "waiting" else f"{KIND_LABELS[t.kind]}. "  # its name says so
    parts.append(pack.para(f"{kind}{rung}", "small"))
    if t.warning:
        note = (
            f'<font color="{WARNING_COLOUR}"><b>⚠ Warning:</b></font> '
            f"{safe_text(t.warning_note)}" + pack.cites.mark(t.warning_citations)
        )
        parts += [
            pack.box([[pack.para(note, "warning")]], WARNING_FILL, bar=colors.HexColor(WARNING_COLOUR)),
            Spacer(1, 6),
        ]
    # The numbers go beside the figures they back: the summary's, and after "What we don't
    # know yet" the research it names, or else the summary's (it often speaks of the same
    # studies: their size, who paid for them), so no statement there is left without a source.
    parts.append(pack.para(safe_text(t.summary) + pack.cites.mark(t.citations), "body"))
    if t.get_help:  # when to get help while waiting: a list, its sources after the last sign,
        # in a box as the notes at the top of the evidence are (under a plain bold line it was
        # easy to miss: a PDF review)
        inside: list[Flowable] = [pack.para(f"<b>{safe_text(t.get_help)}</b>", "body")]
        for n, sign in enumerate(t.get_help_signs, 1):
            last = n == len(t.get_help_signs)
            mark = pack.cites.mark(t.get_help_citations) if last else ""
            inside.append(pack.para(safe_text(sign) + mark, "bullet", bulletText="•"))
        help_box = pack.box([[inside]], NOTICE_FILL, NOTICE_BORDER)
        help_box.spaceAfter = pack.size(6)  # type: ignore[attr-defined]
        parts.append(help_box)
    parts.append(
        pack.para(
            f"<b>What we don't know yet:</b> {safe_text(t.uncertain)}"
            + pack.cites.mark(t.uncertain_citations or t.citations),
            "body",
        )
    )
    # A treatment is kept whole, so "What we don't know yet" is never cut off from it, unless
    # it is long (in large print up to half a page: kept whole, it left pages a third empty).
    # Then the name, rung, warning and summary stay together, and "What we don't know yet"
    # may go on to the next page, whole, under the card's name (``Continued``).
    # (The heading of its kind, above the first card, is not counted: the card itself is
    # what must fit, and the heading goes where it goes.)
    card = parts[1:] if heading is not None else parts
    if stacked_height(card) <= pack.frame_height * CARD_WHOLE:
        return [KeepTogether(parts)]
    name = pack.para(f"{swatch} {safe_text(t.name)} (continued)", "small")
    return [KeepTogether(parts[:-1]), Continued(name, parts[-1])]


# --- 4. the clinic's offer -------------------------------------------------------------
def offer(pack: Pack) -> None:
    offer = pack.draft.offer
    if not offer.offered:
        return
    s = pack.story
    s.append(CondPageBreak(pack.frame_height * 0.4))
    s.append(pack.heading("The clinic's offer"))
    s.append(pack.para("What a clinic has offered me, and the warning signs I noticed.", "lead"))
    pack.field("Treatment offered", offer.treatment)
    pack.field("Clinic", offer.clinic)
    where = WHERE.get(offer.location or "", "")
    country = pack.user(offer.country_detail(), SHORT_LIMIT)
    if where and country:
        where = f"{where} — {country}"
    elif country:
        where = country
    s.append(pack.para(where or NOT_GIVEN_MARKUP, "field", bulletText="Where"))
    pack.field("Cost", offer.cost)
    pack.field("What they said", offer.claims)
    flags = [f for f in (pack.library.red_flag(i) for i in offer.red_flags) if f is not None]
    heading = "Warning signs I noticed"
    s.append(pack.heading(heading, "h2", bookmark=False))
    if not flags:
        s.append(pack.para("I did not tick any warning signs.", "small"))
    for n, flag in enumerate(flags):
        item = pack.para(
            f"<b>{safe_text(flag.label)}</b><br/>{safe_text(flag.explanation)}"
            + pack.cites.mark(flag.citations),
            "flag",
            bulletText="⚠",
        )
        s.append(item if n == 0 else continued_under(pack, heading, item))
    advert_matches(pack)  # phrases found in the pasted advert, if any
    vetting_checks(pack)
