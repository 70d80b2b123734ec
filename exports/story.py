"""The pack's content as a list of reportlab flowables, built from a draft (a pure function).

Order: a summary page for the clinician (with photos, if any), "My questions", "What the
evidence says", "The clinic's offer" (only if there is one) and "References".

All text the patient typed goes through :func:`exports.fonts.safe_text`; library text is
escaped the same way. Only the pack's own constant strings contain markup.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from consultprep.content import Library
from consultprep.models import Draft
from exports.pack import Pack
from exports.sections import evidence, offer, questions, references
from exports.summary import clinician_page, photos


def build_story(draft: Draft, library: Library, generated: date) -> list[Flowable]:
    """Build the pack's flowables for ``draft`` (nothing is drawn or written here).

    Parameters
    ----------
    draft
        The patient's draft; any field may be empty.
    library
        The content library the draft's ids refer to.
    generated
        The date printed as the day the pack was made.
    """
    pack = Pack(draft, library, generated)
    clinician_page(pack)
    photos(pack)
    questions(pack)
    evidence(pack, library.concern(draft.concern))
    offer(pack)
    references(pack)  # last: it lists what the sections above cited
    return pack.story
