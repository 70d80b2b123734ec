"""Keeping Python objects out of the settings file before Qt reads it.

Qt keeps a value of a type it has no words for as ``@Variant(...)``, and PySide reads a Python
object back from such a value with pickle, which runs whatever the pickle says. ConsultPrep
never writes one (it keeps numbers, words and bytes), but a damaged or hand-edited settings
file can hold one: it stopped every start (a bad-input hunt), and could run anything.

``cleaned`` takes every such value out of the file, however it is written (Qt reads escapes
such as ``\\x40`` for "@", quotes, lists and lines continued with a backslash), before Qt sees
the file. A file that cannot be cleaned is not given to Qt at all.
"""

from __future__ import annotations

import re
from pathlib import Path

MOST_BYTES = 16 * 1024 * 1024
_VARIANT = b"@Variant("
#: Qt's escapes in a value: hex and octal of any length (kept to 16 bits), and single letters.
_ESCAPE = re.compile(rb"\\x([0-9a-fA-F]+)|\\([0-7]+)|\\(.)", re.DOTALL)
_LETTERS = {b"a": "\a", b"b": "\b", b"f": "\f", b"n": "\n", b"r": "\r", b"t": "\t", b"v": "\v"}


def _unescaped(line: bytes) -> bytes:
    """``line`` with Qt's escapes read as Qt reads them (near enough to find "@Variant(")."""

    def one(match: re.Match[bytes]) -> bytes:
        hex_digits, octal, letter = match.groups()
        if letter is not None:
            return _LETTERS.get(letter, letter.decode("latin-1")).encode("utf-8")
        code = int(hex_digits, 16) if hex_digits is not None else int(octal, 8)
        return chr(code & 0xFFFF).encode("utf-8", "surrogatepass")

    return _ESCAPE.sub(one, line)


def _logical_lines(raw: bytes) -> list[list[bytes]]:
    """The file's lines, a line ending in a backslash joined with the next (as Qt reads it)."""
    joined: list[list[bytes]] = []
    carry = False
    for line in raw.split(b"\n"):
        if carry:
            joined[-1].append(line)
        else:
            joined.append([line])
        body = line.rstrip(b"\r")
        carry = (len(body) - len(body.rstrip(b"\\"))) % 2 == 1
    return joined


def cleaned(path: Path) -> bool:
    """Take every ``@Variant`` value out of the settings file at ``path``; False if the file
    holds one (or may: it is too large to look through) and cannot be cleaned."""
    try:
        if not path.is_file():
            return True
        if path.stat().st_size > MOST_BYTES:
            return False
        raw = path.read_bytes()
    except OSError:
        return True  # Qt cannot read it either
    plain = _unescaped(raw)
    if b"@" not in plain or b"Variant" not in plain:
        return True
    kept = [
        b"\n".join(parts)
        for parts in _logical_lines(raw)
        if _VARIANT not in _unescaped(b"".join(parts))
    ]
    # (Drafts' own atomic write, imported only here: a settings file needing this is rare,
    # and consultprep.storage is not loaded before the first page otherwise.)
    from consultprep.storage import atomic_write_bytes

    try:
        target = path.resolve()  # its link, if it is one, stays a link; the mode is kept
        atomic_write_bytes(target, b"\n".join(kept), mode=target.stat().st_mode & 0o777)
    except OSError:
        return False
    return True
