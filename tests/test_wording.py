"""The content's wording is calm, plain and our own: no promotional words, a reading grade of
nine or below (for each concern and the shared text as a whole, and for each card and
section on its own), and no run of eight words copied from the source article (the helpers
and the article's fingerprint are in ``tests/content_checks.py``). No Qt."""

from __future__ import annotations

import pytest

from consultprep.content import Library, load_library
from consultprep.glossary import load_glossary
from consultprep.vetting import load_vetting
from tests.content_checks import (
    MAX_GRADE,
    NGRAM,
    PROMOTIONAL,
    PROMOTIONAL_ALLOWED,
    SOURCE_ARTICLE,
    all_strings,
    article_fingerprint,
    concern_texts,
    fk_grade,
    library_texts,
    ngram_hashes,
    reading_units,
    split_sentences,
    vetting_texts,
    words_of,
)

# Each card and section, graded on its own: (kind, name, texts).
UNITS = reading_units(load_library(), load_vetting(), load_glossary())


def _units(kind: str) -> list:
    return [pytest.param(texts, id=name) for k, name, texts in UNITS if k == kind]


def _assert_plain(texts: list[str]) -> None:
    grade = fk_grade(texts)
    assert grade <= MAX_GRADE, f"Flesch-Kincaid grade {grade:.1f}: {' '.join(texts)}"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


# --- the wording is calm, plain and our own -------------------------------------------------


def test_no_promotional_words() -> None:
    found = [
        (path, m.group(0))
        for path, text in all_strings()
        for m in PROMOTIONAL.finditer(text)
        if not any(rule.match(path) for rule in PROMOTIONAL_ALLOWED)
    ]
    assert not found, f"promotional wording: {found}"


@pytest.mark.parametrize("concern_id", ["scars", "chronic-wound", "inflammatory", "ageing"])
def test_concern_reads_at_grade_nine_or_below(library: Library, concern_id: str) -> None:
    grade = fk_grade(concern_texts(library.concern(concern_id)))
    assert grade <= MAX_GRADE, f"{concern_id}: Flesch-Kincaid grade {grade:.1f}"


def test_shared_text_reads_at_grade_nine_or_below(library: Library) -> None:
    grade = fk_grade(library_texts(library))
    assert grade <= MAX_GRADE, f"shared text: Flesch-Kincaid grade {grade:.1f}"


@pytest.mark.parametrize("texts", _units("card"))
def test_each_treatment_card_reads_at_grade_nine_or_below(texts: list[str]) -> None:
    _assert_plain(texts)


def test_vetting_reads_at_grade_nine_or_below() -> None:
    _assert_plain(vetting_texts(load_vetting()))


@pytest.mark.parametrize("texts", _units("vetting"))
def test_each_vetting_check_reads_at_grade_nine_or_below(texts: list[str]) -> None:
    _assert_plain(texts)


def test_glossary_reads_at_grade_nine_or_below() -> None:
    _assert_plain([t.meaning for t in load_glossary().terms])


@pytest.mark.parametrize("texts", _units("glossary"))
def test_each_glossary_meaning_reads_at_grade_nine_or_below(texts: list[str]) -> None:
    _assert_plain(texts)


@pytest.mark.parametrize("texts", _units("section"))
def test_each_section_reads_at_grade_nine_or_below(texts: list[str]) -> None:
    _assert_plain(texts)


def test_every_card_and_section_is_graded(library: Library) -> None:
    names = {(kind, name) for kind, name, _ in UNITS}
    assert len(names) == len(UNITS), "two units share a name"
    cards = {name for kind, name in names if kind == "card"}
    assert cards == {f"{c.id}/{t.id}" for c in library.concerns for t in c.treatments}
    glossary = {name for kind, name in names if kind == "glossary"}
    assert glossary == {t.id for t in load_glossary().terms}
    vetting = {name for kind, name in names if kind == "vetting"}
    assert vetting == {"intro", *(c.id for c in load_vetting().checks)}


def test_readability_measure_tells_plain_from_dense() -> None:
    plain = ["The cut healed. The scar is flat now. It does not itch."]
    dense = [
        (
            "Mesenchymal stromal cell administration demonstrated immunomodulatory "
            "characteristics, substantially attenuating proinflammatory cytokine concentrations."
        )
    ]
    assert fk_grade(plain) < 3
    assert fk_grade(dense) > 15


def test_nothing_is_copied_from_the_source_article() -> None:
    source = article_fingerprint()
    assert len(source) > 1000, "the source article fingerprint looks empty"
    copied = [
        path
        for path, text in all_strings()
        if ngram_hashes(text) & source and not path.startswith("library.references")
    ]  # a reference quotes its title and authors, as the article's own list does
    assert not copied, f"runs of {NGRAM}+ words match the source article at: {copied}"


def test_glossary_copies_nothing_from_the_source_article() -> None:
    source = article_fingerprint()
    copied = [t.id for t in load_glossary().terms if ngram_hashes(t.meaning) & source]
    assert not copied, f"runs of {NGRAM}+ words match the source article at: {copied}"


def test_copy_check_would_catch_a_copied_sentence() -> None:
    if not SOURCE_ARTICLE.is_file():
        pytest.skip("source article not available here")
    sentence = next(
        s
        for s in split_sentences(SOURCE_ARTICLE.read_text(encoding="utf-8"))
        if len(words_of(s)) > 12
    )
    assert ngram_hashes(sentence) & article_fingerprint()


def test_fingerprint_matches_the_source_article() -> None:
    if not SOURCE_ARTICLE.is_file():
        pytest.skip("source article not available here")
    assert ngram_hashes(SOURCE_ARTICLE.read_text(encoding="utf-8")) == article_fingerprint()
