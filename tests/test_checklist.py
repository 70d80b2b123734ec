"""The checklist keeps the patient's choices while it follows concern and red flags."""

from __future__ import annotations

import pytest

from consultprep.checklist import (
    ChecklistError,
    add_own_question,
    move,
    put_back,
    remove_own_question,
    set_top,
    sync_checklist,
)
from consultprep.content import load_library
from consultprep.models import Draft


@pytest.fixture(scope="module")
def library():
    return load_library()


def _ids(draft: Draft) -> list[str]:
    return [i.id for i in draft.checklist]


@pytest.mark.parametrize("concern", ["scars", "chronic-wound", "inflammatory", "ageing"])
def test_core_and_concern_questions_join(library, concern: str) -> None:
    draft = Draft(concern=concern)
    sync_checklist(draft, library)
    ids = _ids(draft)
    assert [q.id for q in library.core_questions] == ids[: len(library.core_questions)]
    questions = library.concern(concern).questions
    # With no kind chosen, a question asked in other words for each kind is asked once.
    covered = {c for q in questions for c in q.covers}
    specific = [q.id for q in questions if q.id not in covered]
    assert len(specific) >= 6
    assert set(specific) <= set(ids)
    assert len(ids) == len(set(ids))
    texts = [i.text for i in draft.checklist]
    assert len(texts) == len(set(texts)), "the same question twice"


def test_choices_survive_rebuild_and_concern_change(library) -> None:
    draft = Draft(concern="scars")
    sync_checklist(draft, library)
    first = draft.checklist[0].id
    set_top(draft, first, True)
    draft.checklist[1].included = False
    own = add_own_question(draft, "  Can I see photos of your results? ")
    assert own.text == "Can I see photos of your results?"
    move(draft, own.id, -100)
    draft.concern = "ageing"
    sync_checklist(draft, library)
    ids = _ids(draft)
    assert ids[0] == own.id
    assert draft.checklist[ids.index(first)].top
    assert not draft.checklist[2].included
    assert not {q.id for q in library.concern("scars").questions} & set(ids)
    assert {q.id for q in library.concern("ageing").questions} <= set(ids)


def test_questions_follow_the_kind_of_wound_and_answers_are_never_dropped(library) -> None:
    draft = Draft(concern="chronic-wound", subtype="diabetic-foot")
    sync_checklist(draft, library)
    ids = _ids(draft)
    assert "wound-q-compression" not in ids  # compression is for venous leg ulcers
    assert "wound-q-grafts" in ids and "wound-q-sugar" in ids

    draft.subtype = "venous-leg"
    sync_checklist(draft, library)
    ids = _ids(draft)
    assert "wound-q-compression" in ids and "wound-q-grafts" not in ids
    assert "wound-q-pressure" not in ids  # "keep pressure off" beside compression misleads

    # An answered question, or one ticked as asked, stays whatever changes.
    compression = draft.checklist[ids.index("wound-q-compression")]
    compression.answer = "Yes, after a blood-flow check."
    cause = draft.checklist[ids.index("wound-q-cause")]
    cause.asked = True
    draft.subtype = "diabetic-foot"
    draft.concern = "scars"
    sync_checklist(draft, library)
    ids = _ids(draft)
    assert {"wound-q-compression", "wound-q-cause"} <= set(ids)
    assert draft.checklist[ids.index("wound-q-compression")].answer.startswith("Yes, after")
    assert "wound-q-specialist" not in ids  # not answered: it goes with its concern


def test_no_kind_chosen_yet_asks_every_question_of_the_concern(library) -> None:
    draft = Draft(concern="scars")
    sync_checklist(draft, library)
    assert {q.id for q in library.concern("scars").questions} <= set(_ids(draft))
    draft.subtype = "acne"
    sync_checklist(draft, library)
    assert "scars-q-silicone" not in _ids(draft) and "scars-q-type" in _ids(draft)


def test_red_flags_add_their_questions_and_remove_them_again(library) -> None:
    draft = Draft(concern="scars")
    sync_checklist(draft, library)
    before = _ids(draft)
    flag = library.red_flags[0]
    draft.offer.offered = True
    draft.offer.red_flags = [flag.id]
    sync_checklist(draft, library)
    assert set(flag.question_ids) <= set(_ids(draft))
    draft.offer.red_flags = []
    sync_checklist(draft, library)
    assert _ids(draft) == before


def test_health_boxes_add_their_questions_and_remove_them_again(library) -> None:
    """Ticking "Pregnant" (or planning a pregnancy, or breastfeeding: one question for the
    three, as for the older box that held all three) adds its question; unticking takes it
    off again unless the patient used it; each has a reason, and a cited one where it states
    a fact."""
    draft = Draft(concern="scars")
    sync_checklist(draft, library)
    before = _ids(draft)
    for ticked in (["pregnant"], ["planning-pregnancy", "breastfeeding"], ["pregnancy"]):
        draft.about.conditions = ticked
        sync_checklist(draft, library)
        added = [i for i in draft.checklist if i.id not in before]
        assert [(i.id, i.source) for i in added] == [("cond-q-pregnancy", "condition")]
    draft.about.conditions = []
    sync_checklist(draft, library)
    assert _ids(draft) == before

    draft.about.conditions = ["bleeding", "cancer", "weak-immunity", "diabetes"]
    sync_checklist(draft, library)
    # in the order of the boxes on the page
    assert _ids(draft)[len(before) :] == [
        "cond-q-diabetes",
        "cond-q-immune",
        "cond-q-medicines",
        "cond-q-cancer",
    ]
    set_top(draft, "cond-q-cancer", True)  # used: kept when unticked
    draft.about.conditions = []
    sync_checklist(draft, library)
    assert _ids(draft) == [*before, "cond-q-cancer"]

    for question in library.condition_questions:
        assert question.why
        advice_only = ("cond-q-medicines", "cond-q-immune", "cond-q-diabetes", "cond-q-keloids")
        if question.id not in advice_only:
            assert question.citations, question.id


def test_a_health_question_the_concern_asks_already_is_not_added(library) -> None:
    """Psoriasis and eczema ask about the immune system and infection, and about changing
    medicines, already: a weak immune system or bleeding problems ticked adds no second
    question on them. For scars they do."""
    for concern, expected in (("inflammatory", False), ("scars", True)):
        draft = Draft(concern=concern)
        draft.about.conditions = ["weak-immunity", "bleeding"]
        sync_checklist(draft, library)
        for ours, theirs in (
            ("cond-q-immune", "infl-q-immune"),
            ("cond-q-medicines", "infl-q-medicines"),
        ):
            assert (ours in _ids(draft)) is expected, concern
            assert (theirs in _ids(draft)) is (not expected), concern


def test_the_blood_sugar_question_is_asked_only_where_diabetes_is_said(library) -> None:
    """A wound that is not a foot ulcer in diabetes gets no question about "your diabetes"
    unless the Diabetes box is ticked; a foot ulcer with the box ticked is asked once."""
    for kind, ticked, expected in (
        ("venous-leg", [], set()),
        ("pressure", [], set()),
        ("venous-leg", ["diabetes"], {"cond-q-diabetes"}),
        ("diabetic-foot", [], {"wound-q-sugar"}),
        ("diabetic-foot", ["diabetes"], {"wound-q-sugar"}),
        (None, [], {"wound-q-sugar"}),  # no kind chosen: every wound question
    ):
        draft = Draft(concern="chronic-wound", subtype=kind)
        draft.about.conditions = ticked
        sync_checklist(draft, library)
        asked = set(_ids(draft)) & {"wound-q-sugar", "cond-q-diabetes"}
        assert asked == expected, (kind, ticked)


def test_top_three_limit_and_ordering(library) -> None:
    draft = Draft(concern="inflammatory")
    sync_checklist(draft, library)
    ids = _ids(draft)
    for item_id in ids[-3:]:
        set_top(draft, item_id, True)
    with pytest.raises(ChecklistError, match="three"):
        set_top(draft, ids[0], True)
    assert [i.id for i in draft.ordered_questions()][:3] == ids[-3:]
    set_top(draft, ids[-1], False)
    set_top(draft, ids[0], True)
    assert [i.id for i in draft.top_questions()] == [ids[0], ids[-3], ids[-2]]


def test_own_questions(library) -> None:
    draft = Draft()
    with pytest.raises(ChecklistError):
        add_own_question(draft, "   ")
    a = add_own_question(draft, "One <b>&amp;</b>")
    b = add_own_question(draft, "Two 🙂")
    assert (a.id, b.id) == ("own-1", "own-2")
    remove_own_question(draft, a.id)
    assert add_own_question(draft, "Three").id == "own-1"
    with pytest.raises(ChecklistError):
        move(draft, "nope", 1)


def test_a_removed_question_can_be_put_back_where_it_was(library) -> None:
    draft = Draft()
    a = add_own_question(draft, "One")
    b = add_own_question(draft, "Two")
    add_own_question(draft, "Three")
    set_top(draft, b.id, True)
    removed = remove_own_question(draft, b.id)
    assert removed is not None and removed[0] == 1
    assert remove_own_question(draft, "nope") is None
    back = put_back(draft, *removed)
    assert [i.text for i in draft.checklist] == ["One", "Two", "Three"]
    assert back.top and back.id == b.id
    assert put_back(draft, *removed) == back  # twice: still once on the list
    assert len(draft.checklist) == 3

    # Its number given to a question added since: it comes back with a new one.
    removed = remove_own_question(draft, a.id)
    c = add_own_question(draft, "Four")
    assert c.id == a.id
    back = put_back(draft, *removed)
    assert back.id not in {i.id for i in draft.checklist if i is not back}
    assert [i.text for i in draft.checklist] == ["One", "Two", "Three", "Four"]


def test_a_question_put_back_leaves_the_top_three_as_they_are_now() -> None:
    draft = Draft()
    items = [add_own_question(draft, f"Q{n}") for n in range(5)]
    set_top(draft, items[0].id, True)
    removed = remove_own_question(draft, items[0].id)
    for item in items[1:4]:
        set_top(draft, item.id, True)
    back = put_back(draft, *removed)
    assert not back.top and draft.checklist[0] is back
    assert len(draft.top_questions()) == 3


def test_a_question_already_asked_is_not_added_twice(library) -> None:
    """An exosome facial offered to someone asking about ageing: the offer's "what is in it,
    who made it" is already asked by the ageing questions, so it is not added beside them."""
    covering = library.question("age-q-ingredients")
    assert covering is not None and covering.covers == ["offer-whats-in-it"]
    for concern, expected in (("ageing", False), ("scars", True)):
        draft = Draft(concern=concern)
        draft.offer.offered = True
        draft.offer.red_flags = ["rf-exosome-facial"]
        sync_checklist(draft, library)
        ids = [i.id for i in draft.checklist]
        assert ("offer-whats-in-it" in ids) is expected, concern
        assert "core-risks" in ids  # the flag's other question still joins


def test_a_covered_question_already_on_the_list_stays(library) -> None:
    draft = Draft(concern="scars")
    draft.offer.offered = True
    draft.offer.red_flags = ["rf-exosome-facial"]
    sync_checklist(draft, library)
    set_top(draft, "offer-whats-in-it", True)
    draft.concern = "ageing"  # now another question covers it: the patient's choice is kept
    sync_checklist(draft, library)
    kept = next(i for i in draft.checklist if i.id == "offer-whats-in-it")
    assert kept.top


def test_no_kind_of_any_concern_gets_the_same_question_twice(library) -> None:
    for concern in library.concerns:
        for kind in [None, *(s.id for s in concern.subtypes)]:
            draft = Draft(concern=concern.id, subtype=kind)
            sync_checklist(draft, library)
            texts = [i.text for i in draft.checklist]
            assert len(texts) == len(set(texts)), (concern.id, kind)


def test_a_question_now_asked_in_a_version_for_the_kind_keeps_its_place(library) -> None:
    """A draft saved before its kind was chosen asks the general fair-comparison question:
    for psoriasis it becomes the same question with the psoriasis study as its reason, where
    it was, still in the top three and with its answer."""
    draft = Draft(concern="inflammatory")
    sync_checklist(draft, library)  # no kind chosen: the eczema version covers the other
    ids = _ids(draft)
    place = ids.index("infl-q-placebo")
    assert "infl-q-placebo-psoriasis" not in ids
    before = ids[place - 1]  # asked for every kind, so still there
    set_top(draft, "infl-q-placebo", True)
    draft.checklist[place].answer = "Yes, with a dummy group."
    draft.subtype = "psoriasis"
    sync_checklist(draft, library)
    ids = _ids(draft)
    item = draft.checklist[ids.index(before) + 1]  # where it was, after the same question
    assert item.id == "infl-q-placebo-psoriasis"
    assert item.top and item.answer == "Yes, with a dummy group."
    assert "infl-q-placebo" not in _ids(draft)
    assert library.question(item.id).citations == ["cheng2022"]


def test_content_this_version_does_not_know_is_kept_with_a_note(library) -> None:
    """A draft from a newer version: an unknown concern is kept and the patient asked to
    choose again; its unknown questions become their own, keeping top three and answers."""
    from consultprep.checklist import fit_to_library
    from consultprep.models import ChecklistItem

    draft = Draft(concern="no-such-concern", subtype="no-such-kind")
    draft.checklist = [
        ChecklistItem(id="core-risks", text="Risks?", source="core"),
        ChecklistItem(id="new-q-1", text="A newer question?", source="concern", top=True,
                      answer="Said no."),
        ChecklistItem(id="own-1", text="Mine?", source="own"),
    ]
    fit_to_library(draft, library)
    assert draft.concern == "no-such-concern"
    assert any("choose your skin problem again" in n for n in draft.load_notes)
    moved = draft.checklist[1]
    assert (moved.source, moved.text, moved.top, moved.answer) == (
        "own", "A newer question?", True, "Said no.")
    assert moved.id == "own-2" and any("kept as your own" in n for n in draft.load_notes)
    sync_checklist(draft, library)  # nothing of it is dropped when the list is rebuilt
    assert "A newer question?" in [i.text for i in draft.checklist]
    assert len(draft.top_questions()) == 1

    kinds = Draft(concern="scars", subtype="no-such-kind")
    fit_to_library(kinds, library)
    assert kinds.load_notes == [
        (
            "This draft names a kind of “Scars” that this version of ConsultPrep does not "
            "know. Please choose the kind again on the “Your skin problem” page."
        )
    ]


def test_a_question_already_on_the_list_is_not_added_again(library) -> None:
    draft = Draft(concern="scars", subtype="keloid")
    sync_checklist(draft, library)
    add_own_question(draft, "Can I see photos of your results?")
    with pytest.raises(ChecklistError, match="already on your list.$"):
        add_own_question(draft, "  can I see  photos of your results? ")
    unticked = draft.checklist[0]
    unticked.included = False
    with pytest.raises(ChecklistError, match="Tick it there to ask it"):
        add_own_question(draft, unticked.text.upper())
    assert sum(i.source == "own" for i in draft.checklist) == 1


def test_a_top_three_pick_stays_when_the_concern_changes_and_back(library) -> None:
    """Switching the concern and back silently dropped a concern question from the top three."""
    draft = Draft(concern="scars", subtype="keloid")
    sync_checklist(draft, library)
    scars_ids = {q.id for q in library.concern("scars").questions}
    pick = next(i for i in draft.checklist if i.id in scars_ids)
    set_top(draft, pick.id, True)
    draft.concern, draft.subtype = "ageing", None
    sync_checklist(draft, library)
    assert pick.id in [i.id for i in draft.top_questions()]
    draft.concern, draft.subtype = "scars", "keloid"
    sync_checklist(draft, library)
    assert [i.id for i in draft.top_questions()] == [pick.id]
    assert _ids(draft).count(pick.id) == 1
