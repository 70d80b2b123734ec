"""Tick-box labels joined into one line of text (the review page and page 1 of the PDF)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consultprep.content import Library


def join_labels(labels: list[str]) -> str:
    """Tick-box labels as one list: "Diabetes; poor blood flow in the legs or feet" (they
    may hold commas, so a semicolon parts them)."""
    return "; ".join(label if n == 0 else _continued(label) for n, label in enumerate(labels))


def conditions_text(library: Library, condition_ids: list[str]) -> str:
    """The ticked health conditions as one list, in the order the About page lists them
    (whatever order the draft holds them in); unknown ids are left out ("" if none)."""
    ticked = set(condition_ids)
    return join_labels([c.label for c in library.conditions if c.id in ticked])


def _continued(label: str) -> str:
    """A label as it reads after a semicolon: "poor blood flow" ("I" and names such as
    "NHS" keep their capital)."""
    first = label.split(" ", 1)[0]
    if first == "I" or (len(first) > 1 and first[1].isupper()):
        return label
    return label[:1].lower() + label[1:]
