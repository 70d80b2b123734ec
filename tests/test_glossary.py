"""The glossary content: valid, sourced where it needs to be, and finding words in text."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from consultprep.content import load_library
from consultprep.glossary import Glossary, load_glossary

LIBRARY = load_library()


def test_the_glossary_loads_and_cites_known_references() -> None:
    glossary = load_glossary()
    assert len(glossary.terms) >= 20
    assert glossary.unknown_citations(LIBRARY) == []


def test_the_words_in_the_brief_are_explained() -> None:
    glossary = load_glossary()
    for words in ("stromal vascular fraction", "exosomes", "MSC", "evidence ladder"):
        assert glossary.terms_in(words), words


def test_regulators_are_explained_with_a_source() -> None:
    glossary = load_glossary()
    for term_id in ("fda", "mhra", "cqc", "nice", "gmc", "specialist-register"):
        assert glossary.term(term_id).citations, term_id


def test_every_term_is_used_somewhere_in_the_content() -> None:
    glossary = load_glossary()
    used = {t.id for t in glossary.terms_in(LIBRARY.model_dump_json())}
    unused = {t.id for t in glossary.terms} - used
    assert unused <= {"evidence-ladder", "placebo", "dermatologist"}, unused  # on screen only


def test_finding_words_respects_case_and_word_edges() -> None:
    glossary = load_glossary()
    found = [t.id for t in glossary.terms_in("NICE says stem-cell (MSC) exosome products…")]
    assert found == ["nice", "stem-cells", "msc", "exosomes"]
    assert glossary.terms_in("a nice day") == []  # not the institute
    assert glossary.terms_in("SVFs and keloidal") == []  # whole words only


def test_a_word_listed_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match="listed under both"):
        Glossary.model_validate(
            {
                "terms": [
                    {"id": "a", "term": "exosome", "meaning": "One."},
                    {"id": "b", "term": "vesicle", "also": ["Exosome"], "meaning": "Two."},
                ]
            }
        )


def test_plain_wording() -> None:
    for term in load_glossary().terms:
        sentences = [s for s in term.meaning.replace("?", ".").split(".") if s.strip()]
        assert all(len(s.split()) <= 30 for s in sentences), term.id
        for word in ("cure", "breakthrough", "miracle", "reverse ageing"):
            assert word not in term.meaning.lower()


def test_finding_words_ignores_case_as_the_patterns_do_whatever_the_letters() -> None:
    """The quick plain look before each pattern must never hide a word the pattern finds:
    Python's case-blind matching also takes the Turkish "İ", the long "ſ" and the Kelvin
    sign for plain letters, which lower() does not."""
    g = load_glossary()
    for text, term_id in (
        ("A KELOİD scar", "keloid"),
        ("ſtem cells in a lab", "stem-cells"),
        ("a \u212aeloid", "keloid"),
        ("“Keloid” at the start", "keloid"),
        ("keloid", "keloid"),
    ):
        assert term_id in [t.id for t in g.terms_in(text)], text
