"""The glossary: plain explanations of words like "exosomes" or "MSC", found in any text.

Content is data in ``resources/content/glossary.toml``, validated here when it is loaded.
``Glossary.terms_in(text)`` finds which terms a piece of text uses, so the screen can explain
them (a tooltip, a "What does this mean?" button).
"""

from __future__ import annotations

import re
import tomllib
from functools import cached_property, lru_cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from consultprep.content import ContentError, Library
from resources import folder

GLOSSARY_FILE = "glossary.toml"


class Term(BaseModel):
    """One word or phrase and what it means."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(min_length=1)
    term: str = Field(min_length=1)  # as shown, e.g. "stromal vascular fraction (SVF)"
    also: list[str] = Field(default_factory=list)  # other spellings that appear in text
    case_sensitive: bool = False  # for names in capitals: NICE, not "nice"
    meaning: str = Field(min_length=1, max_length=400)
    citations: list[str] = Field(default_factory=list)

    def spellings(self) -> list[str]:
        """Every way the term is written, longest first (the shown term included)."""
        words = {self.term, *self.also}
        return sorted(words, key=len, reverse=True)

    def explanation(self) -> str:
        """ "Term: meaning" in one line."""
        return f"{self.term}: {self.meaning}"


#: Letters that Python's case-blind matching takes for plain Latin ones, but lower() does not.
_UNUSUAL_CASE = re.compile("[\u0130\u0131\u017f\u212a\u212b\ufb05\ufb06\u1e9e]")


class Glossary(BaseModel):
    """All the terms, with unique ids and spellings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    terms: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Glossary:
        problems = []
        ids = [t.id for t in self.terms]
        problems += [
            f"duplicate term id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})
        ]
        seen: dict[str, str] = {}
        for t in self.terms:
            for word in t.spellings():
                owner = seen.setdefault(word.casefold(), t.id)
                if owner != t.id:
                    problems.append(f"{word!r} is listed under both {owner!r} and {t.id!r}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @cached_property
    def _patterns(self) -> list[tuple[Term, re.Pattern[str]]]:
        out = []
        for t in self.terms:
            words = "|".join(re.escape(w) for w in t.spellings())
            flags = 0 if t.case_sensitive else re.IGNORECASE
            out.append((t, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", flags)))
        return out

    def terms_in(self, text: str) -> list[Term]:
        """The terms ``text`` uses, in the order they first appear."""
        found = []
        lower = text.lower()
        same_places = len(lower) == len(text)
        # The patterns ignore case as Python's re does, which also matches a few letters that
        # lower() keeps apart (the Turkish "İ" and "ı", the long "ſ", the Kelvin sign): a text
        # with any of them gets no plain look first.
        quick = same_places and not _UNUSUAL_CASE.search(text)
        for t, pattern in self._patterns:
            # A plain look for the words first, and the pattern (which checks the letters
            # around a word, slowly) only from there: a whole pack took 6 ms, now well under 1.
            start = 0
            if quick:
                places = [i for i in (lower.find(w.lower()) for w in t.spellings()) if i >= 0]
                if not places:
                    continue
                start = max(0, min(places) - 1)
            match = pattern.search(text, start)
            if match:
                found.append((match.start(), t))
        return [t for _, t in sorted(found, key=lambda pair: pair[0])]

    def term(self, term_id: str) -> Term | None:
        """The term with this id, or None."""
        return next((t for t in self.terms if t.id == term_id), None)

    def unknown_citations(self, library: Library) -> list[str]:
        """Citations that are not in the library's references (should be none)."""
        known = {r.id for r in library.references}
        return [f"{t.id}: {c}" for t in self.terms for c in t.citations if c not in known]


@lru_cache(maxsize=1)
def load_glossary() -> Glossary:
    """Load and validate the bundled glossary (cached).

    Raises
    ------
    ContentError
        If the file is missing, not valid TOML, or fails validation.
    """
    path = folder("content", GLOSSARY_FILE)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Glossary.model_validate(data)
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ContentError(f"content file {GLOSSARY_FILE}: {exc}") from exc
