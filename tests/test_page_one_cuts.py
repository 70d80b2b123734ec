"""Page 1 cuts only what saves room, and keeps what the patient wrote about their health."""

from __future__ import annotations

from pathlib import Path

from consultprep.content import load_library
from consultprep.models import AboutSkin, Draft
from exports.pack import CONTINUED, cut_text, no_shorter
from tests.pdf_library import export, flat, page_texts

LIBRARY = load_library()


def test_a_cut_that_saves_less_than_its_pointer_is_not_made() -> None:
    text = "Lines have deepened over the last five years or so"
    cut = cut_text(text, 40, 1)
    assert cut != text and no_shorter(text, cut, 1)
    long = "word " * 40
    assert not no_shorter(long, cut_text(long, 40, 1), 1)
    two_lines = "first\nsecond"
    assert not no_shorter(two_lines, cut_text(two_lines, 40, 1), 1)


def test_health_notes_stay_on_page_one_when_other_text_is_cut(tmp_path: Path) -> None:
    draft = Draft(concern="ageing")
    long = "It started on my cheek and spread. " * 30
    draft.about = AboutSkin(
        patient_name="Margaret",
        symptoms=long,
        goals=long,
        body_area=long,
        conditions=["bleeding"],
        other_conditions="Atrial fibrillation; a basal cell cancer removed from my nose in 2019",
    )
    first = flat(page_texts(export(draft, LIBRARY, tmp_path))[0])
    assert CONTINUED in first  # the long texts were cut
    assert "Atrial fibrillation; a basal cell cancer removed from my nose in 2019" in first
