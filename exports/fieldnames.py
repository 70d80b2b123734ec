"""Names of the form fields in the pack, shared by the writer and the reader (pure, no PDF).

Each question on the checklist has two fields: ``q:<id>:asked`` (a tick box) and
``q:<id>:answer`` (a multi-line text field). ``<id>`` is the checklist item's id with every
character other than ``A-Z a-z 0-9 -`` written as ``_XX`` (its UTF-8 bytes in hex), so the
mapping is reversible and two ids never share a name. Colons, not periods, separate the parts:
a period in a PDF field name means a field hierarchy.

A hidden, read-only field ``consultprep:pack`` marks the PDF as a ConsultPrep pack; another,
``consultprep:for``, holds the name and skin problem it was made for (JSON in ASCII), so answers
are not imported into another person's draft.

Each check in "How to check a clinic" has a tick box ``clinic:<check id>``, ticked if the
draft has the check done; "Import answers" reads it back.
"""

from __future__ import annotations

import re
from typing import Literal

Part = Literal["asked", "answer"]
PARTS: tuple[Part, ...] = ("asked", "answer")

#: Tooltips (read aloud by screen readers) start with these, then the question's wording.
ASKED_PREFIX = "Asked: "
ANSWER_PREFIX = "Answer to: "

#: The PDF's keywords: with the hidden form field, how an imported PDF is recognised.
KEYWORDS = "ConsultPrep pack"
PACK_FIELD = "consultprep:pack"
FORM_VERSION = 1
PACK_VALUE = f"ConsultPrep pack, form version {FORM_VERSION}"
FOR_FIELD = "consultprep:for"
#: Tick boxes of the clinic checks: ``clinic:<check id>`` (encoded as question ids are).
CLINIC_PREFIX = "clinic:"

_SAFE = re.compile(r"[A-Za-z0-9-]")
_ENCODED = re.compile(r"^(?:[A-Za-z0-9-]|_[0-9A-F]{2})+$")
_NAME = re.compile(r"^q:([^:]+):(asked|answer)$")


def encode_id(item_id: str) -> str:
    """A checklist item id as characters safe in any PDF field name (reversible)."""
    out = []
    for ch in item_id:
        if _SAFE.fullmatch(ch):
            out.append(ch)
        else:
            out.extend(f"_{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))
    return "".join(out)


def decode_id(encoded: str) -> str:
    """The checklist item id that :func:`encode_id` turned into ``encoded``.

    Raises
    ------
    ValueError
        If ``encoded`` could not have come from :func:`encode_id`.
    """
    if not _ENCODED.fullmatch(encoded):
        raise ValueError(f"not an encoded id: {encoded!r}")
    data = bytearray()
    n = 0
    while n < len(encoded):
        if encoded[n] == "_":
            data.append(int(encoded[n + 1 : n + 3], 16))
            n += 3
        else:
            data.extend(encoded[n].encode("ascii"))
            n += 1
    item_id = data.decode("utf-8", "surrogatepass")
    if encode_id(item_id) != encoded:  # only one spelling per id, so names cannot collide
        raise ValueError(f"not the usual spelling of an encoded id: {encoded!r}")
    return item_id


def field_name(item_id: str, part: Part) -> str:
    """The name of a question's tick box ("asked") or answer field ("answer")."""
    return f"q:{encode_id(item_id)}:{part}"


def clinic_field_name(check_id: str) -> str:
    """The tick box of a clinic check ("How to check a clinic")."""
    return f"{CLINIC_PREFIX}{encode_id(check_id)}"


def parse_clinic_field_name(name: str) -> str | None:
    """The check id of a clinic check's tick box name, or None for any other name."""
    if not name.startswith(CLINIC_PREFIX):
        return None
    try:
        return decode_id(name[len(CLINIC_PREFIX) :])
    except (ValueError, UnicodeDecodeError):
        return None


def parse_field_name(name: str) -> tuple[str, Part] | None:
    """(item id, part) for a question's field name, or None for any other name."""
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    try:
        item_id = decode_id(match.group(1))
    except (ValueError, UnicodeDecodeError):
        return None
    part: Part = "asked" if match.group(2) == "asked" else "answer"
    return item_id, part
