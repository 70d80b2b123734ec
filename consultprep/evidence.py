"""How the evidence ladder is shown: shared by the screen and the PDF so both look alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the colours below are needed at start-up, the content models later
    from consultprep.content import Concern, EvidenceLevel, Treatment

# Colours chosen for contrast with white text-free fills and black text beside them.
KIND_COLOURS: dict[str, str] = {
    "regenerative": "#7B3FA0",  # purple
    "established": "#1F6F43",  # green
    "waiting": "#5A5A5A",  # grey
}
KIND_LABELS: dict[str, str] = {
    "regenerative": "Stem-cell or regenerative",
    "established": "Established care",
    "waiting": "Waiting or doing nothing",
}
WARNING_COLOUR = "#B00020"  # red marker: not approved / regulator warnings
RUNG_FILL = {1: "#F3E9F7", 2: "#E9EEF7", 3: "#E6F2EE", 4: "#E3F1E6"}


def ladder_rows(concern: Concern) -> list[tuple[EvidenceLevel, list[Treatment]]]:
    """Rungs from highest to lowest, each with the treatments placed on it."""
    from consultprep.content import EvidenceLevel

    return [
        (level, [t for t in concern.treatments if t.level == level])
        for level in sorted(EvidenceLevel, reverse=True)
    ]


def unrated(concern: Concern) -> list[Treatment]:
    """Treatments with no rung (waiting / doing nothing: the comparison point)."""
    return [t for t in concern.treatments if t.level is None]


def left_out(full: Concern, shown: Concern, *, printed: bool = False) -> str:
    """A sentence naming the treatments ``shown`` leaves out of ``full``, or "" if none.

    ``shown`` is ``full.for_subtype(...)``: what is left out is meant only for another kind of
    the concern, and is named so that the patient knows it is there. ``printed``: the
    sentence for the PDF, in the patient's words (the app's steps mean nothing on paper).
    """
    ids = {t.id for t in shown.treatments}
    names = "; ".join(t.name for t in full.treatments if t.id not in ids)
    if not names:
        return ""
    if printed:
        return f"Left out, because they are meant for a different kind than mine: {names}."
    return (
        f"Not shown here, because they are meant for a different kind than yours: {names}. "
        "To see them, choose that kind on the “Your skin concern” step."
    )

