"""Plain words for the system's file errors (``OSError``), for messages a patient reads.

The system's own wording ("File name too long", "Input/output error") is in the language of the
system and of programmers; these say the same in plain English. An error not listed keeps the
system's wording.
"""

from __future__ import annotations

import errno

#: Why a file could not be read or written, for the errors a patient may meet.
_PLAIN = {
    errno.EACCES: "ConsultPrep is not allowed to use it",
    errno.EPERM: "ConsultPrep is not allowed to use it",
    errno.EROFS: "that place can only be read, not written to",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "there is no more room for your files there",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ENOENT: "it could not be found",
    errno.ELOOP: "it is a link that leads back to itself",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EIO: "the disk could not be read or written; it may be damaged or unplugged",
    errno.ENODEV: "the disk or device is not there",
    errno.ENXIO: "the disk or device is not there",
    errno.EBUSY: "another program is using it",
    errno.ETXTBSY: "another program is using it",
    errno.EMFILE: "too many files are open; please close some programs and try again",
    errno.ENFILE: "too many files are open; please close some programs and try again",
    errno.EINVAL: "the name or place is not allowed",
    errno.EEXIST: "something else of that name is already there",
}

#: The same when saving: where the plain words differ.
_PLAIN_SAVING = {
    **_PLAIN,
    errno.EACCES: "ConsultPrep is not allowed to save there",
    errno.EPERM: "ConsultPrep is not allowed to save there",
    errno.ENOENT: "that place cannot be saved in",
}


def in_plain_words(exc: OSError, *, saving: bool = False) -> str:
    """Why a file could not be used, as a phrase to put after "because" or in brackets."""
    table = _PLAIN_SAVING if saving else _PLAIN
    plain = table.get(exc.errno or 0)
    if plain:
        return plain
    words = exc.strerror or str(exc) or type(exc).__name__
    return words[:1].lower() + words[1:] if words[1:2].islower() else words
