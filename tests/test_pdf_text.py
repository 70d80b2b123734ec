"""The PDF pack prints any text literally: markup characters, very long text, Chinese,
Japanese and Korean, right-to-left scripts and characters beyond the basic plane (emoji).

Like ``tests/test_pdf.py``, the pack tests run against a small in-memory library and the real
bundled content.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from consultprep.content import Library, load_library
from consultprep.models import Draft, TriedTreatment
from tests.pdf_helpers import flat, flat_pages, pdf_invariant  # noqa: F401
from tests.pdf_library import (
    ABOUT_TEXT_FIELDS,
    HOSTILE,
    either_library,  # noqa: F401 - the fixture ``library``
    export,
    full_draft,
    mini_library,
    page_texts,
)


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


def test_a_long_pasted_list_runs_on_after_its_first_lines(library: Library, tmp_path) -> None:
    from exports.fonts import MAX_LINES, safe_text

    listed = "\n".join(f"- item {n}" for n in range(600))  # under the length limit
    printed = safe_text(listed)
    lines = printed.split("<br/>")
    assert len(lines) == MAX_LINES
    assert lines[:2] == ["- item 0", "- item 1"]
    assert lines[-1].startswith(f"- item {MAX_LINES - 1} / - item {MAX_LINES} / ")
    assert lines[-1].endswith("- item 599")  # nothing is left out
    assert safe_text("a\n\nb") == "a<br/><br/>b"  # short texts keep their lines
    # Three fields of a draft holding such a list: a few pages each, not one page per 50 lines.
    draft = full_draft(library)
    draft.about.symptoms = draft.about.goals = draft.offer.claims = listed
    pages = page_texts(export(draft, library, tmp_path))
    assert len(pages) < 40
    assert "- item 599" in " ".join(pages)


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


def test_characters_beyond_the_basic_plane_are_copied_as_typed(tmp_path: Path) -> None:
    """The PDF's text (copy, search, screen readers) maps a drawn emoji back to itself, not
    to another character: the ToUnicode map writes it as UTF-16, as PDF requires."""
    library = load_library()
    draft = full_draft(library)
    draft.about.patient_name = "Zoë 😀 ☺"
    pages = page_texts(export(draft, library, tmp_path))
    assert "Zoë 😀 ☺" in flat(pages[0])
    assert "\u1f60" not in flat_pages(pages)


@pytest.mark.parametrize(
    ("logical", "drawn"),
    [
        # The app's offer line: the count of warning signs stays by its words.
        ("abroad (تركيا); 3 warning signs", "abroad (ﺎﻴﻛﺮﺗ); 3 warning signs"),
        ("Left arm (זרוע שמאל), 5 cm", "Left arm (לאמש עורז), 5 cm"),
        # A number in right-to-left words, or just after them, is still part of them.
        ("عمري 45 سنة", "ﺔﻨﺳ 45 ﻱﺮﻤﻋ"),
        ("תל אביב 2024", "2024 ביבא לת"),
    ],
)
def test_a_number_after_right_to_left_words_stays_where_it_was_written(
    logical: str, drawn: str
) -> None:
    """ "(تركيا); 3 warning signs ticked" printed as "(3 ;(تركيا warning signs ticked": the
    app's count read as the country's (a review of printed packs)."""
    from exports.bidi import visual_order

    assert visual_order(logical) == drawn
