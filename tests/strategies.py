"""Hypothesis strategies for drafts full of awkward text (shared by the fuzz tests)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from consultprep.models import (
    AboutSkin,
    ChecklistItem,
    ClinicOffer,
    Draft,
    Scores,
    TriedTreatment,
)

settings.register_profile(
    "ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "deep", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("CONSULTPREP_FUZZ", "ci"))

NASTY = [
    "<script>alert(1)</script>",
    "&amp; &lt; <b>bold</b> <para>",
    "Zoë Ελληνικά Кириллица",
    "🙂👩🏽‍⚕️🇬🇧",
    "皮肤 湿疹",
    "مرحبا שלום",
    "e\u0301\u0308 a\u0332",
    "\x00\x07\x1b[31m\r\n\t",
    "\u202eevil\u202c",
    "]]>}{%s%n",
]

text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(NASTY), max_size=4).map("".join),
)
score = st.one_of(st.none(), st.integers(0, 10))


@st.composite
def drafts(draw: st.DrawFn, concerns: list[str | None] | None = None) -> Draft:
    """A valid draft whose every free-text field may hold anything."""
    about = AboutSkin(
        patient_name=draw(text),
        body_area=draw(text),
        duration=draw(text),
        symptoms=draw(text),
        scores=Scores(itch=draw(score), pain=draw(score), daily_life=draw(score), sleep=draw(score)),
        treatments_tried=draw(
            st.lists(st.builds(TriedTreatment, name=text, how_it_went=text), max_size=3)
        ),
        medicines=draw(text),
        allergies=draw(text),
        other_conditions=draw(text),
        goals=draw(text),
        clinician=draw(text),
    )
    questions = draw(st.lists(text.filter(lambda s: s.strip()), max_size=6))
    checklist = [
        ChecklistItem(
            id=f"own-{n}", text=q, source="own", top=n < 3, included=draw(st.booleans()),
            answer=draw(text),
        )
        for n, q in enumerate(questions)
    ]
    offer = ClinicOffer(
        offered=draw(st.booleans()),
        treatment=draw(text),
        clinic=draw(text),
        location=draw(st.sampled_from([None, "uk", "abroad", "not_sure"])),
        country=draw(text),
        cost=draw(text),
        claims=draw(text),
    )
    concern = draw(st.sampled_from(concerns or [None, "scars", "chronic-wound", "inflammatory", "ageing"]))
    return Draft(concern=concern, about=about, checklist=checklist, offer=offer)
