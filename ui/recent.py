"""The drafts opened or saved most recently, remembered for the welcome page, with the step
each was left at (so "Carry on" goes back there).

Kept in the app's settings file (``ui.settings``) as a list of full paths, newest first,
at most ``MAX_RECENT``, each with its step. Work never saved to a file has one step of its own
(``UNSAVED_STEP``), for when it is recovered.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ui import settings

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

MAX_RECENT = 6
#: The most rows of the list read from the settings (a few past MAX_RECENT, for repeats).
READ_AT_MOST = 4 * MAX_RECENT
ARRAY = "recent_drafts"
#: The step that work not yet saved to a file was left at.
UNSAVED_STEP = "unsaved_step"


def _absolute(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.abspath(Path(path).expanduser()))


def _step(value: object) -> int:
    """A stored step as a number (0, meaning none, if it is not one)."""
    try:
        step = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return 0
    return step if 0 < step < 100 else 0


def _entries() -> list[tuple[Path, int]]:
    """The remembered drafts with their steps (0: none), newest first (none if the list
    cannot be read)."""
    try:
        return _read_entries(settings.app_settings())
    except Exception:  # noqa: BLE001 - a damaged value may raise anything; the list is a help
        return []


def _read_entries(store: QSettings) -> list[tuple[Path, int]]:
    count = store.beginReadArray(ARRAY)
    entries: list[tuple[Path, int]] = []
    # (A damaged settings file may give any count, even billions: only the first rows, where
    # the drafts are kept, are read.)
    for n in range(min(count, READ_AT_MOST)):
        store.setArrayIndex(n)
        value = _path_bytes(store.value("path_bytes", "")) or store.value("path", "")
        if isinstance(value, str) and value and Path(value) not in (p for p, _ in entries):
            entries.append((Path(value), _step(store.value("step", 0))))
    store.endArray()
    return entries[:MAX_RECENT]


def _surrogates(text: str) -> bool:
    """True if ``text`` holds bytes Python could not read as UTF-8 (kept as surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _path_bytes(value: object) -> str:
    """A path stored as the hex of its bytes, as text ("" if there is none or it is broken)."""
    if not isinstance(value, str) or not value:
        return ""
    try:
        return os.fsdecode(bytes.fromhex(value))
    except ValueError:
        return ""


def recent_drafts() -> list[Path]:
    """The remembered drafts, newest first (files that have gone are still listed)."""
    return [path for path, _ in _entries()]


def _store(entries: list[tuple[Path, int]]) -> None:
    rows = [(str(path), _hex_bytes(path), step) for path, step in entries]
    store = settings.app_settings()
    store.remove(ARRAY)
    store.beginWriteArray(ARRAY, len(rows))
    for n, (path, hex_bytes, step) in enumerate(rows):
        store.setArrayIndex(n)
        store.setValue("path", path)
        if hex_bytes:
            store.setValue("path_bytes", hex_bytes)
        if step:
            store.setValue("step", step)
    store.endArray()
    settings.sync(store)


def _hex_bytes(path: Path) -> str:
    """A name that is not valid UTF-8 (Linux allows any bytes) cannot be kept as text: its
    bytes are kept too, as hex, so the draft can still be opened from the list ("" for a
    name that is text, or that no file can have)."""
    if not _surrogates(str(path)):
        return ""
    try:
        return os.fsencode(path).hex()
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return ""


def remember(path: str | os.PathLike[str], step: int | None = None) -> None:
    """Put ``path`` first in the list (a draft was just opened or saved there), with the step
    it is at if given, else with the step remembered for it before."""
    path = _absolute(path)
    entries = _entries()
    known = next((s for p, s in entries if p == path), 0)
    first = (path, _step(step) if step is not None else known)
    _store([first, *((p, s) for p, s in entries if p != path)][:MAX_RECENT])


def forget(path: str | os.PathLike[str]) -> None:
    """Take ``path`` off the list (its file has gone, or the patient asked)."""
    path = _absolute(path)
    _store([(p, s) for p, s in _entries() if p != path])


def forget_all() -> None:
    """Empty the list (the drafts themselves are not touched)."""
    _store([])


def step_for(path: str | os.PathLike[str] | None) -> int | None:
    """The step the draft at ``path`` was left at (None: not known); for work never saved to a
    file (``path`` None), the step it was left at."""
    if path is None:
        return _step(settings.read_int(UNSAVED_STEP, 0)) or None
    path = _absolute(path)
    return next((s for p, s in _entries() if p == path), 0) or None


def set_step(path: str | os.PathLike[str] | None, step: int) -> None:
    """Remember that the draft at ``path`` (None: work never saved to a file) is at ``step``.

    A draft not on the list is not added (it is added when it is opened or saved)."""
    if path is None:
        settings.write(UNSAVED_STEP, _step(step))
        return
    path = _absolute(path)
    entries = _entries()
    if any(p == path and s != step for p, s in entries):
        _store([(p, _step(step) if p == path else s) for p, s in entries])
