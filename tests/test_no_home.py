"""A computer where the home folder cannot be found or read, or whose language setting cannot
write some letters in file names: a plain message, never an error, and nothing lost (a crash
hunt, 2026-12-08)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultprep.models import Draft
from consultprep.storage import DraftError, load_draft, save_draft
from tests.test_autosave_ui import type_a_name
from tests.ui_helpers import Dialogs
from ui.app import create_main_window
from ui.dialogs import Button


def _no_home() -> Path:
    raise RuntimeError("Could not determine home directory.")


def _not_allowed(self: Path) -> bool:
    raise PermissionError(13, "Permission denied", str(self))


def test_the_start_folders_do_without_a_home_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Save, Open, Save PDF and Add photos start in the Documents or Pictures folder: with no
    home folder, or one that cannot be looked into, each failed with an error."""
    from ui.export_helpers import documents_folder
    from ui.pages.photos_page import pictures_folder

    monkeypatch.setattr(Path, "home", staticmethod(_no_home))
    assert documents_folder() == Path.cwd()  # the folder it was started in
    monkeypatch.undo()
    monkeypatch.setattr(Path, "is_dir", _not_allowed)  # not even that can be looked into
    assert documents_folder() == Path("/")
    assert pictures_folder() == "/"


def _unwritable_letters(self: Path, *args, **kwargs):
    raise UnicodeEncodeError("latin-1", str(self), 0, 1, "ordinal not in range(256)")


def test_a_name_the_language_setting_cannot_write_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """("李.consultprep" with the computer's language set to Latin-1.)"""
    target = tmp_path / "李.consultprep"
    monkeypatch.setattr(Path, "is_symlink", _unwritable_letters)
    with pytest.raises(DraftError, match="language setting cannot use in file names"):
        save_draft(Draft(), target)
    monkeypatch.setattr(Path, "stat", _unwritable_letters)
    with pytest.raises(DraftError, match="“李.consultprep” cannot be opened: its name"):
        load_draft(target)
    from consultprep.photos import PhotoError, clean_image

    with pytest.raises(PhotoError, match="language setting"):
        clean_image(tmp_path / "李.jpg")


def test_a_save_that_fails_with_an_error_keeps_the_window_open(
    qtbot, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing, "Save my answers", and the save failed with an error: the window closed and
    the app quit, all since the last safety copy lost. Now it stays open, the copy kept."""
    window = create_main_window(autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.draft is not None, timeout=10_000)
    type_a_name(window, "Margaret")
    window.autosave.save_at_once()
    copy = window.autosave.autosave.draft_path
    assert copy.exists()

    def broken_save() -> bool:
        raise RuntimeError("no home folder")

    monkeypatch.setattr(window, "save", broken_save)
    dialogs.question_answer = Button.Save
    window.show()
    with pytest.raises(RuntimeError):  # (from Qt's loop it goes to the app's error message)
        window.close()
    assert window.isVisible() and not window._closed
    assert copy.exists() and load_draft(copy).about.patient_name == "Margaret"
    dialogs.question_answer = Button.Discard  # (and then it may close)
