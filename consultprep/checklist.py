"""Building and editing the question checklist.

The checklist is the core questions, the questions for the chosen concern, the questions that
match the red flags the patient ticked (and, for an offer abroad, those about going abroad),
those for the health boxes ticked (pregnancy, say), the questions suggested by "Not yet"
answers in the readiness check, and the patient's own questions. The patient's choices (included, top three, order, answers) are kept whenever the
checklist is rebuilt.
"""

from __future__ import annotations

from consultprep.content import Library, Question
from consultprep.models import MAX_TOP, ChecklistItem, Draft, QuestionSource
from consultprep.readiness import load_readiness, suggested_questions


class ChecklistError(ValueError):
    """A checklist edit that cannot be done; the message is for the patient."""


def applicable_questions(draft: Draft, library: Library) -> list[tuple[Question, QuestionSource]]:
    """Library questions that belong on this draft's checklist, in library order."""
    out: list[tuple[Question, QuestionSource]] = [(q, "core") for q in library.core_questions]
    concern = library.concern(draft.concern)
    if concern is not None:
        out += [(q, "concern") for q in concern.questions if q.asked_for(draft.subtype)]
    offer = draft.offer
    if offer.offered:
        abroad = [f.id for f in library.red_flags if f.abroad and offer.location == "abroad"]
        for flag_id in dict.fromkeys([*offer.red_flags, *abroad]):
            flag = library.red_flag(flag_id)
            if flag is None:
                continue
            out += [(library.question(q), "red_flag") for q in flag.question_ids]
    ticked = set(draft.about.conditions)
    for condition in library.conditions:
        if condition.id in ticked:
            out += [(library.question(q), "condition") for q in condition.question_ids]
    out += [(q, "readiness") for q in suggested_questions(draft)]
    seen: set[str] = set()
    unique = []
    for question, source in out:
        if question is not None and question.id not in seen:
            seen.add(question.id)
            unique.append((question, source))
    return unique


def sync_checklist(draft: Draft, library: Library) -> None:
    """Bring the draft's checklist in line with its concern and red flags.

    Items that still apply keep their place and the patient's choices; new ones are added
    at the end, unless another question on the list already asks them (``Question.covers``);
    library questions that no longer apply are removed unless the patient has answered them,
    ticked them as asked or put them in the top three (nothing chosen or written is lost); own
    questions always stay.
    """
    wanted = applicable_questions(draft, library)
    wanted_ids = {q.id for q, _ in wanted}
    covered = {c for q, _ in wanted for c in q.covers}
    _follow_rewordings(draft, wanted)
    kept = [
        i
        for i in draft.checklist
        if i.source == "own" or i.id in wanted_ids or _used(i)
    ]
    have = {i.id for i in kept}
    kept += [
        ChecklistItem(id=q.id, text=q.text, source=source)
        for q, source in wanted
        if q.id not in have and q.id not in covered
    ]
    draft.checklist = kept


def _follow_rewordings(draft: Draft, wanted: list[tuple[Question, QuestionSource]]) -> None:
    """An item whose question no longer applies, where a question that now applies asks the
    same thing in the same words (the same question with a reason for this kind of the
    concern, say), becomes that question in place: its position, tick, top-three place and
    answer stay."""
    have = {i.id for i in draft.checklist}
    by_text = {q.text: (q, source) for q, source in wanted if q.id not in have}
    wanted_ids = {q.id for q, _ in wanted}
    for item in draft.checklist:
        if item.source == "own" or item.id in wanted_ids:
            continue
        match = by_text.pop(item.text, None)
        if match is not None:
            item.id, item.source = match[0].id, match[1]


#: Where the notes below send the patient to choose again (the command line names the app).
CONCERN_PAGE = "on the “Your skin problem” page"


def fit_to_library(draft: Draft, library: Library) -> None:
    """Make a draft opened from a file fit this version's content, losing nothing, and say
    so in ``draft.load_notes`` (a draft made with newer or older content, or edited by hand).

    A question whose id this version does not know becomes one of the patient's own, with
    its words, tick, top-three place and answer (it would otherwise be dropped at the next
    rebuild). A concern or kind it does not know is kept, and the patient is asked to
    choose again.
    """
    concern = library.concern(draft.concern)
    if draft.concern and concern is None:
        draft.load_notes.append(
            "This draft is about a skin problem that this version of ConsultPrep does not "
            f"know. Please choose your skin problem again {CONCERN_PAGE}."
        )
    elif concern is not None and draft.subtype and concern.subtype(draft.subtype) is None:
        draft.load_notes.append(
            f"This draft names a kind of “{concern.name}” that this version of ConsultPrep "
            f"does not know. Please choose the kind again {CONCERN_PAGE}."
        )
    unknown = [
        item
        for item in draft.checklist
        if item.source != "own" and question_for(item, library) is None
    ]
    for item in unknown:
        item.id = _free_own_id(draft)
        item.source = "own"
    if unknown:
        n = len(unknown)
        draft.load_notes.append(
            f"{n} question{'s' if n > 1 else ''} in this draft {'are' if n > 1 else 'is'} not "
            "in this version's list of questions. "
            f"{'They are' if n > 1 else 'It is'} kept as your own, with any answers."
        )


def _free_own_id(draft: Draft) -> str:
    used = {i.id for i in draft.checklist}
    n = 1
    while f"own-{n}" in used:
        n += 1
    return f"own-{n}"


def _used(item: ChecklistItem) -> bool:
    """True if the patient has answered this item, ticked it as asked or chosen it for the
    top three (changing the concern dropped such a pick without a word)."""
    return item.asked or item.top or bool(item.answer.strip())


def question_for(item: ChecklistItem, library: Library) -> Question | None:
    """The content question behind a checklist item (None for the patient's own)."""
    if item.source == "own":
        return None
    if item.source == "readiness":
        return load_readiness().suggestion(item.id)
    return library.question(item.id)


def for_specialist_and_clinic(
    draft: Draft, library: Library
) -> tuple[list[ChecklistItem], list[ChecklistItem]]:
    """The questions to print (``Draft.ordered_questions``) in two lists: for the specialist
    the pack is for, then, when a clinic made an offer, those to ask that clinic (the cost,
    who prepares the cells, and those a warning sign or the advert added). The top three are
    the specialist's, whoever they are for. (A clinician and a patient, reading the pack,
    each asked why questions for the clinic were in a pack "for the clinician".)"""
    ordered = draft.ordered_questions()
    if not draft.offer.offered:
        return ordered, []

    def clinic(item: ChecklistItem) -> bool:
        if item.top or item.source in ("own", "readiness", "condition"):
            return False
        question = library.question(item.id)
        return item.source in ("red_flag", "claim") or bool(question and question.for_clinic)

    return [i for i in ordered if not clinic(i)], [i for i in ordered if clinic(i)]


def same_question(draft: Draft, text: str) -> ChecklistItem | None:
    """The question on the checklist with these words (spaces and capitals aside), if any."""
    same = " ".join(text.split()).casefold()
    return next((i for i in draft.checklist if " ".join(i.text.split()).casefold() == same), None)


def add_own_question(draft: Draft, text: str) -> ChecklistItem:
    """Add the patient's own question at the end of the checklist and return it."""
    text = text.strip()
    if not text:
        raise ChecklistError("Please type your question first.")
    held = same_question(draft, text)
    if held is not None:
        tick = "" if held.included else " Tick it there to ask it."
        raise ChecklistError(f"That question is already on your list.{tick}")
    item = ChecklistItem(id=_free_own_id(draft), text=text, source="own")
    draft.checklist = [*draft.checklist, item]
    return item


def keep_typed_question(draft: Draft, text: str) -> tuple[ChecklistItem, bool] | None:
    """A question typed but not added (the page left, the draft saved, or a safety copy made)
    is kept as Add would keep it: added at the end, or, if it is on the list already, ticked
    to ask. Returns the question and whether it is new (None if nothing was typed)."""
    if not text.strip():
        return None
    held = same_question(draft, text)
    if held is not None:
        held.included = True
        return held, False
    return add_own_question(draft, text), True


def remove_own_question(draft: Draft, item_id: str) -> tuple[int, ChecklistItem] | None:
    """Remove one of the patient's own questions; return where it was and the question (for
    ``put_back``), or None if it was not on the list."""
    for n, item in enumerate(draft.checklist):
        if item.id == item_id and item.source == "own":
            draft.checklist = draft.checklist[:n] + draft.checklist[n + 1 :]
            return n, item
    return None


def put_back(draft: Draft, place: int, item: ChecklistItem) -> ChecklistItem:
    """Put a removed question back at ``place`` (or the end of a shorter list), as it was:
    in the top three too, unless three others are there now. Returns the question put back.
    """
    held = next((i for i in draft.checklist if i.id == item.id), None)
    if held is not None and held.text == item.text:
        return held  # back already
    if held is not None:  # its number was given to a question added since
        item = item.model_copy(update={"id": _free_own_id(draft)})
    if item.top and len([i for i in draft.checklist if i.top]) >= MAX_TOP:
        item = item.model_copy(update={"top": False})
    place = max(0, min(place, len(draft.checklist)))
    draft.checklist = [*draft.checklist[:place], item, *draft.checklist[place:]]
    return item


def _index(draft: Draft, item_id: str) -> int:
    for n, item in enumerate(draft.checklist):
        if item.id == item_id:
            return n
    raise ChecklistError("That question is no longer on the list.")


def set_top(draft: Draft, item_id: str, top: bool) -> None:
    """Put a question in the top three (or take it out).

    Raises
    ------
    ChecklistError
        If three questions are already in the top three.
    """
    item = draft.checklist[_index(draft, item_id)]
    if top and not item.top and len([i for i in draft.checklist if i.top]) >= MAX_TOP:
        raise ChecklistError(
            "You already have three top questions. Take one out of the top three first."
        )
    item.top = top
    if top:
        item.included = True


def move(draft: Draft, item_id: str, delta: int) -> int:
    """Move a question up (negative delta) or down the list; return its new index."""
    items = list(draft.checklist)
    old = _index(draft, item_id)
    new = max(0, min(len(items) - 1, old + delta))
    items.insert(new, items.pop(old))
    draft.checklist = items
    return new


def untouched_snapshot(library: Library) -> str:
    """``Draft.snapshot()`` of a new draft as a step or two leaves it when nothing is chosen
    or typed: with the questions every patient is offered. (Quitting asked to save such a
    draft.)"""
    from consultprep.models import Draft

    blank = Draft()
    sync_checklist(blank, library)
    return blank.snapshot()
