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
        if not _safe(str(path)):
            return _stand_in(str(path))
        return QSettings(str(path), QSettings.Format.IniFormat)
    where = (QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
    global _user_file
    if _user_file is None:  # (asked once: a QSettings made only for its name, each read)
        _user_file = QSettings(*where).fileName()
    if not _safe(_user_file):  # (Qt reads a file again that changed)
        return _stand_in(_user_file)
    return QSettings(*where)


_user_file: str | None = None  # the user's own settings file, once known


_looked_at: dict[str, bool] = {}  # settings files looked at this run: each safe to read?


def _safe(file_name: str) -> bool:
    """True if Qt may read the settings file (once a run it is cleaned of Python objects,
    ``ui.settings_guard``)."""
    if file_name not in _looked_at:
        from ui.settings_guard import cleaned

        _looked_at[file_name] = cleaned(Path(file_name))
    return _looked_at[file_name]


#: The settings file that could not be used this run (``_stand_in``), for a window built
#: after it was found (``writes.failed`` was sent before anyone heard it).
not_used: str | None = None
_stand_in_file: Path | None = None


def _stand_in(unusable: str) -> QSettings:
    """Settings for this run only, in place of the file ``unusable``, which must not be read:
    in a private folder of their own, removed at exit. The window says that settings will
    not be kept."""
    global not_used, _stand_in_file
    if _stand_in_file is None:
        import atexit
        import shutil
        import tempfile

        folder = tempfile.mkdtemp(prefix="consultprep-settings-")  # (only this user's)
        atexit.register(shutil.rmtree, folder, True)
        _stand_in_file = Path(folder) / "settings.ini"
        not_used = unusable
        writes.failed.emit(unusable)
    return QSettings(str(_stand_in_file), QSettings.Format.IniFormat)


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
    _only_mine(store.fileName())
    return True


def _only_mine(name: str) -> None:
    """Let only the patient's own account read the settings file (it lists recent drafts,
    whose names often hold a first name and a skin problem): Qt made it readable by every
    account on the computer (a privacy review)."""
    if os.name != "posix":  # (elsewhere a mode says only "read-only or not")
        return
    try:
        if name and os.stat(name).st_mode & 0o077:
            os.chmod(name, 0o600)
    except OSError:  # (not ours to change, or gone: the settings were still written)
        pass
