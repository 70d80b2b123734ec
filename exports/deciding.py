"""Deciding: the readiness check (before and after the appointment) and the BRAN notes.

Both sections are left out when the patient has not used them. Text the patient typed goes
through :meth:`Pack.user`; content text through :func:`safe_text`.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from consultprep.bran import cleaned
from consultprep.dates import long_date
from consultprep.models import ReadinessCheck
from consultprep.readiness import (
    ANSWER_WORDS,
    NO_NAME,
    answers,
    is_taken,
    load_readiness,
    summary_line,
)
from exports.flowables import RuledLines
from exports.fonts import FONT_BOLD, safe_text
from exports.pack import SHORT_LIMIT, Pack
from exports.styles import FRAME_WIDTH, RULE

READINESS_HEADING = "Am I ready to decide?"
BRAN_HEADING = "Weighing up a treatment (BRAN)"
ANSWER_WIDTH = 130.0  # each answer column of the readiness table, at least
ANSWER_PADDING = 4 + 6  # its left padding (set below) and reportlab's right padding


def deciding(pack: Pack) -> None:
    """The readiness check, then the BRAN notes (each only if the patient used it)."""
    readiness(pack)
    bran(pack)


def readiness(pack: Pack) -> None:
    """A table of the four answers, before and (if taken) after the appointment."""
    r = pack.draft.readiness
    checks = [(label, c) for label, c in (("Before", r.before), ("After", r.after)) if is_taken(c)]
    if not checks:
        return
    content = load_readiness()
    s = pack.story
    _start(
        pack,
        READINESS_HEADING,
        safe_text(content.source_note)
        + pack.cites.mark(content.citations)
        + " A “Not yet” is common. It shows where more information or support would help.",
    )
    header = [pack.para("<b>The question</b>", "box")]
    header += [pack.para(f"<b>{_when(label, c)}</b>", "box") for label, c in checks]
    rows: list[list[object]] = [header]
    for item in content.items:
        cell = [
            pack.para(f"<b>{safe_text(item.short[:1].upper() + item.short[1:])}</b>", "box"),
            pack.para(safe_text(item.question), "why"),
        ]
        rows.append([cell, *(pack.para(_answer(answers(c)[item.area]), "box") for _, c in checks)])
    answer_width = _answer_width(pack, [_when(label, c) for label, c in checks])
    table = Table(
        rows,
        colWidths=[FRAME_WIDTH - answer_width * len(checks), *[answer_width] * len(checks)],
        hAlign="LEFT",
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    s.append(table)
    s.append(Spacer(1, 6))
    for label, check in checks:
        line = f"<b>{label} my appointment:</b> {safe_text(summary_line(check, content))}"
        s.append(pack.para(line, "body"))


def _start(pack: Pack, heading: str, intro_markup: str) -> None:
    """A section's heading (on a new page unless most of this one is free) and its intro."""
    pack.story.append(CondPageBreak(pack.frame_height * 0.4))
    pack.story.append(pack.heading(heading))
    pack.story.append(pack.para(intro_markup, "small"))


def _when(label: str, check: ReadinessCheck) -> str:
    when = f"{label} my appointment"
    if not check.taken_on:
        return when
    # The year may go to a line of its own in a narrow column (large print), never in part:
    # "1 January 20" over "27" was printed.
    day_month, year = long_date(check.taken_on).rsplit("\u00a0", 1)
    return f"{when}<br/>{day_month} {year}"


def _answer_width(pack: Pack, headings: list[str]) -> float:
    """Each answer column: ``ANSWER_WIDTH``, or as wide as the widest word of its bold
    heading needs (large print), so no word is split."""
    size = pack.st["box"].fontSize
    words = [w for h in headings for w in h.replace("<br/>", " ").split(" ")]
    widest = max(stringWidth(w, FONT_BOLD, size) for w in words)
    return max(ANSWER_WIDTH, widest + ANSWER_PADDING + 1)


def _answer(value: str | None) -> str:
    word = ANSWER_WORDS[value]
    if value == "not_yet":
        return f"<b>{word}</b>"
    return word if value == "yes" else f'<font color="#4A4A4A">{word}</font>'


def bran(pack: Pack) -> None:
    """Each treatment the patient is weighing: four boxes, with lines where they are empty."""
    notes = cleaned(pack.draft.bran)
    if not notes:
        return
    content = load_readiness()
    s = pack.story
    _start(
        pack, BRAN_HEADING, safe_text(content.bran_intro) + pack.cites.mark(content.bran_citations)
    )
    # The heading and its intro go with the first treatment's notes: left on their own, they
    # stood at the foot of a page with the notes on the next.
    opening = [s.pop(), s.pop()][::-1]
    for n in notes:
        name = pack.user(n.treatment, SHORT_LIMIT) or NO_NAME
        block: list[Flowable] = [*opening, pack.para(name, "h3")]
        opening = []
        for prompt in content.bran:
            block.append(
                pack.para(
                    f"<b>{safe_text(prompt.label)}</b> "
                    f'<font color="#4A4A4A" size="{pack.size(9.5):g}">'  # larger in large print
                    f"{safe_text(prompt.guidance)}</font>",
                    "box",
                )
            )
            text = pack.user(getattr(n, prompt.key))
            block.append(pack.para(text, "answer") if text else RuledLines(2, gap=20))
            block.append(Spacer(1, 4))
        s.append(KeepTogether(block))
