"""Drafts save and open exactly, atomically, and fail with one plain sentence."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest

from consultprep.models import (
    SCHEMA_VERSION,
    ChecklistItem,
    ClinicOffer,
    Draft,
    TriedTreatment,
    with_ticks,
)
from consultprep.storage import DraftError, draft_from_json, draft_to_json, load_draft, save_draft

ODD = "Zoë <script>alert(1)</script> &amp; <b>x</b> 🙂 皮肤 مرحبا e\u0301 \x07"


def _full_draft() -> Draft:
    d = Draft(concern="scars", subtype="keloid")
    d.about.patient_name = ODD
    d.about.scores.itch = 7
    d.about.treatments_tried = [TriedTreatment(name="Silicone gel", how_it_went=ODD * 3)]
    d.about.appointment_date = date(2027, 1, 12)
    d.checklist = [ChecklistItem(id="own-1", text=ODD, source="own", top=True)]
    d.offer = ClinicOffer(offered=True, location="abroad", red_flags=["x"], claims="a" * 100_000)
    return d


def test_round_trip_is_exact(tmp_path: Path) -> None:
    draft = _full_draft()
    path = tmp_path / "mine.consultprep"
    save_draft(draft, path)
    assert load_draft(path) == draft


def test_saved_file_is_private_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "mine.consultprep"
    save_draft(Draft(), path)
    save_draft(_full_draft(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["mine.consultprep"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"{\"schema_version\": 1, \"concern\": ", "damaged"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "damaged"),
        (b"[1, 2, 3]", "not a ConsultPrep draft"),
        (b'{"hello": "world"}', "not a ConsultPrep draft"),
        (b'{"schema_version": 99}', "newer version"),
        (b'{"schema_version": "three"}', "damaged (in its version number)"),
    ],
)
def test_bad_files_get_one_plain_sentence_and_stay_untouched(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "bad.consultprep"
    path.write_bytes(content)
    with pytest.raises(DraftError) as info:
        load_draft(path)
    message = str(info.value)
    assert words in message
    assert "Traceback" not in message and "\n" not in message
    assert path.read_bytes() == content


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="could not be found"):
        load_draft(tmp_path / "nope.consultprep")
    with pytest.raises(DraftError, match="folder"):
        load_draft(tmp_path)


@pytest.mark.parametrize("given", ["", "   "])
def test_no_file_name_is_not_called_a_folder(given: str) -> None:
    """An empty path is the current folder to Python: "“” is a folder" made no sense."""
    with pytest.raises(DraftError, match="^No file was chosen, so nothing was opened.$"):
        load_draft(given)


def test_a_folder_without_a_name_of_its_own_is_named_in_full() -> None:
    with pytest.raises(DraftError, match="^“/” is a folder"):
        load_draft("/")


def test_a_pipe_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    """Reading a named pipe would wait for ever, and /dev/zero would fill the memory."""
    import os

    pipe = tmp_path / "pipe.consultprep"
    os.mkfifo(pipe)
    for path in (pipe, Path("/dev/zero")):
        with pytest.raises(DraftError, match="not an ordinary file"):
            load_draft(path)


def test_save_to_bad_places_keeps_old_file(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="folder"):
        save_draft(Draft(), tmp_path)
    with pytest.raises(DraftError, match="does not exist"):
        save_draft(Draft(), tmp_path / "missing" / "x.consultprep")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DraftError):
        save_draft(Draft(), blocker / "x.consultprep")


def test_save_to_read_only_folder(read_only_folder: Path) -> None:
    with pytest.raises(DraftError, match="cannot save|could not be saved"):
        save_draft(Draft(), read_only_folder / "x.consultprep")
    assert not (read_only_folder / "x.consultprep").exists()


def test_model_rules() -> None:
    with pytest.raises(ValueError):
        Draft(checklist=[ChecklistItem(id="a", text="a", source="own", top=True)] * 2)
    four = [ChecklistItem(id=str(n), text="q", source="own", top=True) for n in range(4)]
    with pytest.raises(ValueError):
        Draft(checklist=four)


def test_schema_is_json() -> None:
    schema = Draft.model_json_schema()
    json.dumps(schema)
    assert "checklist" in schema["properties"]


@pytest.mark.parametrize("version", [1, 2])
def test_older_versions_are_migrated_and_file_left_alone(tmp_path: Path, version: int) -> None:
    old = {
        "schema_version": version,
        "concern": "scars",
        "subtype": "keloid",
        "checklist": [{"id": "own-1", "text": "Mine?", "source": "own", "top": True}],
    }
    raw = json.dumps(old).encode()
    path = tmp_path / "old.consultprep"
    if version == 1:
        path.write_bytes(raw)
    else:
        import zipfile

        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("mimetype", "application/x-consultprep")
            zf.writestr("draft.json", raw)
    before = path.read_bytes()
    draft = load_draft(path)
    assert draft.schema_version == SCHEMA_VERSION
    assert draft.concern == "scars" and draft.top_questions()[0].text == "Mine?"
    assert draft.photos == [] and draft.readiness.before is None
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("offer", "offered"),
    [
        ({"offered": False}, None),  # version 3 saved "not answered yet" as No
        ({}, None),
        ({"offered": False, "treatment": "Exosomes"}, False),  # No after filling it in: kept
        ({"offered": False, "red_flags": ["flag-guaranteed"]}, False),
        ({"offered": False, "checks_done": ["vet-gmc"]}, None),  # checks done: not an answer
        ({"offered": True}, True),
    ],
)
def test_a_version_3_offer_answer_is_read_as_version_3_showed_it(
    offer: dict, offered: bool | None
) -> None:
    data = json.loads(draft_to_json(Draft()))
    data["schema_version"] = 3
    data["offer"] = offer
    assert draft_from_json(json.dumps(data)).offer.offered is offered


def test_no_and_not_answered_are_kept_apart() -> None:
    for answer in (None, False, True):
        draft = Draft()
        draft.offer.offered = answer
        assert draft_from_json(draft_to_json(draft)).offer.offered is answer


def test_a_hand_edited_draft_is_mended_with_a_note_not_refused() -> None:
    data = json.loads(draft_to_json(Draft()))
    data["checklist"] = [
        {"id": f"q{n}", "text": f"Question {n}?", "source": "own", "top": True} for n in range(5)
    ] + [{"id": "q1", "text": "Question 1 again?", "source": "own"}]
    draft = draft_from_json(json.dumps(data))
    assert [i.id for i in draft.checklist] == ["q0", "q1", "q2", "q3", "q4"]  # nothing lost
    assert [i.top for i in draft.checklist] == [True, True, True, False, False]
    assert len(draft.load_notes) == 2 and "top three" in draft.load_notes[1]


def test_a_draft_that_cannot_be_mended_says_what_is_wrong() -> None:
    data = json.loads(draft_to_json(Draft()))
    data["schema_version"] = "three"
    with pytest.raises(DraftError, match=r"damaged \(in its version number\)\.$"):
        draft_from_json(json.dumps(data))


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(13, "Permission denied"), "ConsultPrep is not allowed to save there"),
        (OSError(30, "Read-only file system"), "that place can only be read, not written to"),
        (OSError(28, "No space left on device"), "the disk is full"),
        (
            OSError(5, "Input/output error"),
            "the disk could not be read or written; it may be damaged or unplugged",
        ),
        (OSError(18, "Invalid cross-device link"), "invalid cross-device link"),  # the system's
    ],
)
def test_a_draft_that_cannot_be_written_says_why_plainly_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, words: str
) -> None:
    import consultprep.storage

    def fail(path: Path, data: bytes, mode: int = 0o600) -> None:
        raise error

    monkeypatch.setattr(consultprep.storage, "atomic_write_bytes", fail)
    target = tmp_path / "mine.consultprep"
    with pytest.raises(DraftError) as info:
        save_draft(Draft(), target)
    assert str(info.value) == (
        f"The draft could not be saved to “{target}”: {words}. Please choose another place."
    )


def test_a_pdf_opened_as_a_draft_says_what_it_is(tmp_path: Path) -> None:
    pdf = tmp_path / "ConsultPrep-scars.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a pack\n")
    with pytest.raises(DraftError) as caught:
        load_draft(pdf)
    assert "is a PDF, not a ConsultPrep draft" in str(caught.value)
    assert "can be imported into that draft" in str(caught.value)


def test_a_tab_or_line_break_typed_into_a_value_by_hand_keeps_the_draft(tmp_path: Path) -> None:
    """JSON asks for them as \\t and \\n; a draft edited by hand may hold them as they are."""
    path = tmp_path / "by hand.consultprep"
    path.write_text(
        '{"schema_version": 1, "concern": "scars",\n'
        ' "about": {"patient_name": "Zo\u00eb\tMay", "symptoms": "Itchy\nat night"}}',
        encoding="utf-8",
    )
    draft = load_draft(path)
    assert draft.about.patient_name == "Zo\u00eb\tMay" and draft.about.symptoms == "Itchy\nat night"


def test_photos_a_plain_text_draft_lists_are_left_out_with_a_note(tmp_path: Path) -> None:
    """A draft written as plain text (by hand, or by an older tool) cannot hold pictures: the
    photos it lists are left out with a note on opening, as for a missing picture in a
    draft file, not dropped without a word at the next save."""
    data = json.loads(draft_to_json(_full_draft()))
    data["photos"] = [
        {"id": "p1", "caption": "Left arm", "width": 10, "height": 10},
        {"id": "p2", "caption": "Right arm", "width": 10, "height": 10},
    ]
    path = tmp_path / "plain.consultprep"
    path.write_text(json.dumps(data), encoding="utf-8")
    draft = load_draft(path)
    assert draft.photos == []
    assert (
        "2 photos were left out, because this kind of draft file cannot hold photos. You can "
        "add them again on the Photos step."
        in draft.load_notes
    )
    assert draft.about.patient_name == ODD


def test_ticks_applied_keep_the_stored_order() -> None:
    """A page writes its boxes back: the list must not change unless a box did."""
    boxes = {"a": True, "b": True, "c": False, "d": False}
    assert with_ticks(["b", "a"], boxes) == ["b", "a"]  # unchanged: same list
    assert with_ticks(["b", "x", "a"], {**boxes, "a": False, "d": True}) == ["b", "x", "d"]
    assert with_ticks([], boxes) == ["a", "b"]  # newly ticked: in the boxes' order
