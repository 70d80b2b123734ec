"""The PDF pack: right content in the right place, and any text prints literally.

Every content test runs twice: against a small in-memory library (so the layout code is
tested on its own, with awkward names) and against the real bundled content. Photos, where the
file is saved and the examples: ``tests/test_pdf_files.py``.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from consultprep.content import Library, load_library
from consultprep.models import (
    ChecklistItem,
    ClinicOffer,
    Draft,
    TriedTreatment,
)
from tests.pdf_helpers import flat, flat_pages, pdf_invariant  # noqa: F401
from tests.pdf_library import (
    ABOUT_TEXT_FIELDS,
    HOSTILE,
    export,
    full_draft,
    mini_library,
    page_texts,
)


@pytest.fixture(scope="module", params=["mini", "real"])
def library(request: pytest.FixtureRequest) -> Library:
    return mini_library() if request.param == "mini" else load_library()


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
    assert "Added in my words Mild asthma" in first
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
def test_the_evidence_section_starts_on_the_page_of_its_ladder(
    tmp_path: Path, large_print: bool
) -> None:
    """In each example, "What the evidence says" is on the same page as the ladder when both
    fit on one page (in large print they may not; then the ladder follows at once): the
    section's start is never left above a gap as tall as the ladder."""
    from pypdf import PdfReader

    from consultprep.storage import load_draft
    from exports import export_pdf
    from exports.options import PackOptions
    from tests.test_content import EXAMPLES

    real = load_library()
    for example in EXAMPLES:
        path = tmp_path / f"{example.stem}.pdf"
        export_pdf(load_draft(example), path, real, PackOptions(large_print=large_print))
        pages = [flat(text) for text in page_texts(PdfReader(str(path)))]
        start = next(n for n, text in enumerate(pages) if "What the evidence says" in text)
        ladder = next(n for n, text in enumerate(pages) if "Stronger evidence" in text)
        assert ladder == start or (large_print and ladder == start + 1), example.stem


def test_empty_draft_makes_a_valid_pack(library: Library, tmp_path: Path) -> None:
    reader = export(Draft(), library, tmp_path)
    pages = page_texts(reader)
    assert "No concern chosen" in pages[0]
    assert "Not given" in pages[0]
    assert f"page 1 of {len(pages)}" in pages[0]
    assert "No questions were chosen." in " ".join(pages)


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


# --- any text prints literally ------------------------------------------------------------
def test_hostile_text_prints_literally(library: Library, tmp_path: Path) -> None:
    nasty = " | ".join(HOSTILE.values()) + " ሰላም"
    draft = full_draft(library)
    about = draft.about
    for field in ABOUT_TEXT_FIELDS:
        setattr(about, field, f"{field}: {nasty}")
    about.treatments_tried = [TriedTreatment(name=nasty, how_it_went=nasty)]
    draft.offer.claims = nasty
    draft.checklist[-1].text = f"Own: {nasty}"
    draft.checklist[-1].answer = nasty
    reader = export(draft, library, tmp_path)
    pages = page_texts(reader)
    text = " ".join(pages)
    assert "<script>alert(1)</script>" in text
    assert "&amp; &lt;" in text
    assert "<b>bold</b> <para> <font name='x'>" in flat(text)  # it may wrap at a space
    assert "Zoë Ελληνικά Кириллица" in text
    assert "<script>alert(1)</script>" in pages[0]  # in the top three, on page 1
    # Emoji the fonts lack are printed as their names; Chinese in the fallback font.
    assert "[slightly smiling face]" in text and "[flag GB]" in text
    assert "🙂" not in text and "皮肤" in text
    assert "\ufffd" in text  # Ethiopic letters (no bundled font has them): the substitute
    assert "\x00" not in text and "\x07" not in text and "\u202e" not in text
    assert "cannot be printed with this pack's font" in flat(text)


def test_long_text_flows_over_pages_and_is_cut_with_a_note(library: Library, tmp_path) -> None:
    draft = full_draft(library)
    words = ("itchy " * 20_000)[:100_000]
    draft.about.symptoms = words
    draft.about.goals = "x" * 100_000  # one enormous word
    draft.about.patient_name = "N" * 100_000
    draft.checklist[-1].text = "Q" * 100_000
    draft.checklist[-1].answer = "answer " * 15_000
    started = time.perf_counter()
    reader = export(draft, library, tmp_path)
    assert time.perf_counter() - started < 8
    pages = page_texts(reader)
    assert len(pages) < 60
    text = " ".join(pages)
    assert "more characters are not printed here" in text
    assert "itchy itchy" in text


def test_safe_text_escapes_and_cleans() -> None:
    from exports.fonts import SUBSTITUTE, plain_text, safe_text

    assert safe_text("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert safe_text("&amp;") == "&amp;amp;"
    assert safe_text("a\x00b\x07c") == "abc"
    assert safe_text("one\r\ntwo\n\n\n\nthree\n") == "one<br/>two<br/><br/>three"
    cjk = '<font name="DroidSansFallback">皮肤</font>'
    assert safe_text("🙂🙂 ok 皮肤") == f"[slightly smiling face ×2] ok {cjk}"
    assert plain_text("皮肤") == SUBSTITUTE  # canvas text has one font (content only)
    assert safe_text("👍🏽\u200d") == "[thumbs up sign]"  # skin tone and joiner dropped
    assert safe_text("🇬🇧 👍\n👍") == "[flag GB] [thumbs up sign]<br/>[thumbs up sign]"
    assert safe_text("ሰላም 🏽") == f"{SUBSTITUTE} {SUBSTITUTE}"  # no font has these
    many = safe_text("".join(chr(0x1F680 + n) for n in range(60)))  # 60 different emoji
    assert many.count("[") == 50 and many.endswith(f"]{SUBSTITUTE}")
    assert safe_text("e\u0301") == "é"
    assert safe_text(None) == "" and safe_text("") == ""
    assert "more characters are not printed" in safe_text("a" * 50, limit=10)
    assert plain_text("<b>\nx") == "<b> x"
    # Arabic letters take their joined forms; right-to-left text stays in reading order for
    # wrapping (it is turned round line by line when drawn), except on one-line canvas text
    assert safe_text("שלום") == "שלום"
    shaped = safe_text("مرحبا")
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in shaped)
    assert safe_text("Name: أحمد 2024").startswith("Name: ")
    assert plain_text("שלום") == "םולש"
    assert plain_text("Name: أحمد 2024").startswith("Name: 2024 ")


#: Chinese ("the scar on my shoulder is itchy at night..."), Japanese and Korean, as typed.
CHINESE = "我肩膀上的疤痕晚上很痒，已经两年了。" * 12
JAPANESE = "かゆみが強くて、夜よく眠れません。"
KOREAN = "흉터가 가렵습니다"


def test_chinese_japanese_and_korean_are_printed_not_substituted(
    library: Library, tmp_path: Path
) -> None:
    draft = full_draft(library)
    draft.about.patient_name = "王小明"
    draft.about.symptoms = f"{CHINESE} {JAPANESE}"
    draft.about.goals = KOREAN
    reader = export(draft, library, tmp_path)
    text = flat(" ".join(page_texts(reader))).replace(" ", "")
    for typed in ("王小明", CHINESE[:40], JAPANESE, KOREAN.replace(" ", "")):
        assert typed in text
    assert "\ufffd" not in text and "cannotbeprinted" not in text
    fonts = {
        str(font).split("+")[-1]
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).get_object().values()
        for font in [font.get_object()["/BaseFont"]]
    }
    assert {"DejaVuSans", "DroidSansFallback"} <= fonts


def test_a_long_run_of_chinese_wraps_inside_the_width() -> None:
    from exports.fonts import safe_text
    from exports.paragraphs import PackParagraph
    from exports.styles import styles

    para = PackParagraph(f"<b>Notes:</b> {safe_text(CHINESE)}", styles()["body"])
    para.wrap(300, 10_000)
    widths = para.getActualLineWidths0()
    assert len(widths) > 3 and max(widths) <= 300


#: "I went to the doctor in the morning and he told me the scar needs a long time to heal fully"
HEBREW = "הלכתי לרופא בבוקר והוא אמר לי שהצלקת צריכה זמן רב כדי להחלים לגמרי"
HEBREW_WORDS = HEBREW.split(" ")


@pytest.mark.parametrize("markup", ["{}", "<b>Notes:</b> {}"])  # one style, and mixed styles
def test_a_long_right_to_left_paragraph_reads_from_its_first_line_down(markup: str) -> None:
    from exports.bidi import visual_order
    from exports.fonts import register_fonts, safe_text
    from exports.paragraphs import PackParagraph, _visual
    from exports.styles import styles

    register_fonts()
    p = PackParagraph(markup.format(safe_text(" ".join(HEBREW_WORDS))), styles()["body"])
    p.wrap(150, 1000)

    def texts(bl) -> list[str]:
        if bl.kind == 0:
            return [" ".join(words) for _space, words in bl.lines]
        return ["".join(frag.text for frag in line.words) for line in bl.lines]

    logical, drawn = texts(p.blPara), texts(_visual(p.blPara))
    assert len(logical) >= 3
    assert HEBREW_WORDS[0] in logical[0] and HEBREW_WORDS[-1] in logical[-1]
    assert drawn == [visual_order(line) for line in logical]
    assert texts(p.blPara) == logical  # the lines kept (and cached) stay in reading order


def test_right_to_left_notes_print_in_reading_order(tmp_path: Path) -> None:
    library = mini_library()
    draft = Draft(concern=library.concerns[0].id)
    draft.about.symptoms = " ".join(HEBREW_WORDS * 3)
    text = " ".join(page_texts(export(draft, library, tmp_path)))
    # pypdf reads right-to-left lines back in reading order: the first words come first
    assert text.index(HEBREW_WORDS[0]) < text.index(HEBREW_WORDS[-1])


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
    the patient's name (cut with "…" to fit, in large print too), or only the date."""
    from pypdf import PdfReader

    from exports import export_pdf
    from exports.options import PackOptions

    real = load_library()
    draft = full_draft(real)
    for large, name, shown in (
        (False, "Zoë O’Brien", "For Zoë O’Brien —"),
        (True, "Margaret Alexandra Featherstonehaugh-Cholmondeley", "For Margar"),
        (False, "", "Made on"),
    ):
        draft.about.patient_name = name
        path = export_pdf(draft, tmp_path / "pack.pdf", real, PackOptions(large_print=large))
        pages = [flat(text) for text in page_texts(PdfReader(str(path)))]
        assert all(shown in page for page in pages), (name, pages[-1][-200:])
        if large:
            assert all("Cholmondeley" not in page.split("page ")[-1] for page in pages)
            assert all("… —" in page for page in pages)
        assert shown not in flat_pages(pages)  # the helper leaves the footers out


def test_characters_beyond_the_basic_plane_are_copied_as_typed(tmp_path: Path) -> None:
    """The PDF's text (copy, search, screen readers) maps a drawn emoji back to itself, not
    to another character: the ToUnicode map writes it as UTF-16, as PDF requires."""
    library = load_library()
    draft = full_draft(library)
    draft.about.patient_name = "Zoë 😀 ☺"
    pages = page_texts(export(draft, library, tmp_path))
    assert "Zoë 😀 ☺" in flat(pages[0])
    assert "\u1f60" not in flat_pages(pages)
