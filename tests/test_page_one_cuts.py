"""Page 1 cuts only what saves room, and keeps what the patient wrote about their health."""

from __future__ import annotations

from pathlib import Path

from consultprep.content import load_library
from consultprep.models import AboutSkin, Draft, TriedTreatment
from exports.pack import CONTINUED, cut_text, no_shorter
from tests.pdf_library import export, flat, page_texts

LIBRARY = load_library()
#: A health note of 381 letters: more than page 1 keeps of a text when it is short of room
#: (360 and less), not more than it keeps of what a clinician must see (400).
NOTE = (
    "Atrial fibrillation since 2019, on apixaban twice a day. A basal cell cancer was removed "
    "from my nose in 2019 and a second one from my left cheek in 2023. Type 2 diabetes, "
    "diet-controlled. Hip replaced in 2021; I cannot lie flat for long. Allergic reaction to "
    "a local anaesthetic at the dentist once. Mild hearing loss in both ears: please speak "
    "slowly and clearly, and face me."
)


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
    tried = [TriedTreatment(name=f"Cream {n}", how_it_went=long) for n in range(6)]
    draft.about = AboutSkin(
        patient_name="Margaret",
        symptoms=long,
        goals=long,
        body_area=long,
        duration=long,
        medicines=long,
        allergies=long,
        clinician=long,
        treatments_tried=tried,
        conditions=["bleeding"],
        other_conditions=NOTE,
    )
    first = flat(page_texts(export(draft, LIBRARY, tmp_path))[0])
    assert CONTINUED in first  # the long texts were cut
    assert len(NOTE) > 360 and NOTE in first  # longer than a text is let be there, yet whole


def test_room_left_over_is_given_back_part_by_part(tmp_path: Path, monkeypatch) -> None:
    """When page 1 needs a tight budget, each part of it is made roomier again while the page
    still fits: fewer texts are cut than with the tight budget for all (a review saw "… and 2
    more" treatments over empty space)."""
    from consultprep.storage import load_draft
    from exports import page_one
    from exports.options import PackOptions

    examples = Path(__file__).resolve().parents[1] / "resources/examples"
    draft = load_draft(examples / "scars.consultprep")
    draft.about.treatments_tried = [
        *draft.about.treatments_tried,
        TriedTreatment(name="Steroid cream", how_it_went="Used for 3 months; the skin went thin."),
        TriedTreatment(name="Pressure garment", how_it_went="Hard to wear; stopped after 6 weeks."),
    ]
    draft.about.medicines = "Aspirin 75 mg daily\nRamipril 5 mg\nAtorvastatin 20 mg\nMetformin"

    def cuts(name: str) -> int:
        from pypdf import PdfReader

        from exports import export_pdf

        path = export_pdf(draft, tmp_path / name, LIBRARY, PackOptions(paper="Letter"))
        return PdfReader(path).pages[0].extract_text().count(CONTINUED)

    filled = cuts("filled.pdf")
    monkeypatch.setattr(page_one, "GIVEN_BACK", ())
    assert 0 < filled < cuts("tight.pdf")
