"""The two texts the welcome page shows, read without loading the whole content library.

The welcome page appears before the content library is loaded and checked (that takes longer;
see ``ui.main_window.MainWindow.finish_start``). It needs only the "not medical advice" and privacy texts, which live in the
``[meta]`` table at the top of ``resources/content/library.toml``: this module reads just that
table. If it cannot, it returns empty texts and the full load, a moment later, reports the
problem (and the page is given the texts again from the checked library).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FrontMatter:
    """What the welcome page says about advice and privacy (the same as ``Library.meta``)."""

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


def _quick(table: str) -> dict[str, str] | None:
    """The two texts if both are one-line strings with only the escapes JSON shares with
    TOML (the usual case, read without loading a TOML parser); otherwise None."""
    found: dict[str, str] = {}
    for key, quoted in _ONE_LINE.findall(table):
        if "\\U" in quoted or "\\e" in quoted:  # TOML escapes JSON does not have
            return None
        try:
            found[key] = json.loads(quoted)
        except ValueError:
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
