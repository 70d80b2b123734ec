"""BRAN notes: which treatments are offered to weigh up, cleaning, and the PDF section."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from consultprep.bran import cleaned, is_empty, treatment_choices
from consultprep.content import load_library
from consultprep.models import BranNotes, ClinicOffer, Draft, Readiness, ReadinessCheck
from consultprep.readiness import load_readiness
from exports.pdf import render_pack

LIBRARY = load_library()


def _pdf_text(draft: Draft) -> str:
    reader = PdfReader(io.BytesIO(render_pack(draft, LIBRARY, date(2031, 3, 1))))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_choices_put_the_offer_first_and_leave_out_waiting() -> None:
    concern = LIBRARY.concern("scars")
    draft = Draft(concern="scars")
    expected = [t.name for t in concern.treatments if t.kind != "waiting"]
    assert treatment_choices(draft, LIBRARY) == expected
    assert not [t for t in concern.treatments if t.kind == "waiting" and t.name in expected]
    draft.offer = ClinicOffer(offered=True, treatment="  Exosome facial ")
    assert treatment_choices(draft, LIBRARY) == ["Exosome facial", *expected]
    # The same name twice (case and spacing aside) is offered once.
    draft.offer = ClinicOffer(offered=True, treatment=expected[0].upper().replace(" ", "  "))
    assert treatment_choices(draft, LIBRARY)[1:] == expected[1:]
    assert len(treatment_choices(draft, LIBRARY)) == len(expected)
    # An offer the patient said No to is not suggested; no concern, no library treatments.
    draft.offer = ClinicOffer(offered=False, treatment="Exosome facial")
    assert treatment_choices(Draft(offer=draft.offer), LIBRARY) == []


def test_cleaning_strips_and_drops_empty_notes() -> None:
    notes = [
        BranNotes(),
        BranNotes(treatment="  ", risks=" \n "),
        BranNotes(treatment=" Silicone ", benefits=" Flatter scar\n"),
        BranNotes(nothing="It may settle by itself"),
    ]
    assert [is_empty(n) for n in notes] == [True, True, False, False]
    assert cleaned(notes) == [
        BranNotes(treatment="Silicone", benefits="Flatter scar"),
        BranNotes(nothing="It may settle by itself"),
    ]


def test_pdf_prints_each_treatment_with_the_four_prompts() -> None:
    content = load_readiness()
    draft = Draft(
        concern="scars",
        bran=[
            BranNotes(treatment="Stem cell <b>shots</b> & more", benefits="Flatter? 🙂"),
            BranNotes(alternatives="Silicone gel"),
        ],
    )
    text = _pdf_text(draft)
    assert "Weighing up a treatment (BRAN)" in text
    assert "Stem cell <b>shots</b> & more" in text  # the patient's words, never markup
    assert "Flatter?" in text
    assert "A treatment (no name given)" in text and "Silicone gel" in text
    for prompt in content.bran:
        assert prompt.label in text and prompt.guidance in text
    assert "Choosing Wisely UK" in text  # the BRAN reference is listed


def test_pdf_leaves_out_unused_sections() -> None:
    text = _pdf_text(Draft(concern="scars", bran=[BranNotes(treatment="  ")]))
    assert "Weighing up a treatment (BRAN)" not in text
    assert "Am I ready to decide?" not in text


def test_pdf_prints_the_readiness_check_before_and_after() -> None:
    draft = Draft(
        concern="ageing",
        readiness=Readiness(
            before=ReadinessCheck(taken_on=date(2031, 2, 1), sure="yes", support="not_yet"),
            after=ReadinessCheck(
                taken_on=date(2031, 3, 1),
                sure="yes",
                understand="yes",
                values_clear="yes",
                support="yes",
            ),
        ),
    )
    text = _pdf_text(draft)
    assert "Am I ready to decide?" in text
    assert "1 February 2031" in text and "1 March 2031" in text
    assert (
        "Before my appointment: “Yes” to 1 of the 4 questions. Not yet sure I have the "
        "support and advice I need."
    ) in text
    assert "After my appointment: “Yes” to all 4 questions." in text
    assert "SURE test" in text and "Canadian Family Physician" in text
    only_before = _pdf_text(Draft(readiness=Readiness(before=ReadinessCheck(sure="not_yet"))))
    assert "Before my appointment: “Yes” to none of the 4 questions." in only_before
    assert "After my appointment" not in only_before
