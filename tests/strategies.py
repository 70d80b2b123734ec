"""Hypothesis strategies for drafts full of awkward text (shared by the fuzz tests).

Two profiles, chosen with ``--hypothesis-profile=NAME`` or the environment variable
``CONSULTPREP_FUZZ`` (pytest's hypothesis plugin is switched off in ``pyproject.toml`` for a
faster start, so ``tests/conftest.py`` gives the option and sets the variable):

``ci`` (the default)
    A few dozen small drafts, so the fuzz tests take seconds.
``deep``
    Thousands of drafts, with up to 500 questions, up to 50 small photos and fields of up to
    20,000 characters: ``CONSULTPREP_FUZZ=deep python -m pytest tests/test_fuzz_drafts.py``.

``CONSULTPREP_FUZZ_EXAMPLES=N`` sets how many drafts each fuzz test tries (for a shorter deep
run, or a longer one).
"""

from __future__ import annotations

import io
import os
from datetime import date
from functools import lru_cache

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from consultprep.models import (
    MAX_TOP,
    AboutSkin,
    BranNotes,
    ChecklistItem,
    ClinicOffer,
    Draft,
    Photo,
    Readiness,
    ReadinessCheck,
    Scores,
    TriedTreatment,
)

settings.register_profile(
    "ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "deep", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck)
)
PROFILE = os.environ.get("CONSULTPREP_FUZZ", "ci")
_EXAMPLES = os.environ.get("CONSULTPREP_FUZZ_EXAMPLES", "")
if _EXAMPLES.isdigit() and int(_EXAMPLES) > 0:
    settings.register_profile(
        f"{PROFILE}-sized", settings.get_profile(PROFILE), max_examples=int(_EXAMPLES)
    )
    settings.load_profile(f"{PROFILE}-sized")
else:
    settings.load_profile(PROFILE)
DEEP = PROFILE == "deep"

#: How big a generated draft may get (deep profile: the limits a patient could reach).
MAX_QUESTIONS = 500 if DEEP else 8
MAX_PHOTOS = 50 if DEEP else 3
MAX_LONG_REPEAT = 2_000 if DEEP else 40

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
#: Pieces that make very long fields: a long unbroken word, many lines, mixed scripts.
LONG_PIECES = [
    "x",
    "Supercalifragilistic",
    "word ",
    "\n",
    "\n\n\n",
    "مرحبا",
    "🙂",
    "&<>",
    "\u00a0",
    "- ",
]

short_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(NASTY), max_size=4).map("".join),
)
#: A very long field: some pieces repeated many times (up to 20,000 characters in deep).
long_text = st.builds(
    lambda pieces, times: ("".join(pieces) * times)[:20_000],
    st.lists(st.sampled_from(LONG_PIECES + NASTY), min_size=1, max_size=3),
    st.integers(1, MAX_LONG_REPEAT),
)
text = st.one_of(short_text, short_text, short_text, long_text)
score = st.one_of(st.none(), st.integers(0, 10))
dates = st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)))
answer = st.sampled_from([None, "yes", "not_yet"])
readiness_checks = st.one_of(
    st.none(),
    st.builds(
        ReadinessCheck,
        taken_on=dates,
        sure=answer,
        understand=answer,
        values_clear=answer,
        support=answer,
    ),
)


@lru_cache(maxsize=256)
def tiny_jpeg(width: int, height: int, shade: int) -> bytes:
    """A small JPEG of one colour (cached: the deep profile makes thousands of photos)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (shade, 255 - shade, 128)).save(out, "JPEG", quality=60)
    return out.getvalue()


@st.composite
def photos(draw: st.DrawFn, max_size: int = MAX_PHOTOS) -> list[Photo]:
    """Photos as add_photo stores them: small JPEGs of any shape, even 1 pixel wide."""
    count = draw(st.integers(0, max_size))
    out = []
    for n in range(count):
        width = draw(st.sampled_from([1, 2, 16, 48, 64]))
        height = draw(st.sampled_from([1, 3, 16, 40, 64]))
        out.append(
            Photo(
                id=f"p{n}",
                caption=draw(short_text),
                taken_on=draw(dates),
                width=width,
                height=height,
                data=tiny_jpeg(width, height, draw(st.integers(0, 3)) * 80),
            )
        )
    return out


@st.composite
def checklists(draw: st.DrawFn, max_size: int = MAX_QUESTIONS) -> list[ChecklistItem]:
    """A checklist of up to ``max_size`` questions (many share a few awkward texts)."""
    count = draw(st.integers(0, max_size))
    if not count:
        return []
    texts = draw(st.lists(text.filter(lambda s: s.strip()), min_size=1, max_size=6))
    picks = draw(st.lists(st.integers(0, len(texts) - 1), min_size=count, max_size=count))
    tops = set(draw(st.lists(st.integers(0, count - 1), max_size=MAX_TOP, unique=True)))
    flags = draw(st.lists(st.booleans(), min_size=2, max_size=2))
    sources = ["own", "core", "concern", "red_flag", "readiness", "claim"]
    return [
        ChecklistItem(
            id=f"q-{n}",
            text=texts[pick],
            source=sources[n % len(sources)] if flags[0] else "own",
            top=n in tops,
            included=flags[1] or n % 3 != 0,
            asked=n % 4 == 0,
            answer=texts[(pick + 1) % len(texts)] if n % 2 else "",
        )
        for n, pick in enumerate(picks)
    ]


@st.composite
def drafts(draw: st.DrawFn, concerns: list[str | None] | None = None) -> Draft:
    """A valid draft whose every free-text field may hold anything."""
    about = AboutSkin(
        patient_name=draw(text),
        body_area=draw(text),
        duration=draw(text),
        symptoms=draw(text),
        scores=Scores(
            itch=draw(score), pain=draw(score), daily_life=draw(score), sleep=draw(score)
        ),
        treatments_tried=draw(
            st.lists(st.builds(TriedTreatment, name=text, how_it_went=text), max_size=3)
        ),
        medicines=draw(text),
        allergies=draw(text),
        conditions=draw(st.lists(st.sampled_from(["diabetes", "no-such-id", ""]), max_size=3)),
        other_conditions=draw(text),
        goals=draw(text),
        appointment_date=draw(dates),
        clinician=draw(text),
    )
    offer = ClinicOffer(
        offered=draw(st.none() | st.booleans()),
        treatment=draw(text),
        clinic=draw(text),
        location=draw(st.sampled_from([None, "uk", "abroad", "not_sure"])),
        country=draw(text),
        cost=draw(text),
        claims=draw(text),
        red_flags=draw(
            st.lists(
                st.sampled_from(["no-such-flag", "rf-big-promises", "rf-pressure"]), max_size=2
            )
        ),
        advert_text=draw(text),
        checks_done=draw(
            st.lists(st.sampled_from(["vet-gmc", "vet-trial", "no-such-check", ""]), max_size=3)
        ),
    )
    concern = draw(
        st.sampled_from(concerns or [None, "scars", "chronic-wound", "inflammatory", "ageing"])
    )
    return Draft(
        concern=concern,
        subtype=draw(st.sampled_from([None, "keloid", "no-such-subtype"])),
        about=about,
        checklist=draw(checklists()),
        offer=offer,
        photos=draw(photos()),
        readiness=Readiness(before=draw(readiness_checks), after=draw(readiness_checks)),
        bran=draw(
            st.lists(
                st.builds(
                    BranNotes,
                    treatment=text,
                    benefits=text,
                    risks=text,
                    alternatives=text,
                    nothing=text,
                ),
                max_size=3,
            )
        ),
    )
