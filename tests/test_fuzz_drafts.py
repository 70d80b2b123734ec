"""Property tests: any draft, of any size, saves, opens again exactly, and exports.

The default (``ci``) profile keeps this file to a few seconds. Run it deeper with
``--hypothesis-profile=deep`` or ``CONSULTPREP_FUZZ=deep`` (thousands of drafts with up to 500
questions and 50 photos).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import given

from consultprep.content import load_library
from consultprep.models import ChecklistItem, Draft
from consultprep.storage import load_draft, save_draft
from exports.pdf import render_pack
from tests.strategies import drafts


@given(drafts())
def test_save_then_open_is_exact(draft: Draft) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.consultprep"
        save_draft(draft, path)
        opened = load_draft(path)
        assert opened == draft
        assert [p.data for p in opened.photos] == [p.data for p in draft.photos]
        assert opened.load_notes == []


@given(drafts(concerns=["scars", "chronic-wound", "inflammatory", "ageing", None]))
def test_export_never_raises(draft: Draft) -> None:
    pdf = render_pack(draft, load_library(), None)
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")


def test_a_question_with_many_line_breaks_still_fits_a_page() -> None:
    # Found by the deep fuzz run: a question sits in a table cell, which cannot split across
    # pages, so 25 lines made the row taller than a page and the PDF could not be made.
    from pypdf import PdfReader

    tall = "Why\n\n\n" * 40
    draft = Draft(
        concern="scars",
        checklist=[ChecklistItem(id="own-1", text=tall, source="own", answer=tall)],
    )
    pdf = render_pack(draft, load_library(), None)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "1. Why Why Why" in text


def test_a_long_question_with_no_spaces_still_fits_a_page() -> None:
    # Found by the deep fuzz run: 1,500 characters of symbols with no space (each "&<>🙂"
    # printed as "&<>" and a substitute mark) broke a letter at a time and made the row
    # taller than a page. Such a question is now cut to half a page, with a note.
    from exports.options import PackOptions

    wide = "&<>🙂" * 800
    draft = Draft(
        concern="scars",
        checklist=[ChecklistItem(id="own-1", text=wide, source="own", top=True)],
    )
    for large in (False, True):
        pdf = render_pack(draft, load_library(), None, PackOptions(large_print=large))
        assert pdf.startswith(b"%PDF")


def test_the_deep_profile_is_chosen_with_the_pytest_option() -> None:
    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSULTPREP_FUZZ")}
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "--hypothesis-profile=deep",
         "tests/test_fuzz_drafts.py::test_save_then_open_is_exact"],
        capture_output=True, text=True, cwd=root, env=env, check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "fuzz profile: deep (up to 2000 drafts per fuzz test)" in out.stdout
