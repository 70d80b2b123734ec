"""Right-to-left text (Arabic, Hebrew) in a left-to-right PDF, without extra libraries.

reportlab draws characters one after another, left to right, with no shaping. So that a
patient's name or notes written in Arabic or Hebrew still print legibly, Arabic letters are
replaced by their joined presentation forms (initial, medial, final, isolated; lam-alef
ligatures) and each right-to-left run of a line is put into visual order.

Text that is wrapped into lines is shaped first and put in visual order one line at a time,
once it has been broken into lines in reading order (``exports.paragraphs`` does this when it
draws), so a long right-to-left paragraph still reads from its first line down.

This is a deliberately small subset of the Unicode bidirectional algorithm: lines are laid out
left to right, as the pack is in English, with each right-to-left run turned round. That is
right for names, phrases and notes; it does not right-align right-to-left paragraphs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

_RTL = frozenset({"R", "AL"})
_NUMBER = frozenset({"EN", "AN"})
_NUMBER_JOINERS = frozenset({"CS", "ES", "ET"})  # "1,000", "3.5", "50%" stay together
#: What may stand between right-to-left text and a number that belongs to it ("عمري 45").
#: A number after other marks is left where it was written: "(تركيا); 3 warning signs" kept
#: its "3" beside "warning signs", not inside the brackets (the full Unicode algorithm moves
#: it; in an English pack that read as if the country had the number).
_NUMBER_SPACING = frozenset({"WS", "CS", "ES", "ET", "EN", "AN"})
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_LAM = 0x0644
_ALEFS = (0x0622, 0x0623, 0x0625, 0x0627)
_TATWEEL = 0x0640
_FORM_TAGS = {"<isolated>": "isolated", "<final>": "final", "<initial>": "initial"}
_FORM_TAGS["<medial>"] = "medial"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, dict[str, str]], dict[int, dict[str, str]]]:
    """Presentation forms of each Arabic letter, and of lam followed by each alef."""
    letters: dict[int, dict[str, str]] = {}
    lam_alef: dict[int, dict[str, str]] = {}
    for code in [*range(0xFB50, 0xFDFF), *range(0xFE70, 0xFEFF)]:
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) < 2 or parts[0] not in _FORM_TAGS:
            continue
        form = _FORM_TAGS[parts[0]]
        bases = [int(p, 16) for p in parts[1:]]
        if len(bases) == 1:
            letters.setdefault(bases[0], {})[form] = chr(code)
        elif len(bases) == 2 and bases[0] == _LAM and bases[1] in _ALEFS:
            lam_alef.setdefault(bases[1], {})[form] = chr(code)
    return letters, lam_alef


def _joins_forward(ch: str) -> bool:
    """True if this letter connects to the letter after it (dual-joining)."""
    forms = _tables()[0].get(ord(ch), {})
    return ord(ch) == _TATWEEL or "initial" in forms or "medial" in forms


def _joins(ch: str) -> bool:
    """True if this letter connects to the letter before it."""
    return ord(ch) == _TATWEEL or ord(ch) in _tables()[0]


def _is_mark(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "NSM"


def _always(_: str) -> bool:
    return True


def shape_arabic(text: str, can_draw: Callable[[str], bool] = _always) -> str:
    """Replace Arabic letters by their joined presentation forms (logical order kept).

    A form is used only if ``can_draw`` says the font has it; otherwise the letter stays.
    """
    letters, lam_alef = _tables()
    chars = list(text)
    n = len(chars)

    def neighbour(i: int, step: int) -> str | None:
        i += step
        while 0 <= i < n and _is_mark(chars[i]):
            i += step
        return chars[i] if 0 <= i < n else None

    out: list[str] = []
    skip: set[int] = set()
    for i, ch in enumerate(chars):
        if i in skip:
            continue
        forms = letters.get(ord(ch))
        if not forms:
            out.append(ch)
            continue
        prev = neighbour(i, -1)
        after_prev = prev is not None and _joins_forward(prev)
        nxt = neighbour(i, +1)
        if ord(ch) == _LAM and nxt is not None and ord(nxt) in lam_alef:
            ligature = lam_alef[ord(nxt)]
            form = "final" if after_prev and "final" in ligature else "isolated"
            if form in ligature and can_draw(ligature[form]):
                out.append(ligature[form])
                j = i + 1
                while chars[j] != nxt:  # marks on the lam stay with the ligature
                    out.append(chars[j])
                    skip.add(j)
                    j += 1
                skip.add(j)
                continue
        before_next = _joins_forward(ch) and nxt is not None and _joins(nxt)
        if after_prev and before_next:
            order = ("medial", "final", "isolated")
        elif after_prev:
            order = ("final", "isolated")
        elif before_next:
            order = ("initial", "isolated")
        else:
            order = ("isolated",)
        out.append(next((forms[f] for f in order if f in forms and can_draw(forms[f])), ch))
    return "".join(out)


def _clusters(text: str) -> list[str]:
    """Split into a base character plus the marks that follow it."""
    out: list[str] = []
    for ch in text:
        if out and _is_mark(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _reverse_run(run: str) -> str:
    """A right-to-left run in visual order; numbers inside it stay left-to-right."""
    tokens: list[tuple[bool, list[str]]] = []
    for cluster in _clusters(run):
        kind = unicodedata.bidirectional(cluster[0])
        is_number = kind in _NUMBER or (kind in _NUMBER_JOINERS and bool(tokens) and tokens[-1][0])
        if tokens and tokens[-1][0] == is_number:
            tokens[-1][1].append(cluster)
        else:
            tokens.append((is_number, [cluster]))
    out: list[str] = []
    for is_number, clusters in reversed(tokens):
        if is_number:
            out.append("".join(clusters))
        else:
            out.extend(_MIRROR.get(c, c) for c in reversed(clusters))
    return "".join(out)


def has_rtl(text: str) -> bool:
    """True if ``text`` has any right-to-left letter (Arabic, Hebrew...)."""
    # (ASCII has none: the quick check for most text)
    return not text.isascii() and any(unicodedata.bidirectional(ch) in _RTL for ch in text)


def shaped(text: str, can_draw: Callable[[str], bool] = _always) -> str:
    """``text`` with Arabic letters joined, still in reading order (for text to be wrapped)."""
    return shape_arabic(text, can_draw) if has_rtl(text) else text


def visual_order(
    line: str, can_draw: Callable[[str], bool] = _always, *, shape: bool = True
) -> str:
    """One line of text in left-to-right visual order, with Arabic letters joined.

    Text with no right-to-left letters is returned unchanged. ``can_draw`` tells which
    presentation forms the font has; ``shape=False`` for a line already ``shaped``.
    """
    if not has_rtl(line):
        return line
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        if unicodedata.bidirectional(line[i]) not in _RTL:
            out.append(line[i])
            i += 1
            continue
        end, j = i, i
        joined = True  # only spaces and number separators since the run's last character
        while j < n and unicodedata.bidirectional(line[j]) != "L":
            kind = unicodedata.bidirectional(line[j])
            if kind in _RTL or (kind in _NUMBER and joined) or (kind == "NSM" and end == j - 1):
                end, joined = j, True
            elif kind not in _NUMBER_SPACING:
                joined = False
            j += 1
        run = line[i : end + 1]
        out.append(_reverse_run(shape_arabic(run, can_draw) if shape else run))
        i = end + 1
    return "".join(out)
