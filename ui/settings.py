"""The one place that makes the app's QSettings (window size, text size, colours, recent drafts).

Every part of the app that remembers something between runs asks ``app_settings()`` for its
QSettings object, so all of it lives in one INI file and tests can move that file away from the
real home folder: set the environment variable ``CONSULTPREP_SETTINGS`` to a file path (the
test suite does this for every test in ``tests/conftest.py``), or call ``use_settings_file()``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

ORGANISATION = "ConsultPrep"
APPLICATION = "ConsultPrep"
#: Environment variable: a settings file to use instead of the user's own.
SETTINGS_ENV = "CONSULTPREP_SETTINGS"

_file: Path | None = None


class _Writes(QObject):
    #: Settings could not be written (the file's full name): preferences will not be kept.
    failed = Signal(str)


#: Tells the window when settings cannot be saved (``sync``), so it can say so once.
writes = _Writes()


def use_settings_file(path: str | Path | None) -> None:
    """Keep settings in ``path`` (an INI file) from now on; None goes back to the default."""
    global _file
    _file = Path(path) if path is not None else None


def settings_file() -> Path | None:
    """The settings file chosen by ``use_settings_file`` or the environment, if any."""
    if _file is not None:
        return _file
    env = os.environ.get(SETTINGS_ENV)
    return Path(env) if env else None


def app_settings() -> QSettings:
    """A QSettings object for ConsultPrep's settings (an INI file; see the module docstring).

    Make a new one each time it is needed and let it go: Qt writes changes to the file when
    the object is deleted, and reads changes made by other objects.
    """
    path = settings_file()
    if path is not None:
        _without_pickles(str(path))
        return QSettings(str(path), QSettings.Format.IniFormat)
    where = (QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
    if not _looked_at:
        _without_pickles(QSettings(*where).fileName())  # (Qt reads the file again: it changed)
    return QSettings(*where)


#: A value of a type Qt keeps as "@Variant(...)". ConsultPrep never writes one (it keeps
#: numbers, words and bytes); a damaged or hand-edited settings file can hold one, and PySide
#: reads a Python object back from it with pickle: it stopped every start (a bad-input hunt),
#: and it runs whatever the pickle says.
_VARIANT = b"=@Variant("
_SETTINGS_MOST_BYTES = 16 * 1024 * 1024
_looked_at: set[str] = set()


def _without_pickles(file_name: str) -> None:
    """Take out of the settings file (once a run) every line holding such a value, before Qt
    reads it."""
    if file_name in _looked_at:
        return
    _looked_at.add(file_name)
    path = Path(file_name)
    try:
        if not path.is_file() or path.stat().st_size > _SETTINGS_MOST_BYTES:
            return
        raw = path.read_bytes()
        if _VARIANT in raw:
            lines = raw.split(b"\n")
            path.write_bytes(b"\n".join(line for line in lines if _VARIANT not in line))
    except OSError:
        return  # then each value is read with care (``read_value``)


def read_value(key: str, default: object, store: QSettings | None = None) -> object:
    """A setting's value, or ``default`` if it is missing or cannot be read back."""
    try:
        return (store or app_settings()).value(key, default)
    except Exception:  # noqa: BLE001 - whatever a damaged value raises, the default serves
        return default


def read_int(key: str, default: int) -> int:
    """An integer setting (INI files store text), or ``default`` if missing or not a number."""
    value = read_value(key, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def read_str(key: str, default: str) -> str:
    """A text setting, or ``default`` if it is missing."""
    value = read_value(key, default)
    return value if isinstance(value, str) else default


def write(key: str, value: object) -> None:
    """Store one setting now."""
    store = app_settings()
    store.setValue(key, value)
    sync(store)


def sync(store: QSettings) -> bool:
    """Write ``store``'s changes to its file now; False (and ``writes.failed``) if it cannot
    be written (a folder that cannot be written to, or a folder where the file should be)."""
    store.sync()
    if store.status() == QSettings.Status.AccessError:
        writes.failed.emit(store.fileName())
        return False
    return True
