"""The clinic's offer in the PDF pack: only when there is one, and where the clinic is."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultprep.content import Library, load_library
from tests.pdf_helpers import flat, flat_pages, pdf_invariant  # noqa: F401
from tests.pdf_library import export, full_draft, mini_library, page_texts


@pytest.fixture(scope="module", params=["mini", "real"])
def library(request: pytest.FixtureRequest) -> Library:
    return mini_library() if request.param == "mini" else load_library()


def test_offer_section_only_when_offered(library: Library, tmp_path: Path) -> None:
    draft = full_draft(library)
    draft.offer.offered = False
    text = flat(" ".join(page_texts(export(draft, library, tmp_path))))
    assert "The clinic's offer" not in text
    assert "Renew Clinic" not in text


def test_page_one_names_the_offer_for_the_clinician(library: Library, tmp_path: Path) -> None:
    """What was offered, where, the warning signs ticked and the cost, on page 1 (the offer's
    own section comes pages later); nothing when there is no offer."""
    from consultprep.labels import offer_text

    draft = full_draft(library)
    draft.offer.location, draft.offer.country = "abroad", "Ruritania"
    line = offer_text(draft)
    assert line is not None and line.startswith(draft.offer.treatment)
    assert f"; clinic: {draft.offer.clinic}; abroad (Ruritania)" in line
    assert draft.offer.cost in line
    flags = len(draft.offer.red_flags)
    assert f"{flags} warning sign{'s' if flags != 1 else ''} ticked" in line
    first = flat(page_texts(export(draft, library, tmp_path))[0])
    assert "Clinic's offer" in first and flat(line)[:60] in first
    known = draft.offer.red_flags[0]
    draft.offer.red_flags = [known, known, "a-sign-no-longer-in-the-content"]
    named = offer_text(draft, library) or ""
    assert "1 warning sign ticked: " in named  # as its section lists, and which (last)
    assert named.endswith(library.red_flag(known).label[1:])
    draft.offer.offered = False
    assert offer_text(draft) is None
    assert "Clinic's offer" not in flat(page_texts(export(draft, library, tmp_path))[0])


@pytest.mark.parametrize(
    ("location", "country", "where"),
    [
        ("uk", "United Kingdom", "Where In the UK Cost"),  # not "In the UK — United Kingdom"
        ("uk", " the  UK ", "Where In the UK Cost"),
        ("uk", "Wales", "Where In the UK — Wales Cost"),
        ("abroad", "UK", "Where Abroad — UK Cost"),  # what they typed, when it says something
        (None, "United Kingdom", "Where United Kingdom Cost"),
    ],
)
def test_where_the_clinic_is_never_says_the_uk_twice(
    location: str | None, country: str, where: str, tmp_path: Path
) -> None:
    library = mini_library()
    draft = full_draft(library)
    draft.offer.location, draft.offer.country = location, country
    assert where in flat_pages(page_texts(export(draft, library, tmp_path)))


@pytest.mark.parametrize(
    ("label", "after_semicolon"),
    [
        ("Poor blood flow in the legs or feet", "poor blood flow in the legs or feet"),
        ("I smoke, or I stopped in the last year", "I smoke, or I stopped in the last year"),
        ("NHS care", "NHS care"),
    ],
)
def test_ticked_conditions_read_as_one_list(label: str, after_semicolon: str) -> None:
    """Page 1 and the review list ticked conditions as "Diabetes; poor blood flow…"."""
    from consultprep.labels import _continued

    assert _continued(label) == after_semicolon


def test_an_advert_in_another_language_is_not_said_to_hold_no_warning_phrases(
    library: Library, tmp_path: Path
) -> None:
    """The phrases looked for are English ones: "none found" would reassure wrongly."""
    from exports.offer_checks import NO_MATCHES, NOT_ENGLISH

    draft = full_draft(library)
    draft.offer.advert_text = "保证治愈，无副作用，效果永久保持，名额有限"
    text = flat(" ".join(page_texts(export(draft, library, tmp_path))))
    assert flat(NOT_ENGLISH) in text and flat(NO_MATCHES) not in text


def test_a_short_advert_is_printed_whole_and_a_long_one_in_quotes(
    library: Library, tmp_path: Path
) -> None:
    """Quoted only in pieces, the claim that mattered most was missing from the pack when no
    rule caught it (a walk-through); a long paste is still quoted in pieces."""
    from exports.offer_checks import ADVERT_WHOLE

    draft = full_draft(library)
    draft.offer.advert_text = (
        "Our exclusive cell therapy heals even the most stubborn ulcers in 3 sessions.\n\n"
        "98% of patients satisfied.   Limited offer, book this week. No referral needed."
    )
    text = flat(" ".join(page_texts(export(draft, library, tmp_path))))
    assert (
        "The advert, as I pasted it: “Our exclusive cell therapy heals even the most stubborn "
        "ulcers in 3 sessions. 98% of patients satisfied. Limited offer, book this week. No "
        "referral needed.”"
    ) in text
    if library.red_flag("rf-pressure") is not None:
        assert "Found: “limited offer”, “book this week”" in text.replace("Limited", "limited")
    draft.offer.advert_text = "Results guaranteed. " + "More words here. " * (ADVERT_WHOLE // 10)
    text = flat(" ".join(page_texts(export(draft, library, tmp_path))))
    assert "as I pasted it" not in text and "Found:" not in text
    if library.red_flag("rf-big-promises") is not None:
        assert "“Results guaranteed. More words here." in text


def test_the_whole_advert_bolds_overlapping_phrases_as_one_and_skips_an_unseen_one(
    tmp_path: Path,
) -> None:
    """A bad-input hunt: overlapping phrases were bold only to the end of the first, and a
    paste of only invisible characters printed an empty quote."""
    from datetime import date

    from exports.fonts import register_fonts
    from exports.offer_checks import advert_matches
    from exports.pack import Pack
    from exports.paragraphs import PackParagraph

    register_fonts()
    library = load_library()
    draft = full_draft(library)
    draft.offer.advert_text = "Completely safe and 100% safe: results guaranteed."
    pack = Pack(draft, library, date(2026, 12, 7))
    advert_matches(pack)
    texts = [
        f.text for k in pack.story for f in _flowables(k) if isinstance(f, PackParagraph)
    ]
    whole = next(t for t in texts if "as I pasted it" in t)
    assert "<b>100% safe</b>" in whole  # "100%" and "100% safe" were both found
    draft.offer.advert_text = "\u200b\u00ad\u2060\ufeff"
    pack = Pack(draft, library, date(2026, 12, 7))
    advert_matches(pack)
    assert pack.story == []


def _flowables(flowable):
    """A flowable and those inside it (kept together, boxes), depth first."""
    yield flowable
    for inner in getattr(flowable, "_content", []):
        yield from _flowables(inner)
    for row in getattr(flowable, "_cellvalues", []):
        for cell in row:
            for inner in cell if isinstance(cell, (list, tuple)) else [cell]:
                yield from _flowables(inner)


def test_questions_for_the_clinic_are_printed_apart_when_a_clinic_made_an_offer(
    tmp_path: Path,
) -> None:
    """A clinician and a patient each asked why questions for the clinic (its cost, who
    prepares the cells, what a warning sign added) were in a pack for the specialist."""
    from consultprep.checklist import for_specialist_and_clinic
    from consultprep.storage import load_draft
    from exports.sections import CLINIC_HEADING

    library = load_library()
    draft = load_draft(Path("resources/examples/scars.consultprep"))
    mine, clinic = for_specialist_and_clinic(draft, library)
    assert sorted(i.id for i in mine + clinic) == sorted(i.id for i in draft.ordered_questions())
    assert mine[:3] == draft.top_questions()
    assert {"core-cost", "offer-abroad-records"} <= {i.id for i in clinic}
    assert not {i.source for i in clinic} & {"own", "condition", "readiness"}
    text = flat(" ".join(page_texts(export(draft, library, tmp_path))))
    first_for_clinic = f"{CLINIC_HEADING} "
    assert text.count(first_for_clinic) == 1
    before, after = text.split(first_for_clinic)
    assert f"{len(mine) + 1}. {flat(clinic[0].text)}" in after
    assert flat(mine[-1].text) in before
    draft.offer.offered = False  # no offer: one list, as before
    assert for_specialist_and_clinic(draft, library) == (draft.ordered_questions(), [])


def test_a_short_advert_full_of_emoji_still_makes_a_pdf_in_large_print(tmp_path: Path) -> None:
    """Each emoji is printed as its name: a 600-character advert became a box taller than a
    page in large print, and the PDF could not be made (a diff review)."""
    from exports.offer_checks import ADVERT_WHOLE
    from exports.options import PackOptions

    library = load_library()
    draft = full_draft(library)
    line = "✅ Guaranteed results 💯🔥✨😍 No downtime 😍💆‍♀️💉🌸🌟 Book now 👇👇👇\n"
    draft.offer.advert_text = (line * 20)[:ADVERT_WHOLE]
    from pypdf import PdfReader

    from exports import export_pdf

    path = export_pdf(draft, tmp_path / "big.pdf", library, PackOptions(large_print=True))
    text = flat(" ".join(page_texts(PdfReader(path))))
    assert "as I pasted it" not in text and "Guaranteed" in text
