"""The bundled DejaVu Sans font, and making any user text safe to print with it.

Every PDF uses the DejaVu Sans files shipped in ``resources/fonts`` (the same font the app
shows on screen), registered once with reportlab as the family ``DejaVuSans``.

User text is data, never markup: :func:`safe_text` turns any string into text that a
reportlab ``Paragraph`` shows literally. Chinese, Japanese and Korean writing, which DejaVu
Sans has no letters for, is printed in the bundled Droid Sans Fallback (``FONT_CJK``), loaded
the first time a text needs it (about a tenth of a second, once). An emoji neither font can
draw is printed as its name in square brackets ("[thumbs up sign]"), so its meaning is kept;
other characters neither font can draw (scripts neither covers) are shown as one
``SUBSTITUTE`` mark (U+FFFD "�") per run, so nothing crashes and no empty boxes appear.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import groupby
from xml.sax.saxutils import escape

from exports import ExportError
from exports.bidi import shaped, visual_order
from resources import folder

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
#: Chinese, Japanese and Korean letters (regular only: bold text in these scripts is regular).
FONT_CJK = "DroidSansFallback"
_CJK_FILE = "DroidSansFallback.ttf"

#: Shown instead of a run of characters the font cannot draw (documented in the pack).
SUBSTITUTE = "\ufffd"
#: Longest user text printed from one field; the rest is replaced by a short note.
MAX_TEXT_CHARS = 8_000
#: Most lines printed as lines from one field: the lines after these run on as one paragraph,
#: " / " between them (a list of thousands of short lines pasted into every field made a
#: pack of 1,400 pages; nothing is left out this way).
MAX_LINES = 60
#: Invisible characters that are dropped: joiners, variation selectors, emoji tags.
_INVISIBLE = {0x200D, 0x200C, *range(0xFE00, 0xFE10), *range(0xE0000, 0xE0080)}
_INVISIBLE |= set(range(0xE0100, 0xE01F0))
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
#: Skin-tone modifiers: dropped after an emoji that is printed as its name.
_SKIN_TONES = range(0x1F3FB, 0x1F400)
#: Regional indicator letters: two of them make a flag ("🇬🇧" is printed "[flag GB]").
_REGIONAL = range(0x1F1E6, 0x1F200)
#: At most this many emoji in one text are printed as names; any more are substituted.
MAX_NAMED = 50

_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) with reportlab as one family (idempotent).

    Raises
    ------
    ExportError
        If the bundled font files cannot be read.
    """
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from exports.ttf import PackFont

    try:
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(PackFont(name, str(folder("fonts", filename))))
    except (OSError, TTFError) as exc:
        raise ExportError(
            "The PDF could not be made because some of ConsultPrep's own files are missing or "
            "damaged. Your saved drafts are safe. Please install ConsultPrep again, or ask whoever set it up for you to help."
        ) from exc
    # Bold and italic variants map onto the two files we have (there is no italic file).
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    _registered = True


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """Code points both font files can draw."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    regular = pdfmetrics.getFont(FONT).face.charToGlyph
    bold = pdfmetrics.getFont(FONT_BOLD).face.charToGlyph
    return frozenset(regular.keys() & bold.keys())


@lru_cache(maxsize=1)
def _fallback() -> frozenset[int]:
    """Code points only the fallback font draws (Chinese, Japanese, Korean), registering it.

    Loaded the first time some text needs it. If the file cannot be read, the answer is
    empty: those characters are then substituted, as before, and nothing else changes.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from exports.ttf import PackFont

    try:
        font = PackFont(FONT_CJK, str(folder("fonts", _CJK_FILE)))
    except (OSError, TTFError):
        return frozenset()
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT_CJK, bold, italic, FONT_CJK)
    drawable = _drawable()
    return frozenset(
        code
        for code, glyph in font.face.charToGlyph.items()
        if glyph and code not in drawable and code not in _INVISIBLE
        and unicodedata.category(chr(code)) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )


def can_draw(char: str) -> bool:
    """True if the bundled font has a glyph for this single character."""
    return ord(char) in _drawable()


def _clean(text: str, limit: int | None) -> str:
    """Normalise, cut to ``limit`` characters and fix line breaks (no escaping yet)."""
    text = unicodedata.normalize("NFC", text)
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    text = text.replace("\t", " ").strip()
    if limit is not None and len(text) > limit:
        rest = len(text) - limit
        text = (
            text[:limit].rstrip()
            + f" … [{rest:,} more characters are not printed here; they are kept in the draft]"
        )
    return text


@lru_cache(maxsize=1)
def _plain() -> frozenset[str]:
    """Characters printed just as they are: drawable, and not a control or invisible."""
    kept = {
        chr(code)
        for code in _drawable()
        if code not in _INVISIBLE
        and unicodedata.category(chr(code)) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    }
    return frozenset(kept | {"\n"})


def _printable_chars(text: str, fallback: bool = True) -> list[str]:
    """Characters to print: controls and invisibles dropped, undrawable runs substituted.

    With ``fallback``, characters of the fallback font (``FONT_CJK``) are kept.
    """
    if _plain().issuperset(text):
        return list(text)  # nothing to drop or substitute: the quick path for most text
    drawable = _drawable()
    if fallback:
        drawable = drawable | _fallback()
    out: list[str] = []
    named = 0
    last_name = ""  # the last emoji printed as a name, how many times in a row, and where
    repeats = mark = 0
    i = 0
    while i < len(text):
        ch = text[i]
        code = ord(ch)
        i += 1
        if ch == "\n":
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf") or code in _INVISIBLE or (code in _SKIN_TONES and named):
            continue
        if category in ("Cs", "Co", "Cn") or code not in drawable:
            plain = unicodedata.normalize("NFKC", ch)  # "𝗚" or "Ｇ" printed as "G"
            if plain != ch and all(ord(c) in drawable for c in plain):
                out.extend(plain)
                continue
            name = ""
            if named < MAX_NAMED:
                if code in _REGIONAL and i < len(text) and ord(text[i]) in _REGIONAL:
                    pair = chr(code - 0x1F1E6 + 65) + chr(ord(text[i]) - 0x1F1E6 + 65)
                    name, i = f"flag {pair}", i + 1
                elif category == "So":
                    name = unicodedata.name(ch, "").lower()
            if not name:
                if not out or out[-1] != SUBSTITUTE:
                    out.append(SUBSTITUTE)
                continue
            if name == last_name and out[-1] == "]":  # the same emoji again: "[… ×3]"
                repeats += 1
                del out[mark:]
                out.extend(f"{name} ×{repeats}]")
                continue
            named += 1
            last_name, repeats = name, 1
            out.append("[")
            mark = len(out)
            out.extend(f"{name}]")
            continue
        last_name = ""
        out.append(ch)
    return out


def plain_text(text: str, limit: int | None = MAX_TEXT_CHARS) -> str:
    """Text for drawing directly on a canvas: printable, one line, not escaped."""
    if not text:
        return ""
    # Shaped before invisible characters are dropped: a zero-width non-joiner keeps the
    # letters either side apart (Persian "می‌خواهم").
    line = shaped(_clean(str(text), limit).replace("\n", " "), can_draw)
    return visual_order("".join(_printable_chars(line, fallback=False)), shape=False)


#: Texts up to this long are remembered with what :func:`safe_text` made of them.
CACHED_LENGTH = 2_000


def safe_text(text: str | None, limit: int | None = MAX_TEXT_CHARS) -> str:
    """Make any string safe to put in a reportlab ``Paragraph``, shown exactly as typed.

    - ``&``, ``<`` and ``>`` are escaped, so no user text is ever read as markup;
    - control characters are removed; line breaks become ``<br/>`` (at most one blank line;
      after ``MAX_LINES`` lines the rest run on, " / " between them);
    - each run of characters the font cannot draw becomes one ``SUBSTITUTE`` (U+FFFD);
    - Arabic letters are joined (right-to-left text is put in visual order line by line when
      the paragraph is drawn: ``exports.paragraphs``);
    - text longer than ``limit`` characters is cut, with a note saying how much was left out.

    Parameters
    ----------
    text
        Anything the patient typed (None is treated as empty).
    limit
        Most characters to keep, or None for no limit.
    """
    if not text:
        return ""
    if type(text) is str and len(text) <= CACHED_LENGTH:
        return _safe_text_cached(text, limit)
    return _safe_text(str(text), limit)


def _safe_text(text: str, limit: int | None) -> str:
    chars = _printable_chars(shaped(_clean(text, limit), can_draw))  # shaped first (plain_text)
    lines = "".join(chars).split("\n")
    kept: list[str] = []
    for line in lines:
        line = line.strip()
        if not line and (not kept or not kept[-1]):
            continue  # no run of blank lines, no leading blank line
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    if len(kept) > MAX_LINES:  # a long pasted list: the rest run on, " / " between lines
        kept[MAX_LINES - 1 :] = [" / ".join(line for line in kept[MAX_LINES - 1 :] if line)]
    return "<br/>".join(_markup(line) for line in kept)


def _markup(line: str) -> str:
    """One printable line, escaped, its runs of fallback letters set in the fallback font."""
    if _plain().issuperset(line):
        return escape(line)
    extra = _fallback()  # anything else left in the line is one of its letters
    out: list[str] = []
    for in_fallback, run in groupby(line, key=lambda ch: ord(ch) in extra):
        text = escape("".join(run))
        out.append(f'<font name="{FONT_CJK}">{text}</font>' if in_fallback else text)
    return "".join(out)


# The same text is made safe many times: the content library's text in every pack, and the
# patient's when page 1 is tried again at a smaller size. The result depends only on the text.
_safe_text_cached = lru_cache(maxsize=4096)(_safe_text)


def has_substitutes(text: str | None, limit: int | None = MAX_TEXT_CHARS) -> bool:
    """True if printing ``text`` would show the substitute mark for some characters."""
    if not text:
        return False
    return SUBSTITUTE in _printable_chars(_clean(str(text), limit))
