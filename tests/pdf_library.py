"""A small content library and a full draft for the PDF tests, and how to read a pack back.

``mini_library()`` has four concerns with awkward names and markup-like characters, so the
layout code is tested on its own; ``full_draft()`` fills every part of a draft.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from consultprep.checklist import add_own_question, set_top, sync_checklist
from consultprep.content import Library
from consultprep.models import (
    AboutSkin,
    ClinicOffer,
    Draft,
    Scores,
    TriedTreatment,
)
from exports import export_pdf
from tests.pdf_helpers import flat, pdf_invariant  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.consultprep"))
#: The free-text fields of "About your skin" (each is printed on page 1).
ABOUT_TEXT_FIELDS = (
    "patient_name",
    "body_area",
    "duration",
    "symptoms",
    "medicines",
    "allergies",
    "other_conditions",
    "goals",
    "clinician",
)
GENERATED = date(2026, 12, 1)
HOSTILE = {
    "script": "<script>alert(1)</script>",
    "entity": "&amp; &lt;",
    "markup": "<b>bold</b> <para> <font name='x'>",
    "scripts": "Zoë Ελληνικά Кириллица",
    "emoji": "🙂 👩🏽‍⚕️ 🇬🇧",
    "cjk": "皮肤",
    "arabic": "مرحبا بالعالم",
    "combining": "e\u0301 a\u0308\u0323",
    "controls": "a\x00b\x07c\x1b[31m\u202eevil\u202c",
}


# --- libraries ------------------------------------------------------------------------------
def _questions(prefix: str, n: int = 6) -> list[dict]:
    return [
        {"id": f"{prefix}-q{i}", "text": f"{prefix} question {i}?", "why": f"{prefix} reason {i}."}
        for i in range(1, n + 1)
    ]


def _treatments(cid: str) -> list[dict]:
    long_name = "A treatment with an exceedingly long name " * 4 + "Supercalifragilistic" * 6
    return [
        {
            "id": "msc",
            "name": f"{cid} stem cells",
            "kind": "regenerative",
            "level": 1,
            "warning": True,
            "warning_note": "Not approved.",
            "warning_citations": ["r1"],
            "summary": "Tried in mice.",
            "uncertain": "Whether it works in people.",
            "citations": ["r1"],
        },
        {
            "id": "long",
            "name": long_name,
            "kind": "regenerative",
            "level": 2,
            "summary": "A few small studies.",
            "uncertain": "Most things.",
            "citations": ["r2"],
        },
        {
            "id": "std",
            "name": f"{cid} standard care",
            "kind": "established",
            "level": 4,
            "summary": "Recommended first.",
            "uncertain": "Long-term effects.",
            "citations": ["r1", "r3"],
        },
        {
            "id": "wait",
            "name": "Waiting or doing nothing",
            "kind": "waiting",
            "summary": "Many improve by themselves.",
            "uncertain": "Who will.",
            "citations": ["r3"],
        },
    ]


def mini_library() -> Library:
    """Four concerns, awkward names, markup-like characters in the content too."""
    concerns = [
        {
            "id": cid,
            "name": f"Concern {cid.upper()} & <co>",
            "description": f"About {cid}.",
            "noun": "skin problem",
            "normal_repair": "Skin repairs itself.",
            "citations": ["r2"],
            "subtypes": [{"id": f"{cid}-a", "name": f"Subtype of {cid}", "description": "A kind."}],
            "treatments": _treatments(cid),
            "questions": _questions(cid),
        }
        for cid in ("scars", "chronic-wound", "inflammatory", "ageing")
    ]
    return Library.model_validate(
        {
            "meta": {
                "content_version": "test-1",
                "reviewed_on": "2026-01-01",
                "review_by": "2026-06-01",
                "disclaimer": "Test disclaimer: not medical advice.",
                "privacy": "Private.",
            },
            "levels": [
                {"level": n, "short": f"Rung {n} short label", "meaning": f"Meaning {n}."}
                for n in (1, 2, 3, 4)
            ],
            "warning_marker": {"short": "Warnings issued", "meaning": "A regulator warned."},
            "core_questions": _questions("core", 3),
            "offer_questions": _questions("offer", 2),
            "red_flags": [
                {
                    "id": "rf-promise",
                    "label": "Big promises",
                    "explanation": "Too good.",
                    "question_ids": ["offer-q1"],
                    "citations": ["r3"],
                }
            ],
            "references": [
                {
                    "id": f"r{n}",
                    "citation": f"Author{n} et al. (2020). Study number {n}.",
                    "link": f"https://doi.org/10.1000/{n}",
                }
                for n in (1, 2, 3, 4)
            ],
            "conditions": [{"id": "diabetes", "label": "Diabetes"}],
            "concerns": concerns,
            "general_facts": [
                {"id": "f1", "text": "Most uses are research only.", "citations": ["r4"]}
            ],
        }
    )


@pytest.fixture(scope="module", params=["mini", "real"], name="library")
def either_library(request: pytest.FixtureRequest) -> Library:
    """A test module that imports this runs each test taking ``library`` twice: with
    ``mini_library()`` and with the real bundled content."""
    from consultprep.content import load_library

    return mini_library() if request.param == "mini" else load_library()


def full_draft(library: Library, concern_id: str = "scars") -> Draft:
    concern = library.concern(concern_id)
    draft = Draft(concern=concern_id, subtype=concern.subtypes[0].id)
    draft.about = AboutSkin(
        patient_name="Margaret O'Neill",
        body_area="Left shoulder",
        duration="Two years",
        symptoms="Raised and itchy, worse at night.",
        scores=Scores(itch=7, sleep=4),
        treatments_tried=[TriedTreatment(name="Silicone gel", how_it_went="Helped a little")],
        medicines="Ramipril 5 mg",
        allergies="Penicillin",
        conditions=[library.conditions[0].id],
        other_conditions="Mild asthma",
        goals="To sleep through the night.",
        appointment_date=date(2026, 12, 3),
        clinician="Dr Patel",
    )
    flag = library.red_flags[0]
    draft.offer = ClinicOffer(
        offered=True,
        treatment="Stem cell injections",
        clinic="Renew Clinic",
        location="abroad",
        country="Turkey",
        cost="£4,500",
        claims="Guaranteed results",
        red_flags=[flag.id],
    )
    sync_checklist(draft, library)
    for item in draft.checklist[1:3]:
        set_top(draft, item.id, True)
    own = add_own_question(draft, "Can I see photos of your own patients' results?")
    set_top(draft, own.id, True)
    draft.checklist[0].included = False
    draft.checklist[4].answer = "She said the studies are small."
    return draft


def export(draft: Draft, library: Library, tmp_path: Path, name: str = "pack.pdf") -> PdfReader:
    path = export_pdf(draft, tmp_path / name, library)
    assert path == tmp_path / name
    return PdfReader(path)


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]
