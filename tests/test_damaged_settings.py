"""A settings file holding values Python cannot or must not read back (a bad-input hunt: a
pickled value stopped every start, and reading one runs whatever it says)."""

from __future__ import annotations

import os
import pickle
import struct
from pathlib import Path

import pytest

from ui import recent, settings


class _Raises:
    def __reduce__(self):
        return (int, ("not a number",))


class _Runs:
    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def _variant(obj: object) -> str:
    """How Qt keeps a Python object in an INI file (PySide pickles it)."""
    data = pickle.dumps(obj, protocol=4)
    raw = b"\0\0\0\x7f\0\0\0\x18PySide::PyObjectWrapper\0" + struct.pack(">I", len(data)) + data
    return "@Variant(" + "".join(f"\\x{b:x}" for b in raw) + ")"


def _write(obj: object) -> Path:
    path = settings.settings_file()
    assert path is not None
    path.write_text(
        f"[view]\ntext_scale={_variant(obj)}\ntheme={_variant(obj)}\n\n"
        f"[recent_drafts]\n1\\path={_variant(obj)}\n1\\step=3\nsize=1\n",
        encoding="utf-8",
    )
    return path


def test_pickled_values_are_taken_out_before_qt_reads_them(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = _write(_Runs(marker))
    assert settings.read_int("view/text_scale", 100) == 100
    assert settings.read_str("view/theme", "system") == "system"
    assert recent.recent_drafts() == []
    assert not marker.exists(), "what the settings file said was run"
    assert b"@Variant" not in path.read_bytes()
    settings.write("view/text_scale", 150)  # and the file is used as before
    assert settings.read_int("view/text_scale", 100) == 150


def _escaped(variant: str) -> str:
    """The same value with its "@" and "V" written as Qt's escapes."""
    return variant.replace("@Variant(", "\\x40\\126ariant(", 1)


@pytest.mark.parametrize(
    "spelling",
    [
        lambda v: f"text_scale= {v}",
        lambda v: f"text_scale =\t{v}",
        lambda v: f'text_scale="{v}"',
        lambda v: f"text_scale=1, {v}",
        lambda v: f"text_scale={_escaped(v)}",
        lambda v: f"text_scale=1, \\\n{v}",  # continued on the next line
    ],
    ids=["space", "tab", "quoted", "list", "escaped", "continued"],
)
def test_every_spelling_of_a_pickled_value_is_taken_out(tmp_path: Path, spelling) -> None:
    marker = tmp_path / "ran"
    path = settings.settings_file()
    assert path is not None
    path.write_text(f"[view]\n{spelling(_variant(_Runs(marker)))}\ntheme=dark\n", "utf-8")
    assert settings.read_int("view/text_scale", 100) == 100
    assert settings.read_str("view/theme", "system") == "dark"  # the rest is kept
    assert not marker.exists(), "what the settings file said was run"


def test_a_file_that_cannot_be_cleaned_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from consultprep import storage

    def refuse(_path: Path, _data: bytes, mode: int = 0o600) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(storage, "atomic_write_bytes", refuse)  # what cleaning writes with
    monkeypatch.setattr(settings, "_stand_in_file", None)  # (this run's: put back after)
    monkeypatch.setattr(settings, "not_used", None)
    marker = tmp_path / "ran"
    path = _write(_Runs(marker))
    failed: list[str] = []
    settings.writes.failed.connect(failed.append)
    try:
        assert settings.read_int("view/text_scale", 100) == 100
        settings.write("view/text_scale", 150)  # kept for this run only
        assert settings.read_int("view/text_scale", 100) == 150
    finally:
        settings.writes.failed.disconnect(failed.append)
    assert not marker.exists()
    assert failed == [str(path)]  # the window says once that settings will not be kept
    assert settings.not_used == str(path)  # (for a window built after it was found)
    stand_in = settings._stand_in_file
    assert stand_in is not None and stand_in.parent.stat().st_mode & 0o077 == 0  # private
    assert b"@Variant" in path.read_bytes()  # (left as it was)


def test_a_value_that_cannot_be_read_back_gives_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "_safe", lambda _name: True)  # (as if Qt read it as it is)
    _write(_Raises())
    assert settings.read_int("view/text_scale", 100) == 100
    assert settings.read_str("view/theme", "system") == "system"
    assert recent.recent_drafts() == []


def test_the_window_starts_with_such_a_file(qtbot, tmp_path: Path) -> None:
    from consultprep.content import load_library
    from ui.app import create_main_window

    marker = tmp_path / "ran"
    _write(_Runs(marker))
    window = create_main_window(library=load_library())
    qtbot.addWidget(window)
    assert not marker.exists()


def test_a_window_built_after_the_file_was_found_unusable_says_so(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(The notice was sent while the app styled itself, before any window could hear it.)"""
    from consultprep.content import load_library
    from ui.app import create_main_window

    monkeypatch.setattr(settings, "not_used", "/home/me/.config/ConsultPrep/ConsultPrep.ini")
    window = create_main_window(library=load_library())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window._settings_notice is not None, timeout=2000)
