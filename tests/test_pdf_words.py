""""Words used in this pack": on paper there is no tooltip, so the pack explains the glossary's
words that it uses, with the sources of their meanings, and no others."""

from __future__ import annotations

from pathlib import Path

from consultprep.content import load_library
from consultprep.glossary import load_glossary
from consultprep.storage import load_draft
from tests.pdf_helpers import flat, flat_pages, pdf_invariant  # noqa: F401
from tests.pdf_library import EXAMPLES, export, page_texts


def _words_section(pages: list[str]) -> str:
    text = flat_pages(pages)
    start = text.index("Words used in this pack")
    return text[start : text.index("About this pack", start)]


def test_the_pack_explains_the_words_it_uses_and_only_those(tmp_path: Path) -> None:
    library, glossary = load_library(), load_glossary()
    draft = load_draft(next(p for p in EXAMPLES if p.stem == "scars"))
    pages = page_texts(export(draft, library, tmp_path))
    words = _words_section(pages)
    before = flat_pages(pages).split("Words used in this pack")[0]
    for term in glossary.terms:
        used = term in glossary.terms_in(before)
        assert (flat(term.meaning)[:50] in words) == used, term.id
    for term_id in ("keloid", "cochrane", "fda"):  # the scars pack uses these
        term = glossary.term(term_id)
        assert term is not None and flat(term.meaning)[:50] in words, term_id
    # alphabetical, each meaning with its sources' numbers as elsewhere in the pack
    shown = [t for t in sorted(glossary.terms, key=lambda t: t.term.casefold())
             if flat(t.meaning)[:50] in words]
    positions = [words.index(flat(t.meaning)[:50]) for t in shown]
    assert positions == sorted(positions)
    for term in shown:
        end = words.index(flat(term.meaning)[:50]) + len(flat(term.meaning))
        assert words[end:].lstrip().startswith("[") == bool(term.citations), term.id

