"""Saving and opening draft files, safely.

A draft is ONE self-contained file the patient can move or back up. Since schema version 2
it is a zip container::

    mimetype            "application/x-consultprep" (stored first, uncompressed)
    draft.json          the Draft as JSON, with a schema version
    photos/<id>.jpg     each photo's cleaned JPEG

Version 1 drafts (a plain JSON file) are migrated when opened. Saving is atomic: the new
content is written to a temporary file in the same folder, flushed to disk, then moved over
the old file, so a crash at any instant leaves either the old or the new draft, never a broken
one. Files are created with mode 0600. A container is read part by part
(``consultprep.draft_container``), so damage to a photo loses only that photo.
"""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from consultprep.atomic import atomic_write_bytes
from consultprep.draft_places import readable_place
from consultprep.draft_text import json_text, parse_int, without_lone_surrogates
from consultprep.models import SCHEMA_VERSION, Draft
from consultprep.os_errors import in_plain_words
from consultprep.salvage import mend, mend_photo_sizes, validate_salvaging

DRAFT_SUFFIX = ".consultprep"
MIMETYPE = b"application/x-consultprep"
MAX_DRAFT_BYTES = 512 * 1024 * 1024


class DraftError(Exception):
    """A draft could not be opened or saved. ``str(error)`` is one plain sentence."""


class NewerDraft(DraftError):
    """The draft was made by a newer version of ConsultPrep: it is not damaged, and this
    version cannot open it."""


def _describe(path: Path) -> str:
    return f"“{path.name or path}”"  # (a folder such as "/" or "." has no name of its own)


def chosen_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path, or a DraftError if it is empty (``Path("")`` is the current folder,
    which would be reported as a folder, not as no file at all)."""
    if not os.fspath(path).strip():
        raise DraftError("No file was chosen, so nothing was opened.")
    return Path(path)


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring draft data of an older schema version up to the current one (pure)."""
    data = dict(data)
    if data.get("schema_version") == 1:
        data.setdefault("photos", [])
        data["schema_version"] = 2
    if data.get("schema_version") == 2:
        # 3 only adds fields with defaults (readiness, BRAN notes, asked ticks, advert text).
        data["schema_version"] = 3
    if data.get("schema_version") == 3:
        # 3 saved "not answered" as offered: false. As version 3 showed it: No only if the
        # offer holds details (kept after changing one's mind); clinic checks done are not
        # an answer about an offer.
        offer = data.get("offer")
        said_no = isinstance(offer, dict) and offer.get("offered") is False
        if said_no and not any(v for k, v in offer.items() if k not in ("offered", "checks_done")):
            data["offer"] = {**offer, "offered": None}
        data["schema_version"] = 4
    return data


def draft_from_json(
    text: str | bytes,
    name: str = "The draft",
    photo_data: Callable[[str], bytes | None] | None = None,
) -> Draft:
    """Parse, migrate and validate draft JSON; raise DraftError with a plain message.

    ``photo_data(id)``, given, is a photo's stored JPEG (None if there is none): a photo whose
    width or height in the JSON is damaged takes them from the JPEG instead of being left out.
    """
    try:
        text, replaced = json_text(text)
        # strict=False: a tab or line break typed into a value by hand (not escaped as \n)
        # keeps the draft, as it keeps what it says.
        data = json.loads(text, parse_int=parse_int, strict=False)
        data, surrogates = without_lone_surrogates(data)
        replaced += surrogates
    except (ValueError, UnicodeDecodeError, RecursionError):  # ValueError: not JSON
        raise DraftError(
            f"{name} is damaged or is not a ConsultPrep draft, so it could not be opened."
        ) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise DraftError(f"{name} is not a ConsultPrep draft, so it could not be opened.")
    version = data.get("schema_version")
    if isinstance(version, str) and version.strip().isdigit() and len(version) < 10:
        version = int(version)
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise NewerDraft(
            f"{name} was made by a newer version of ConsultPrep. "
            "Please update ConsultPrep to open it."
        )
    data, notes = mend(migrate(data))
    if photo_data is not None:
        notes += mend_photo_sizes(data, photo_data)
    if replaced:
        notes.append(
            f"{replaced} damaged character{'' if replaced == 1 else 's'} in the draft could not "
            f"be read; {'it is' if replaced == 1 else 'each is'} shown as “\ufffd”."
        )
    try:
        draft, salvaged = validate_salvaging(data)
    except RecursionError:  # nested absurdly deep, past what the first look could check
        raise DraftError(
            f"{name} is damaged or is not a ConsultPrep draft, so it could not be opened."
        ) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = readable_place(first["loc"])
        if first["type"] == "extra_forbidden" and first["loc"]:
            what = f" (it holds “{first['loc'][-1]}”, which ConsultPrep does not know)"
        else:  # where, in the patient's words ("Input should be …" is no help to them)
            what = f" ({where})" if where else ""
        raise DraftError(
            f"{name} could not be opened because part of it is damaged{what}."
        ) from None
    draft.load_notes.extend(notes + salvaged)
    return draft


#: Why a file cannot be used, where the computer's language setting cannot write the letters
#: of its name or its folder's (a crash hunt: "李.consultprep" under a Latin-1 setting failed
#: with an error).
LETTERS_NOT_USABLE = (
    "its name, or its folder's, has letters that this computer's language setting cannot "
    "use in file names"
)


def read_chosen_file(path: Path, kind: str, meant_to_be: str, limit: int) -> bytes:
    """The bytes of a file the patient chose (a draft, a filled-in PDF).

    Raises
    ------
    DraftError
        With one plain sentence if it is missing, a folder, larger than ``limit`` bytes or
        cannot be read. ``kind`` names the file ("draft file"); ``meant_to_be`` is what it is
        far too large to be ("a ConsultPrep draft").
    """
    name = _describe(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DraftError(f"{name} is a folder, not a {kind}.")
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device would never end, or never open
            raise DraftError(f"{name} is not an ordinary file, so it cannot be a {kind}.")
        if info.st_size > limit:
            raise DraftError(f"{name} is far too large to be {meant_to_be}.")
        with path.open("rb") as file:
            data = file.read(limit + 1)  # a file that grew since: still no more than this
        if len(data) > limit:
            raise DraftError(f"{name} is far too large to be {meant_to_be}.")
        return data
    except FileNotFoundError:
        raise DraftError(f"{name} could not be found. It may have been moved or deleted.") from None
    except PermissionError:
        raise DraftError(f"You do not have permission to open {name}.") from None
    except OSError as exc:
        raise DraftError(f"{name} could not be read ({in_plain_words(exc)}).") from None
    except UnicodeEncodeError:  # a language setting that cannot write this name (see below)
        raise DraftError(
            f"{name} cannot be opened: {LETTERS_NOT_USABLE}. Please rename it, or its folder, "
            "with plain letters (A to Z)."
        ) from None


def load_draft(path: str | os.PathLike[str]) -> Draft:
    """Open a draft file (any schema version up to the current one).

    Raises
    ------
    DraftError
        With one plain sentence if the file is missing, unreadable, damaged or too new.
        The file on disk is never changed.
    """
    path = chosen_path(path)
    name = _describe(path)
    raw = read_chosen_file(path, "draft file", "a ConsultPrep draft", MAX_DRAFT_BYTES)
    if not raw.strip():
        raise DraftError(f"{name} is empty, so there is nothing to open.")
    if raw.startswith(b"PK"):
        from consultprep.draft_container import draft_from_container

        try:
            return draft_from_container(raw, name)
        except MemoryError:
            raise DraftError(
                f"{name} is too large to open on this computer. Close other programs and "
                "try again."
            ) from None
    if raw.lstrip()[:5] == b"%PDF-":
        raise DraftError(
            f"{name} is a PDF, not a ConsultPrep draft, so it could not be opened. Open the "
            "draft it was made from (its name ends in .consultprep); the answers typed into "
            "a PDF pack can be imported into that draft."
        )
    draft = draft_from_json(raw.removeprefix(b"\xef\xbb\xbf"), name)
    from consultprep.draft_container import without_missing_photos

    return without_missing_photos(draft, plain_text=True)


def draft_to_json(draft: Draft) -> str:
    """The draft as pretty, stable JSON text (photos' image data is not included).

    Text holding an unpaired surrogate (which no file can hold: it can only come from a
    program, never from typing) is saved with U+FFFD in its place.
    """
    try:
        return draft.model_dump_json(indent=2) + "\n"
    except PydanticSerializationError:
        data, _ = without_lone_surrogates(draft.model_dump(mode="json"))
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def draft_to_bytes(draft: Draft) -> bytes:
    """The whole draft file (zip container) as bytes.

    Raises ``draft_size.TooLargeToSave`` if opening it again would refuse it.
    """
    from consultprep.draft_size import check_file, check_parts

    text = draft_to_json(draft).encode("utf-8")
    check_parts(draft, len(text))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)), MIMETYPE)
        info = zipfile.ZipInfo("draft.json", (1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, text)
        written = {"mimetype", "draft.json"}
        for photo in draft.photos:
            name = f"photos/{photo.id}.jpg"
            zf.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), photo.data)
            written.add(name)
        for name, data in draft.other_parts.items():  # kept from the file it was opened from
            if name not in written:
                zf.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
                written.add(name)
    check_file(buffer.getbuffer().nbytes)
    return buffer.getvalue()


def writable_target(path: str | os.PathLike[str], what: str = "file") -> Path:
    """Check that ``path`` can be written; return it as a Path or raise DraftError.

    A link is followed (the file it points to is the one replaced). An existing file is
    replaced only if it is an ordinary file that is not read-only.
    """
    if not str(path).strip():
        raise DraftError(f"Please give a file name for the {what}.")
    if "\0" in str(path):  # pasted from somewhere odd: no file name can hold it
        shown = str(path).replace("\0", "\N{REPLACEMENT CHARACTER}")
        raise DraftError(
            f"“{shown}” holds a character that a file name cannot have. Please choose another name."
        )
    path = Path(path)
    try:
        if path.is_symlink():
            path = path.resolve()
        if path.is_dir():
            raise DraftError(f"“{path}” is a folder. Please choose a file name for the {what}.")
        folder = path.parent
        if folder.exists() and not folder.is_dir():
            raise DraftError(f"“{folder}” is a file, not a folder. Please choose another place.")
        if not folder.is_dir():
            raise DraftError(f"The folder “{folder}” does not exist. Please choose another place.")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise DraftError(
                f"ConsultPrep cannot save in the folder “{folder}”. Please choose another place."
            )
        if path.exists():
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise DraftError(
                    f"“{path}” is not an ordinary file. Please choose a file name for the {what}."
                )
            if not info.st_mode & 0o222:
                raise DraftError(
                    f"“{path}” is read-only, so ConsultPrep will not replace it. "
                    "Please choose another name."
                )
    except OSError as exc:  # a name too long, a loop of links...
        raise DraftError(
            f"“{path}” cannot be used to save the {what} ({in_plain_words(exc, saving=True)}). "
            "Please choose another name."
        ) from None
    except UnicodeEncodeError:  # "李.consultprep" where the computer's language is Latin-1
        raise DraftError(
            f"“{path.name}” cannot be used to save the {what}: {LETTERS_NOT_USABLE}. Please "
            "choose another name or place."
        ) from None
    except RuntimeError:  # Path.resolve() on a loop of links (Python 3.11 and 3.12)
        raise DraftError(
            f"“{path}” cannot be used to save the {what} (it is a link that leads back to "
            "itself). Please choose another name."
        ) from None
    return path


def why_not_saved(exc: OSError) -> str:
    """Why a file could not be written, in plain words (the system's own words otherwise)."""
    return in_plain_words(exc, saving=True)


def save_draft(draft: Draft, path: str | os.PathLike[str]) -> None:
    """Save a draft atomically to ``path`` (mode 0600).

    Raises
    ------
    DraftError
        With one plain sentence if the place cannot be written. Nothing is changed then.
    """
    path = writable_target(path, "draft")
    try:
        replaceable = _replaceable_by_draft(path)
    except PermissionError:  # perhaps the patient's own draft: not "not a draft" (a hunt)
        raise DraftError(
            f"You do not have permission to open “{path.name}”, so ConsultPrep cannot check "
            f"what it is and will not replace it. Please choose another name, ending in "
            f"{DRAFT_SUFFIX}."
        ) from None
    if not replaceable:
        raise DraftError(
            f"“{path.name}” is not a ConsultPrep draft, so ConsultPrep will not replace it "
            f"with one. Please choose another name, ending in {DRAFT_SUFFIX}."
        )
    try:
        atomic_write_bytes(path, draft_to_bytes(draft))
    except OSError as exc:
        raise DraftError(
            f"The draft could not be saved to “{path}”: {why_not_saved(exc)}. "
            "Please choose another place."
        ) from None


def _replaceable_by_draft(path: Path) -> bool:
    """True if nothing is at ``path`` yet, or it is empty or a draft (never a PDF or a photo).
    Raises PermissionError if it cannot be opened to check."""
    try:
        with open(path, "rb") as existing:
            start = existing.read(64)
    except FileNotFoundError:
        return True
    except PermissionError:
        raise
    except OSError:
        return False
    start = start.removeprefix(b"\xef\xbb\xbf").lstrip()
    return not start or start.startswith((b"PK", b"{"))
