"""Tick-box labels, and the clinic's offer, each as one line of text (the review page and
page 1 of the PDF)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consultprep.content import Library
    from consultprep.models import AboutSkin, Draft

#: Printed when the patient ticked "None of these", before the conditions asked about.
NONE_OF_THESE = "None of these"


def shorten(text: str, limit: int = 200) -> str:
    """The first line of ``text``, cut at about ``limit`` characters with an ellipsis."""
    first = text.splitlines()[0] if text else ""
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0].rstrip(",;:–— ")  # "Itchy…", not "Itchy,…"
    if first == text:
        return first
    # After a full stop, a space: "bleed.…" read as four dots (a walk-through).
    return first + (" …" if first.endswith((".", "!", "?")) else "…")


def one_line(text: str, *, sentences: bool = False) -> str:
    """A list typed one item a line, as one line: "Apixaban 5 mg; Amlodipine 5 mg" (only the
    first line was shown, and a carer could not check the other medicines). With
    ``sentences`` (an answer), a line that ends a sentence runs on with a space, not "."; "
    (never in a list: "5 mg o.d." ends a medicine, not a sentence)."""
    lines = [s for line in text.splitlines() if (s := line.strip().rstrip(";,").strip())]
    out = lines[:1]
    for line in lines[1:]:
        out.append((" " if sentences and out[-1][-1] in ".!?:" else "; ") + line)
    return "".join(out)


def join_labels(labels: list[str]) -> str:
    """Tick-box labels as one list: "Diabetes; poor blood flow in the legs or feet" (they
    may hold commas, so a semicolon parts them)."""
    return "; ".join(label if n == 0 else _continued(label) for n, label in enumerate(labels))


def conditions_text(library: Library, condition_ids: list[str]) -> str:
    """The ticked health conditions as one list, in the order the About page lists them
    (whatever order the draft holds them in); unknown ids are left out ("" if none).

    A box from an older version is left out once one of the boxes that replace it is ticked
    (the About page asks for the new boxes to be ticked, then the old one unticked): it said
    "pregnant" twice when the old one was left ticked."""
    ticked = set(condition_ids)
    shown = [
        c
        for c in library.conditions
        if c.id in ticked and not (set(c.replaced_by) & ticked)
    ]
    return join_labels([c.label for c in shown])


def health_conditions(library: Library, about: AboutSkin) -> str:
    """The ticked conditions; if none is ticked but "None of these" is, each one asked
    about, so the clinician can tell "no" from "not answered" ("" if neither)."""
    ticked = conditions_text(library, about.conditions)
    if about.conditions or not about.no_conditions:  # (a box this library lacks: not "none")
        return ticked
    asked = [c.short or _continued(c.label) for c in library.conditions if not c.replaced_by]
    # (each once: "smoking" says no to smoking now and in the last year)
    return f"{NONE_OF_THESE} (asked about: {', '.join(dict.fromkeys(asked))})"


def offer_text(draft: Draft, library: Library | None = None) -> str | None:
    """The clinic's offer in one line for page 1 (plain text; None if there is none): what,
    whose, where, the cost, and how many warning signs the patient ticked (of those in ``library``,
    then named)."""
    offer = draft.offer
    if not offer.offered:
        return None
    where = {"uk": "in the UK", "abroad": "abroad"}.get(offer.location or "", "")
    country = " ".join(offer.country_detail().split())
    if country:
        where = f"{where} ({country})" if where else country
    # Each sign once, and only those the content knows (as the offer's own section lists)
    known = list(dict.fromkeys(i for i in offer.red_flags if library is None or library.red_flag(i)))
    flags = len(known)
    signs = f"{flags} warning sign{'s' if flags != 1 else ''} ticked" if flags else ""
    if signs and library is not None:  # which, for the clinician (three reviews asked): last,
        labels = (_continued(library.red_flag(i).label) for i in known)  # so a long list is
        signs += ": " + "; ".join(labels)  # what is cut, with "continued on page 2"
    clinic = " ".join(offer.clinic.split())  # who offered it matters most (a clinician)
    clinic = f"clinic: {clinic}" if clinic else ""
    parts = [" ".join(offer.treatment.split()), clinic, where, " ".join(offer.cost.split()), signs]
    return "; ".join(p for p in parts if p) or None


def _continued(label: str) -> str:
    """A label as it reads after a semicolon: "poor blood flow" ("I" and names such as
    "NHS" keep their capital)."""
    first = label.split(" ", 1)[0]
    if first == "I" or (len(first) > 1 and first[1].isupper()):
        return label
    return label[:1].lower() + label[1:]


def top_heading(count: int, whose: str = "My") -> str:
    """The heading over the top questions, for how many are chosen: "My top question",
    "My top two questions", else "My top three questions" (three, or none chosen yet)."""
    if count == 1:
        return f"{whose} top question"
    if count == 2:
        return f"{whose} top two questions"
    return f"{whose} top three questions"
