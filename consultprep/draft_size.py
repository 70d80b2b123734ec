"""A draft is never saved larger than ConsultPrep can open again.

Opening refuses a draft whose text is far larger than any patient types, or whose file (or
parts, unpacked) is larger still (``consultprep.draft_container``, ``storage.MAX_DRAFT_BYTES``):
such a file is damage, or a "zip bomb". Saving had no such limits, so seven pasted web pages
saved well, and then neither the draft nor its autosave could be opened (a bad-input hunt).
Now saving refuses first, saying what to make smaller, and writes nothing: the work stays open.
"""

from __future__ import annotations

from consultprep import draft_container as limits
from consultprep import storage
from consultprep.models import Draft

_TOO_LARGE = (
    "This draft is too large to save: {what} over {mb} MB, more than ConsultPrep can open "
    "again. Please {fix}, then save again."
)
_FEWER_PHOTOS = "remove some photos"


class TooLargeToSave(storage.DraftError):
    """The draft holds more than ConsultPrep could open again (another place would not help).
    Nothing was written."""


def _too_large(what: str, limit: int, fix: str) -> TooLargeToSave:
    return TooLargeToSave(_TOO_LARGE.format(what=what, mb=limit // 2**20, fix=fix))


def check_parts(draft: Draft, text_bytes: int) -> None:
    """Raise ``TooLargeToSave`` if the draft's text (``text_bytes`` long), or its parts
    together, are more than opening it again allows."""
    if text_bytes > limits.MAX_JSON_BYTES:
        fix = "shorten the longest text (a pasted web page, say)"
        raise _too_large("its words come to", limits.MAX_JSON_BYTES, fix)
    parts = [p.data for p in draft.photos] + list(draft.other_parts.values())
    if text_bytes + sum(len(part) for part in parts) > limits.MAX_UNPACKED_BYTES:
        raise _too_large("with its photos it comes to", limits.MAX_UNPACKED_BYTES, _FEWER_PHOTOS)


def check_file(size: int) -> None:
    """Raise ``TooLargeToSave`` if a draft file of ``size`` bytes is more than opening allows."""
    if size > storage.MAX_DRAFT_BYTES:
        raise _too_large("the file comes to", storage.MAX_DRAFT_BYTES, _FEWER_PHOTOS)
