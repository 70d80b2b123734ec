"""Checking a clinic's advert for phrases that go with warning signs (offline, pure).

The patient pastes the text of an advert, an email or a web page. Each rule in
``resources/content/claim-rules.toml`` names one red flag from the library and a few regular
expressions. :func:`find_claims` lists every match with its place in the text, so the screen
can highlight it and the PDF can quote it. A match is a reason to ask, not proof.

Patterns are matched case-insensitively and only as whole words: a match may not start or end
in the middle of a word ("cure" does not match "secure"). A space in a pattern matches any run
of spaces or line breaks. Patterns are kept simple (no nested repeats), so even a 100,000
character paste is checked quickly; ``tests/test_claims.py`` checks this.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field, field_validator, model_validator

from consultprep.content_loader import StrictContent, cached_loader

CLAIM_RULES_FILE = "claim-rules.toml"
EXCERPT_CONTEXT = 40  # characters either side of a match in an excerpt
_WHITESPACE = re.compile(r"\s+")
#: Where a sentence, or a phrase of a list, ends: "No waiting list, FDA approved" and
#: "• No downtime • FDA approved" are two claims, not one turned round.
_SENTENCE_END = re.compile(r"[.!?;:\n,–—•|]| - ")
#: A pattern's group of this name, if it has one, is the part highlighted and quoted.
SHOWN = "shown"
SENTENCE_BACK = 80  # letters looked back through for ``ClaimRule.not_after``
#: Characters a pasted web page may hold unseen inside a word ("guaran\u00adteed"): the rules
#: read the text without them (a bad-input hunt: a soft hyphen hid "guaranteed"). Not the
#: marks that set the direction of right-to-left text: they mostly stand between words, and
#: read past, they joined the words and hid "guaranteed" (a review).
_UNSEEN = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


class ClaimRule(StrictContent):
    """Phrases that point to one red flag, with examples that prove the patterns work."""

    id: str = Field(min_length=1)
    red_flag: str = Field(min_length=1)  # a red flag id from library.toml
    patterns: list[str] = Field(min_length=1)
    true_examples: list[str] = Field(min_length=1)  # each must match
    false_examples: list[str] = Field(min_length=1)  # none may match
    #: Words that, just before a match in the same phrase, turn it round ("not", "none of
    #: these products are FDA approved"): a match after them is not one. (A look-behind in
    #: a pattern can only look a fixed number of letters back.) Anchor it at the end ($):
    #: it is searched in the words before the match.
    not_after: str = ""

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(loosen_spaces(pattern))
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid expression: {exc}") from exc
        return patterns

    @model_validator(mode="after")
    def _patterns_compile_together(self) -> ClaimRule:
        try:  # (a group name may be used once: one pattern with "shown" in each rule)
            _compile(tuple(self.patterns))
        except re.error as exc:
            message = f"rule {self.id}: its patterns cannot be used together: {exc}"
            raise ValueError(message) from exc
        return self

    @field_validator("not_after")
    @classmethod
    def _not_after_compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"not_after {pattern!r} is not a valid expression: {exc}") from exc
        return pattern

    @property
    def regex(self) -> re.Pattern[str]:
        """All of this rule's patterns as one whole-word, case-insensitive expression."""
        return _compile(tuple(self.patterns))

    def turned_round(self, text: str, start: int) -> bool:
        """True if ``not_after`` is found in the sentence before ``start`` (at most
        ``SENTENCE_BACK`` letters back)."""
        if not self.not_after:
            return False
        before = _SENTENCE_END.split(text[max(0, start - SENTENCE_BACK) : start])[-1]
        return re.search(self.not_after, before, re.IGNORECASE) is not None

    def matches(self, text: str) -> bool:
        """True if any pattern matches somewhere in ``text``."""
        return any(not self.turned_round(text, m.start()) for m in self.regex.finditer(text))


class ClaimRules(StrictContent):
    """Everything in ``claim-rules.toml``, validated."""

    rules: list[ClaimRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> ClaimRules:
        ids = [r.id for r in self.rules]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate rule ids: {dupes}")
        return self


def loosen_spaces(pattern: str) -> str:
    """A pattern with each space made to match any run of whitespace.

    " " becomes ``\\s+`` and " ?" becomes ``\\s*``. Spaces inside ``[...]`` and escaped
    characters are left alone.
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class or c != " ":
            in_class = (in_class and c != "]") or (not in_class and c == "[")
            out.append(c)
            i += 1
            continue
        while i < len(pattern) and pattern[i] == " ":
            i += 1
        optional = i < len(pattern) and pattern[i] == "?"
        out.append(r"\s*" if optional else r"\s+")
        i += optional
    return "".join(out)


@lru_cache(maxsize=64)
def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(f"(?:{loosen_spaces(p)})" for p in patterns)
    # Whole words: no word character just before the start or just after the end.
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


load_claim_rules = cached_loader(CLAIM_RULES_FILE, ClaimRules)


@dataclass(frozen=True)
class ClaimMatch:
    """One phrase found in the text: where it is, and which rule and red flag it points to."""

    start: int  # index into the text (Python characters)
    end: int
    rule_id: str
    red_flag: str

    def phrase(self, text: str) -> str:
        """The matched words, with runs of spaces and line breaks made single spaces."""
        return _WHITESPACE.sub(" ", text[self.start : self.end]).strip()


def find_claims(
    text: str, rules: ClaimRules | list[ClaimRule], limit: int | None = None
) -> list[ClaimMatch]:
    """Every phrase in ``text`` that matches a rule, in the order they appear.

    Parameters
    ----------
    text
        The pasted advert, email or web page (plain text, any length).
    rules
        The claim rules (usually :func:`load_claim_rules`).
    limit
        Stop after this many matches per rule (None: no limit).

    Returns
    -------
    list of ClaimMatch
        Sorted by position, then by rule order. Matches of one rule never overlap; matches of
        different rules may (one phrase can point to two warning signs).
    """
    rule_list = rules.rules if isinstance(rules, ClaimRules) else rules
    read = readable(text)
    found: list[tuple[int, int, ClaimMatch]] = []
    for order, rule in enumerate(rule_list):
        for n, m in enumerate(rule.regex.finditer(read.text)):
            if limit is not None and n >= limit:
                break
            if m.end() > m.start() and not rule.turned_round(read.text, m.start()):
                # Only the part named "shown", where a pattern has one (a price after stem
                # cells named sentences before: the price is the phrase to quote).
                shown = SHOWN in m.re.groupindex and m.start(SHOWN) >= 0
                first, last = m.span(SHOWN) if shown else m.span()
                start, end = read.place(first), read.place(last - 1) + 1
                found.append((start, order, ClaimMatch(start, end, rule.id, rule.red_flag)))
    found.sort(key=lambda x: (x[0], x[1]))
    return _outermost([m for _, _, m in found])


def _outermost(matches: list[ClaimMatch]) -> list[ClaimMatch]:
    """``matches`` without one inside another of the same warning sign: "Stem cell therapy:
    package €8,400" is one price, not two (it was counted, highlighted and quoted twice: a
    diff review). ``matches`` is in the order of their starts."""
    reach: dict[str, int] = {}  # for each sign, the furthest end of a match kept
    kept: list[ClaimMatch] = []
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if m.end > reach.get(m.red_flag, -1):
            reach[m.red_flag] = m.end
            kept.append(m)
    order = {id(m): n for n, m in enumerate(matches)}
    return sorted(kept, key=lambda m: order[id(m)])


@dataclass(frozen=True)
class Readable:
    """A pasted text as the rules read it: without characters hidden inside words (a soft
    hyphen in "guaran\u00adteed", a bad-input hunt), and with letters styled for social media
    ("𝗚𝘂𝗮𝗿𝗮𝗻𝘁𝗲𝗲𝗱", "ＦＲＥＥ") as plain ones (NFKC). ``place`` gives where a character
    read was in the text as pasted, so matches are highlighted there."""

    text: str
    #: Where the alignment of the two texts changes: (index read, index pasted), in order.
    anchors: tuple[tuple[int, int], ...] = ()

    def place(self, index: int) -> int:
        if not self.anchors:
            return index
        read, pasted = self.anchors[bisect_right(self.anchors, (index, sys.maxsize)) - 1]
        return pasted + (index - read)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=4)  # the advert checker asks once for each rule
def readable(text: str) -> Readable:
    """``text`` as the rules read it (``Readable``); quick for a text that is already so."""
    if not _UNSEEN.search(text) and unicodedata.is_normalized("NFKC", text):
        return Readable(text)
    out: list[str] = []
    anchors: list[tuple[int, int]] = [(0, 0)]
    done = at = 0  # how much of ``text`` is copied; the length of ``out`` so far
    for run in _NOT_ASCII.finditer(text):
        if unicodedata.is_normalized("NFKC", run.group()) and not _UNSEEN.search(run.group()):
            continue  # (a word of Arabic, say: copied with the text around it)
        out.append(text[done : run.start()])
        at += run.start() - done
        for k in range(run.start(), run.end()):
            char = text[k]
            read = "" if _UNSEEN.match(char) else unicodedata.normalize("NFKC", char)
            if read == char or (read and unicodedata.category(char)[0] == "S"):  # "™" is
                out.append(char)  # not "TM" here: "Guaranteed™" read as one word, no claim
                at += 1
                continue
            out.append(read)
            anchors += [(at + j, k) for j in range(len(read))]  # each read from ``k``
            at += len(read)
            anchors.append((at, k + 1))
        done = run.end()
    out.append(text[done:])
    return Readable("".join(out), tuple(anchors))


def not_in_latin_letters(text: str) -> bool:
    """Whether most of the letters of ``text`` are not Latin ones (Arabic, Chinese, Russian
    and so on): the rules look for English phrases only, and finding none there says
    nothing (a review: an Arabic advert promising a cure was answered "no phrases found")."""
    letters = [c for c in readable(text[:5000]).text if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff")
    return len(letters) >= 10 and latin * 2 < len(letters)


def flags_found(matches: list[ClaimMatch]) -> list[str]:
    """The red flag ids of these matches, each once, in order of first appearance."""
    return list(dict.fromkeys(m.red_flag for m in matches))


def excerpt(text: str, match: ClaimMatch, context: int = EXCERPT_CONTEXT) -> tuple[str, str, str]:
    """The words before, the match, and the words after, for quoting a match.

    Runs of spaces and line breaks become single spaces. Where text is left out, a part word
    is dropped and "…" marks the gap.
    """
    before = text[max(0, match.start - context) : match.start]
    if match.start > context:
        parts = before.split(None, 1)
        before = "…" + (parts[1] if len(parts) > 1 else "")
    after = text[match.end : match.end + context]
    if match.end + context < len(text):
        parts = after.rsplit(None, 1)
        after = (parts[0] if len(parts) > 1 else "") + "…"
    return (
        _WHITESPACE.sub(" ", before).lstrip(),
        match.phrase(text),
        _WHITESPACE.sub(" ", after).rstrip(),
    )


#: A quote holds at most this many matches, over at most this many characters: matches
#: close together all the way through an advert made one quote of all of it.
QUOTE_MOST_MATCHES = 3
QUOTE_MOST_CHARS = 4 * EXCERPT_CONTEXT


def quotes(
    text: str, matches: list[ClaimMatch], context: int = EXCERPT_CONTEXT
) -> list[list[tuple[str, bool]]]:
    """Quotes for quoting ``matches`` (one warning sign's, say), each as its pieces in order:
    ``(words, True)`` for matched words, ``(words, False)`` for the words around them.

    Matches close enough that their excerpts would overlap share one quote, each in its
    place (up to ``QUOTE_MOST_MATCHES`` over ``QUOTE_MOST_CHARS``): a one-line advert was
    quoted four times, the same words each time with another phrase picked out. Matches that overlap count as one. Runs of spaces and line breaks
    become single spaces; "…" marks text left out, as in :func:`excerpt`.
    """
    groups: list[list[list[int]]] = []
    for span in merged_spans(matches):
        group = groups[-1] if groups else None
        if (
            group is not None
            and span[0] - group[-1][1] <= 2 * context
            and len(group) < QUOTE_MOST_MATCHES
            and span[1] - group[0][0] <= QUOTE_MOST_CHARS
        ):
            group.append(span)
        else:
            groups.append([span])
    out = []
    for group in groups:
        start, end = group[0][0], group[-1][1]
        before, _, after = excerpt(text, ClaimMatch(start, end, "", ""), context)
        pieces: list[tuple[str, bool]] = [(before, False)] if before else []
        pieces += marked(text[start:end], [[s - start, e - start] for s, e in group])
        if after:
            pieces.append((after, False))
        out.append(pieces)
    return out


def merged_spans(matches: list[ClaimMatch]) -> list[list[int]]:
    """The [start, end] of ``matches`` in order, those that overlap made one."""
    spans: list[list[int]] = []
    for m in sorted(matches, key=lambda m: (m.start, m.end)):
        if spans and m.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], m.end)
        else:
            spans.append([m.start, m.end])
    return spans


def marked(text: str, spans: list[list[int]]) -> list[tuple[str, bool]]:
    """``text`` in pieces, ``(words, True)`` for each of ``spans`` (in order, apart) and
    ``(words, False)`` for the words between them; runs of spaces and line breaks become one."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start > at:
            pieces.append((_WHITESPACE.sub(" ", text[at:start]), False))
        pieces.append((_WHITESPACE.sub(" ", text[start:end]).strip(), True))
        at = end
    if at < len(text):
        pieces.append((_WHITESPACE.sub(" ", text[at:]), False))
    return pieces
