"""BRAN notes: Benefits, Risks, Alternatives and doing Nothing, for a treatment being weighed.

Choosing Wisely UK suggests asking these four things about any treatment. The patient picks a
treatment (from their concern's list, the clinic's offer, or typed) and notes what they know or
were told. The prompts shown with each box live in ``resources/content/readiness.toml``.
"""

from __future__ import annotations

from consultprep.content import Library
from consultprep.models import BranNotes, Draft
from consultprep.readiness import BRAN_KEYS


def treatment_choices(draft: Draft, library: Library) -> list[str]:
    """Treatments the patient may want to weigh up, most likely first, without repeats.

    The clinic's offered treatment comes first, then the concern's regenerative and
    established treatments in library order (those for the patient's kind of it). Waiting
    is left out: it has a box of its own.
    """
    names: list[str] = []
    if draft.offer.offered and draft.offer.treatment.strip():
        names.append(draft.offer.treatment.strip())
    concern = library.shown_concern(draft.concern, draft.subtype)
    if concern is not None:
        names += [t.name for t in concern.treatments if t.kind != "waiting"]
    seen: set[str] = set()
    unique = []
    for name in names:
        key = " ".join(name.casefold().split())
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


def is_empty(notes: BranNotes) -> bool:
    """True if nothing at all was written (not even the treatment's name)."""
    return not any(getattr(notes, k).strip() for k in ("treatment", *BRAN_KEYS))


def cleaned(notes: list[BranNotes]) -> list[BranNotes]:
    """The notes with surrounding spaces removed and empty ones left out, in order."""
    out = []
    for n in notes:
        stripped = BranNotes(**{k: v.strip() for k, v in n.model_dump().items()})
        if not is_empty(stripped):
            out.append(stripped)
    return out
