"""The example drafts in resources/examples: one per concern, each pointing at real content
and reading as the content does today. No Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultprep.content import Library, load_library
from consultprep.storage import load_draft
from tests.content_checks import EXAMPLES


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def test_there_is_an_example_for_every_concern(library: Library) -> None:
    assert {p.stem for p in EXAMPLES} == {c.id for c in library.concerns}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_loads_and_points_at_real_content(library: Library, example: Path) -> None:
    draft = load_draft(example)
    concern = library.concern(draft.concern)
    assert concern is not None and concern.id == example.stem
    assert concern.subtype(draft.subtype) is not None
    condition_ids = {c.id for c in library.conditions}
    assert set(draft.about.conditions) <= condition_ids
    assert all(library.red_flag(f) for f in draft.offer.red_flags)
    for item in draft.checklist:
        if item.source == "own":
            assert item.id.startswith("own-")
        else:
            question = library.question(item.id)
            assert question is not None, item.id
            # a draft keeps the words it was made with; the examples show today's
            assert item.text == question.text, item.id
    assert len(draft.top_questions()) == 3
    assert any(item.source == "own" for item in draft.checklist)
    assert any(not item.included for item in draft.checklist)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_asks_only_questions_for_its_kind(library: Library, example: Path) -> None:
    """An example shows a checklist as the app builds it today for its concern and kind
    (no question for eczema in a psoriasis example)."""
    from consultprep.checklist import applicable_questions

    draft = load_draft(example)
    asked = {q.id for q, _ in applicable_questions(draft, library)}
    assert [i.id for i in draft.checklist if i.source != "own" and i.id not in asked] == []
