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
    assert "No answers were recorded" in err and err.count("\n") == 1
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


def test_exporting_over_a_filled_in_pack_keeps_answers_not_yet_imported(
    draft_file: Path,  # noqa: F811
    tmp_path: Path,
    capsys,
) -> None:
    """Made again under the same name, the pack would lose what was typed into it: refused,
    with how to import the answers; once imported, the pack may be replaced."""
    filled = _filled_pack(draft_file, tmp_path)
    before = filled.read_bytes()
    assert main(["export", str(draft_file), "-o", str(filled)]) == 2
    err = capsys.readouterr().err
    assert "answers typed into it that are not in your draft yet" in err
    assert f"consultprep import-answers {filled} {draft_file}" in err and "--replace" in err
    assert filled.read_bytes() == before
    assert main(["import-answers", str(filled), str(draft_file)]) == 0
    assert main(["export", str(draft_file), "-o", str(filled)]) == 0  # nothing would be lost
    assert filled.read_bytes() != before


def test_only_answers_the_draft_lacks_keep_a_pack(
    draft_file: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """An answer already in the draft does not stop a new pack; --replace replaces one that
    would. One for a question taken off the list, or reworded, cannot be imported: it keeps
    the pack too (it was lost without a word), with no advice to import."""
    from exports.answers import (
        GONE,
        NOT_IMPORTED,
        SOMEONE_ELSE,
        answers_at_risk,
        not_in_draft,
        read_pack,
    )

    filled = _filled_pack(draft_file, tmp_path)
    draft = load_draft(draft_file)
    assert not_in_draft(read_pack(filled), draft) == (1, 0)
    assert answers_at_risk(filled, draft).reason == NOT_IMPORTED
    draft.checklist[0].text = "Reworded since?"  # importing cannot take its answer in now
    assert answers_at_risk(filled, draft).reason == GONE
    draft.checklist[0].answer = "My own notes.\n\nNotes"  # its words are in the draft already
    assert not_in_draft(read_pack(filled), draft) == (0, 0)
    assert answers_at_risk(filled, draft) is None
    del draft.checklist[0]  # the question is gone from the list
    assert not_in_draft(read_pack(filled), draft) == (0, 1)
    assert answers_at_risk(filled, draft).reason == GONE
    draft = load_draft(draft_file)
    draft.about.patient_name, draft.concern = "Someone Else", "ageing"  # not this pack's draft
    assert answers_at_risk(filled, draft).reason == SOMEONE_ELSE  # not to import: see the next test
    before = filled.read_bytes()
    assert main(["export", str(draft_file), "-o", str(filled), "--replace"]) == 0
    assert filled.read_bytes() != before


def test_a_pack_filled_in_for_someone_else_is_not_replaced_unasked(
    draft_file: Path,  # noqa: F811
    tmp_path: Path,
    capsys,
) -> None:
    """Two people at one computer with the same file name: the other person's answers could
    not be imported, and replacing their pack lost them (a review found it). Refused, with
    no advice to import; --replace replaces it. A pack of theirs with nothing typed in it is
    replaced as before."""
    from exports import export_pdf
    from exports.answers import SOMEONE_ELSE, answers_at_risk
    from tests.test_answers import LIBRARY

    def answers_for_someone_else(pdf: Path, draft) -> bool:
        risk = answers_at_risk(pdf, draft)
        return risk is not None and risk.reason == SOMEONE_ELSE

    filled = _filled_pack(draft_file, tmp_path)  # made from draft_file and filled in
    mine = load_draft(draft_file)
    mine.about.patient_name, mine.concern = "Someone Else", "ageing"
    other = tmp_path / "other.consultprep"
    save_draft(mine, other)
    assert answers_for_someone_else(filled, mine)
    assert not answers_for_someone_else(filled, load_draft(draft_file))  # their own pack
    before = filled.read_bytes()
    capsys.readouterr()
    assert main(["export", str(other), "-o", str(filled)]) == 2
    err = capsys.readouterr().err
    assert "was filled in for another draft" in err and "another name" in err
    assert "import-answers" not in err and "--replace" in err
    assert filled.read_bytes() == before
    unfilled = export_pdf(load_draft(draft_file), tmp_path / "unfilled.pdf", LIBRARY)
    assert not answers_for_someone_else(unfilled, mine)
    assert main(["export", str(other), "-o", str(unfilled)]) == 0
    assert main(["export", str(other), "-o", str(filled), "--replace"]) == 0
    assert filled.read_bytes() != before


def test_a_pack_protected_only_against_changes_is_read(
    draft_file: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Locked for editing with an empty password to open it, as PDF viewers open it."""
    from pypdf import PdfReader, PdfWriter

    from exports.answers import read_pack

    filled = _filled_pack(draft_file, tmp_path)
    writer = PdfWriter(clone_from=PdfReader(filled))
    writer.encrypt("", "owner password")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    assert "Notes" in [a.answer for a in read_pack(locked).answers.values()]


def test_a_file_name_the_terminal_cannot_show_is_no_traceback(tmp_path: Path) -> None:
    """A byte that is not UTF-8 in a file name, with strict UTF-8 output (as under a desktop
    locale): the pack is saved and the message shows "?" for the byte."""
    import os
    import subprocess
    import sys

    bad = os.fsencode(str(tmp_path)) + b"/pack\xff.pdf"
    env = dict(os.environ, PYTHONIOENCODING="utf-8", HOME=str(tmp_path))
    example = Path(__file__).resolve().parents[1] / "resources/examples/scars.consultprep"
    code = "import sys; from ui.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "export", str(example), "-o", os.fsdecode(bad)],
        capture_output=True, env=env, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"Saved the PDF pack to" in done.stdout and b"pack?.pdf" in done.stdout
    assert os.path.exists(bad)


@pytest.mark.parametrize(
    ("harm", "words"),
    [
        ("reworded", "Some are for questions no longer in your draft, or whose words changed"),
        ("locked", "cannot read it to check (it is locked with a password)"),
        ("cut off", "cannot read it to check (it is damaged)"),
    ],
)
def test_answers_importing_cannot_keep_keep_a_pack_unless_replace_is_given(
    draft_file: Path,  # noqa: F811
    tmp_path: Path,
    capsys,
    harm: str,
    words: str,
) -> None:
    """Answers for a question since reworded (or taken off the list), or in a pack locked
    with a password or cut off, cannot be imported: replacing the pack lost them without a
    word. Refused, with no advice to import."""
    from pypdf import PdfReader, PdfWriter

    filled = _filled_pack(draft_file, tmp_path)
    if harm == "reworded":
        draft = load_draft(draft_file)
        draft.checklist[0].text = "Reworded since?"
        save_draft(draft, draft_file)
    elif harm == "locked":
        writer = PdfWriter(clone_from=PdfReader(filled))
        writer.encrypt("secret")
        with open(filled, "wb") as out:
            writer.write(out)
    else:
        filled.write_bytes(filled.read_bytes()[: len(filled.read_bytes()) // 2])
    before = filled.read_bytes()
    capsys.readouterr()
    assert main(["export", str(draft_file), "-o", str(filled)]) == 2
    err = capsys.readouterr().err
    assert words in err and "another name" in err
    assert "import-answers" not in err and "--replace" in err
    assert filled.read_bytes() == before
    assert main(["export", str(draft_file), "-o", str(filled), "--replace"]) == 0


def test_the_draft_and_pdf_given_the_wrong_way_round_are_named_in_order(
    draft_file: Path,  # noqa: F811
    tmp_path: Path,
    capsys,
) -> None:
    filled = _filled_pack(draft_file, tmp_path)
    before = draft_file.read_bytes(), filled.read_bytes()
    capsys.readouterr()
    assert main(["import-answers", str(draft_file), str(filled)]) == 2
    err = capsys.readouterr().err
    assert f"the PDF comes first, then the draft: consultprep import-answers {filled}" in (
        err.replace("The filled-in PDF", "the PDF")
    )
    assert (draft_file.read_bytes(), filled.read_bytes()) == before
