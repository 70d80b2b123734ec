"""Right-to-left text as printed: marks on the right letter, brackets, numbers with their
signs, Persian non-joiners, and bold words inside right-to-left sentences."""

from __future__ import annotations

import struct

import pytest

FATHA, SHADDA, QAMATS, SHIN_DOT, HOLAM = "\u064e", "\u0651", "\u05b8", "\u05c1", "\u05b9"
ZWNJ, ZWJ = "\u200c", "\u200d"


def _x_min(font, data: bytes, char: str) -> int:
    """Left edge of a character's glyph, from the font's glyph table (0 is the pen)."""
    at = font.get_table_pos("glyf")[0] + font.glyphPos[font.charToGlyph[ord(char)]]
    return struct.unpack(">h", data[at + 2 : at + 4])[0]  # (after the contour count)


def test_marks_are_drawn_before_their_letter_where_the_font_puts_them_over_it() -> None:
    """DejaVu Sans gives Arabic and Hebrew marks no width and draws them to the right of
    where the pen is: over the glyph drawn next. So each mark comes just before its letter.
    (A mark for left-to-right letters, the acute accent, is drawn to the left: over the
    glyph before it.)"""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from exports.bidi import visual_order
    from resources import folder

    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        path = folder("fonts", name)
        font, data = TTFontFile(str(path)), path.read_bytes()
        assert all(_x_min(font, data, m) >= 0 for m in (FATHA, SHADDA, QAMATS, SHIN_DOT)), name
        assert _x_min(font, data, "\u0301") < 0, name
    # "shalom" with its points: final mem, vav with holam, lamed, shin with qamats and dot
    assert visual_order(f"ש{QAMATS}{SHIN_DOT}לו{HOLAM}ם") == f"ם{HOLAM}ול{QAMATS}{SHIN_DOT}ש"
    # "Muhammad": the shadda is on the second meem, so it is drawn just before it
    drawn = visual_order(f"محم{SHADDA}د", shape=False)
    assert drawn == f"د{SHADDA}محم"
    assert visual_order(f"ف{FATHA}ا", shape=False) == f"ا{FATHA}ف"


def test_mark_widths_are_zero_so_the_order_does_not_move_the_letters() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from exports.fonts import FONT, register_fonts

    register_fonts()
    for mark in (FATHA, SHADDA, QAMATS, SHIN_DOT, HOLAM):
        assert stringWidth(mark, FONT, 10) == 0


@pytest.mark.parametrize(
    ("logical", "drawn"),
    [
        ("שרה (כהן)", "(ןהכ) הרש"),
        ("שרה [כהן] ok", "[ןהכ] הרש ok"),
        # Brackets opened before the right-to-left words stay as they were.
        ("Left arm (זרוע שמאל), 5 cm", "Left arm (לאמש עורז), 5 cm"),
    ],
)
def test_brackets_at_the_end_of_right_to_left_text_face_the_right_way(
    logical: str, drawn: str
) -> None:
    from exports.bidi import visual_order

    assert visual_order(logical) == drawn


def test_an_arabic_dose_in_brackets_prints_with_both_brackets_round_its_words() -> None:
    from exports.bidi import visual_order

    drawn = visual_order("جرعة 20 ملغ مرتين يوميا (صباحا ومساء)")
    # The bracketed words are drawn at the left, between their own two brackets.
    assert drawn == f"({visual_order('صباحا ومساء')}) {visual_order('جرعة 20 ملغ مرتين يوميا')}"


@pytest.mark.parametrize(
    ("logical", "drawn"),
    [
        ("מחיר $500", "$500 ריחמ"),
        ("הצלחה 100% תמיד", "דימת 100% החלצה"),
        ("נסיון ١٠٠٪", "١٠٠٪ ןויסנ"),  # Arabic-Indic digits and percent sign
        ("מחיר 1,000 ש", "ש 1,000 ריחמ"),  # a separator between digits stays in the number
        ("גיל 45, עיר", "ריע ,45 ליג"),  # a comma after the number goes with the words
    ],
)
def test_percent_and_currency_signs_stay_with_their_numbers(logical: str, drawn: str) -> None:
    from exports.bidi import visual_order

    assert visual_order(logical) == drawn


def test_percent_at_the_end_of_an_arabic_line_stays_with_its_number() -> None:
    from exports.bidi import visual_order
    from exports.fonts import plain_text

    words = "قالوا إنه علاج نهائي"
    assert visual_order(f"{words} 100%") == f"100% {visual_order(words)}"
    assert plain_text(f"{words} 100%") == f"100% {plain_text(words)}"


def test_a_persian_non_joiner_keeps_the_letters_either_side_apart() -> None:
    from exports.bidi import shape_arabic
    from exports.fonts import can_draw, plain_text, safe_text

    for first, second in (("می", "خواهم"), ("پوست", "ها")):
        typed = f"{first}{ZWNJ}{second}"
        apart = shape_arabic(first, can_draw) + shape_arabic(second, can_draw)
        assert safe_text(typed) == apart != safe_text(first + second)
        assert ZWNJ not in safe_text(typed)  # shaped first, then the invisible mark dropped
        assert plain_text(typed) == plain_text(second) + plain_text(first)
    # A zero-width joiner still joins, as it did when it was dropped before shaping.
    assert safe_text(f"ب{ZWJ}ب") == safe_text("بب")


def test_a_bold_phrase_in_a_right_to_left_quote_keeps_the_clauses_in_order() -> None:
    from exports.bidi import visual_order
    from exports.fonts import FONT_BOLD, register_fonts, safe_text
    from exports.paragraphs import PackParagraph, _visual
    from exports.styles import styles

    register_fonts()
    before, after = "هذا العلاج مضمون", "وآمن تماما"
    markup = f"“{safe_text(before)} <b>100%</b> {safe_text(after)}”"
    para = PackParagraph(markup, styles()["body"])
    para.wrap(400, 1000)
    assert para.blPara.kind == 1 and len(para.blPara.lines) == 1
    logical = "".join(frag.text for frag in para.blPara.lines[0].words)
    frags = _visual(para.blPara).lines[0].words
    texts = [frag.text for frag in frags]
    assert "".join(texts) == visual_order(logical, shape=False)
    # Read right to left: the words before the bold number, the number, the words after it.
    bold = next(n for n, frag in enumerate(frags) if frag.fontName == FONT_BOLD)
    assert texts[bold] == "100%"
    left, right = "".join(texts[:bold]), "".join(texts[bold + 1 :])
    assert visual_order(after) in left and visual_order(before) in right
    assert "".join(frag.text for frag in para.blPara.lines[0].words) == logical  # kept as is
