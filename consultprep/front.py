"""The two texts the welcome page shows, read without loading the whole content library.

The welcome page appears before the content library is loaded and checked (that takes longer;
see ``ui.main_window.MainWindow.finish_start``). It needs only the "not medical advice" and privacy texts, which live in the
``[meta]`` table at the top of ``resources/content/library.toml``: this module reads just that
table. If it cannot, it returns empty texts and the full load, a moment later, reports the
problem (and the page is given the texts again from the checked library).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class FrontMatter(NamedTuple):
    """What the welcome page says about advice and privacy (the same as ``Library.meta``).

    (A named tuple: the welcome page is shown before ``dataclasses`` is needed.)"""

    disclaimer: str = ""
    privacy: str = ""


def _meta_table(text: str) -> str:
    """The ``[meta]`` table of a TOML text, up to the next table (or the whole text)."""
    start = text.find("\n[meta]")
    if start < 0:
        return ""
    end = text.find("\n[", start + 1)
    return text[start : end if end >= 0 else len(text)]


#: ``key = "one-line string"``: how the two texts are written in library.toml.
_ONE_LINE = re.compile(r'^(disclaimer|privacy) = ("(?:[^"\\]|\\.)*")[ \t]*$', re.MULTILINE)


#: The escapes of a TOML basic string, read here; any other backslash is left to tomllib.
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_SIMPLE_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class _NotSimple(ValueError):
    """An escape this quick reader leaves to tomllib."""


def _unescape(match: re.Match[str]) -> str:
    four, eight, char = match.groups()
    if char is not None:
        if char not in _SIMPLE_ESCAPES:
            raise _NotSimple(char)
        return _SIMPLE_ESCAPES[char]
    code = int(four or eight, 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:  # not a character: TOML refuses it
        raise _NotSimple(code)
    return chr(code)


def _quick(table: str) -> dict[str, str] | None:
    """The two texts if both are one-line strings with only TOML's usual escapes (the usual
    case, read without loading a TOML parser); otherwise None."""
    found: dict[str, str] = {}
    for key, quoted in _ONE_LINE.findall(table):
        inside = quoted[1:-1]
        if any(ord(c) < 0x20 and c != "\t" or c == "\x7f" for c in inside):
            return None  # a control character TOML refuses unescaped
        try:
            found[key] = _ESCAPE.sub(_unescape, inside)
        except _NotSimple:
            return None
    return found if len(found) == 2 else None


def read_front_matter() -> FrontMatter:
    """The disclaimer and privacy texts from the bundled library (empty if unreadable)."""
    try:
        from resources import folder

        text = (folder("content") / "library.toml").read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return FrontMatter()
    table = _meta_table(text)
    meta = _quick(table)
    if meta is None:
        import tomllib

        try:
            meta = tomllib.loads(table).get("meta", {})
        except tomllib.TOMLDecodeError:
            return FrontMatter()
    disclaimer, privacy = meta.get("disclaimer"), meta.get("privacy")
    return FrontMatter(
        disclaimer=disclaimer.strip() if isinstance(disclaimer, str) else "",
        privacy=privacy.strip() if isinstance(privacy, str) else "",
    )
