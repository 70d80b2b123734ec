"""What the PDF pack remembers between exports changes nothing in it (issue 6).

Paragraphs (parsed markup and lines for each width), made-safe text, tick-box drawings and the
cut-down embedded font are remembered so packs are made faster. Each test compares the bytes
made with everything remembered against plain reportlab (reportlab's invariant mode, so
equal content gives equal bytes), or checks that one draft's text cannot reach another pack.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from types import MethodType

import pytest
from hypothesis import example, given, settings
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Table

import exports.fonts
import exports.form
import exports.paragraphs
import exports.ttf
from consultprep.content import load_library
from consultprep.models import Draft, TriedTreatment
from consultprep.storage import load_draft
from exports.fonts import FONT, FONT_BOLD, register_fonts, safe_text
from exports.options import PackOptions
from exports.paragraphs import LINES, Cache, PackParagraph, clear_caches
from exports.pdf import render_pack
from exports.styles import styles
from tests.pdf_helpers import flat, pdf_invariant  # noqa: F401
from tests.strategies import DEEP, drafts
from tests.test_page_one import enormous_draft

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.consultprep"))
LIBRARY = load_library()
MADE = date(2026, 12, 1)
OPTIONS = [PackOptions(), PackOptions(paper="Letter", large_print=True)]
FIELDS = ("patient_name", "body_area", "symptoms", "medicines", "goals", "clinician")


def forget_everything() -> None:
    """Empty every cache, so the next pack is made from nothing remembered."""
    clear_caches()
    exports.fonts._safe_text_cached.cache_clear()


def _plain_add_objects(font: TTFont, doc) -> None:
    """reportlab's own embedding, with the one fix that is not a shortcut: emoji written in
    the ToUnicode map as UTF-16 (a draft with an emoji differed from plain reportlab)."""
    TTFont.addObjects(font, doc)
    exports.ttf.mend_to_unicode(doc)


def plain_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch every cache off: paragraphs, safe text, tick-box drawings and the font."""
    monkeypatch.setattr(PackParagraph, "__init__", Paragraph.__init__)
    monkeypatch.setattr(PackParagraph, "wrap", Paragraph.wrap)
    monkeypatch.setattr(exports.fonts, "_safe_text_cached", exports.fonts._safe_text)
    monkeypatch.setattr(exports.form, "_same_looks", lambda make: make)
    monkeypatch.setattr(exports.ttf.PackFont, "splitString", TTFont.splitString)
    monkeypatch.setattr(exports.ttf.PackFont, "addObjects", _plain_add_objects)
    register_fonts()
    for name in (FONT, FONT_BOLD):
        face = pdfmetrics.getFont(name).face
        monkeypatch.setattr(face, "makeSubset", MethodType(type(face).makeSubset, face))


def remembered_and_plain(monkeypatch: pytest.MonkeyPatch, make) -> tuple[bytes, bytes, bytes]:
    """``make()`` from nothing remembered, again with everything remembered, then plain."""
    forget_everything()
    cold, warm = make(), make()
    plain_reportlab(monkeypatch)
    return cold, warm, make()


def marked(draft: Draft, mark: str) -> Draft:
    """A copy of ``draft`` with ``mark`` in every text field, tried treatment and answer."""
    draft = draft.model_copy(deep=True)
    for name in FIELDS:
        setattr(draft.about, name, f"{mark} {name}")
    draft.about.treatments_tried = [TriedTreatment(name=f"{mark} cream", how_it_went=mark)]
    for item in draft.checklist:
        item.answer = f"{mark} answer"
    draft.offer.claims = f"{mark} claims"
    return draft


def text_of(pdf: bytes) -> str:
    return flat(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))


# --- the same pack, with or without what is remembered --------------------------------------
@pytest.mark.parametrize("options", OPTIONS, ids=["a4", "letter-large"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_are_the_same_with_and_without_caches(
    example: Path, options: PackOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = load_draft(example)
    cold, warm, plain = remembered_and_plain(
        monkeypatch, lambda: render_pack(draft, LIBRARY, MADE, options)
    )
    assert cold == warm == plain


def test_enormous_and_hostile_drafts_are_the_same_with_and_without_caches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.pdf_library import HOSTILE

    nasty = " | ".join(HOSTILE.values())
    hostile = marked(load_draft(EXAMPLES[0]), nasty)
    hostile.offer.advert_text = f"We guarantee a cure with no risks. {nasty}"
    enormous = enormous_draft()
    large = PackOptions(large_print=True)

    def make() -> bytes:  # one after another, so each is made with the others remembered
        return b"".join(
            render_pack(d, LIBRARY, MADE, o) for d in (hostile, enormous) for o in (None, large)
        )

    cold, warm, plain = remembered_and_plain(monkeypatch, make)
    assert cold == warm == plain


# --- nothing of one draft reaches another pack ----------------------------------------------
def test_one_drafts_text_never_appears_in_anothers_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    base = load_draft(EXAMPLES[0])
    first, second = marked(base, "Alphamarker"), marked(base, "Bravomarker")
    forget_everything()
    render_pack(first, LIBRARY, MADE)
    after_first = render_pack(second, LIBRARY, MADE)
    text = text_of(after_first)
    assert "Bravomarker" in text and "Alphamarker" not in text
    plain_reportlab(monkeypatch)
    assert after_first == render_pack(second, LIBRARY, MADE)


def test_typed_markup_stays_text_when_remembered() -> None:
    """Typed text is escaped before the cache sees it, so it never matches real markup."""
    style = styles()["body"]
    typed = PackParagraph(safe_text("<b>Hello</b> &amp; <i>"), style)
    markup = PackParagraph("<b>Hello</b> &amp; ", style)
    again = PackParagraph(safe_text("<b>Hello</b> &amp; <i>"), style)
    assert typed.getPlainText() == again.getPlainText() == "<b>Hello</b> &amp; <i>"
    assert markup.getPlainText().strip() == "Hello &"
    draft = marked(load_draft(EXAMPLES[0]), "<b>bold</b> <font name='x'> &lt;")
    for _ in range(2):
        text = text_of(render_pack(draft, LIBRARY, MADE))
        assert "<b>bold</b> <font name='x'> &lt;" in text


# --- long words split over lines, and paragraphs split across pages --------------------------
URL = "https://example.org/" + "a-very-long-web-address-" * 12
SHY = "extra&shy;ordinarily&shy;long&shy;word&shy;with&shy;soft&shy;hyphens&shy;in&shy;it"
SPLIT_TEXTS = [
    f"See {URL} for the study, and ask the clinic about it. " * 3,  # one style
    f"<b>Where to look:</b> {URL} and the register. " * 3,  # several styles
    f"<b>Hyphenated:</b> an {SHY} and another {SHY} here. " * 3,  # reportlab changes these
]


def _split_doc(fillers: int, text: str) -> bytes:
    """A small document whose paragraphs with long words are split across pages, measured
    twice (kept together) and laid out in a narrower table cell."""
    register_fonts()
    style = ParagraphStyle(
        "t", parent=styles()["body"], allowWidows=1, allowOrphans=1, embeddedHyphenation=1
    )
    filler = "Filler line to push the text down the page."
    story: list = [PackParagraph(filler, style) for _ in range(fillers)]
    story += [PackParagraph(text, style), PackParagraph(text, style)]
    story += [KeepTogether([PackParagraph(filler, style), PackParagraph(text[:300], style)])]
    story += [Table([["", PackParagraph(text[:200], style)]], colWidths=[30, 100])]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=(300, 400)).build(story)
    return out.getvalue()


@pytest.mark.parametrize("text", SPLIT_TEXTS, ids=["one-style", "several-styles", "soft-hyphens"])
def test_long_words_split_across_pages_are_the_same(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def make() -> bytes:
        return b"".join(_split_doc(n, text) for n in range(0, 24, 2))

    cold, warm, plain = remembered_and_plain(monkeypatch, make)
    assert cold == warm == plain


def test_remembered_pieces_of_split_words_are_not_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """reportlab changes the class of a split word's last piece when it splits a paragraph
    across pages: what the cache keeps must not change with it."""
    from reportlab.platypus.paragraph import _SplitFragHY

    def classes(value: tuple) -> list[type]:
        frags, bl_para = value[:2]
        words = [w for line in bl_para.lines for w in (line[1] if bl_para.kind == 0 else [])]
        return [type(x) for x in [*frags, *words]]

    when_kept: dict[tuple, list[type]] = {}
    put = LINES.put

    def noting_put(key: tuple, value: tuple, chars: int) -> None:
        when_kept[key] = classes(value)
        put(key, value, chars)

    monkeypatch.setattr(LINES, "put", noting_put)
    forget_everything()
    for _ in range(2):  # made, then made again from what was kept
        for text in SPLIT_TEXTS:
            for n in range(0, 24, 2):
                _split_doc(n, text)
    kept = {key: value for key, (_weight, value) in LINES._data.items()}
    assert any(isinstance(f, _SplitFragHY) for frags, *_ in kept.values() for f in frags)
    for key, value in kept.items():
        assert classes(value) == when_kept[key]


# --- the caches' own rules --------------------------------------------------------------------
def test_cache_keeps_to_its_budget_and_drops_the_oldest_first() -> None:
    cache = Cache(budget=2_000)
    for n in range(20):
        cache.put(("k", n), n, chars=300)
        assert cache.used <= 2_000
    assert cache.get(("k", 0)) is None and cache.get(("k", 19)) == 19
    kept = len(cache)
    cache.get(("k", 20 - kept))  # used recently: kept when the next one comes in
    cache.put(("k", 99), 99, chars=300)
    assert cache.get(("k", 20 - kept)) == 20 - kept and cache.get(("k", 21 - kept)) is None


def test_very_long_paragraphs_are_not_remembered() -> None:
    forget_everything()
    style = styles()["body"]
    PackParagraph("word " * (exports.paragraphs.LONGEST // 5 + 1), style).wrap(400, 1000)
    assert len(LINES) == 0
    PackParagraph("word " * 10, style).wrap(400, 1000)
    assert len(LINES) == 1


def test_quick_font_encoding_gives_reportlabs_bytes() -> None:
    from reportlab.pdfbase.pdfdoc import PDFDocument

    register_fonts()
    font = pdfmetrics.getFont(FONT)
    greek = "".join(chr(c) for c in range(0x391, 0x3CA))
    cyrillic = "".join(chr(c) for c in range(0x410, 0x450))
    texts = ["Plain ASCII text.", "no\u00a0break", "Zoë – “quoted” ⚠ ■", "Zoë again", greek]
    texts += [cyrillic, f"{greek} {cyrillic} mixed", "Plain ASCII text.", "\ufffd 皮肤", ""]
    quick, plain = PDFDocument(), PDFDocument()
    for text in texts:
        assert font.splitString(text, quick) == TTFont.splitString(font, text, plain), text


def _with_an_emoji() -> Draft:
    draft = Draft(concern="scars")
    draft.about.symptoms = "It itches 😀"  # beyond U+FFFF: its ToUnicode entry is mended
    return draft


# Each example makes two packs: the CI profile's 25 took a twentieth of the whole suite.
@settings(max_examples=2000) if DEEP else settings(max_examples=12)
@given(drafts(concerns=["scars", "chronic-wound", "inflammatory", "ageing", None]))
@example(_with_an_emoji())
def test_any_draft_is_the_same_with_and_without_caches(draft: Draft) -> None:
    """Generated drafts (pathological text, many questions in the deep profile), each made
    after the ones before it, so with much remembered."""
    options = PackOptions(large_print=bool(len(draft.checklist) % 2))
    remembered = render_pack(draft, LIBRARY, MADE, options)
    with pytest.MonkeyPatch.context() as monkeypatch:
        plain_reportlab(monkeypatch)
        assert remembered == render_pack(draft, LIBRARY, MADE, options)
