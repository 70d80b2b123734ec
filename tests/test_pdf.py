"""The PDF pack: right content in the right place.

Every content test runs twice: against a small in-memory library (so the layout code is
tested on its own, with awkward names) and against the real bundled content. Photos, where the
file is saved and the examples: ``tests/test_pdf_files.py``; any text printed literally:
``tests/test_pdf_text.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consultprep.content import Library, load_library
from consultprep.models import (
    ChecklistItem,
    ClinicOffer,
    Draft,
)
from tests.pdf_helpers import flat, flat_pages, pdf_invariant  # noqa: F401
from tests.pdf_library import (
    either_library,  # noqa: F401 - the fixture ``library``
    export,
    full_draft,
    page_texts,
)


# --- the content --------------------------------------------------------------------------
def test_full_pack_has_everything_in_order(library: Library, tmp_path: Path) -> None:
    draft = full_draft(library)
    reader = export(draft, library, tmp_path)
    pages = page_texts(reader)
    n = len(pages)
    first = flat(pages[0])
    everything = flat_pages(pages)
    concern = library.concern("scars")
    assert concern.name in first
    assert concern.subtypes[0].name in first
    assert "not medical advice" in first.lower()
    assert f"page 1 of {n}" in first
    for item in draft.top_questions():
        assert item.text in first, item.text
    for label in (
        "Margaret O'Neill",
        "3 December 2026",
        "Dr Patel",
        "Left shoulder",
        "Ramipril 5 mg",
        "Penicillin",
        "Mild asthma",
        "7 / 10",
        "4 / 10",
        "Silicone gel",
        "To sleep through the night.",
    ):
        assert label in first, label
    assert library.conditions[0].label in first
    # the patient's own words on a line of their own, not run on after the ticked ones
    assert f"{library.conditions[0].label}; Mild asthma" not in first
    assert "Other health notes Mild asthma" in first
    for k, text in enumerate(pages, 1):
        assert f"page {k} of {n}" in text
    questions = draft.ordered_questions()
    for item in questions:
        assert item.text in everything, item.text
        info = library.question(item.id)
        if info is not None:
            assert f"Why ask: {info.why}" in everything
    assert draft.checklist[0].text not in everything  # not included
    assert "She said the studies are small." in everything
    # the evidence: every treatment for this kind of scar, its summary, and a warning where
    # there is one; the treatments for other kinds are named, not described (but not another
    # kind's waiting: each kind has its own)
    shown = concern.for_subtype(draft.subtype)
    for t in concern.treatments:
        if t not in shown.treatments:
            assert flat(t.summary) not in everything, t.id
            assert (t.name in everything) == (t.kind != "waiting"), t.id
    for t in shown.treatments:
        assert flat(t.summary) in everything, t.id
        assert flat(t.uncertain) in everything, t.id
        if t.warning:  # with the numbers of its own sources (the regulators')
            assert re.search(re.escape(flat(t.warning_note)) + r" \[\d", everything), t.id
    for fact in library.general_facts:
        assert flat(fact.text) in everything
    # the offer and its red flag
    flag = library.red_flags[0]
    assert "The clinic's offer" in everything and "Abroad — Turkey" in everything
    assert flag.label in everything and flat(flag.explanation) in everything
    # references, numbered in the order cited, and the content's version and disclaimer
    refs = everything[everything.rindex("References") :]
    for ref in library.citations_for(shown):
        assert flat(ref.citation)[:40] in refs
    assert "[1]" in refs
    assert flat(library.meta.disclaimer) in everything
    assert f"Content version {library.meta.content_version}" in everything
    # order of the sections
    order = [
        "My top three questions",
        "My questions",
        "What the evidence says",
        "The clinic's offer",
        "Words used in this pack",
        "References",
    ]
    positions = [everything.index(h) for h in order]
    assert positions == sorted(positions)


@pytest.mark.parametrize("kind", ["diabetic-foot", "pressure", "venous-leg"])
def test_waiting_on_a_wound_lists_when_to_get_help(kind: str, tmp_path) -> None:
    """The signs that need help at once are a list under their lead line (they were one long
    sentence in the summary), the sources' numbers after the last."""
    library = load_library()
    draft = Draft(concern="chronic-wound", subtype=kind)
    everything = flat_pages(page_texts(export(draft, library, tmp_path)))
    (waiting,) = library.concern("chronic-wound").for_subtype(kind).treatments_of("waiting")
    assert flat(waiting.get_help) in everything
    for sign in waiting.get_help_signs:
        assert f"• {flat(sign)}" in everything, sign
    assert re.search(re.escape(flat(waiting.get_help_signs[-1])) + r" \[\d", everything)


def test_metadata_names_the_pack_not_the_patient(library: Library, tmp_path: Path) -> None:
    reader = export(full_draft(library), library, tmp_path)
    meta = reader.metadata
    assert meta.title == "ConsultPrep consultation pack"
    assert meta.author in ("", "ConsultPrep")
    raw = " ".join(str(v) for v in meta.values())
    assert "Margaret" not in raw and str(tmp_path) not in raw
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    assert outline == [
        "Summary for the clinician",
        "My questions",
        "What the evidence says",
        "The clinic's offer",
        "Words used in this pack",
        "References",
    ]


@pytest.mark.parametrize("concern_id", ["scars", "chronic-wound", "inflammatory", "ageing"])
def test_every_concern_prints_its_ladder(library: Library, concern_id: str, tmp_path) -> None:
    reader = export(full_draft(library, concern_id), library, tmp_path)
    text = flat(" ".join(page_texts(reader)))
    assert library.concern(concern_id).name in text
    assert "Stronger evidence" in text and "Comparison point" in text
    # What happens in the skin comes first, as in the app, then the ladder
    evidence = text.split("What the evidence says", 1)[1]
    about = f"About {library.concern(concern_id).name.lower()}"
    assert evidence.index(about) < evidence.index("Stronger evidence")
    for level in library.levels:
        assert level.short in text
    assert library.warning_marker.short in text
    # The key under "What the rungs mean" uses the ladder's red "!" badge, not a "⚠".
    key = text.split("What the rungs mean", 1)[1]
    tail = library.warning_marker.meaning[-20:]
    key = key[: key.index(tail) + len(tail) + 3]  # the badge's "!" is drawn after the words
    assert "⚠" not in key and "!" in key


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large-print"])
def test_the_evidence_section_is_never_left_above_a_gap_as_tall_as_its_ladder(
    tmp_path: Path, large_print: bool
) -> None:
    """In each example, "What the evidence says" is on the same page as the ladder when both
    fit on one page (in large print they may not; then the ladder follows at once): the
    section's start is never left above a gap as tall as the ladder. Where the whole opening
    does not fit in what is left of a page, the text about the skin may fill it, and the
    ladder starts the next page."""
    from pypdf import PdfReader

    from consultprep.storage import load_draft
    from exports import export_pdf
    from exports.options import PackOptions
    from tests.content_checks import EXAMPLES

    real = load_library()
    for example in EXAMPLES:
        path = tmp_path / f"{example.stem}.pdf"
        export_pdf(load_draft(example), path, real, PackOptions(large_print=large_print))
        pages = [flat(text) for text in page_texts(PdfReader(str(path)))]
        start = next(n for n, text in enumerate(pages) if "What the evidence says" in text)
        ladder = next(n for n, text in enumerate(pages) if "Stronger evidence" in text)
        about = f"About {real.concern(load_draft(example).concern).name.lower()}"
        text_first = ladder == start + 1 and about in pages[start]
        assert ladder == start or text_first or (large_print and ladder == start + 1), example.stem


def test_empty_draft_makes_a_valid_pack(library: Library, tmp_path: Path) -> None:
    reader = export(Draft(), library, tmp_path)
    pages = page_texts(reader)
    assert "No concern chosen" in pages[0]
    assert "Not filled in" in pages[0]
    assert f"page 1 of {len(pages)}" in pages[0]
    assert "No questions were chosen in ConsultPrep. You can write your questions here." in (
        flat_pages(pages)
    )


def test_unknown_ids_are_ignored(library: Library, tmp_path: Path) -> None:
    draft = Draft(concern="no-such-concern", subtype="nope")
    draft.about.conditions = ["no-such-condition"]
    draft.offer = ClinicOffer(offered=True, red_flags=["no-such-flag"])
    draft.checklist = [
        ChecklistItem(
            id="gone", text="A question no longer in the library", source="concern", top=True
        )
    ]
    text = flat(" ".join(page_texts(export(draft, library, tmp_path))))
    assert "No concern chosen" in text
    assert "A question no longer in the library" in text
    assert "I did not tick any warning signs." in text


@pytest.mark.parametrize("width", [180.0, 300.0, 481.0])
def test_ladder_pills_stay_inside_the_picture(library: Library, width: float) -> None:
    from exports.flowables import PAD, EvidenceLadder
    from exports.styles import FRAME_HEIGHT

    for concern in library.concerns:
        ladder = EvidenceLadder(concern, library)
        w, h = ladder.wrap(width, FRAME_HEIGHT)
        assert w == width and 0 < h <= FRAME_HEIGHT
        inner = width / ladder._scale - PAD
        pills = [p for row in ladder._rows for p in row.pills]
        assert len(pills) == len(concern.treatments)
        assert all(p.x + p.w <= inner + 0.01 for p in pills), concern.id
        for x, _, label, _, _ in ladder._legend:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            assert x + 16 + stringWidth(label, "DejaVuSans", 8.5) <= inner + 0.01


def test_every_page_says_whose_it_is(tmp_path: Path) -> None:
    """After the pages are parted, a clinician can tell whose a page is: the footer gives
    the patient's name (cut with "…" to fit, in large print too, where the app's name gives
    way first), or only the date."""
    from pypdf import PdfReader

    from exports import export_pdf
    from exports.options import PackOptions

    real = load_library()
    draft = full_draft(real)
    for large, name, shown in (
        (False, "Zoë O’Brien", "For Zoë O’Brien —"),
        (True, "Margaret Alexandra Featherstonehaugh-Cholmondeley", "For Margaret Ale"),
        (True, "Bartholomew Anderson", "For Bartholomew Anderson —"),  # whole: room made
        (False, "", "Made on"),
    ):
        draft.about.patient_name = name
        path = export_pdf(draft, tmp_path / "pack.pdf", real, PackOptions(large_print=large))
        pages = [flat(text) for text in page_texts(PdfReader(str(path)))]
        assert all(shown in page for page in pages), (name, pages[-1][-200:])
        if large and "Cholmondeley" in name:
            assert all("Cholmondeley" not in page.split("page ")[-1] for page in pages)
            assert all("… —" in page for page in pages)
        if large:  # the app's name gave way to the patient's
            assert all("ConsultPrep — not medical advice" not in page for page in pages)
            assert all("Not medical advice — page" in page for page in pages)
        assert shown not in flat_pages(pages)  # the helper leaves the footers out
