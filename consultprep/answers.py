"""Putting answers from a filled-in PDF pack into the draft (pure: no files, no PDF).

The PDF pack has a tick box and an answer field for every question (see ``exports.form``);
``exports.answers.read_answers`` reads them as :class:`FilledAnswer` values, matched to the
draft's questions by id. Nothing the patient wrote is ever lost:

- an empty field, or one still holding what the pack was made with, changes nothing;
- a changed answer replaces the draft's answer only if the draft still holds what the pack was
  made with; otherwise (the draft changed since, or its answer could not be put in the field)
  the new text is added below the draft's answer, unless the draft already holds it;
- questions that are not in the draft (or whose wording changed) are counted, never added;
- a pack made for another person (another name and another skin problem) is refused, so no
  one's answers go into someone else's draft (``check_made_for``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from consultprep.models import ChecklistItem, Draft, as_shown, with_ticks

if TYPE_CHECKING:
    from consultprep.content import Library


class FilledAnswer(NamedTuple):
    """One question's fields as read from a filled-in pack.

    Attributes
    ----------
    asked
        The tick box is ticked.
    answer
        The text in the answer field.
    printed
        What the answer field held when the pack was made (its default value).
    asked_printed
        Whether the tick box was ticked when the pack was made.
    question
        The question's wording as the pack knew it ("" if unknown); it ends with "…" if it
        was shortened.
    """

    asked: bool
    answer: str
    printed: str = ""
    asked_printed: bool = False
    question: str = ""


class FilledCheck(NamedTuple):
    """A clinic check's tick box ("How to check a clinic") as read from a filled-in pack:
    ticked now (``done``), and when the pack was made (``printed``)."""

    done: bool
    printed: bool = False


class NotThisDraft(Exception):
    """The pack was made for someone else's draft. ``str(error)`` is one plain sentence."""


def made_for(draft: Draft) -> str:
    """Whom a pack is made for, as the pack records it: the name and skin problem (ASCII)."""
    return json.dumps({"name": draft.about.patient_name, "concern": draft.concern})


def check_made_for(draft: Draft, recorded: str | None, pdf_name: str) -> str:
    """Compare the draft with whom the pack was made for (``recorded``: ``made_for`` of
    that draft, or None from a pack too old to say).

    Returns
    -------
    str
        A sentence for the summary if only the name differs (it may have been corrected
        since), else "".

    Raises
    ------
    NotThisDraft
        If both the name and the skin problem differ: the pack is someone else's.
    """
    try:
        data = json.loads(recorded) if recorded else {}
    except (ValueError, RecursionError):  # damaged, or nested past what Python can read
        data = {}
    if not isinstance(data, dict):
        data = {}
    name, concern = data.get("name"), data.get("concern")
    name = " ".join(name.split()) if isinstance(name, str) else ""
    mine = " ".join(draft.about.patient_name.split())
    other_name = bool(name and mine and name.casefold() != mine.casefold())
    other_concern = isinstance(concern, str) and draft.concern and concern != draft.concern
    if other_name and other_concern:
        raise NotThisDraft(
            f"{pdf_name} was made for {name}, about another skin problem. This draft is for "
            f"{mine}. No answers were recorded. Please choose the PDF made from this draft."
        )
    if other_name:
        return (
            f"This PDF was made for “{name}”, but this draft is for “{mine}”. If the answers "
            "are not yours, close the draft without saving it."
        )
    return ""


@dataclass
class AnswersSummary:
    """What importing answers changed, for one plain message."""

    answers_recorded: int = 0  # answers added or changed in the draft
    ticks_changed: int = 0  # questions newly ticked (or unticked) as asked
    checks_changed: int = 0  # clinic checks newly ticked (or unticked) as done
    unchanged: int = 0  # questions whose fields changed nothing
    not_in_draft: list[str] = field(default_factory=list)  # ids with no matching question
    note: str = ""  # about whom the pack was made for (``check_made_for``)

    @property
    def changed(self) -> bool:
        """True if the draft was changed."""
        return bool(self.answers_recorded or self.ticks_changed or self.checks_changed)

    def message(self) -> str:
        """One or two plain sentences saying what happened."""
        if not self.changed:
            text = "There were no new answers or ticks in the PDF, so nothing was changed."
        else:
            # Only what changed ("0 answers were recorded, and 2 clinic checks…" read oddly).
            parts = [
                f"{_count(self.answers_recorded, 'answer')} recorded",
                f"{_count(self.ticks_changed, 'question')} marked as asked or not asked",
                f"{_count(self.checks_changed, 'clinic check')} marked as done or not done",
            ]
            counts = (self.answers_recorded, self.ticks_changed, self.checks_changed)
            text = ", and ".join(p for p, n in zip(parts, counts, strict=True) if n) + "."
        missing = len(self.not_in_draft)
        if missing:
            text += (
                " 1 question in the PDF is not in this draft (or its wording has changed), so"
                " it was left out."
                if missing == 1
                else f" {missing} questions in the PDF are not in this draft (or their wording"
                " has changed), so they were left out."
            )
        return f"{text} {self.note}" if self.note else text


def _count(n: int, thing: str) -> str:
    """ "1 answer was" or "2 answers were"."""
    return f"1 {thing} was" if n == 1 else f"{n} {thing}s were"


def _norm(text: str) -> str:
    """Text compared loosely: line endings and runs of spaces do not matter."""
    return " ".join(text.split())


def same_question(pdf_wording: str, item: ChecklistItem) -> bool:
    """True if the pack's wording of a question is the draft item's (it may be shortened)."""
    if not pdf_wording:
        return True
    pdf = _norm(pdf_wording)
    if pdf.endswith("…"):
        return _norm(item.text).startswith(pdf[:-1].rstrip())
    return pdf == _norm(item.text)


def merged_answer(current: str, filled: FilledAnswer) -> str:
    """The draft's answer after taking in one filled-in field (see the module's rules)."""
    new = filled.answer.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not new or _norm(new) == _norm(filled.printed) or _norm(new) == _norm(current):
        return current
    if not current.strip() or _norm(current) == _norm(filled.printed):
        return new
    if _held(new, current, loosely=bool(filled.printed.strip())):
        return current
    return f"{current.rstrip()}\n\n{new}"


_PARAGRAPHS = re.compile(r"\n\s*\n")


def _held(new: str, current: str, *, loosely: bool) -> bool:
    """True if the draft's answer ``current`` already holds ``new``: as a whole paragraph
    (notes added before are paragraphs of their own), or, ``loosely``, anywhere in it (a pack
    whose field held the answer, from before fields started empty). Loosely, a short note
    under an answer from an empty field ("No" under "Not sure yet") was dropped: a review."""
    if loosely:
        return _norm(new) in _norm(current)
    held = {_norm(p) for p in _PARAGRAPHS.split(current)}
    return {_norm(p) for p in _PARAGRAPHS.split(new)} <= held  # (a note of two paragraphs too)


def apply_answers(
    draft: Draft,
    answers: Mapping[str, FilledAnswer],
    *,
    made_for: str | None = None,
    pdf_name: str = "This PDF",
    checks: Mapping[str, FilledCheck] | None = None,
) -> AnswersSummary:
    """Record filled-in answers and ticks in ``draft`` (in place); say what changed.

    Parameters
    ----------
    draft
        The draft the pack was made from (or a later version of it).
    answers
        Checklist item id -> what the PDF's fields hold.
    made_for
        Whom the pack says it was made for (see ``check_made_for``), if it says.
    pdf_name
        The PDF, as messages name it.
    checks
        Clinic check id -> its tick box in the PDF. A box the reader ticked or unticked
        marks the check done or not done (checks the app no longer has are left out).

    Raises
    ------
    NotThisDraft
        If the pack was made for another person's draft (nothing is changed).
    """
    note = check_made_for(draft, made_for, pdf_name)
    summary = AnswersSummary(note=note)
    items = {item.id: item for item in draft.checklist}
    for item_id, filled in answers.items():
        item = items.get(item_id)
        if item is None or not same_question(filled.question, item):
            summary.not_in_draft.append(item_id)
            continue
        changed = False
        answer = merged_answer(item.answer, filled)
        if answer != item.answer:
            item.answer = answer
            summary.answers_recorded += 1
            changed = True
        # A tick only counts if the reader changed it: a box left as printed changes nothing.
        if filled.asked != filled.asked_printed and filled.asked != item.asked:
            item.asked = filled.asked
            summary.ticks_changed += 1
            changed = True
        if not changed:
            summary.unchanged += 1
    summary.checks_changed = _apply_checks(draft, checks or {})
    if summary.changed:
        draft.touch()
    return summary


def check_ticks_to_apply(checks: Mapping[str, FilledCheck]) -> dict[str, bool]:
    """The clinic checks' boxes a reader ticked or unticked in the PDF (id: ticked), of the
    checks this app has; a box left as printed is not among them."""
    from consultprep.vetting import load_vetting

    known = {check.id for check in load_vetting().checks}
    return {i: f.done for i, f in checks.items() if i in known and f.done != f.printed}


def _apply_checks(draft: Draft, checks: Mapping[str, FilledCheck]) -> int:
    """Mark clinic checks done or not done as their ticks were changed in the PDF; how many
    the draft now has differently. A box left as printed changes nothing."""
    ticks = check_ticks_to_apply(checks)
    before = draft.offer.checks_done
    after = with_ticks(before, ticks)
    changed = len(set(before) ^ set(after))
    if changed:
        draft.offer.checks_done = after
    return changed


class ToNote(NamedTuple):
    """The questions whose answers can be noted in the app, in three groups: the
    specialist's and the clinic's, numbered on as the pack prints them (``for_specialist_and_
    clinic``: a patient copies from the printout by number), then any left out of the pack
    that hold an answer or an "asked" tick (so nothing noted is out of reach)."""

    specialist: list[ChecklistItem]
    clinic: list[ChecklistItem]
    held: list[ChecklistItem]

    def all(self) -> list[ChecklistItem]:
        return [*self.specialist, *self.clinic, *self.held]


def questions_to_note(draft: Draft, library: Library) -> ToNote:
    """The questions to note answers to (see ``ToNote``)."""
    from consultprep.checklist import for_specialist_and_clinic

    specialist, clinic = for_specialist_and_clinic(draft, library)
    held = [i for i in draft.checklist if not i.included and (i.asked or i.answer.strip())]
    return ToNote(specialist, clinic, held)


def note_answers(draft: Draft, noted: Mapping[str, tuple[bool, str]]) -> int:
    """Record "asked" ticks and answers typed in the app (question id: (asked, answer)) in
    ``draft``; return how many questions changed. An answer is compared and kept as a text
    box gives it back (``as_shown``); a question no longer in the draft is skipped."""
    changed = 0
    for item in draft.checklist:
        if item.id not in noted:
            continue
        asked, answer = noted[item.id]
        answer = as_shown(answer)
        if (item.asked, as_shown(item.answer)) != (asked, answer):
            item.asked, item.answer = asked, answer
            changed += 1
    if changed:
        draft.touch()
    return changed
