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
#: The order of the kinds wherever treatments are listed one after another (the evidence page
#: and the PDF): the usual care first, so that a stem-cell option is read against it, then the
#: regenerative options, then waiting or doing nothing.
KIND_ORDER: tuple[str, ...] = ("established", "regenerative", "waiting")
WARNING_COLOUR = "#B00020"  # red marker: not approved / regulator warnings
RUNG_FILL = {1: "#F3E9F7", 2: "#E9EEF7", 3: "#F7F1DC", 4: "#E3F1E6"}  # 3: sand, not green


def ladder_rows(concern: Concern) -> list[tuple[EvidenceLevel, list[Treatment]]]:
    """Rungs from highest to lowest, each with the treatments placed on it."""
    from consultprep.content import EvidenceLevel

    def established_first(t: Treatment) -> int:
        return KIND_ORDER.index(t.kind)

    return [
        (level, sorted((t for t in concern.treatments if t.level == level), key=established_first))
        for level in sorted(EvidenceLevel, reverse=True)
    ]


def unrated(concern: Concern) -> list[Treatment]:
    """Treatments with no rung (waiting / doing nothing: the comparison point)."""
    return [t for t in concern.treatments if t.level is None]


def kind_note(full: Concern, subtype_id: str | None, *, printed: bool = False) -> str:
    """What the evidence shown for one kind of the concern leaves out, or "" if nothing.

    Treatments meant only for other kinds are left out (``Concern.for_subtype``) and named,
    so that the patient knows they are there (all but another kind's waiting). A kind that
    nothing is meant for alone sees everything, and is told that none of it was made for
    that kind. ``printed``: the sentence for the PDF, in the patient's words.
    """
    kind = full.subtype(subtype_id)
    if kind is None:
        return ""
    kept = full.for_subtype(subtype_id).treatments
    shown = {t.id for t in kept}
    # Another kind's waiting is not named: every kind sees waiting of its own.
    left_out = [t for t in full.treatments if t.id not in shown and t.kind != "waiting"]
    names = "; ".join(f"“{t.name}”" for t in left_out)
    mine, my = ("mine", "my") if printed else ("yours", "your")
    if names:
        # A treatment kept for every kind may still be named for the kind it was studied in
        # ("… for diabetic foot ulcers", shown for a pressure ulcer): say what the name means.
        others = [s.name.lower() for s in full.subtypes if s.id != subtype_id]
        studied_elsewhere = any(
            other in t.name.lower() for t in kept if not t.for_subtypes for other in others
        )
        also = (
            f" Where a treatment shown was studied in another kind of {full.noun}, its name "
            "says so."
            if studied_elsewhere
            else ""
        )
        return (
            f"Left out, because they are for a different kind of {full.noun} than {mine}: "
            f"{names}.{also}"
        )
    if not any(t.for_subtypes for t in full.treatments):
        return ""
    ask = "" if printed else " Ask your care team which care suits yours."
    return (
        f"None of these treatments was studied only in {my} kind of {full.noun} "
        f"({kind.name}). If a treatment was studied in another kind, its name says so.{ask}"
    )
