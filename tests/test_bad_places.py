"""Nothing is lost by saving to an odd place or opening an odd file (from a bad-input review).

The PDF is never written over the draft or another file that is not a PDF; a draft is never
written over a PDF; read-only files, devices and links are respected; names too long, files
damaged in odd ways and unpaired surrogates give one plain sentence or a note, never a
traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from consultprep.models import Draft
from consultprep.storage import DraftError, draft_from_json, load_draft, save_draft
from ui.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "scars.consultprep"


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.consultprep"
    shutil.copy(EXAMPLE, path)
    return path


def _fails(capsys, *args: str, says: str) -> None:
    assert main(list(args)) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err and err.count("\n") == 1, err


def test_the_pdf_never_replaces_the_draft_or_another_file(
    draft_file: Path, tmp_path: Path, capsys
) -> None:
    before = draft_file.read_bytes()
    _fails(capsys, "export", str(draft_file), "-o", str(draft_file), says="is not a PDF")
    assert draft_file.read_bytes() == before and load_draft(draft_file).concern == "scars"
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    _fails(capsys, "export", str(draft_file), "-o", str(notes), says="is not a PDF")
    assert notes.read_text() == "my notes"


def test_a_draft_never_replaces_a_pdf(tmp_path: Path) -> None:
    pack = tmp_path / "pack.pdf"
    pack.write_bytes(b"%PDF-1.4 my pack")
    with pytest.raises(DraftError, match="is not a ConsultPrep draft, so ConsultPrep will not"):
        save_draft(Draft(), pack)
    assert pack.read_bytes() == b"%PDF-1.4 my pack"


def test_read_only_files_and_devices_are_not_replaced(
    draft_file: Path, tmp_path: Path, capsys
) -> None:
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"%PDF-1.4 keep")
    kept.chmod(0o444)
    _fails(capsys, "export", str(draft_file), "-o", str(kept), says="is read-only")
    assert kept.read_bytes() == b"%PDF-1.4 keep"
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    _fails(capsys, "export", str(draft_file), "-o", str(pipe), says="is not an ordinary file")
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_file_that_cannot_be_opened_is_not_replaced_and_is_not_called_not_a_pdf(
    draft_file: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """A file this user may not read (a filled-in pack, perhaps) is kept, and the message
    says why; it used to say it "is not a PDF" and "may be your draft". (Tests run as root
    here, so the refusal to open it is made by hand.)"""
    import exports.pdf

    locked = tmp_path / "locked.pdf"
    locked.write_bytes(b"%PDF-1.4 answers typed in")
    _cannot_be_opened(monkeypatch, exports.pdf, locked)
    _fails(capsys, "export", str(draft_file), "-o", str(locked), says="do not have permission")
    assert locked.read_bytes() == b"%PDF-1.4 answers typed in"


def test_a_link_to_a_draft_stays_a_link_and_the_draft_is_saved(
    draft_file: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.consultprep"
    link.symlink_to(draft_file)
    draft = load_draft(link)
    draft.about.patient_name = "Saved through the link"
    save_draft(draft, link)
    assert link.is_symlink()
    assert load_draft(draft_file).about.patient_name == "Saved through the link"


def test_odd_names_and_places_give_one_sentence(draft_file: Path, tmp_path: Path, capsys) -> None:
    _fails(capsys, "export", str(draft_file), "-o", str(tmp_path / ("x" * 300 + ".pdf")),
           says="cannot be used to save the PDF pack")
    _fails(capsys, "export", str(draft_file), "-o", "", says="Please give a file name")
    _fails(capsys, "exprot", str(draft_file), says="“exprot” is not a ConsultPrep command")


def test_a_null_character_in_a_name_is_explained(tmp_path: Path) -> None:
    """A command line cannot hold one, but a name typed or pasted in the window can."""
    from consultprep.storage import writable_target

    with pytest.raises(DraftError, match="a file name cannot have"):
        save_draft(Draft(), tmp_path / "my\0draft.consultprep")
    with pytest.raises(DraftError, match="a file name cannot have"):
        writable_target(tmp_path / "pa\0ck.pdf", "PDF pack")
    assert not list(tmp_path.iterdir())


def test_absurd_json_is_called_damaged() -> None:
    with pytest.raises(DraftError, match="is damaged or is not a ConsultPrep draft"):
        draft_from_json("[" * 200_000)  # nested too deep


def test_an_absurdly_long_number_is_left_out_with_a_note() -> None:
    """Python will not read a number of over 4,300 digits: it once made the draft unopenable."""
    draft = draft_from_json(
        '{"schema_version": 1, "about": {"patient_name": "Ada", "scores": {"itch": '
        + "1" * 5000 + ', "pain": 3}}}'
    )
    assert draft.about.scores.itch is None and draft.about.scores.pain == 3
    assert draft.about.patient_name == "Ada"
    assert any("how much it bothers you (itch)" in note for note in draft.load_notes)


@pytest.mark.parametrize(
    "damage",
    [lambda raw: raw.replace("Zoë".encode(), b"Zo\xff\xfe"), lambda raw: raw.decode().encode("latin-1")],
    ids=["bytes that are not UTF-8", "saved as Latin-1"],
)
def test_text_that_is_not_utf8_is_shown_with_a_mark_and_a_note(damage, tmp_path: Path) -> None:
    draft = Draft()
    draft.about.patient_name = "Zoë"
    draft.about.body_area = "Left cheek"
    raw = damage(json.dumps(draft.model_dump(mode="json"), ensure_ascii=False).encode())
    (tmp_path / "edited.consultprep").write_bytes(raw)
    opened = load_draft(tmp_path / "edited.consultprep")
    assert opened.about.patient_name.startswith("Zo\ufffd") and opened.about.body_area == "Left cheek"
    assert any("damaged character" in note and "\ufffd" in note for note in opened.load_notes)
    (tmp_path / "utf16.consultprep").write_bytes(
        json.dumps(draft.model_dump(mode="json"), ensure_ascii=False).encode("utf-16")
    )
    assert load_draft(tmp_path / "utf16.consultprep").about.patient_name == "Zoë"


def test_a_loop_of_links_as_the_place_to_save_gives_one_sentence(
    draft_file: Path, tmp_path: Path, capsys
) -> None:
    (tmp_path / "a.pdf").symlink_to(tmp_path / "b.pdf")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "a.pdf")
    _fails(capsys, "export", str(draft_file), "-o", str(tmp_path / "a.pdf"),
           says="a link that leads back to itself")
    with pytest.raises(DraftError, match="leads back to itself"):
        save_draft(Draft(), tmp_path / "b.pdf")


def test_a_version_written_as_text_is_still_read_as_a_version() -> None:
    with pytest.raises(DraftError, match="newer version of ConsultPrep"):
        draft_from_json('{"schema_version": "99"}')


def test_unpaired_surrogates_are_replaced_with_a_note_and_the_draft_saves(
    tmp_path: Path,
) -> None:
    data = json.loads(Draft().model_dump_json())
    text = json.dumps(data).replace('"patient_name": ""', '"patient_name": "Mar\\ud800garet"')
    draft = draft_from_json(text)
    assert draft.about.patient_name == "Mar\ufffdgaret"
    assert any("damaged character" in note for note in draft.load_notes)
    save_draft(draft, tmp_path / "ok.consultprep")
    made_in_code = Draft()
    made_in_code.about.patient_name = "Lone \udc00 half"  # only a program can do this
    save_draft(made_in_code, tmp_path / "also.consultprep")
    assert load_draft(tmp_path / "also.consultprep").about.patient_name == "Lone \ufffd half"


def test_a_draft_that_cannot_be_opened_is_not_replaced_and_is_not_called_not_a_draft(
    tmp_path: Path, monkeypatch
) -> None:
    """(The draft twin of the PDF's: "is not a ConsultPrep draft" was said of the patient's own
    draft that this user may not read, a bad-input hunt.)"""
    import consultprep.storage
    from consultprep.models import Draft
    from consultprep.storage import DraftError, save_draft

    locked = tmp_path / "mine.consultprep"
    save_draft(Draft(concern="scars"), locked)
    kept = locked.read_bytes()
    _cannot_be_opened(monkeypatch, consultprep.storage, locked)
    with pytest.raises(DraftError) as caught:
        save_draft(Draft(), locked)
    assert str(caught.value).startswith("You do not have permission to open “mine.consultprep”")
    assert locked.read_bytes() == kept


def _cannot_be_opened(monkeypatch, module, locked: Path) -> None:
    """``open`` in ``module`` refuses ``locked`` as a file this user may not read would (tests
    run as root here, so the refusal is made by hand)."""
    import builtins

    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(module, "open", refusing_open, raising=False)
