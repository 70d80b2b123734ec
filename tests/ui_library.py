"""A small, made-up content library for UI tests of edge cases (not medical content)."""

from __future__ import annotations

from datetime import date

from consultprep.content import Library


def _concern(cid: str, name: str, long: bool = False) -> dict:
    extra = " This sentence is long on purpose to test wrapping." * (12 if long else 0)
    return {
        "id": cid,
        "name": name,
        "description": f"Short description of {name}.{extra}",
        "noun": "skin problem",
        "normal_repair": f"How {name} heals normally.{extra}",
        "subtypes": [
            {"id": f"{cid}-a", "name": f"{name} kind A", "description": "The first kind."},
            {"id": f"{cid}-b", "name": f"{name} kind B", "description": "The second kind."},
        ],
        "treatments": [
            {
                "id": f"{cid}-regen",
                "name": f"Regenerative cells for {name}",
                "kind": "regenerative",
                "level": 2,
                "warning": True,
                "warning_note": "Not approved for this use.",
                "warning_citations": ["ref-a"],
                "summary": "A made-up summary." + extra,
                "uncertain": "Long-term safety.",
                "citations": ["ref-a"],
            },
            {
                "id": f"{cid}-lab",
                "name": "Exosomes & friends",
                "kind": "regenerative",
                "level": 1,
                "summary": "Lab only.",
                "uncertain": "Everything in people.",
                "citations": ["ref-a", "ref-b"],
            },
            {
                "id": f"{cid}-std",
                "name": "Standard cream",
                "kind": "established",
                "level": 4,
                "summary": "Standard care.",
                "uncertain": "Which cream is best.",
                "citations": ["ref-b"],
            },
            {
                "id": f"{cid}-wait",
                "name": "Waiting",
                "kind": "waiting",
                "summary": "Some get better alone.",
                "uncertain": "Who gets better.",
                "citations": ["ref-b"],
            },
        ],
        "questions": [
            {"id": f"{cid}-q{n}", "text": f"{name} question {n}?", "why": f"Why {n}."}
            for n in range(1, 7)
        ],
    }


def make_library(long: bool = False) -> Library:
    """Four concerns, two subtypes each, one treatment per kind, red flags, references."""
    return Library.model_validate(
        {
            "meta": {
                "content_version": "test-1",
                "reviewed_on": date(2025, 1, 1),
                "review_by": date(2026, 1, 1),
                "disclaimer": "Not medical advice.",
                "privacy": "Nothing leaves this computer.",
            },
            "levels": [
                {"level": 1, "short": "Lab and animal studies only", "meaning": "Lab."},
                {"level": 2, "short": "Small or early human studies", "meaning": "Small."},
                {"level": 3, "short": "Reviews, low certainty", "meaning": "Reviews."},
                {"level": 4, "short": "Recommended standard care", "meaning": "Standard."},
            ],
            "warning_marker": {"short": "Not approved / warnings", "meaning": "Regulators."},
            "core_questions": [
                {"id": f"core-{n}", "text": f"Core question {n}?", "why": f"Core why {n}."}
                for n in range(1, 5)
            ],
            "offer_questions": [
                {"id": "offer-1", "text": "Is this a registered trial?", "why": "Trials."},
                {"id": "offer-2", "text": "Who regulates the clinic?", "why": "Regulators."},
            ],
            "red_flags": [
                {
                    "id": "guarantee",
                    "label": "They promised results",
                    "explanation": "No treatment is guaranteed.",
                    "question_ids": ["offer-1"],
                },
                {
                    "id": "abroad",
                    "label": "Abroad, no regulator named",
                    "explanation": "Hard to complain.",
                    "question_ids": ["offer-2"],
                },
                {
                    "id": "pressure",
                    "label": "Pressure to decide",
                    "explanation": "Take your time.",
                    "question_ids": ["offer-1", "offer-2"],
                },
            ],
            "references": [
                {"id": "ref-a", "citation": "Author A et al. 2016. Title A.", "link": "doi:a"},
                {"id": "ref-b", "citation": "Author B et al. 2021. Title B.", "link": "doi:b"},
            ],
            "conditions": [
                {"id": "diabetes", "label": "Diabetes"},
                {"id": "immune", "label": "A weak immune system"},
            ],
            "concerns": [
                _concern("scars", "Scars", long),
                _concern("wounds", "Chronic wounds"),
                _concern("inflammatory", "Psoriasis or eczema"),
                _concern("ageing", "Skin ageing"),
            ],
            "general_facts": [
                {"id": "fact-1", "text": "Most uses are research only.", "citations": ["ref-a"]}
            ],
        }
    )
