"""The names offered for a PDF or a draft start with the patient's first name, so a carer who
helps more than one person can tell their packs apart (a carer's walk-through)."""

from __future__ import annotations

from datetime import date

import pytest

from consultprep.content import load_library
from consultprep.models import Draft
from ui.export_helpers import default_file_name

DAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Zoë Ann Smith", "Zoë"),
        ("  ../../Margaret/", "Margaret"),
        ("<b>Ann</b> Lee", "Ann"),
        ("Mrs Ann Smith", "Ann"),
        ("Dr. Priya Shah", "Priya"),
        ("O'Brien", "OBrien"),
        ("प्रिया शर्मा", "प्रिया"),
        ("🙂", ""),
        ("محمد علي", "محمد"),
        ("x" * 50, "x" * 30),
        ("<" * 100_000, ""),  # (at once: not a search that grows with the square)
    ],
)
def test_the_first_name_starts_the_file_name(typed: str, first: str) -> None:
    draft = Draft(concern="inflammatory")
    draft.about.patient_name = typed
    expected = f"ConsultPrep-{first}-" if first else "ConsultPrep-psoriasis"
    assert default_file_name(draft, ".pdf", DAY, load_library()).startswith(expected)
