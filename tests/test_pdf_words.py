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



def test_the_top_questions_are_named_by_how_many_are_chosen(tmp_path: Path) -> None:
    """One question starred is "My top question", not "My top three questions" over one;
    the question list and the review say the same."""
    from consultprep.summary import summary_lines

    library = load_library()
    draft = load_draft(EXAMPLES[0])
    top = draft.top_questions()
    assert len(top) == 3
    for chosen, heading, kicker, first in (
        (1, "My top question", "TOP QUESTION", "My top question comes first."),
        (2, "My top two questions", "TOP TWO", "My top two come first."),
        (3, "My top three questions", "TOP THREE", "My top three come first."),
    ):
        for n, item in enumerate(top):
            item.top = n < chosen
        text = flat(" ".join(page_texts(export(draft, library, tmp_path, f"{chosen}.pdf"))))
        assert heading in text and text.count(kicker) == chosen, chosen
        assert first in text
        assert ("top three" in text.lower()) is (chosen == 3)
        review = dict(summary_lines(draft, library))["Your questions"]
        said = {1: "Your top question:", 2: "Your top two:", 3: "Your top three:"}[chosen]
        assert said in review.splitlines()
    for item in draft.checklist:  # only the top ones asked: nothing "comes first"
        item.included = item.top
    text = flat(" ".join(page_texts(export(draft, library, tmp_path, "only.pdf"))))
    assert "TOP THREE" in text and "come first" not in text
    for item in draft.checklist:
        item.included = True
    for item in top:  # none chosen: the box says so, and the list says nothing of them
        item.top = False
    text = flat(" ".join(page_texts(export(draft, library, tmp_path, "0.pdf"))))
    assert "I have not chosen my top questions." in text and "come first" not in text
