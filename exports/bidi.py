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
from itertools import groupby

_RTL = frozenset({"R", "AL"})
_NUMBER = frozenset({"EN", "AN"})
#: What may stand between right-to-left text and a number that belongs to it ("عمري 45").
#: A number after other marks is left where it was written: "(تركيا); 3 warning signs" kept
#: its "3" beside "warning signs", not inside the brackets (the full Unicode algorithm moves
#: it; in an English pack that read as if the country had the number).
_NUMBER_SPACING = frozenset({"WS", "CS", "ES", "ET", "EN", "AN"})
_SIGNED = frozenset({"EN", "AN", "ET"})  # what a % or currency sign after it goes with
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
#: Bracket pairs: a closing bracket goes with the stretch its opening bracket is in.
_CLOSING = {")": "(", "]": "[", "}": "{"}
_OPENING = frozenset(_CLOSING.values())
_LAM = 0x0644
_ALEFS = (0x0622, 0x0623, 0x0625, 0x0627)
_TATWEEL = 0x0640
_ZWJ = 0x200D  # zero-width joiner: joins the letters either side, like a tatweel
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
    return ord(ch) in (_TATWEEL, _ZWJ) or "initial" in forms or "medial" in forms


def _joins(ch: str) -> bool:
    """True if this letter connects to the letter before it."""
    return ord(ch) in (_TATWEEL, _ZWJ) or ord(ch) in _tables()[0]


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


def _clusters(text: str) -> list[list[int]]:
    """Split into a base character plus the marks that follow it (as indexes into ``text``)."""
    out: list[list[int]] = []
    for k, ch in enumerate(text):
        if out and _is_mark(ch):
            out[-1].append(k)
        else:
            out.append([k])
    return out


def _in_numbers(kinds: list[str]) -> list[bool]:
    """Which clusters (by bidirectional type) belong to a number inside right-to-left text.

    Digits; a separator between two digits ("1,000", "3.5", "12/5"); a run of percent or
    currency signs touching digits ("100%", "$500"). A separator that does not stand between
    digits ("45, ...") goes with the right-to-left words, as in the Unicode algorithm.
    """
    last = len(kinds) - 1
    number = [kind in _NUMBER for kind in kinds]
    for n, kind in enumerate(kinds):
        if kind in ("CS", "ES") and 0 < n < last:
            number[n] = kinds[n - 1] in _NUMBER and kinds[n + 1] in _NUMBER
    n = 0
    while n <= last:
        if kinds[n] != "ET":
            n += 1
            continue
        after = n
        while after <= last and kinds[after] == "ET":
            after += 1
        if (n > 0 and kinds[n - 1] in _NUMBER) or (after <= last and kinds[after] in _NUMBER):
            number[n:after] = [True] * (after - n)
        n = after
    return number


def _run_order(run: str) -> list[tuple[int, bool]]:
    """A right-to-left run in visual order: (index in ``run``, in right-to-left text) pairs.

    Numbers inside the run stay left to right. Each letter's marks come before it: DejaVu
    Sans draws Arabic and Hebrew marks with no width, over the glyph drawn just after them.
    """
    clusters = _clusters(run)
    number = _in_numbers([unicodedata.bidirectional(run[c[0]]) for c in clusters])
    tokens = [
        (is_number, [c for _, c in group])
        for is_number, group in groupby(zip(number, clusters, strict=True), key=lambda p: p[0])
    ]
    out: list[tuple[int, bool]] = []
    for is_number, group in reversed(tokens):
        if is_number:
            out.extend((k, False) for cluster in group for k in cluster)
            continue
        for cluster in reversed(group):
            out.extend((k, True) for k in cluster[1:])
            out.append((cluster[0], True))
    return out


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
    if shape:
        line = shape_arabic(line, can_draw)
    return "".join(ch for _, ch in visual_chars(line))


def visual_chars(line: str) -> list[tuple[int, str]]:
    """The characters of ``line`` as drawn left to right, each with its index in ``line``.

    A bracket in right-to-left text is drawn mirrored. ``line`` must already be shaped.
    """
    out: list[tuple[int, str]] = []
    i, n = 0, len(line)
    while i < n:
        if unicodedata.bidirectional(line[i]) not in _RTL:
            out.append((i, line[i]))
            i += 1
            continue
        end = _stretch_end(line, i)
        for k, rtl in _run_order(line[i : end + 1]):
            ch = line[i + k]
            out.append((i + k, _MIRROR.get(ch, ch) if rtl else ch))
        i = end + 1
    return out


def _stretch_end(line: str, i: int) -> int:
    """Index of the last character of the right-to-left stretch that starts at ``i``."""
    end, j, n = i, i, len(line)
    joined = True  # only spaces and number separators since the run's last character
    opened: list[int] = []  # where brackets were opened inside the stretch
    while j < n and (kind := unicodedata.bidirectional(line[j])) != "L":
        ch = line[j]
        touching = end == j - 1
        if (
            kind in _RTL
            or (kind in _NUMBER and joined)
            or (kind == "NSM" and touching)
            or (kind == "ET" and touching and unicodedata.bidirectional(line[end]) in _SIGNED)
        ):
            end, joined = j, True  # ("100%": a sign touching a number goes with it)
        elif ch in _CLOSING and _CLOSING[ch] in (line[k] for k in opened):
            k = max(k for k in opened if line[k] == _CLOSING[ch])
            del opened[opened.index(k) :]
            if end > k:  # its opening bracket is in the stretch: "(صباحا ومساء)" at a line end
                end = j
            joined = False
        else:
            if ch in _OPENING:
                opened.append(j)
            if kind not in _NUMBER_SPACING:
                joined = False
        j += 1
    return end
