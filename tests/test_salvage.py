"""A draft with a bad value in it opens, without that value, and says where; nothing else is lost
(``consultprep.salvage``)."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from consultprep.models import ChecklistItem, Draft, Photo, TriedTreatment
from consultprep.storage import (
    DraftError,
    draft_from_json,
    draft_to_bytes,
    draft_to_json,
    load_draft,
)
from tests.strategies import drafts, tiny_jpeg

SAVED_NOTE = (
    "Your draft file is not changed until you save it. Once saved, it no longer holds what "
    "was left out."
)


def _data(draft: Draft | None = None) -> dict[str, Any]:
    return json.loads(draft_to_json(draft or Draft()))


def test_a_score_of_eleven_is_left_out_and_the_rest_is_kept(tmp_path: Path) -> None:
    data = _data(Draft(concern="scars"))
    data["about"]["scores"] = {"itch": 11, "pain": 3}
    data["about"]["symptoms"] = "Red and raised"
    path = tmp_path / "hand-edited.consultprep"
    raw = draft_to_bytes(Draft())  # a real container, then its JSON replaced
    with zipfile.ZipFile(io.BytesIO(raw)) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(
                info, json.dumps(data) if info.filename == "draft.json" else old.read(info)
            )
    before = path.read_bytes()
    draft = load_draft(path)
    assert draft.about.scores.itch is None and draft.about.scores.pain == 3
    assert draft.about.symptoms == "Red and raised" and draft.concern == "scars"
    assert draft.load_notes == [
        (
            "Part of the draft could not be read, so it was left out "
            "(in About your skin: how much it bothers you (itch))."
        ),
        SAVED_NOTE,
    ]
    assert path.read_bytes() == before  # opening never writes


def test_an_impossible_date_and_an_unknown_name_are_left_out_with_plain_notes() -> None:
    data = _data()
    data["about"]["appointment_date"] = "2026-02-30"
    data["about"]["clinician"] = "Dr Lee"
    data["surprise"] = True
    draft = draft_from_json(json.dumps(data))
    assert draft.about.appointment_date is None and draft.about.clinician == "Dr Lee"
    assert draft.load_notes == [
        (
            "Part of the draft could not be read, so it was left out "
            "(in About your skin: appointment date)."
        ),
        (
            "The draft held a part named “surprise”, which this version of ConsultPrep does not know, "
            "so it was left out."
        ),
        SAVED_NOTE,
    ]


def test_a_broken_list_item_is_left_out_and_the_others_keep_their_order() -> None:
    data = _data()
    data["about"]["treatments_tried"] = [
        {"name": "Silicone gel", "how_it_went": "Softer"},
        "not a treatment",
        {"name": "Steroid cream", "how_it_went": ["a", "list"]},
        {"name": "Laser"},
    ]
    data["about"]["conditions"] = ["diabetes", 3, "smoking"]
    draft = draft_from_json(json.dumps(data))
    assert draft.about.treatments_tried == [
        TriedTreatment(name="Silicone gel", how_it_went="Softer"),
        TriedTreatment(name="Steroid cream"),
        TriedTreatment(name="Laser"),
    ]
    assert draft.about.conditions == ["diabetes", "smoking"]
    assert draft.load_notes[0] == (
        "Part of the draft could not be read, so it was left out (in About your skin: "
        "health conditions (item 2), treatments you have tried (item 2), treatments you have "
        "tried (item 3, how it went))."
    )


def test_a_question_with_a_damaged_name_is_kept_as_the_patients_own() -> None:
    data = _data()
    data["checklist"] = [
        {"id": "own-1", "text": "Is it safe?", "source": "own"},
        {
            "id": ["a", "list"],
            "text": "Who does it?",
            "source": "core",
            "top": True,
            "asked": True,
            "answer": "Dr Lee",
        },
        {"id": "q9", "text": "How much?", "source": "gossip"},
        {"id": "q10", "text": "", "source": "own"},  # no words: nothing to keep
    ]
    draft = draft_from_json(json.dumps(data))
    assert draft.checklist == [
        ChecklistItem(id="own-1", text="Is it safe?", source="own"),
        ChecklistItem(
            id="own-2", text="Who does it?", source="own", top=True, asked=True, answer="Dr Lee"
        ),
        ChecklistItem(id="own-3", text="How much?", source="own"),
    ]
    assert (
        "2 questions could not be matched to the app's list, so they are kept as your own, "
        "with any answers." in draft.load_notes
    )
    assert "(in your questions: item 4)" in draft.load_notes[0]


def test_a_photo_with_a_damaged_size_takes_it_from_its_picture_and_nothing_else_is_lost() -> None:
    jpeg = tiny_jpeg(4, 3, 90)
    draft = Draft(
        photos=[
            Photo(id=f"p{i}", caption=f"Photo {i}", width=4, height=3, data=jpeg) for i in (1, 2)
        ]
        + [Photo(id="p3", caption="Photo 3", width=4, height=3, data=b"not a picture")]
    )
    raw = draft_to_bytes(draft)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as old, zipfile.ZipFile(buffer, "w") as new:
        for info in old.infolist():
            content = old.read(info)
            if info.filename == "draft.json":
                data = json.loads(content)
                data["photos"][0]["width"] = 0
                del data["photos"][0]["height"]
                data["photos"][1]["taken_on"] = "yesterday"
                data["photos"][1]["width"] = 400  # valid, but not the picture's: it would stretch
                data["photos"][2]["width"] = "wide"  # and its picture cannot be read either
                content = json.dumps(data).encode()
            new.writestr(info, content)
    from consultprep.draft_container import draft_from_container

    opened = draft_from_container(buffer.getvalue(), "The draft")
    assert [(p.id, p.caption, p.width, p.height, p.taken_on, p.data) for p in opened.photos] == [
        ("p1", "Photo 1", 4, 3, None, jpeg),
        ("p2", "Photo 2", 4, 3, None, jpeg),
    ]
    assert (
        "1 photo had a damaged size in the draft; the size was read from the photo itself, "
        "so the photo is kept." in opened.load_notes
    )
    assert any("(in photos: item 2 (date taken), item 3)" in note for note in opened.load_notes)


@pytest.mark.parametrize("size", [(4, 3), (1, 1), (640, 480), (3, 2000)])
@pytest.mark.parametrize("progressive", [False, True])
def test_a_jpegs_size_is_read_from_its_header(size: tuple[int, int], progressive: bool) -> None:
    from PIL import Image

    from consultprep.photos import jpeg_size

    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, "JPEG", progressive=progressive, quality=80)
    assert jpeg_size(out.getvalue()) == size


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xd8",
        b"\xff\xd8\xff\xc0\x00\x11\x08",  # a frame header cut short
        b"GIF89a",
        b"\xff\xd8\xff\xda\x00\x08",  # image data before any frame header
        b"\xff\xd8\x00",
    ],
)
def test_what_is_not_a_readable_jpeg_has_no_size(data: bytes) -> None:
    from consultprep.photos import jpeg_size

    assert jpeg_size(data) is None
    jpeg = tiny_jpeg(4, 3, 90)
    for cut in range(len(jpeg)):  # a picture cut short anywhere: a size or None, never an error
        assert jpeg_size(jpeg[:cut]) in (None, (4, 3))


def test_very_many_bad_values_are_counted_not_listed() -> None:
    data = _data()
    data["about"]["treatments_tried"] = [{"name": n} for n in range(500)]
    data["about"]["scores"] = {f"extra{n}": n for n in range(9)}
    draft = draft_from_json(json.dumps(data))
    assert draft.about.treatments_tried == [TriedTreatment()] * 500  # each item kept, name cleared
    first, unknown, saved = draft.load_notes
    assert first.endswith("treatments you have tried (item 4, name); and 496 more).")
    assert unknown == (
        "The draft held parts named “extra0”, “extra1”, “extra2”, “extra3” and 5 more, which this version "
        "of ConsultPrep does not know, so they were left out."
    )
    assert saved == SAVED_NOTE


def test_an_item_that_is_not_even_an_object_does_not_stop_the_other_mending() -> None:
    data = _data()
    data["checklist"] = [5] + [
        {"id": f"q{i}", "text": f"Question {i}?", "source": "own", "top": True} for i in range(5)
    ]
    data["checklist"].append({"id": "q1", "text": "Question 1 again?", "source": "own"})
    data["photos"] = ["x", *[{"id": "p", "width": 1, "height": 1}] * 2]
    draft = draft_from_json(json.dumps(data))
    assert [(i.id, i.top) for i in draft.checklist] == [
        ("q0", True), ("q1", True), ("q2", True), ("q3", False), ("q4", False)
    ]
    assert [p.id for p in draft.photos] == ["p"]
    assert "(in your questions: item 1; in photos: item 1)" in draft.load_notes[-2]


def test_a_bad_version_number_is_still_refused() -> None:
    data = _data()
    data["schema_version"] = "three"
    data["about"]["scores"] = {"itch": 11}
    with pytest.raises(DraftError, match=r"damaged \(in its version number\)\.$"):
        draft_from_json(json.dumps(data))


def test_the_window_shows_what_was_left_out(window, dialogs, tmp_path: Path) -> None:
    path = tmp_path / "bad.consultprep"
    data = _data(Draft(concern="scars"))
    data["about"]["scores"] = {"itch": 11}
    path.write_text(json.dumps(data), encoding="utf-8")  # a version-1 style plain JSON file
    assert window.open_path(path)
    shown = dialogs.texts("information")[0]
    assert "in About your skin: how much it bothers you (itch)" in shown and SAVED_NOTE in shown
    assert window.draft.concern == "scars"


# --- Property: one bad value anywhere costs at most that value (or the list item holding it) ---

GARBAGE = st.sampled_from([[[1]], -7, 10**30, "not a date", 2.5])


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict) and node:
        return [leaf for key, value in node.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(node, list) and node:
        return [leaf for i, value in enumerate(node) for leaf in _leaves(value, (*path, i))]
    return [path]


def _without(data: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]
    return data


def _expected(original: dict[str, Any], path: tuple[Any, ...]) -> list[Draft]:
    """What the draft may rightly become: the field cleared, or its list item left out, or
    (a question's name or kind) the question kept as the patient's own."""
    candidates = [_without(original, path)]
    for depth in range(len(path) - 1, 0, -1):
        if isinstance(path[depth], int):
            candidates.append(_without(original, path[: depth + 1]))
    if path[0] == "checklist" and len(path) == 3 and path[2] in ("id", "source"):
        own = copy.deepcopy(original)
        used = {item["id"] for item in own["checklist"]}
        n = next(n for n in range(1, 10**6) if f"own-{n}" not in used)
        own["checklist"][path[1]].update(id=f"own-{n}", source="own")
        candidates.append(own)
    valid = []
    for candidate in candidates:
        try:
            valid.append(Draft.model_validate(candidate))
        except ValidationError:  # (a question cannot be without its words, for example)
            pass
    return valid


@given(drafts(), st.data(), GARBAGE)
def test_one_bad_value_loses_only_that_value(draft: Draft, data: st.DataObject, bad: Any) -> None:
    original = _data(draft)
    # Any value: a single answer, a whole question or photo, a whole section.
    paths = {leaf[:n] for leaf in _leaves(original) for n in range(1, len(leaf) + 1)}
    paths = sorted((p for p in paths if p[0] != "schema_version"), key=str)
    path = data.draw(st.sampled_from(paths))
    damaged = copy.deepcopy(original)
    parent = damaged
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = bad
    opened = draft_from_json(json.dumps(damaged))
    if not opened.load_notes:  # the "bad" value happened to be a fine one here
        assert opened == Draft.model_validate(damaged)
        return
    assert opened.load_notes[-1] == SAVED_NOTE
    opened.load_notes.clear()  # (compared by ==, like the fields)
    opened.created, opened.updated = draft.created, draft.updated
    assert opened in [
        c.model_copy(update={"created": draft.created, "updated": draft.updated})
        for c in _expected(original, path)
    ]


def test_questions_without_a_proper_id_are_all_kept_not_taken_for_copies() -> None:
    data = _data()
    data["checklist"] = [
        *({"id": None, "text": f"Q{i}?", "source": "own", "answer": f"a{i}"} for i in range(3)),
        {"text": "No id at all?", "source": "own"},
        {"id": 1, "text": "One?", "source": "own"},
        {"id": 1, "text": "One again, other words?", "source": "own"},
    ]
    draft = draft_from_json(json.dumps(data))
    assert [i.text for i in draft.checklist] == [
        "Q0?", "Q1?", "Q2?", "No id at all?", "One?", "One again, other words?"
    ]
    assert [i.answer for i in draft.checklist][:3] == ["a0", "a1", "a2"]
    assert not any("twice" in note for note in draft.load_notes)


def test_a_draft_nested_absurdly_deep_gets_a_plain_sentence() -> None:
    data = _data()
    deep: dict[str, Any] = {"a": 1}
    for _ in range(700):
        deep = {"a": deep}
    data["zz"] = deep
    with pytest.raises(DraftError, match="is damaged or is not a ConsultPrep draft"):
        draft_from_json(json.dumps(data))


def test_many_questions_with_damaged_ids_open_quickly_as_the_patients_own() -> None:
    data = _data()
    data["checklist"] = [{"id": n, "text": f"Q{n}?", "source": "core"} for n in range(3000)]
    draft = draft_from_json(json.dumps(data))  # (was minutes: each id was found by a search)
    assert [i.id for i in draft.checklist] == [f"own-{n}" for n in range(1, 3001)]


def test_of_two_copies_of_a_photo_the_good_one_is_kept() -> None:
    data = _data()
    data["photos"] = [
        {"id": "p1", "caption": "Damaged copy", "width": 0, "height": 3},
        {"id": "p1", "caption": "Good copy", "width": 4, "height": 3},
        {"id": "p2", "caption": "Another", "width": 4, "height": 3},
    ]
    draft = draft_from_json(json.dumps(data))
    assert [(p.id, p.caption) for p in draft.photos] == [("p1", "Good copy"), ("p2", "Another")]
    assert draft.load_notes == ["A photo was in the draft twice; it is kept once."]


def test_a_question_held_twice_keeps_the_answers_and_ticks_of_each_copy() -> None:
    """A second copy's answer was dropped while the note said only "kept once"."""
    data = _data()
    first = {"id": "core-risks", "text": "Risks?", "source": "core",
             "answer": "First visit: two small trials"}
    second = {**first, "answer": "Second visit: no good trials", "asked": True, "top": True}
    data["checklist"] = [first, second, dict(first)]  # (the third adds nothing new)
    draft = draft_from_json(json.dumps(data))
    [item] = draft.checklist
    assert item.answer == "First visit: two small trials\n\nSecond visit: no good trials"
    assert item.asked and item.top
    assert draft.load_notes == [
        "A question was in the draft twice; it is kept once, with the answer from each copy."
    ]
    data["checklist"] = [first, dict(first)]  # the very same twice: nothing to take in
    assert draft_from_json(json.dumps(data)).load_notes == [
        "A question was in the draft twice; it is kept once."
    ]


@pytest.mark.parametrize("written", [True, "yes", "true", 1, "1", "on", 1.0])
def test_a_fourth_top_question_however_true_is_written_is_mended(written: object) -> None:
    """"top": "yes" on a fourth question (three were top) refused the whole draft: the
    mending counted only true, and the model then read "yes" as true too (a helper's fuzzing)."""
    data = _data()
    data["checklist"] = [
        {"id": f"own-{n}", "text": f"Question {n}?", "source": "own", "top": n < 3}
        for n in range(5)
    ]
    data["checklist"][4]["top"] = written
    draft = draft_from_json(json.dumps(data))
    assert [i.top for i in draft.checklist] == [True, True, True, False, False]  # all kept
    assert any("4 questions were marked as top three" in n for n in draft.load_notes)
