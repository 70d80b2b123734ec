"""Reading a draft's JSON whatever state its text is in (pure: no files).

A hand-edited or damaged draft may hold bytes that are not UTF-8, unpaired surrogates (which
no file can hold, but a JSON escape can) or absurdly long numbers. Each is read as something
harmless, and counted, so the draft opens with a note instead of not at all
(``consultprep.storage.draft_from_json``).
"""

from __future__ import annotations

import re
from typing import Any

#: Digits beyond which a number in a draft is not read as one (Python refuses over 4,300).
_MOST_DIGITS = 100


def parse_int(digits: str) -> int | str:
    """A whole number in the JSON; an absurdly long one is kept as text, so the value is
    left out with a note (no count in a draft has more than a few digits)."""
    return int(digits) if len(digits) <= _MOST_DIGITS else digits


def json_text(raw: str | bytes) -> tuple[str | bytes, int]:
    """The draft's JSON text, and how many bytes in it were not UTF-8 (a hand edit saved in
    an old editor's encoding): each is read as "\ufffd" instead of making the draft unopenable.
    Bytes in UTF-16 or UTF-32 (which ``json.loads`` detects) are left to it."""
    if isinstance(raw, str) or b"\x00" in raw[:4]:
        return raw, 0
    try:
        return raw.decode("utf-8"), 0
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
        return text, text.count("\ufffd") - raw.count("\ufffd".encode())


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(data: Any) -> tuple[Any, int]:
    """``data`` with every unpaired surrogate (not a character: it cannot be saved) replaced
    by U+FFFD, and how many there were. Raises RecursionError if nested absurdly deep."""
    if isinstance(data, str):
        return _LONE_SURROGATE.subn("\ufffd", data)
    if isinstance(data, list):
        pairs = [without_lone_surrogates(item) for item in data]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(data, dict):
        out, count = {}, 0
        for key, value in data.items():
            key, n_key = without_lone_surrogates(key)
            out[key], n_value = without_lone_surrogates(value)
            count += n_key + n_value
        return out, count
    return data, 0
