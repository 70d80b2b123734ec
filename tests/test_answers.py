"""Answers typed into the PDF pack come back into the draft; anything odd is refused plainly."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from consultprep.answers import FilledAnswer, apply_answers, merged_answer, same_question
from consultprep.checklist import add_own_question, remove_own_question
from consultprep.content import load_library
from consultprep.models import ChecklistItem, Draft
from consultprep.storage import load_draft, save_draft
from exports import export_pdf
from exports.answers import AnswersError, read_answers
from exports.fieldnames import field_name
from tests.pdf_helpers import fill, flat, pdf_invariant  # noqa: F401
from ui.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "scars.consultprep"
LIBRARY = load_library()


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    """A copy of an example draft, with one own question, saved in tmp_path."""
    draft = load_draft(EXAMPLE)
    add_own_question(draft, "Can I see photos of your own patients?")
    path = tmp_path / "mine.consultprep"
    save_draft(draft, path)
    return path


def make_pack(draft_path: Path, tmp_path: Path) -> Path:
    return export_pdf(load_draft(draft_path), tmp_path / "pack.pdf", LIBRARY)


def edit_field(pdf: Path, name: str, out: Path, change: Callable[[dict], None]) -> Path:
    """Change one field's dictionary in place (to make tampered PDFs)."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    for page in writer.pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/T") == name:
                change(obj)
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def text_of(pdf: Path) -> str:
    return flat(" ".join(p.extract_text() for p in PdfReader(pdf).pages))


# --- the rules for merging (pure) -------------------------------------------------------------
@pytest.mark.parametrize(
    ("current", "filled", "printed", "expected"),
    [
        ("", "", "", ""),  # nothing typed
        ("", "New", "", "New"),  # first answer
        ("Old", "", "Old", "Old"),  # a cleared field never erases
        ("Old", "Old", "Old", "Old"),  # left as printed
        ("Old", "Old, and more", "Old", "Old, and more"),  # the printed answer was edited
        ("Changed since", "Typed", "Old", "Changed since\n\nTyped"),  # draft changed: add below
        ("Ελληνικά", "Typed", "", "Ελληνικά\n\nTyped"),  # not prefilled: add below
        ("Ελληνικά\n\nTyped", "Typed", "", "Ελληνικά\n\nTyped"),  # already there: once only
        ("", "  a\r\nb  ", "", "a\nb"),  # tidied
        # an empty field (today's packs): a short note inside a word of the answer is new
        ("Not sure yet.", "No", "", "Not sure yet.\n\nNo"),
        ("Two weeks", "weeks", "", "Two weeks\n\nweeks"),
        ("Two weeks\n\nGP", "GP", "", "Two weeks\n\nGP"),  # a paragraph of its own already
        ("Changed since, Typed", "Typed", "Old", "Changed since, Typed"),  # prefilled: loosely
        ("Ask\n\nA.\n\nB.", "A.\n\nB.", "", "Ask\n\nA.\n\nB."),  # two paragraphs, held
    ],
)
def test_merged_answer(current: str, filled: str, printed: str, expected: str) -> None:
    assert merged_answer(current, FilledAnswer(False, filled, printed)) == expected


def test_apply_answers_counts_and_never_adds_questions() -> None:
    draft = Draft()
    draft.checklist = [
        ChecklistItem(id="a", text="First?", source="core"),
        ChecklistItem(id="b", text="Second?", source="core", asked=True),
        ChecklistItem(id="c", text="Third?", source="core", answer="Kept"),
    ]
    before = draft.updated
    summary = apply_answers(
        draft,
        {
            "a": FilledAnswer(True, "Yes, twice", "", False, "First?"),
            "b": FilledAnswer(False, "", "", True, "Second?"),  # unticked by the reader
            "c": FilledAnswer(False, "", "Kept", False, "Third?"),
            "gone": FilledAnswer(True, "Lost?", "", False, "Gone?"),
            "c2": FilledAnswer(True, "x", "", False, ""),
        },
    )
    assert [(i.id, i.asked, i.answer) for i in draft.checklist] == [
        ("a", True, "Yes, twice"),
        ("b", False, ""),
        ("c", False, "Kept"),
    ]
    assert summary.answers_recorded == 1 and summary.ticks_changed == 2
    assert summary.unchanged == 1 and summary.not_in_draft == ["gone", "c2"]
    assert "1 answer was recorded" in summary.message()
    assert "2 questions in the PDF are not in this draft" in summary.message()
    assert draft.updated >= before


def test_a_tick_left_as_printed_changes_nothing() -> None:
    draft = Draft(checklist=[ChecklistItem(id="a", text="Q?", source="own", asked=True)])
    summary = apply_answers(draft, {"a": FilledAnswer(False, "", "", False, "Q?")})
    assert draft.checklist[0].asked and not summary.changed
    assert "nothing was changed" in summary.message()


def test_same_question_allows_a_shortened_wording() -> None:
    item = ChecklistItem(id="a", text="A long\nquestion  about scars?", source="own")
    assert same_question("", item)
    assert same_question("A long question about scars?", item)
    assert same_question("A long question…", item)
    assert not same_question("Another question?", item)


# --- from the PDF, through the command line --------------------------------------------------
def test_fill_import_and_export_again(draft_file: Path, tmp_path: Path, capsys) -> None:
    draft = load_draft(draft_file)
    first, second, own = (
        draft.ordered_questions()[0],
        draft.ordered_questions()[1],
        draft.checklist[-1],
    )
    pack = make_pack(draft_file, tmp_path)
    filled = fill(
        pack,
        {
            field_name(first.id, "answer"): "Bruising for a week.\nRarely an infection.",
            field_name(first.id, "asked"): "/Yes",
            field_name(own.id, "answer"): "Она покажет фото — Ελληνικά 🙂",
        },
        tmp_path / "filled.pdf",
    )
    answers = read_answers(filled)
    assert answers[first.id] == FilledAnswer(
        True, "Bruising for a week.\nRarely an infection.", "", False, first.text
    )
    assert answers[second.id].answer == "" and not answers[second.id].asked
    assert set(answers) == {i.id for i in draft.ordered_questions()}

    assert main(["import-answers", str(filled), str(draft_file)]) == 0
    out = capsys.readouterr().out
    assert "2 answers were recorded, and 1 question was marked as asked" in out
    saved = load_draft(draft_file)
    by_id = {i.id: i for i in saved.checklist}
    assert by_id[first.id].answer == "Bruising for a week.\nRarely an infection."
    assert by_id[first.id].asked
    assert by_id[own.id].answer == "Она покажет фото — Ελληνικά 🙂"
    assert not by_id[second.id].asked and by_id[second.id].answer == ""

    # importing the same PDF again changes nothing, and the file is not rewritten
    before = draft_file.read_bytes()
    assert main(["import-answers", str(filled), str(draft_file)]) == 0
    assert "nothing was changed" in capsys.readouterr().out
    assert draft_file.read_bytes() == before

    # a new pack prints the recorded answers once, over empty fields for new notes
    again = export_pdf(saved, tmp_path / "again.pdf", LIBRARY)
    text = text_of(again)
    assert "My notes: Bruising for a week. Rarely an infection." in text
    assert "Она покажет фото — Ελληνικά" in text
    fields = PdfReader(again).get_fields()
    assert fields[field_name(first.id, "answer")]["/V"] == ""
    assert text.count("Bruising for a week.") == 1
    assert fields[field_name(first.id, "asked")]["/V"] == "/Yes"
    assert fields[field_name(own.id, "answer")]["/V"] == ""


def test_notes_typed_under_an_answer_are_added_below_it(draft_file: Path, tmp_path: Path) -> None:
    draft = load_draft(draft_file)
    item = draft.checklist[0]
    item.answer = "First notes"
    save_draft(draft, draft_file)
    pack = make_pack(draft_file, tmp_path)
    filled = fill(pack, {field_name(item.id, "answer"): "At the follow-up"}, tmp_path / "f.pdf")
    assert main(["import-answers", str(filled), str(draft_file)]) == 0
    assert load_draft(draft_file).checklist[0].answer == "First notes\n\nAt the follow-up"


def test_removed_or_reused_questions_are_reported_not_added(
    draft_file: Path, tmp_path: Path, capsys
) -> None:
    draft = load_draft(draft_file)
    own = draft.checklist[-1]
    pack = make_pack(draft_file, tmp_path)
    filled = fill(pack, {field_name(own.id, "answer"): "About photos"}, tmp_path / "f.pdf")
    # The own question is removed, and a different one takes the same id.
    remove_own_question(draft, own.id)
    other = add_own_question(draft, "How many sessions?")
    assert other.id == own.id
    save_draft(draft, draft_file)
    assert main(["import-answers", str(filled), str(draft_file)]) == 0
    assert "1 question in the PDF is not in this draft" in capsys.readouterr().out
    assert all(i.answer != "About photos" for i in load_draft(draft_file).checklist)


# --- refused, plainly, and the draft is untouched ---------------------------------------------
def _plain_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(100, 700, "Some other PDF")
    c.save()
    return path


def _encrypted(pack: Path, out: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(pack))
    writer.encrypt("secret")
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def _first_question(pack: Path) -> str:
    return next(n for n in PdfReader(pack).get_fields() if n.startswith("q:"))[2:].rsplit(":")[0]


BAD: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "not a pdf": (lambda p, d: d / "notes.pdf", "is not a PDF file"),
    "empty": (lambda p, d: d / "empty.pdf", "is empty"),
    "cut off": (lambda p, d: d / "cut.pdf", "is damaged"),
    "garbage after header": (lambda p, d: d / "junk.pdf", "is damaged"),
    "another pdf": (lambda p, d: _plain_pdf(d / "other.pdf"), "Either ConsultPrep did not make"),
    "password": (lambda p, d: _encrypted(p, d / "locked.pdf"), "locked with a password"),
    "tick box made a text field": (
        lambda p, d: edit_field(
            p,
            f"q:{_first_question(p)}:asked",
            d / "t1.pdf",
            lambda o: o.__setitem__(NameObject("/FT"), NameObject("/Tx")),
        ),
        "form that was changed or damaged",
    ),
    "answer field renamed": (
        lambda p, d: edit_field(
            p,
            f"q:{_first_question(p)}:answer",
            d / "t2.pdf",
            lambda o: o.__setitem__(NameObject("/T"), TextStringObject("notes")),
        ),
        "form that was changed or damaged",
    ),
    "another version": (
        lambda p, d: edit_field(
            p,
            "consultprep:pack",
            d / "t3.pdf",
            lambda o: o.__setitem__(NameObject("/V"), TextStringObject("ConsultPrep pack, 99")),
        ),
        "different version of ConsultPrep",
    ),
    "missing": (lambda p, d: d / "nowhere.pdf", "could not be found"),
    "a folder": (lambda p, d: d, "is a folder"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_pdfs_are_refused_and_the_draft_is_untouched(
    case: str, draft_file: Path, tmp_path: Path, capsys
) -> None:
    pack = make_pack(draft_file, tmp_path)
    data = pack.read_bytes()
    (tmp_path / "notes.pdf").write_text("These are my notes, not a PDF.")
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    make, words = BAD[case]
    bad = make(pack, tmp_path)
    before = draft_file.read_bytes()
    stamp = draft_file.stat().st_mtime_ns

    with pytest.raises(AnswersError) as info:
        read_answers(bad)
    message = str(info.value)
    assert words in message and message.endswith(".") and "\n" not in message

    capsys.readouterr()
    assert main(["import-answers", str(bad), str(draft_file)]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.strip().splitlines() == [f"consultprep: {message}"]
    assert draft_file.read_bytes() == before and draft_file.stat().st_mtime_ns == stamp


def test_no_file_name_is_said_plainly(draft_file: Path, capsys) -> None:
    with pytest.raises(AnswersError, match="^No file was chosen, so nothing was opened.$"):
        read_answers("")
    assert main(["import-answers", "", str(draft_file)]) == 2
    assert "No file was chosen" in capsys.readouterr().err


def test_bad_draft_is_refused_before_reading(tmp_path: Path, capsys) -> None:
    pack = export_pdf(Draft(), tmp_path / "pack.pdf", LIBRARY)
    bad = tmp_path / "bad.consultprep"
    bad.write_bytes(b"{truncated")
    assert main(["import-answers", str(pack), str(bad)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert bad.read_bytes() == b"{truncated"


def test_reading_does_not_load_qt_and_reads_bytes_only(draft_file: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    pack = make_pack(draft_file, tmp_path)
    code = (
        "import sys\n"
        "from ui.cli import main\n"
        f"assert main(['import-answers', {str(pack)!r}, {str(draft_file)!r}]) == 0\n"
        "assert 'PySide6' not in sys.modules and 'pypdf' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True)


# --- the File menu ----------------------------------------------------------------------------
def test_file_menu_imports_answers(qtbot, monkeypatch, draft_file: Path, tmp_path: Path) -> None:
    from tests.ui_helpers import install_fake_dialogs
    from ui.app import create_main_window

    dialogs = install_fake_dialogs(monkeypatch)
    window = create_main_window(library=LIBRARY)
    qtbot.addWidget(window)
    assert window.open_path(draft_file)
    item = window.draft.ordered_questions()[0]
    pack = make_pack(draft_file, tmp_path)
    filled = fill(pack, {field_name(item.id, "answer"): "From the PDF"}, tmp_path / "f.pdf")
    assert "Import answers from a filled-in PDF…" in [
        a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()
    ]

    dialogs.open_path = ""  # cancelled
    assert not window.import_answers()
    dialogs.open_path = str(tmp_path / "notes.txt")
    (tmp_path / "notes.txt").write_text("not a pdf")
    window.import_answers_action.trigger()
    assert "is not a PDF file" in dialogs.texts("warning")[-1]
    assert all(i.answer == "" for i in window.draft.checklist)

    dialogs.open_path = str(filled)
    assert window.import_answers()
    told = dialogs.texts("information")[-1]
    assert "1 answer was recorded. Save the draft to keep the changes." in told
    assert window.draft.ordered_questions()[0].answer == "From the PDF"
    assert window.isWindowModified()
    assert load_draft(draft_file).ordered_questions()[0].answer == ""  # saved only on Save
    shutil.copy(filled, tmp_path / "again.pdf")
    dialogs.open_path = str(tmp_path / "again.pdf")
    assert not window.import_answers()
    assert "nothing was changed" in dialogs.texts("information")[-1]


@pytest.mark.parametrize(
    "recorded",
    [None, "", "not json", "[1, 2]", '{"name": 5}', "[" * 600_000],
    ids=["none", "empty", "not-json", "list", "not-text", "nested-too-deep"],
)
def test_a_pack_that_cannot_say_whom_it_was_made_for_is_not_refused(recorded) -> None:
    from consultprep.answers import check_made_for

    draft = Draft(concern="scars")
    draft.about.patient_name = "Zoë"
    assert check_made_for(draft, recorded, "“old.pdf”") == ""
