"""Property tests: any text in any field saves, opens again exactly, and exports.

Run deeper with ``CONSULTPREP_FUZZ=deep`` (thousands of drafts; not in CI).
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
        assert load_draft(path) == draft


@given(drafts(concerns=["scars", "chronic-wound", "inflammatory", "ageing", None]))
def test_export_never_raises(draft: Draft) -> None:
    pdf = render_pack(draft, load_library(), None)
    assert pdf.startswith(b"%PDF")
