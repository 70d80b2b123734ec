"""What the content tests share: the library's texts as a patient reads them, a reading grade,
promotional words, and the fingerprint of the source article.

The check against copying from the source article uses a fingerprint of the article
(``tests/data/source_article_8grams.txt``: one short hash per run of eight words), so the
article itself need not ship with the code. When the article is present, a test checks the
fingerprint is up to date; regenerate it with::

    python tests/content_checks.py /path/to/regenerative-dermatology-article.txt
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

from consultprep.content import CONCERN_FILES, Concern, Library, Treatment
from consultprep.glossary import Glossary
from consultprep.vetting import Vetting
from resources import folder

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.consultprep"))
FINGERPRINT = Path(__file__).parent / "data" / "source_article_8grams.txt"
SOURCE_ARTICLE = Path(
    os.environ.get(
        "CONSULTPREP_SOURCE_ARTICLE",
        "/work/shared/sources/regenerative-dermatology-article.txt",
    )
)
NGRAM = 8
MAX_GRADE = 9.0

PROMOTIONAL = re.compile(
    r"\b(cure|cures|cured|breakthrough|miracle|revolutionary|guaranteed)\b"
    r"|\breverse\s+(ageing|aging)\b",
    re.IGNORECASE,
)
# Text that describes a clinic's claims may have to name them.
PROMOTIONAL_ALLOWED = (
    re.compile(r"^library\.red_flags\[\d+\]\.explanation$"),
    re.compile(r"^library\.offer_questions\[\d+\]\.(text|why)$"),
)
LINK = re.compile(r"^(doi:10\.\d{4,9}/\S+|PMID \d{6,9}|https://\S+)$")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*|\d[\d,.]*")


def raw_file(name: str) -> dict:
    path = folder("content", name)
    return tomllib.loads(path.read_text(encoding="utf-8"))


def raw_files() -> dict[str, dict]:
    files = {"library": raw_file("library.toml")}
    for name in CONCERN_FILES:
        files[name.removesuffix(".toml")] = raw_file(name)
    return files


def walk_toml(value: object, path: str) -> Iterator[tuple[str, object]]:
    """Every leaf value in a parsed TOML document, with a readable path."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from walk_toml(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            yield from walk_toml(inner, f"{path}[{n}]")
    else:
        yield path, value


def all_strings() -> Iterator[tuple[str, str]]:
    for file_name, data in raw_files().items():
        for path, value in walk_toml(data, file_name):
            if isinstance(value, str):
                yield path, value


def split_sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s.strip()]


def _syllables(word: str) -> int:
    """A simple English syllable count: vowel groups, less a silent final e."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 1  # a number counts as one word of one syllable
    count = len(re.findall(r"[aeiouy]+", letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def _as_sentence(text: str) -> str:
    text = text.strip()
    return text if text[-1] in ".!?" else text + "."


def fk_grade(texts: list[str]) -> float:
    """Flesch-Kincaid grade level of the texts read one after another."""
    joined = " ".join(_as_sentence(t) for t in texts if t.strip())
    sentences = len(split_sentences(joined))
    words = WORD.findall(joined)
    syllables = sum(_syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59


def concern_texts(concern: Concern) -> list[str]:
    """Everything about one concern that a patient reads, on screen or in the PDF."""
    texts = [concern.name, concern.description, concern.normal_repair]
    texts += [t for s in concern.subtypes for t in (s.name, s.description, s.evidence_note) if t]
    for t in concern.treatments:
        texts += [t.name, t.summary, t.uncertain, t.get_help, *t.get_help_signs]
        texts += [t.warning_note] if t.warning_note else []
    texts += [t for q in concern.questions for t in (q.text, q.why)]
    return texts


def library_texts(library: Library) -> list[str]:
    """The shared text a patient reads, whatever their concern."""
    texts = [library.meta.disclaimer, library.meta.privacy]
    texts += [t for lv in library.levels for t in (lv.short, lv.meaning)]
    texts += [library.warning_marker.short, library.warning_marker.meaning]
    texts += [
        t for q in [*library.core_questions, *library.offer_questions] for t in (q.text, q.why)
    ]
    texts += [t for f in library.red_flags for t in (f.label, f.explanation)]
    texts += [c.label for c in library.conditions]
    texts += [f.text for f in library.general_facts]
    return texts


def card_texts(treatment: Treatment) -> list[str]:
    """One treatment card's prose: the warning, the summary, when to get help (if it says) and
    "What we don't know yet".

    The name is left out: it is a short heading, which would pull the grade of a dense card
    down.
    """
    texts = [treatment.warning_note] if treatment.warning_note else []
    signs = [treatment.get_help, *treatment.get_help_signs] if treatment.get_help else []
    return [*texts, treatment.summary, *signs, treatment.uncertain]


def vetting_texts(vetting: Vetting) -> list[str]:
    """Everything a patient reads in the UK clinic checks, on screen or in the PDF."""
    texts = [vetting.title, vetting.intro, vetting.abroad_note]
    return texts + [t for c in vetting.checks for t in (c.title, c.what, c.where)]


def reading_units(
    library: Library, vetting: Vetting, glossary: Glossary
) -> list[tuple[str, str, list[str]]]:
    """Each card and section a patient may read on its own: (kind, name, texts).

    Kinds: "card" (a treatment), "vetting" (a UK clinic check), "glossary" (a meaning) and
    "section" (the rest). A whole concern can read at grade nine while one card in it reads
    far above, so each of these is graded by itself too.
    """
    units = []
    for c in library.concerns:
        units += [("card", f"{c.id}/{t.id}", card_texts(t)) for t in c.treatments]
        units.append(("section", f"{c.id} intro", [c.description, c.normal_repair]))
        units += [("section", f"{c.id} {s.id}", [s.name, s.description]) for s in c.subtypes]
    units += [("section", f"question {q.id}", [q.text, q.why]) for q in library.all_questions()]
    units += [("section", f"level {int(x.level)}", [x.short, x.meaning]) for x in library.levels]
    marker = library.warning_marker
    units.append(("section", "warning marker", [marker.short, marker.meaning]))
    units += [("section", f"red flag {f.id}", [f.label, f.explanation]) for f in library.red_flags]
    units += [("section", f"fact {f.id}", [f.text]) for f in library.general_facts]
    units += [("section", "disclaimer", [library.meta.disclaimer])]
    units += [("section", "privacy", [library.meta.privacy])]
    units.append(("vetting", "intro", [vetting.title, vetting.intro, vetting.abroad_note]))
    units += [("vetting", c.id, [c.title, c.what, c.where]) for c in vetting.checks]
    units += [("glossary", t.id, [t.meaning]) for t in glossary.terms]
    return units


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


def _ngram_hash(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]


def ngram_hashes(text: str, n: int = NGRAM) -> set[str]:
    words = words_of(text)
    return {_ngram_hash(words[i : i + n]) for i in range(len(words) - n + 1)}


def article_fingerprint() -> set[str]:
    return set(FINGERPRINT.read_text(encoding="utf-8").split())


if __name__ == "__main__":  # regenerate the fingerprint from a copy of the article
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    FINGERPRINT.parent.mkdir(exist_ok=True)
    FINGERPRINT.write_text("\n".join(sorted(ngram_hashes(text))) + "\n", encoding="utf-8")
    print(f"wrote {FINGERPRINT}")
