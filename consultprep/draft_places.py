"""Where a problem in a draft file is, in the words of the app's pages (for the one-sentence
message when a draft cannot be opened, ``consultprep.storage.load_draft``)."""

from __future__ import annotations

from typing import Any

#: The file's field names, as the app's pages call them.
_PLACES = {
    "about": "About your skin",
    "offer": "the clinic's offer",
    "checklist": "your questions",
    "photos": "photos",
    "readiness": "Ready to decide?",
    "bran": "Ready to decide?",
    "created": "the date it was made",
    "updated": "the date it was last changed",
    "schema_version": "its version number",
    "concern": "the skin concern",
    "subtype": "the kind of skin concern",
}


def readable_place(loc: tuple[Any, ...]) -> str:
    """("about", "scores", "itch") -> "in About your skin: scores, itch"; question 1, not 0."""
    if not loc:
        return ""
    first, rest = str(loc[0]), loc[1:]
    words = [f"item {p + 1}" if isinstance(p, int) else str(p).replace("_", " ") for p in rest]
    place = _PLACES.get(first, first.replace("_", " "))
    return f"in {place}" + (f": {', '.join(words)}" if words else "")
