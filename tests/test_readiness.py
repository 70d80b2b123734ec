"""The readiness check: its content, its summary line, and the questions a "Not yet" adds.

No Qt here; the page is tested in tests/test_readiness_page.py.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from consultprep.checklist import question_for, sync_checklist
from consultprep.content import Library, load_library
from consultprep.content_loader import unknown_citations
from consultprep.models import BranNotes, ChecklistItem, Draft, Readiness, ReadinessCheck
from consultprep.readiness import (
    AREAS,
    ReadinessContent,
    deciding_lines,
    latest,
    load_readiness,
    not_yet_areas,
    set_answer,
    suggested_questions,
    summary_line,
    updated,
)
from tests.content_checks import (
    MAX_GRADE,
    PROMOTIONAL,
    article_fingerprint,
    fk_grade,
    ngram_hashes,
)

LIBRARY = load_library()
TODAY = date(2031, 3, 1)
# The published SURE items, which must not be copied (Légaré et al. 2010, Table 1).
SURE_ITEMS = (
    "Do you feel SURE about the best choice for you?",
    "Do you know the benefits and risks of each option?",
    "Are you clear about which benefits and risks matter most to you?",
    "Do you have enough support and advice to make a choice?",
)


@pytest.fixture(scope="module")
def content() -> ReadinessContent:
    return load_readiness()


def _texts(content: ReadinessContent) -> list[str]:
    texts = [content.intro, content.source_note, content.after_intro, content.bran_intro]
    for item in content.items:
        texts += [item.short, item.question, item.why, item.suggestion.text, item.suggestion.why]
    texts += [t for p in content.bran for t in (p.label, p.guidance)]
    return texts


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _grams(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


# --- content ---------------------------------------------------------------------------------
def test_four_areas_in_order_with_suggestions(content: ReadinessContent) -> None:
    assert [i.area for i in content.items] == list(AREAS)
    for item in content.items:
        assert item.question.endswith("?")
        assert item.suggestion.text.endswith("?")
        assert item.suggestion.id.startswith("readiness-")
    library_ids = {q.id for q in LIBRARY.all_questions()}
    assert not {i.suggestion.id for i in content.items} & library_ids


def test_citations_exist_and_the_sure_reference_is_right(content: ReadinessContent) -> None:
    assert not unknown_citations(content.cited(), LIBRARY)
    assert content.citations == ["legare2010"]
    ref = LIBRARY.reference("legare2010")
    assert ref.link == "PMID 20705870"
    for part in (
        "Légaré F",
        "Kearing S",
        "Clay K",
        "Are you SURE?",
        "Canadian Family Physician",
        "56(8):e308-e314",
        "2010",
    ):
        assert part in ref.citation


def test_wording_is_our_own_not_the_sure_items(content: ReadinessContent) -> None:
    ours = " ".join(_texts(content))
    for item in SURE_ITEMS:
        assert not _grams(item) & _grams(ours), item


def test_wording_is_plain_calm_and_not_copied(content: ReadinessContent) -> None:
    texts = _texts(content)
    assert fk_grade(texts) <= MAX_GRADE
    assert not [t for t in texts if PROMOTIONAL.search(t)]
    source = article_fingerprint()
    assert not [t for t in texts if ngram_hashes(t) & source]


def test_a_broken_file_is_reported_with_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from consultprep import content_loader
    from consultprep.content import ContentError

    monkeypatch.setattr(content_loader, "_read_toml", lambda name: {"intro": "x"})
    with pytest.raises(ContentError, match="readiness.toml"):
        content_loader.load_model("readiness.toml", ReadinessContent)


# --- answers and the summary line --------------------------------------------------------------
@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (None, "Not taken."),
        (ReadinessCheck(), "Not taken."),
        (
            ReadinessCheck(sure="yes", understand="yes", values_clear="yes", support="yes"),
            "“Yes” to all 4 questions.",
        ),
        (
            ReadinessCheck(sure="yes", understand="not_yet", values_clear="yes", support="not_yet"),
            (
                "“Yes” to 2 of the 4 questions. Not yet clear on the good and bad points of "
                "each choice. Not yet sure I have the support and advice I need."
            ),
        ),
        (
            ReadinessCheck(sure="not_yet"),
            (
                "“Yes” to none of the 4 questions. Not yet sure which choice is right for me. "
                "3 not answered yet."
            ),
        ),
    ],
)
def test_summary_line(check: ReadinessCheck | None, expected: str) -> None:
    assert summary_line(check) == expected


def test_answers_are_dated_only_when_they_change() -> None:
    assert updated(None, dict.fromkeys(AREAS), TODAY) is None
    first = updated(None, {"sure": "yes", "support": None}, TODAY)
    assert first == ReadinessCheck(taken_on=TODAY, sure="yes")
    later = date(2031, 4, 1)
    assert updated(first, {"sure": "yes"}, later) is first  # nothing changed: date kept
    changed = set_answer(first, "support", "not_yet", later)
    assert (changed.taken_on, changed.support, first.support) == (later, "not_yet", None)
    assert not_yet_areas(changed) == ["support"]


def test_the_check_after_the_appointment_counts_once_taken() -> None:
    draft = Draft(readiness=Readiness(before=ReadinessCheck(understand="not_yet")))
    assert latest(draft) is draft.readiness.before
    draft.readiness = Readiness(before=draft.readiness.before, after=ReadinessCheck())
    assert latest(draft) is draft.readiness.before  # ticked "after", nothing answered yet
    draft.readiness = Readiness(
        before=draft.readiness.before, after=ReadinessCheck(support="not_yet")
    )
    assert [q.id for q in suggested_questions(draft)] == ["readiness-support"]


# --- the checklist ---------------------------------------------------------------------------
def _readiness_ids(draft: Draft) -> list[str]:
    return [i.id for i in draft.checklist if i.source == "readiness"]


def test_not_yet_adds_questions_and_yes_takes_them_away(content: ReadinessContent) -> None:
    library: Library = LIBRARY
    draft = Draft(concern="scars")
    sync_checklist(draft, library)
    before = [i.id for i in draft.checklist]
    draft.readiness = Readiness(
        before=ReadinessCheck(understand="not_yet", support="not_yet", sure="yes")
    )
    sync_checklist(draft, library)
    assert _readiness_ids(draft) == ["readiness-understand", "readiness-support"]
    assert [i.id for i in draft.checklist][: len(before)] == before  # added at the end
    item = draft.checklist[-1]
    assert item.text == content.item("support").suggestion.text
    assert question_for(item, library) == content.item("support").suggestion
    sync_checklist(draft, library)
    assert _readiness_ids(draft) == ["readiness-understand", "readiness-support"]  # stable
    draft.readiness = Readiness(before=ReadinessCheck(understand="yes", support="not_yet"))
    sync_checklist(draft, library)
    assert _readiness_ids(draft) == ["readiness-support"]
    draft.readiness = Readiness()
    sync_checklist(draft, library)
    assert [i.id for i in draft.checklist] == before


def test_a_question_already_asked_or_answered_is_kept() -> None:
    draft = Draft(concern="ageing")
    draft.readiness = Readiness(before=ReadinessCheck(sure="not_yet", values_clear="not_yet"))
    sync_checklist(draft, LIBRARY)
    by_id = {i.id: i for i in draft.checklist}
    by_id["readiness-sure"].asked = True
    by_id["readiness-values"].answer = "We talked about cost."
    by_id["readiness-values"].top = True
    # After the appointment: all "Yes" now, but nothing the patient wrote is lost.
    draft.readiness = Readiness(
        before=draft.readiness.before,
        after=ReadinessCheck(sure="yes", understand="yes", values_clear="yes", support="yes"),
    )
    sync_checklist(draft, LIBRARY)
    kept = {i.id: i for i in draft.checklist if i.source == "readiness"}
    assert set(kept) == {"readiness-sure", "readiness-values"}
    assert (
        kept["readiness-values"].answer == "We talked about cost." and kept["readiness-values"].top
    )


def test_own_and_other_questions_are_untouched_by_readiness() -> None:
    draft = Draft(concern="inflammatory")
    draft.checklist = [ChecklistItem(id="own-1", text="Mine?", source="own")]
    draft.readiness = Readiness(before=ReadinessCheck(support="not_yet"))
    sync_checklist(draft, LIBRARY)
    assert draft.checklist[0].id == "own-1"
    assert "readiness-support" in [i.id for i in draft.checklist]


def test_lines_for_the_review_page() -> None:
    assert deciding_lines(Draft()) == []
    draft = Draft(
        readiness=Readiness(after=ReadinessCheck(support="yes")),
        bran=[BranNotes(treatment="Silicone"), BranNotes(), BranNotes(risks="Redness")],
    )
    assert deciding_lines(draft) == [
        (
            "After your appointment: “Yes” to 1 of the 4 questions. 3 not answered yet."
        ),
        "Weighed up: Silicone — no notes yet",
        "Also weighed up: A treatment (no name given) — notes on risks",
    ]
    draft.bran = [BranNotes(treatment="Laser", benefits="b", risks="r", nothing="n")]
    assert deciding_lines(draft)[-1] == (
        "Weighed up: Laser — notes on benefits, risks and doing nothing"
    )
