"""``consultprep import-answers`` never rewrites a draft it could not read whole, and speaks of
the draft itself (not of a Save dialog) when it cannot be written."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from consultprep.storage import draft_to_json, load_draft, save_draft
from exports.fieldnames import field_name
from tests.test_answers import draft_file, fill, make_pack  # noqa: F401 (a fixture)
from ui.cli import main


def _filled_pack(draft_file: Path, tmp_path: Path) -> Path:  # noqa: F811
    item = load_draft(draft_file).checklist[0]
    pack = make_pack(draft_file, tmp_path)
    return fill(pack, {field_name(item.id, "answer"): "Notes"}, tmp_path / "f.pdf")


def _unreadable_score(data: dict) -> None:
    data["about"]["scores"] = {"itch": 11}  # opens, without the score, in the app


def _question_twice(data: dict) -> None:
    data["checklist"].append(dict(data["checklist"][0]))  # opens, with it once


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (_unreadable_score, ("note: Part of the draft could not be read", "could not be read (")),
        (
            _question_twice,
            ("note: A question was in the draft twice", "Part of this draft was mended"),
        ),
    ],
)
def test_a_draft_that_needed_mending_on_opening_is_not_rewritten(
    draft_file: Path,  # noqa: F811
    tmp_path: Path,
    capsys,
    damage,
    words: tuple[str, str],
) -> None:
    filled = _filled_pack(draft_file, tmp_path)
    data = json.loads(draft_to_json(load_draft(draft_file)))
    damage(data)
    draft_file.write_text(json.dumps(data), encoding="utf-8")
    before = draft_file.read_bytes()
    capsys.readouterr()
    assert main(["import-answers", str(filled), str(draft_file)]) == 2
    err = capsys.readouterr().err
    assert all(w in err for w in words)
    assert "the answers were not recorded and the draft file is as it was" in err
    assert draft_file.read_bytes() == before and not zipfile.is_zipfile(draft_file)


def _read_only_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.chmod(0o444)


def _unwritable_folder(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from consultprep import storage

    monkeypatch.setattr(storage.os, "access", lambda *_a, **_k: False)  # (root may write)


@pytest.mark.parametrize(
    ("block", "words"),
    [(_read_only_file, "is read-only"), (_unwritable_folder, "cannot save in the folder")],
)
def test_a_draft_that_cannot_be_written_says_so_without_a_save_dialog_s_advice(
    draft_file: Path,  # noqa: F811
    tmp_path: Path,
    capsys,
    monkeypatch: pytest.MonkeyPatch,
    block,
    words: str,
) -> None:
    filled = _filled_pack(draft_file, tmp_path)
    before = draft_file.read_bytes()
    block(draft_file, monkeypatch)
    capsys.readouterr()
    assert main(["import-answers", str(filled), str(draft_file)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("consultprep: ") and words in err
    assert err.endswith("The answers were not recorded.")
    assert "another name" not in err and "another place" not in err
    assert draft_file.read_bytes() == before


def test_a_pack_made_for_someone_else_is_refused_and_a_new_name_only_noted(
    tmp_path: Path, capsys
) -> None:
    """Answers from another person's pack went into this draft (a review found it)."""
    from consultprep.answers import made_for
    from exports import export_pdf
    from exports.answers import read_pack
    from exports.fieldnames import field_name
    from tests.test_answers import LIBRARY, fill

    examples = Path(__file__).resolve().parents[1] / "resources" / "examples"
    theirs = load_draft(examples / "ageing.consultprep")
    pack = export_pdf(theirs, tmp_path / "theirs.pdf", LIBRARY)
    assert read_pack(pack).made_for == made_for(theirs)
    question = next(q for q in theirs.ordered_questions() if q.source == "core")
    filled = fill(pack, {field_name(question.id, "answer"): "THEIR ANSWER"}, tmp_path / "f.pdf")
    mine = tmp_path / "mine.consultprep"
    shutil.copy(examples / "scars.consultprep", mine)
    before = mine.read_bytes()
    assert main(["import-answers", str(filled), str(mine)]) == 2
    err = capsys.readouterr().err
    assert f"was made for {theirs.about.patient_name}, about another skin problem" in err
    assert "answers were not recorded" in err and err.count("\n") == 1
    assert mine.read_bytes() == before

    renamed = tmp_path / "renamed.consultprep"  # the same draft, its name corrected since
    theirs.about.patient_name = "Margaret A. Example"
    save_draft(theirs, renamed)
    assert main(["import-answers", str(filled), str(renamed)]) == 0
    out = capsys.readouterr().out
    assert "1 answer was recorded" in out and "This PDF was made for “" in out
    assert next(q for q in load_draft(renamed).checklist if q.id == question.id).answer == (
        "THEIR ANSWER"
    )
