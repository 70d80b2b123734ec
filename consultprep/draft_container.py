"""Reading a draft file's parts (see ``consultprep.storage`` for the format), so that damage
to one part loses only that part.

- A photo whose bytes are damaged, or far too large, is left out with a note; the rest of the
  draft opens.
- A file cut short (a copy that stopped half way) has lost the list of parts a zip file keeps
  at its end; its parts are then read from the start, one by one, each checked against its
  check sum, and the draft opens with its text and the whole photos before the cut.
- The draft's own text (``draft.json``) that does not match its check sum is read without
  it: if it still reads as a draft, it opens with a note to read the answers through (one
  wrong byte may have changed a word). Otherwise the draft is refused with one plain sentence.
- Parts this version does not use (a newer version's, say) are kept with the draft, and
  saved with it again.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable

from consultprep.models import Draft, Photo
from consultprep.photos import jpeg_size
from consultprep.storage import DraftError, draft_from_json

MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_PHOTO_BYTES = 32 * 1024 * 1024
#: All the parts together, unpacked: a small file can unpack to gigabytes (a "zip bomb").
#: Parts past this are left out, as damaged ones are. (A draft of 250 photos is ~150 MB.)
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
#: The parts this version does not use, together (they are kept, and saved again each time).
MAX_OTHER_BYTES = 64 * 1024 * 1024


class PartError(Exception):
    """One part of a draft file could not be read: damaged, or far too large."""


class TooLarge(PartError):
    """One part of a draft file is far larger than any ConsultPrep writes."""


#: Errors of reading one part (its bytes damaged, or stored in a way ConsultPrep never uses).
READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    ValueError,
    OSError,
    NotImplementedError,  # a compression ConsultPrep never uses
    RuntimeError,  # encrypted
)


def read_part(zf: zipfile.ZipFile, member: str, limit: int) -> bytes | None:
    """The bytes of one part (None if there is no such part).

    Raises ``TooLarge`` if it is larger than ``limit``, ``PartError`` if it is damaged.
    """
    try:
        info = zf.getinfo(member)
    except KeyError:
        return None
    if info.file_size > limit:
        raise TooLarge(member)
    try:
        return zf.read(info)
    except READ_ERRORS as exc:
        raise PartError(member) from exc


#: A part's own header, in front of its bytes: signature, version, flags, compression, time,
#: date, CRC-32, compressed size, size, name length, extra length.
PART_HEADER = struct.Struct("<4s5H3L2H")
CUT_SHORT = (
    "The end of this draft file is missing (it may have been cut short while being copied). "
    "Everything before that point was opened."
)


DAMAGED_TEXT = (
    "Part of this draft file was damaged. Its answers were opened, but a few words in them "
    "may have changed: please read them through before you save."
)


def unchecked_part(raw: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """A part's bytes as they are, not checked against its check sum (None if they cannot
    be unpacked). Only for the draft's text, which is then read with care."""
    at = info.header_offset
    if at < 0 or len(raw) - at < PART_HEADER.size:
        return None
    fields = PART_HEADER.unpack_from(raw, at)
    if fields[0] != b"PK\x03\x04":
        return None
    start = at + PART_HEADER.size + fields[9] + fields[10]
    data = raw[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return data
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return None
    try:
        return zlib.decompressobj(-zlib.MAX_WBITS).decompress(data, MAX_JSON_BYTES)
    except zlib.error:
        return None


def parts_before_the_end(raw: bytes) -> dict[str, bytes]:
    """The whole parts at the start of a draft file whose end is missing.

    A zip file keeps its list of parts at its very end, so a file cut short (a copy that
    stopped half way) cannot be opened as a zip at all. But each part also has its own header
    in front of its bytes, and ConsultPrep writes the draft's text before its photos: the
    parts are read from the start, one after another, until one is cut off or does not match
    its check sum.
    """
    parts: dict[str, bytes] = {}
    pos = 0
    budget = MAX_UNPACKED_BYTES
    while len(raw) - pos >= PART_HEADER.size:
        fields = PART_HEADER.unpack_from(raw, pos)
        signature, _version, flags, method, _time, _date, crc, packed, size, name_len, extra = (
            fields
        )
        if signature != b"PK\x03\x04" or flags & 0x09:  # not a part; encrypted or sizes after
            break
        name_at = pos + PART_HEADER.size
        name = raw[name_at : name_at + name_len].decode(
            "utf-8" if flags & 0x800 else "cp437", "replace"
        )
        start = name_at + name_len + extra
        data = raw[start : start + packed]
        if len(data) < packed:
            break  # cut off here
        pos = start + packed
        if size > (MAX_JSON_BYTES if name == "draft.json" else MAX_PHOTO_BYTES):
            continue
        if size > budget:
            break  # far more than any draft holds: what is before it is kept
        budget -= size
        if method == zipfile.ZIP_STORED:
            content = data
        elif method == zipfile.ZIP_DEFLATED:
            try:
                content = zlib.decompressobj(-zlib.MAX_WBITS).decompress(data, size + 1)
            except zlib.error:
                break
        else:
            break
        if len(content) != size or zlib.crc32(content) != crc:
            break
        parts[name] = content
    return parts


def draft_from_container(raw: bytes, name: str) -> Draft:
    damaged = f"{name} is damaged, so it could not be opened."
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    # (NotImplementedError: one damaged byte in the list of parts can claim a zip version
    # Python does not read. It stopped the app.)
    except (*READ_ERRORS, zipfile.LargeZipFile):
        parts = parts_before_the_end(raw)  # cut short, perhaps: what is there is kept
        if "draft.json" not in parts:
            raise DraftError(damaged) from None
        draft = draft_with_parts(parts["draft.json"], name, list(parts), parts.get)
        draft.load_notes.insert(0, CUT_SHORT)
        return draft
    with zf:
        try:
            text = read_part(zf, "draft.json", MAX_JSON_BYTES)
        except TooLarge:
            raise DraftError(
                f"{name} holds a part that is far too large, so it was not opened."
            ) from None
        except PartError:  # not as it was saved: perhaps only a word or its check sum
            text = unchecked_part(raw, zf.getinfo("draft.json"))
            if text is None:
                raise DraftError(damaged) from None
            unchecked = True
        else:
            unchecked = False
        if text is None:
            raise DraftError(f"{name} is not a ConsultPrep draft, so it could not be opened.")
        budget = MAX_UNPACKED_BYTES - len(text)

        def within_budget(part: str) -> bytes | None:
            nonlocal budget
            data = read_part(zf, part, max(0, min(MAX_PHOTO_BYTES, budget)))
            budget -= len(data or b"")
            return data

        try:
            draft = draft_with_parts(text, name, zf.namelist(), within_budget)
        except DraftError:
            if unchecked:  # the damage reached what it says
                raise DraftError(damaged) from None
            raise
        if unchecked:
            draft.load_notes.insert(0, DAMAGED_TEXT)
        return draft


def draft_with_parts(
    text: bytes, name: str, part_names: list[str], read_part: Callable[[str], bytes | None]
) -> Draft:
    """The draft of ``text`` with the other parts of its file, ``part_names``, each read by
    ``read_part(part name)``.

    A photo whose part is missing, damaged or far too large is left out with a note; the
    rest of the draft is kept. Parts ConsultPrep does not use (a newer version's, say) are
    kept in ``Draft.other_parts``, to be saved with it again, with a note.
    """
    read: dict[str, bytes | None] = {}  # each photo's JPEG, read once
    unreadable: set[str] = set()
    too_large: set[str] = set()

    def photo_data(photo_id: str) -> bytes | None:
        if photo_id not in read:
            try:
                read[photo_id] = read_part(f"photos/{photo_id}.jpg")
            except TooLarge:
                read[photo_id] = None
                too_large.add(photo_id)
            except PartError:
                read[photo_id] = None
                unreadable.add(photo_id)
        return read[photo_id]

    seen: dict[str, bytes | None] = {}

    def read_once(part: str) -> bytes | None:  # a part looked at twice is read (and counted
        if part not in seen:  # against the limit) once
            seen[part] = read_part(part)
        return seen[part]

    draft = draft_from_json(text, name, photo_data)
    for photo in draft.photos:
        data = photo_data(photo.id)
        if data:
            photo.data = data
            size = jpeg_size(data)
            if size is not None and size != (photo.width, photo.height):
                # a size edited by hand would stretch the photo: its picture decides
                photo.width, photo.height = size
    used = {"mimetype", "draft.json"} | {f"photos/{photo_id}.jpg" for photo_id in read}
    used |= _photos_without_details(draft, [p for p in part_names if p not in used], read_once)
    _keep_other_parts(draft, [p for p in part_names if p not in used], read_once)
    return without_missing_photos(draft, unreadable=unreadable, too_large=too_large)


#: A photo's part: its id, as ``Photo.id`` allows.
PHOTO_PART = re.compile(r"photos/([A-Za-z0-9_-]{1,64})\.jpg")


def _photos_without_details(
    draft: Draft, names: list[str], read_part: Callable[[str], bytes | None]
) -> set[str]:
    """Put back the photos in ``names`` whose details (caption, date, size) the draft's text
    has lost (damaged, or changed by hand), at the end, with a note; their part names.

    Kept only as unused parts, they were saved again each time but never shown."""
    have = {photo.id for photo in draft.photos}
    found: set[str] = set()
    for name in dict.fromkeys(names):
        match = PHOTO_PART.fullmatch(name)
        if match is None or match.group(1) in have:
            continue
        try:
            data = read_part(name)
        except PartError:
            continue  # (counted with the unused parts that cannot be read)
        size = jpeg_size(data) if data else None
        if size is None:
            continue  # not a photo ConsultPrep wrote: kept as it is
        draft.photos.append(Photo(id=match.group(1), width=size[0], height=size[1], data=data))
        have.add(match.group(1))
        found.add(name)
    if found:
        draft.load_notes.append(
            (
                "1 photo had lost its caption and date in the draft file. It was put back "
                "at the end of your photos."
                if len(found) == 1
                else f"{len(found)} photos had lost their captions and dates in the draft "
                "file. They were put back at the end of your photos."
            )
            + " You can add the details again on the Photos step."
        )
    return found


def _keep_other_parts(
    draft: Draft, names: list[str], read_part: Callable[[str], bytes | None]
) -> None:
    """Keep the parts ``names`` in ``draft.other_parts``, with a note; one that cannot be read
    is left out, with a note."""
    lost = big = 0
    room = MAX_OTHER_BYTES
    for name in dict.fromkeys(names):  # each once, in the file's order
        if name.endswith("/"):
            continue  # a folder's entry: nothing to keep
        try:
            data = read_part(name) if room > 0 else None
        except TooLarge:
            big += 1
            continue
        except PartError:
            data = None
        if data is not None and len(data) <= room:
            draft.other_parts[name] = data
            room -= len(data)
        elif data is None and room > 0:
            lost += 1
        else:
            big += 1
    kept = len(draft.other_parts)
    if kept:
        they = "It is kept as it is" if kept == 1 else "They are kept as they are"
        draft.load_notes.append(
            f"The draft file holds {_parts(kept)[0]} that this version of ConsultPrep does "
            f"not use (perhaps from a newer version). {they} when you save."
        )
    what, were = _parts(lost)
    if lost:
        draft.load_notes.append(
            f"{what} of the draft file that ConsultPrep does not use could not be read and "
            f"{were} left out."
        )
    what, were = _parts(big)
    if big:
        draft.load_notes.append(
            f"The draft file holds {what} of extra data that {were} far too large, so "
            f"{'it was' if big == 1 else 'they were'} left out. Your answers are not changed."
        )


def _parts(count: int) -> tuple[str, str]:
    """ "1 part", "was"; "3 parts", "were"."""
    return ("1 part", "was") if count == 1 else (f"{count} parts", "were")


def without_missing_photos(
    draft: Draft,
    *,
    plain_text: bool = False,
    unreadable: set[str] | frozenset = frozenset(),
    too_large: set[str] | frozenset = frozenset(),
) -> Draft:
    """``draft`` without the photos it lists but does not hold, with a note saying how many:
    a picture missing from the draft file, or damaged in it (its id in ``unreadable``), or
    any photo of a draft written as plain text (``plain_text``), which cannot hold pictures."""
    kept = [photo for photo in draft.photos if photo.data]
    left_out = [photo for photo in draft.photos if not photo.data]
    if not left_out:
        return draft
    draft.photos = kept
    if plain_text:
        some = "1 photo was" if len(left_out) == 1 else f"{len(left_out)} photos were"
        draft.load_notes.append(
            f"{some} left out, because this kind of draft file cannot hold photos. You can "
            "add them again on the Photos step."
        )
        return draft
    damaged = sum(1 for photo in left_out if photo.id in unreadable)
    big = sum(1 for photo in left_out if photo.id in too_large)
    missing = len(left_out) - damaged - big
    if missing:
        draft.load_notes.append(
            "1 photo could not be found inside the draft and was left out."
            if missing == 1
            else f"{missing} photos could not be found inside the draft and were left out."
        )
    if damaged:
        draft.load_notes.append(
            "1 photo inside the draft is damaged and was left out."
            if damaged == 1
            else f"{damaged} photos inside the draft are damaged and were left out."
        )
    if big:  # (or the file's parts together are: see MAX_UNPACKED_BYTES)
        draft.load_notes.append(
            "1 photo inside the draft is far too large and was left out."
            if big == 1
            else f"{big} photos inside the draft are far too large and were left out."
        )
    return draft
