"""Short names for the library's references, as the screen shows them beside what they back:
"Source: Negenborn et al. 2016." (the full citations are listed under "Sources in full")."""

from __future__ import annotations

import re
from functools import lru_cache

from consultprep.content import Library

_AUTHORS_YEAR = re.compile(r"^(?P<authors>[^()]+?)\s*\([^()]*?(?P<year>\d{4})[^()]*\)")


#: Websites cited for several of their pages: the short form names the page.
_WEBSITES = {"NHS website (nhs.uk)": "NHS website"}


@lru_cache(maxsize=512)  # a pure function of the text, asked for each question at each Next
def short_citation(citation: str) -> str:
    """A short name for a reference, as in "Sources: Negenborn et al. 2016".

    "Negenborn VL, Groen JW, … (2016). Title…" gives "Negenborn et al. 2016"; an organisation
    keeps its name ("Care Quality Commission 2022"); with no year, the text up to the first
    full stop is used (cut at about 70 characters).
    """
    match = _AUTHORS_YEAR.match(citation)
    if not match:
        first = citation.split(". ")[0].rstrip(".")
        authors = [a.strip() for a in first.split(",") if a.strip()]
        if len(authors) > 1 and all(_is_person(a) for a in authors[:2]):
            return _people(authors)  # no year given
        if first in _WEBSITES:  # one website, several pages: name the page
            title = citation.split(". ")[1].rstrip(".")
            first = f"{_WEBSITES[first]}, “{title}”"
        elif first.endswith(", GOV.UK guidance"):  # one regulator, several pages: name the page
            title = citation.split(". ")[1].rstrip(".")
            first = f"{_SHORT_NAMES.get(authors[0], authors[0])} guidance, “{title}”"
            if len(first) > 70 and ":" in title:  # "Title: subtitle": the title is enough
                first = f"{_SHORT_NAMES.get(authors[0], authors[0])} guidance, “{title.split(':')[0]}”"
        if len(first) <= 70:
            return first
        whole = first[:70].rsplit(",", 1)[0]  # "Regulations … 2005, SR 2005 No. 174"
        if "“" not in first and "," in first[:70] and len(whole) >= 40:
            return whole  # a whole part, long enough to name it: no "…" needed
        return first[:67].rsplit(" ", 1)[0].rstrip(",;:") + ("…”" if "“" in first else "…")
    year = match["year"]
    if match["authors"].strip() == "National Institute for Health and Care Excellence":
        code = _NICE_CODE.search(citation)
        return f"NICE {code[1]} {year}" if code else f"NICE {year}"
    if match["authors"].strip() == "Cochrane review":  # several: told apart by their titles
        title = citation[match.end() :].lstrip(". ").split(". ")[0]
        return f"Cochrane review {year}, “{title}”"
    authors = [a.strip() for a in match["authors"].split(",") if a.strip()]
    if len(authors) == 1 or not all(_is_person(a) for a in authors[:2]):
        return f"{match['authors'].strip()} {year}"
    return f"{_people(authors)} {year}"


#: Regulators whose short names the app uses elsewhere.
_SHORT_NAMES = {"Medicines and Healthcare products Regulatory Agency": "MHRA"}
_NICE_CODE = re.compile(r"\b(NG\d+|CG\d+)\b")


def _people(authors: list[str]) -> str:
    """ "Negenborn et al.", or "Tawanwongsri and Vachiramon" for two authors."""
    names = [_surname(a) for a in authors]
    if len(names) == 2 and "et al." not in authors:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def sources_line(library: Library, citations: list[str]) -> str:
    """"Source: Negenborn et al. 2016." or "Sources: Mustoe et al. 2002; …." ("" if none)."""
    known = {r.id for r in library.references}
    refs = [short_citation(library.reference(c).citation) for c in citations if c in known]
    if not refs:
        return ""
    listed = "; ".join(refs)
    end = "" if listed.endswith(".") else "."  # "van Dongen et al." has its own
    return ("Source: " if len(refs) == 1 else "Sources: ") + listed + end


def with_sources(text: str, library: Library, citations: list[str]) -> str:
    """``text`` and then its "Source: …" (just ``text`` if it cites nothing)."""
    return f"{text} {sources_line(library, citations)}".strip()


def _is_person(author: str) -> bool:
    """ "Negenborn VL" is a person (surname and initials); "GOV.UK guidance" is not."""
    words = author.split()
    return len(words) > 1 and words[-1].isalpha() and words[-1].isupper() and len(words[-1]) <= 4


def _surname(author: str) -> str:
    """ "Negenborn VL" -> "Negenborn"; "van Dongen JA" -> "van Dongen"."""
    words = author.split()
    if len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 4:
        words = words[:-1]
    return " ".join(words)
