"""The pack's paragraphs: reportlab's ``Paragraph``, parsed and broken into lines once.

Most of the time spent making a pack went into two steps of reportlab's ``Paragraph``:
reading its markup into styled fragments, and breaking those into lines for a width. Both
give the same result for the same markup, style and width, and reportlab repeats them
often: a table measures its cells, then measures them again to draw them; ``KeepTogether``
measures its contents before the frame does; page 1 is built again at a smaller size if it
does not fit; and the evidence, the checks and the references are the same text in every
pack for a concern (the content library does not change while the app runs).

So :class:`PackParagraph` keeps both results, keyed by the exact markup, the style object and
the bullet (``PARSED``), and by those and the width (``LINES``). Only the key decides a hit,
so no text of one pack can appear in another, and the PDF is the same, byte for byte, with
or without the caches (``tests/test_pdf_cache.py``). What reportlab later changes on a
paragraph while drawing or splitting it is never shared with the cache:

- fragments are only read after parsing; each paragraph gets its own list of them;
- the pieces of a long word that had to be split over lines (a web address) are changed in
  place when reportlab splits the paragraph across pages, so each paragraph gets its own
  copies of those pieces, and the cache keeps copies of its own;
- lines made again from lines holding such pieces can differ (in ways that do not show) from
  lines made from the text, so for such a paragraph every width it was asked for since is
  part of the key; once split across pages, a paragraph is no longer cached at all.

The caches hold at most about ``CACHE_CHARS`` characters of markup each (one pack puts in
about 70,000), the least recently used first out; paragraphs longer than ``LONGEST`` are
not kept.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from itertools import groupby
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (
    _SHYStr,
    _SHYWord,
    _SplitFrag,
    _SplitWord,
    cleanBlockQuotedText,
    textTransformFrags,
)
from reportlab.platypus.paraparser import ParaParser

from exports.bidi import has_rtl, visual_chars, visual_order

_FUZZ = 1e-6  # reportlab's: a width this small has no room for text
CACHE_CHARS = 500_000
LONGEST = 20_000
_ENTRY = 200  # what an entry costs beyond its text, counted in characters

#: Pieces of split words, which reportlab may change in place (see the module notes).
_PIECES = (_SplitFrag, _SplitWord, _SHYWord, _SHYStr)


class Cache:
    """Least recently used map with a budget in characters; safe to share between threads."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.used = 0
        self._data: OrderedDict[tuple, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Any:
        """The value for ``key``, or None."""
        with self._lock:
            entry = self._data.get(key)
            if entry is None:
                return None
            self._data.move_to_end(key)
            return entry[1]

    def put(self, key: tuple, value: Any, chars: int) -> None:
        """Keep ``value`` under ``key``; ``chars`` is roughly how big it is."""
        weight = chars + _ENTRY
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self.used -= old[0]
            self._data[key] = (weight, value)
            self.used += weight
            while self.used > self.budget and self._data:
                self.used -= self._data.popitem(last=False)[1][0]

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._data.clear()
            self.used = 0

    def __len__(self) -> int:
        return len(self._data)


PARSED = Cache(CACHE_CHARS)
LINES = Cache(CACHE_CHARS)


def clear_caches() -> None:
    """Forget every parsed and laid-out paragraph."""
    PARSED.clear()
    LINES.clear()


def parse(text: str, style: ParagraphStyle, bullet: Any) -> tuple[Any, tuple, Any]:
    """(style, fragments, bullet) for ``text``, as reportlab's ``Paragraph`` makes them.

    The style object itself is part of the key (styles hash by identity and are never
    changed once made), so the same markup in another style is parsed again.
    """
    key = (text, style, bullet)
    found = PARSED.get(key)
    if found is not None:
        return found
    parser = ParaParser()
    parser.caseSensitive = 1
    new_style, frags, bullet_frags = parser.parse(cleanBlockQuotedText(text), style)
    if frags is None:
        raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph {text[:30]!r}")
    textTransformFrags(frags, new_style)
    found = (new_style, tuple(frags), bullet_frags or bullet)
    PARSED.put(key, found, len(text))
    return found


def _own(frags: Any, blPara: Any) -> tuple[list, Any]:
    """Fragments and lines with fresh copies of any pieces of split words (see above)."""
    frags = [copy.copy(f) if isinstance(f, _PIECES) else f for f in frags]
    if blPara.kind == 0:
        lines = [
            (space, [copy.copy(w) if isinstance(w, _PIECES) else w for w in words])
            for space, words in blPara.lines
        ]
        blPara = blPara.clone(lines=lines)
    return frags, blPara


def _has_pieces(frags: Any, blPara: Any) -> bool:
    """True if the fragments or lines hold pieces of words split over lines."""
    if any(isinstance(f, _PIECES) for f in frags):
        return True
    return blPara.kind == 0 and any(
        isinstance(w, _PIECES) for _space, words in blPara.lines for w in words
    )


def _any_rtl(blPara: Any) -> bool:
    """True if any line of ``blPara`` has right-to-left text."""
    if blPara.kind == 0:
        return any(has_rtl(word) for _space, words in blPara.lines for word in words)
    return any(
        has_rtl(text)
        for line in blPara.lines
        for text in (getattr(frag, "text", None) for frag in line.words)
        if isinstance(text, str)
    )


def _visual(blPara: Any) -> Any:
    """A copy of ``blPara`` whose lines are in visual order (the cached lines stay as they are)."""
    if blPara.kind == 0:
        lines = [
            (space, visual_order(" ".join(words), shape=False).split(" "))
            for space, words in blPara.lines
        ]
        return blPara.clone(lines=lines)
    lines = []
    for line in blPara.lines:
        words: list[Any] = []
        run: list[Any] = []  # fragments of text next to each other, put in order together
        for frag in [*line.words, None]:
            text = getattr(frag, "text", None)
            if isinstance(text, str) and text:
                run.append(frag)
                continue
            words += _visual_frags(run)
            run = []
            if frag is not None:
                words.append(frag)  # (no text: an image or a link's anchor stays where it is)
        lines.append(line.clone(words=words))
    return blPara.clone(lines=lines)


def _visual_frags(frags: list[Any]) -> list[Any]:
    """Fragments of one line (bold and plain pieces) in visual order, ordered as one text.

    A right-to-left sentence with a bold word in it ("هذا العلاج مضمون <b>100%</b> وآمن")
    reads in the order it was written: its pieces are not each turned round in place.
    """
    text = "".join(frag.text for frag in frags)
    if not has_rtl(text):
        return frags
    owner = [n for n, frag in enumerate(frags) for _ in frag.text]
    out = []
    for n, group in groupby(visual_chars(text), key=lambda drawn: owner[drawn[0]]):
        out.append(frags[n].clone(text="".join(ch for _, ch in group)))
    return out


class PackParagraph(Paragraph):
    """A ``Paragraph`` whose parsing and line breaking are cached (see the module notes)."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle | None = None,
        bulletText: Any = None,
        frags: list | None = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
    ) -> None:
        key = None
        usable = text is not None and style is not None and len(text) <= LONGEST
        if frags is None and caseSensitive and usable:
            bullet = bulletText or getattr(style, "bulletText", None)
            key = (text, style, bullet)
            style, cached, bulletText = parse(text, style, bullet)
            frags = list(cached)
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
        self._key = key  # None for the parts reportlab makes when it splits a paragraph

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Called by reportlab to ask for the size (the height follows the width)."""
        d = self.__dict__
        key = d.get("_key")
        if key is None or availWidth < _FUZZ:
            return super().wrap(availWidth, availHeight)
        since = d.get("_since", ())
        memo = d.get("_wrapped")
        if not since and memo and memo[0] == availWidth and d.get("blPara") is memo[1]:
            self.width, self.height = availWidth, memo[2]  # asked again: nothing changed
            return availWidth, memo[2]
        since += (availWidth,)
        found = LINES.get((*key, since))
        if found is not None:
            frags, blPara, height, self._width_max, widths, pieces = found
            self.frags, self.blPara = _own(frags, blPara) if pieces else (list(frags), blPara)
            self._wrapWidths = list(widths)
            self.width, self.height = availWidth, height
        else:
            height = super().wrap(availWidth, availHeight)[1]
            pieces = _has_pieces(self.frags, self.blPara)
            frags, blPara = _own(self.frags, self.blPara) if pieces else (self.frags, self.blPara)
            widths = tuple(self._wrapWidths)
            found = (tuple(frags), blPara, height, self._width_max, widths, pieces)
            LINES.put((*key, since), found, len(key[0]))
        # Widths asked for since the lines were last as if made from the text (module notes).
        self._since = since if pieces else ()
        self._wrapped = (availWidth, self.blPara, height)
        return availWidth, height

    def drawPara(self, debug: int = 0) -> None:
        """Called by reportlab to draw the lines: right-to-left runs are turned round here,
        line by line, after the text was broken into lines in reading order (``exports.bidi``)."""
        logical = self.blPara
        markup = self.__dict__.get("text")
        plain = isinstance(markup, str) and markup.isascii() and "&#" not in markup
        if plain or not _any_rtl(logical):  # (the quick check first: most text is ASCII)
            super().drawPara(debug)
            return
        self.blPara = _visual(logical)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Called by reportlab to split the paragraph across pages."""
        parts = super().split(availWidth, availHeight)
        if len(parts) > 1:
            self._key = None  # reportlab may have changed its lines: no more caching
        return parts
