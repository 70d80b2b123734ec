"""Property tests: any draft, of any size, saves, opens again exactly, and exports.

The default (``ci``) profile keeps this file to a few seconds. Run it deeper with
``CONSULTPREP_FUZZ=deep`` (thousands of drafts with up to 500 questions and 50 photos).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given

from consultprep.content import load_library
from consultprep.models import Draft
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
