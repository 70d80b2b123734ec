"""The command line: export every example; bad input gives one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ui.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.consultprep"))


def test_there_is_one_example_per_concern() -> None:
    names = {p.stem for p in EXAMPLES}
    assert names == {"scars", "chronic-wound", "inflammatory", "ageing"}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_export_every_example(example: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "pack.pdf"
    assert main(["export", str(example), "-o", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "not medical advice" in text.lower()
    assert "Saved the PDF pack" in capsys.readouterr().out


def test_export_adds_the_pdf_ending_to_a_name_without_one(tmp_path: Path, capsys) -> None:
    """As the window does (a name with a dot in it, such as a date, gets it too)."""
    assert main(["export", str(EXAMPLES[0]), "-o", str(tmp_path / "my pack")]) == 0
    assert (tmp_path / "my pack.pdf").is_file() and not (tmp_path / "my pack").exists()
    assert f"{tmp_path / 'my pack.pdf'}" in capsys.readouterr().out
    assert main(["export", str(EXAMPLES[0]), "-o", str(tmp_path / "visit 12.03.2027")]) == 0
    assert (tmp_path / "visit 12.03.2027.pdf").is_file()
    assert main(["export", str(EXAMPLES[0]), "-o", str(tmp_path / "Pack.PDF")]) == 0
    assert (tmp_path / "Pack.PDF").is_file()


def test_export_keeps_questions_this_version_does_not_know(tmp_path: Path, capsys) -> None:
    """A draft from a newer version: its unknown question is printed as the patient's own,
    and the note says so (before, it was dropped without a word)."""
    from consultprep.models import ChecklistItem
    from consultprep.storage import load_draft, save_draft

    draft = load_draft(EXAMPLES[0])
    draft.checklist.append(
        ChecklistItem(id="newer-q", text="A question from a newer version?", source="concern")
    )
    path = tmp_path / "newer.consultprep"
    save_draft(draft, path)
    out = tmp_path / "pack.pdf"
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert "kept as your own" in capsys.readouterr().err
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "A question from a newer version?" in " ".join(text.split())


def test_export_says_when_a_photo_was_left_out(tmp_path: Path, capsys) -> None:
    """The pack says so under its photos; the command line says so too, as the window does."""
    from consultprep.models import Photo
    from consultprep.storage import load_draft, save_draft

    draft = load_draft(EXAMPLES[0])
    cut = b"\xff\xd8\xff\xe0 cut short"  # a JPEG's first bytes, and no more
    draft.photos = [Photo(id="p1", caption="Cut", width=10, height=10, data=cut)]
    path = tmp_path / "cut.consultprep"
    save_draft(draft, path)
    assert main(["export", str(path), "-o", str(tmp_path / "pack.pdf")]) == 0
    err = capsys.readouterr().err
    assert err.strip() == (
        "consultprep: note: 1 photo could not be put in the PDF and was left out. It is still in "
        "your draft."
    )


def test_export_of_a_very_large_photo_prints_no_warning_from_pillow(tmp_path: Path) -> None:
    """A draft made elsewhere may hold a giant photo: Pillow's warning about it (a line with
    a file path in it) is not shown. Here Pillow's limit is made small, so a small one will do."""
    import io

    from PIL import Image

    from consultprep.models import Draft, Photo
    from consultprep.storage import save_draft

    picture = io.BytesIO()
    Image.new("RGB", (120, 100), (200, 120, 90)).save(picture, "PNG")
    draft = Draft(concern="scars")
    draft.photos = [Photo(id="p1", caption="Big", width=120, height=100, data=picture.getvalue())]
    path = tmp_path / "big.consultprep"
    save_draft(draft, path)
    code = (
        "import sys, PIL.Image; PIL.Image.MAX_IMAGE_PIXELS = 8000; from ui.cli import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "export", str(path), "-o", str(tmp_path / "pack.pdf")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr and "site-packages" not in done.stderr, done.stderr


def test_export_of_an_unknown_concern_names_the_app_page_as_one(tmp_path: Path, capsys) -> None:
    """The note asks to choose the concern again: here, away from the window, it says where."""
    from consultprep.checklist import CONCERN_PAGE
    from consultprep.storage import load_draft, save_draft

    draft = load_draft(EXAMPLES[0])
    draft.concern = "a-concern-from-a-newer-version"
    path = tmp_path / "newer.consultprep"
    save_draft(draft, path)
    assert main(["export", str(path), "-o", str(tmp_path / "pack.pdf")]) == 0
    err = capsys.readouterr().err
    assert f"again in the ConsultPrep app, {CONCERN_PAGE.replace('the', 'its', 1)}." in err


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *args],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )


@pytest.mark.parametrize(
    "content", [b"", b"\x00\x01binary", b'{"schema_version": 42}', b"{truncated"]
)
def test_export_bad_draft_exits_2_with_one_line(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.consultprep"
    bad.write_bytes(content)
    out = tmp_path / "out.pdf"
    result = _run("export", str(bad), "-o", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_export_to_bad_places(tmp_path: Path) -> None:
    example = str(EXAMPLES[0])
    for target in (tmp_path, tmp_path / "missing" / "x.pdf"):
        result = _run("export", example, "-o", str(target))
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_usage_errors_exit_2(capsys) -> None:
    assert main(["export"]) == 2
    assert main(["a.consultprep", "b.consultprep"]) == 2


def test_schema_prints_json(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Draft"


def test_desktop_entry_install_and_uninstall(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop-entry"]) == 0
    entry = tmp_path / "applications" / "consultprep.desktop"
    text = entry.read_text()
    assert "Exec=" in text and "Icon=consultprep" in text and "Type=Application" in text
    assert (tmp_path / "icons/hicolor/48x48/apps/consultprep.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "icons/hicolor/scalable/apps/consultprep.svg").exists()
    assert main(["--uninstall-desktop-entry"]) == 0
    assert not entry.exists()
    assert not list(tmp_path.rglob("consultprep.*"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_output_that_cannot_be_written_gives_one_line_not_a_traceback(tmp_path: Path) -> None:
    """"> /dev/full" gave a traceback after the PDF was saved (a helper's hunt)."""
    out = tmp_path / "pack.pdf"
    for args in (("export", str(EXAMPLES[0]), "-o", str(out)), ("schema",)):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "ui.cli", *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                check=False,
            )
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert result.stderr.strip() == (
            "consultprep: its messages could not be shown (No space left on device)."
        )
    assert out.stat().st_size > 10_000  # the pack was saved, and kept


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_notes_that_cannot_be_shown_do_not_stop_the_export(tmp_path: Path) -> None:
    """(With stderr on a full disk, the notes said before an export stopped it: a hunt.)"""
    from consultprep.models import Draft

    draft = Draft(concern="scars")
    draft.about.scores.itch = 7
    mended = tmp_path / "mended.consultprep"
    mended.write_text(draft.model_dump_json().replace('"itch":7', '"itch":11'), encoding="utf-8")
    out = tmp_path / "pack.pdf"
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "ui.cli", "export", str(mended), "-o", str(out)],
            stdout=subprocess.PIPE,
            stderr=full,
            text=True,
            cwd=ROOT,
            check=False,
        )
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Saved the PDF pack to")
    assert out.stat().st_size > 10_000
