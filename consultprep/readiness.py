"""Am I ready to decide? A four-question readiness check, and the BRAN prompts.

The four areas follow the Ottawa SURE test (Légaré et al. 2010): being sure of oneself,
understanding the information, being clear about what matters most, and having enough
support. The questions themselves are our own plain wording, kept in
``resources/content/readiness.toml`` with the reason for each and the question a "Not yet"
adds to the checklist.

Everything here is pure: no Qt, no PDF.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from consultprep.content import Question
from consultprep.content_loader import StrictContent, cached_loader
from consultprep.labels import shorten
from consultprep.models import BranNotes, Draft, ReadinessAnswer, ReadinessCheck

READINESS_FILE = "readiness.toml"
Area = Literal["sure", "understand", "values_clear", "support"]
AREAS: tuple[Area, ...] = ("sure", "understand", "values_clear", "support")
ANSWER_WORDS = {"yes": "Yes", "not_yet": "Not yet", None: "Not answered"}
BranKey = Literal["benefits", "risks", "alternatives", "nothing"]
BRAN_KEYS: tuple[BranKey, ...] = ("benefits", "risks", "alternatives", "nothing")

NonEmpty = Field(min_length=1)


class ReadinessItem(StrictContent):
    """One of the four areas: the question on screen, why it matters, and its suggestion."""

    area: Area
    short: str = NonEmpty  # follows "Not yet" in summaries: "sure which choice is right for me"
    question: str = NonEmpty  # asked on screen, answered "Yes" or "Not yet"
    why: str = NonEmpty
    suggestion: Question  # joins the checklist when the answer is "Not yet"


class BranPrompt(StrictContent):
    """One of the four BRAN boxes: its label and the guidance shown with it."""

    key: BranKey
    label: str = NonEmpty
    guidance: str = NonEmpty


class ReadinessContent(StrictContent):
    """Everything in ``readiness.toml``, validated."""

    intro: str = NonEmpty
    source_note: str = NonEmpty
    after_intro: str = NonEmpty
    citations: list[str] = Field(min_length=1)
    items: list[ReadinessItem] = Field(min_length=4, max_length=4)
    bran_intro: str = NonEmpty
    bran_citations: list[str] = Field(min_length=1)
    bran: list[BranPrompt] = Field(min_length=4, max_length=4)

    @model_validator(mode="after")
    def _each_once(self) -> ReadinessContent:
        if [i.area for i in self.items] != list(AREAS):
            raise ValueError(f"items must be the areas {', '.join(AREAS)}, once each, in order")
        if [p.key for p in self.bran] != list(BRAN_KEYS):
            raise ValueError(f"bran must be {', '.join(BRAN_KEYS)}, once each, in order")
        ids = [i.suggestion.id for i in self.items]
        if len(set(ids)) != len(ids):
            raise ValueError("each suggestion needs its own id")
        return self

    def item(self, area: str) -> ReadinessItem:
        """The item for one area (all four exist: checked at load)."""
        return next(i for i in self.items if i.area == area)

    def suggestion(self, question_id: str) -> Question | None:
        """The suggested question with this id, or None."""
        return next((i.suggestion for i in self.items if i.suggestion.id == question_id), None)

    def cited(self) -> list[tuple[str, list[str]]]:
        """Every citation in the file, with where it is (for checks against the library)."""
        return [("readiness check", self.citations), ("BRAN prompts", self.bran_citations)]


load_readiness = cached_loader(READINESS_FILE, ReadinessContent)


# --- the check ------------------------------------------------------------------------------
def answers(check: ReadinessCheck | None) -> dict[Area, ReadinessAnswer | None]:
    """The answer for each area, in order (None where not answered or not taken)."""
    return {a: (getattr(check, a) if check is not None else None) for a in AREAS}


def is_taken(check: ReadinessCheck | None) -> bool:
    """True if at least one of the four questions has an answer."""
    return any(v is not None for v in answers(check).values())


def set_answer(
    check: ReadinessCheck | None, area: Area, answer: ReadinessAnswer | None, today: date
) -> ReadinessCheck:
    """A copy of ``check`` with one answer changed and ``taken_on`` set to ``today``.

    If nothing changes, the same check comes back (so its date is kept).
    """
    check = check or ReadinessCheck()
    if getattr(check, area) == answer:
        return check
    return check.model_copy(update={area: answer, "taken_on": today})


def updated(
    check: ReadinessCheck | None,
    values: dict[Area, ReadinessAnswer | None],
    today: date,
) -> ReadinessCheck | None:
    """``check`` with the answers in ``values``; dated ``today`` only if something changed.

    A check that was never started stays None while nothing is answered.
    """
    if check is None and not any(values.values()):
        return None
    for area, answer in values.items():
        check = set_answer(check, area, answer, today)
    return check


def not_yet_areas(check: ReadinessCheck | None) -> list[Area]:
    """The areas answered "Not yet", in order."""
    return [a for a, v in answers(check).items() if v == "not_yet"]


def latest(draft: Draft) -> ReadinessCheck | None:
    """The check that counts now: after the appointment if taken, else before (or None)."""
    after = draft.readiness.after
    if is_taken(after):
        return after
    before = draft.readiness.before
    return before if is_taken(before) else None


def suggested_questions(draft: Draft, content: ReadinessContent | None = None) -> list[Question]:
    """The questions that the latest check's "Not yet" answers add to the checklist."""
    content = content or load_readiness()
    return [content.item(a).suggestion for a in not_yet_areas(latest(draft))]


def summary_line(check: ReadinessCheck | None, content: ReadinessContent | None = None) -> str:
    """One plain line for a check, e.g. "“Yes” to 3 of the 4 questions. Not yet sure I have
    the support and advice I need."

    Parameters
    ----------
    check
        A readiness check, or None if it was not taken.
    content
        The readiness content (the bundled file if None), for the short area names.

    Returns
    -------
    str
        "Not taken." when no question was answered; otherwise how many were "Yes", then the
        areas answered "Not yet" and any left unanswered. The text is plain (no markup).
    """
    if not is_taken(check):
        return "Not taken."
    content = content or load_readiness()
    given = answers(check)
    yes = sum(v == "yes" for v in given.values())
    total = len(AREAS)
    if yes == total:
        parts = [f"“Yes” to all {total} questions."]
    else:
        parts = [f"“Yes” to {'none' if yes == 0 else yes} of the {total} questions."]
    parts += [f"Not yet {content.item(a).short}." for a, v in given.items() if v == "not_yet"]
    # How many: "Not answered: sure I have the support…" read as a claim (a wording review),
    # and "questions 2 and 4" on page 1 as the top questions printed above it (a review).
    unanswered = sum(v is None for v in given.values())
    if unanswered:
        parts.append(f"{unanswered} not answered yet.")
    return " ".join(parts)


def deciding_lines(draft: Draft, content: ReadinessContent | None = None) -> list[str]:
    """Plain lines about the readiness checks and BRAN notes, for the review page.

    Empty if the patient has used neither.
    """
    lines = []
    for when, check in (("Before", draft.readiness.before), ("After", draft.readiness.after)):
        if is_taken(check):
            lines.append(f"{when} your appointment: {summary_line(check, content)}")
    weighed = [n for n in draft.bran if any(v.strip() for v in n.model_dump().values())]
    for n, notes in enumerate(weighed):  # "Weighed up" once, as "Tried" is
        lines.append(f"{'Also weighed up' if n else 'Weighed up'}: {_weighed(notes)}")
    return lines


#: A BRAN card with no treatment named (the summary, and the PDF's BRAN notes).
NO_NAME = "A treatment (no name given)"
#: The parts of a BRAN card, as said in "notes on benefits and risks".
BRAN_PARTS = {
    "benefits": "benefits",
    "risks": "risks",
    "alternatives": "alternatives",
    "nothing": "doing nothing",
}


def _weighed(notes: BranNotes) -> str:
    """ "Silicone gel — notes on benefits and risks", or "— no notes yet" for a card with
    only its treatment's name (the summary said "BRAN notes on 1 treatment" of it)."""
    name = shorten(" ".join(notes.treatment.split()), 80) or NO_NAME
    written = [words for key, words in BRAN_PARTS.items() if getattr(notes, key).strip()]
    if not written:
        return f"{name} — no notes yet"
    listed = written[0] if len(written) == 1 else ", ".join(written[:-1]) + " and " + written[-1]
    return f"{name} — notes on {listed}"
