"""The drafts opened or saved most recently, remembered for the welcome page.

Kept in the app's settings file (``ui.settings``) as a list of full paths, newest first,
at most ``MAX_RECENT``.
"""

from __future__ import annotations

import os
from pathlib import Path

from ui import settings

MAX_RECENT = 6
ARRAY = "recent_drafts"


def _absolute(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.abspath(Path(path).expanduser()))


def recent_drafts() -> list[Path]:
    """The remembered drafts, newest first (files that have gone are still listed)."""
    store = settings.app_settings()
    count = store.beginReadArray(ARRAY)
    paths: list[Path] = []
    for n in range(count):
        store.setArrayIndex(n)
        value = store.value("path", "")
        if isinstance(value, str) and value and Path(value) not in paths:
            paths.append(Path(value))
    store.endArray()
    return paths[:MAX_RECENT]


def _store(paths: list[Path]) -> None:
    store = settings.app_settings()
    store.remove(ARRAY)
    store.beginWriteArray(ARRAY, len(paths))
    for n, path in enumerate(paths):
        store.setArrayIndex(n)
        store.setValue("path", str(path))
    store.endArray()
    store.sync()


def remember(path: str | os.PathLike[str]) -> None:
    """Put ``path`` first in the list (a draft was just opened or saved there)."""
    path = _absolute(path)
    _store([path, *(p for p in recent_drafts() if p != path)][:MAX_RECENT])


def forget(path: str | os.PathLike[str]) -> None:
    """Take ``path`` off the list (its file has gone)."""
    path = _absolute(path)
    _store([p for p in recent_drafts() if p != path])
