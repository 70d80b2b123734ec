"""Writing a file so that a crash at any instant leaves the old file or the new one, never a
broken one: a temporary file in the same folder, flushed to disk, then moved over the old."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

#: A temporary copy older than this (seconds), of the file just saved, was left by a save
#: that was stopped (the app killed on a slow disk): it is removed. Each is a whole copy of
#: a draft, health details and all, hidden in the patient's folder (a crash hunt, 2026-12-08).
LEFTOVER_AGE = 3600
#: The 8 letters ``tempfile.mkstemp`` puts in a name.
_MKSTEMP_LETTERS = re.compile("[a-z0-9_]{8}")


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write bytes to ``path`` atomically (temp file, fsync, rename), created with ``mode``."""
    folder = path.parent
    # The temporary file's name is the file's own and 14 more bytes: a name close to the
    # 255-byte limit could be opened but not saved ("the name is too long"). Its start will do.
    name = path.name
    while len(os.fsencode(name)) > 100:  # (bytes as the file system has them), whole letters
        name = name[:-1]
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        if hasattr(os, "fchmod"):  # (not on Windows before Python 3.13: a review)
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
    _remove_leftovers(folder, f".{name}.")
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


def _remove_leftovers(folder: Path, prefix: str) -> None:
    """Remove old temporary copies of the file just saved (see ``LEFTOVER_AGE``): hidden
    files named ``prefix``, 8 letters and ".tmp", as ``tempfile.mkstemp`` names them."""
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if not (name.startswith(prefix) and name.endswith(".tmp")):
                    continue
                middle = name[len(prefix) : -len(".tmp")]
                if not _MKSTEMP_LETTERS.fullmatch(middle):  # (not someone's own file)
                    continue
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > LEFTOVER_AGE:
                    os.unlink(entry.path)
    except OSError:  # (only tidying: the file itself was saved)
        pass
