"""Saving and opening draft files, safely.

A draft file is UTF-8 JSON with a schema version. Saving is atomic: the new content is
written to a temporary file in the same folder, flushed to disk, then moved over the old
file, so a crash at any instant leaves either the old or the new draft, never a broken one.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from consultprep.models import SCHEMA_VERSION, Draft

DRAFT_SUFFIX = ".consultprep"
MAX_DRAFT_BYTES = 64 * 1024 * 1024


class DraftError(Exception):
    """A draft could not be opened or saved. ``str(error)`` is one plain sentence."""


def _describe(path: Path) -> str:
    return f"“{path.name}”"


def draft_from_json(text: str, name: str = "The draft") -> Draft:
    """Parse and validate draft JSON text; raise DraftError with a plain message."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise DraftError(
            f"{name} is damaged or is not a ConsultPrep draft, so it could not be opened."
        ) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise DraftError(f"{name} is not a ConsultPrep draft, so it could not be opened.")
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise DraftError(
            f"{name} was made by a newer version of ConsultPrep. "
            "Please update ConsultPrep to open it."
        )
    try:
        return Draft.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the file"
        raise DraftError(
            f"{name} could not be opened because part of it is not valid ({where})."
        ) from None


def load_draft(path: str | os.PathLike[str]) -> Draft:
    """Open a draft file.

    Raises
    ------
    DraftError
        With one plain sentence if the file is missing, unreadable, damaged or too new.
        The file on disk is never changed.
    """
    path = Path(path)
    name = _describe(path)
    try:
        if path.is_dir():
            raise DraftError(f"{name} is a folder, not a draft file.")
        if path.stat().st_size > MAX_DRAFT_BYTES:
            raise DraftError(f"{name} is far too large to be a ConsultPrep draft.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DraftError(f"{name} could not be found. It may have been moved or deleted.") from None
    except PermissionError:
        raise DraftError(f"You do not have permission to open {name}.") from None
    except OSError as exc:
        raise DraftError(f"{name} could not be read ({exc.strerror or exc}).") from None
    if not raw.strip():
        raise DraftError(f"{name} is empty, so there is nothing to open.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DraftError(f"{name} is damaged or is not a ConsultPrep draft.") from None
    return draft_from_json(text, name)


def draft_to_json(draft: Draft) -> str:
    """The draft as pretty, stable UTF-8 JSON text."""
    return draft.model_dump_json(indent=2) + "\n"


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write bytes to ``path`` atomically (temp file, fsync, rename), created with ``mode``."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def writable_target(path: str | os.PathLike[str], what: str = "file") -> Path:
    """Check that ``path`` can be written; return it as a Path or raise DraftError."""
    path = Path(path)
    if path.is_dir():
        raise DraftError(f"“{path}” is a folder. Please choose a file name for the {what}.")
    folder = path.parent
    if not folder.is_dir():
        raise DraftError(f"The folder “{folder}” does not exist. Please choose another place.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DraftError(
            f"ConsultPrep cannot save in the folder “{folder}”. Please choose another place."
        )
    return path


def save_draft(draft: Draft, path: str | os.PathLike[str]) -> None:
    """Save a draft atomically to ``path`` (mode 0600).

    Raises
    ------
    DraftError
        With one plain sentence if the place cannot be written. Nothing is changed then.
    """
    path = writable_target(path, "draft")
    try:
        atomic_write_bytes(path, draft_to_json(draft).encode("utf-8"))
    except OSError as exc:
        raise DraftError(
            f"The draft could not be saved to “{path}” ({exc.strerror or exc})."
        ) from None
