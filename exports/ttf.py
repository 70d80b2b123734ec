"""The bundled TrueType font as reportlab uses it, doing two things quicker (same bytes).

Encoding text: before drawing text in a TrueType font, reportlab turns each character into
the one-byte code it has in the font subset embedded in the PDF, one character at a time in
Python. Nearly all text in the pack uses only characters that already have a code in the
first subset (ASCII always does), and then :meth:`PackFont.splitString` does the same with
``str.translate``. Anything else (a character seen for the first time, a second subset) is
left to reportlab.

Embedding the font: at the end, reportlab cuts the font down to the characters used and
compresses it. Packs made one after another mostly use the same characters in the same
order, so the last few cut-down fonts and their compressed bytes are remembered.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import OrderedDict
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFZCompress
from reportlab.pdfbase.ttfonts import TTFont

_NBSP = 0xA0  # reportlab prints a no-break space as a space
REMEMBERED = 4  # cut-down fonts kept, for each of the two font files


class _FirstSubset:
    """The characters with a code in a document's first subset, and their codes."""

    __slots__ = ("chars", "codes", "seen")

    def __init__(self) -> None:
        self.seen = 0  # how many of the state's assignments have been read
        self.chars: set[str] = set()
        self.codes: dict[int, int] = {}

    def update(self, assignments: dict[int, int]) -> None:
        if len(assignments) == self.seen:
            return
        for code, n in list(assignments.items())[self.seen :]:
            if n < 256:
                self.codes[code] = n
                self.chars.add(chr(code))
        self.seen = len(assignments)
        space = self.codes.get(32)
        if space is not None:
            self.codes[_NBSP] = space
            self.chars.add(chr(_NBSP))


class _Remembered:
    """The last few results of a function of one hashable argument (thread-safe)."""

    def __init__(self, make: Any, size: int = REMEMBERED) -> None:
        self.make = make
        self.size = size
        self._made: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, key: Any) -> Any:
        with self._lock:
            if key in self._made:
                self._made.move_to_end(key)
                return self._made[key]
        value = self.make(key)
        with self._lock:
            self._made[key] = value
            while len(self._made) > self.size:
                self._made.popitem(last=False)
        return value


class _Flate:
    """reportlab's Flate filter (same name, same bytes), remembering its last results."""

    pdfname = PDFZCompress.pdfname

    def __init__(self) -> None:
        self._compress = _Remembered(zlib.compress)

    def encode(self, data: bytes | str) -> bytes:
        return self._compress(data.encode("utf8") if isinstance(data, str) else data)

    def decode(self, data: bytes) -> bytes:
        return PDFZCompress.decode(data)


#: One entry of a ToUnicode map: a one-byte code and the character's code point in hex.
_MAP_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _utf16_entries(cmap: str) -> str:
    """``cmap`` with characters beyond U+FFFF written as UTF-16 (two code units), as PDF
    requires: reportlab writes their code point as it is ("<1F600>"), which readers take for
    another character (U+1F60), so copied or searched text, and screen readers, got it wrong.
    """

    def utf16(match: re.Match[str]) -> str:
        point = int(match.group(2), 16)
        if point > 0x10FFFF:
            return match.group(0)
        return f"<{match.group(1)}> <{chr(point).encode('utf-16-be').hex().upper()}>"

    return _MAP_ENTRY.sub(utf16, cmap)


def mend_to_unicode(doc: Any) -> None:
    """Write the ToUnicode maps of ``doc``'s fonts with UTF-16 entries (``_utf16_entries``):
    a fix, not a shortcut, so the plain reportlab the tests compare with needs it too."""
    for name, obj in doc.idToObject.items():
        if (
            isinstance(name, str)
            and name.startswith("toUnicodeCMap:")
            and isinstance(getattr(obj, "content", None), str)
        ):
            obj.content = _utf16_entries(obj.content)


class PackFont(TTFont):
    """reportlab's ``TTFont``, encoding text and embedding the font quicker (same bytes)."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        make = self.face.makeSubset
        cut = _Remembered(lambda subset: make(list(subset)))
        # reportlab's face calls self.makeSubset(subset) with a list of code points.
        self.face.makeSubset = lambda subset: cut(tuple(subset))  # type: ignore[method-assign]
        self._flate = _Flate()

    def addObjects(self, doc: Any) -> None:
        """Called by reportlab at the end: embed the cut-down font (see the module notes)."""
        super().addObjects(doc)
        prefix = f"fontFile:{self.face.filename}("
        for name, obj in doc.idToObject.items():
            if not isinstance(name, str):
                continue
            plain = getattr(obj, "filters", None) == [PDFZCompress]
            if plain and name.startswith(prefix):
                obj.filters = [self._flate]
        mend_to_unicode(doc)

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        """Called by reportlab: text as (subset, bytes) pieces (see the module notes)."""
        state = self.state.get(doc)
        assignments = getattr(state, "assignments", None)
        if isinstance(assignments, dict) and isinstance(text, str) and text:
            first = state.__dict__.get("_pack_first")
            if first is None:
                first = state._pack_first = _FirstSubset()
            first.update(assignments)
            if first.chars.issuperset(text):
                return [(0, text.translate(first.codes).encode("latin-1"))]
        return super().splitString(text, doc, encoding)
