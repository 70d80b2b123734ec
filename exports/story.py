"""The pack's content as a list of reportlab flowables, built from a draft (a pure function).

Order: a one-page summary for the clinician (continued on page 2 if something had to be cut),
the photos (if any), "My questions", "Am I ready to decide?" and the BRAN notes (only if
used), "What the evidence says", "The clinic's offer" (only if there is one), "Words used in this
pack" and "References". The questions carry form fields (see :mod:`exports.form`).

All text the patient typed goes through :func:`exports.fonts.safe_text`; library text is
escaped the same way. Only the pack's own constant strings contain markup.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from consultprep.answers import made_for
from consultprep.content import Library
from consultprep.models import Draft
from exports.deciding import deciding
from exports.form import PackMarker
from exports.options import PackOptions
from exports.pack import Pack
from exports.page_one import page_one
from exports.references import references
from exports.sections import evidence, offer, questions
from exports.summary import photos
from exports.words import words_used


def build_story(
    draft: Draft, library: Library, generated: date, options: PackOptions | None = None
) -> list[Flowable]:
    """The pack's flowables for ``draft`` (see ``build_pack``)."""
    return build_pack(draft, library, generated, options).story


def build_pack(
    draft: Draft, library: Library, generated: date, options: PackOptions | None = None
) -> Pack:
    """Build the pack for ``draft``: its flowables are ``story`` (nothing is drawn or written
    here), and ``substituted`` says whether some typed characters could not be printed.

    Parameters
    ----------
    draft
        The patient's draft; any field may be empty.
    library
        The content library the draft's ids refer to.
    generated
        The date printed as the day the pack was made.
    options
        Paper size and large print; A4 in normal print if None.
    """
    pack = Pack(draft, library, generated, options)
    # Marks the PDF as a pack, and whose, for importing answers (``consultprep.answers``).
    pack.story.append(PackMarker(made_for(draft)))
    page_one(pack)  # exactly one page, then the rest of anything cut on it
    photos(pack)
    questions(pack)
    deciding(pack)  # readiness check and BRAN notes, if used
    evidence(pack, library.concern(draft.concern), draft.subtype)
    offer(pack)
    words_used(pack)  # the glossary's words that the sections above use
    references(pack)  # last: it lists what the sections above cited
    return pack
