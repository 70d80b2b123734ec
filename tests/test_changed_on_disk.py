"""Saving over a draft file that changed since this window opened or saved it asks first.

A helper found that answers imported into a draft from the command line, while a window had
it open, were lost with no word when the window saved: the last save won. Two windows on one
draft did the same. And a new draft only stepped through has nothing to save.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from consultprep.models import Draft
from consultprep.storage import load_draft, save_draft
from tests.ui_helpers import Dialogs
from ui.file_menu import CHANGED_ELSEWHERE
from ui.main_window import MainWindow

Button = QMessageBox.StandardButton


def _opened(window: MainWindow, tmp_path: Path) -> Path:
    path = tmp_path / "mine.consultprep"
    save_draft(Draft(concern="scars"), path)
    assert window.open_path(path)
    return path


def _changed_elsewhere(path: Path) -> None:
    """Another window (or the command line) saves the draft with an answer in it."""
    other = load_draft(path)
    other.about.allergies = "Penicillin (from the other window)"
    save_draft(other, path)
    stat = path.stat()  # a later time, whatever the clock's grain
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_saving_over_a_changed_file_asks_and_can_keep_both(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = _opened(window, tmp_path)
    _changed_elsewhere(path)
    window.draft.about.medicines = "Ramipril (typed here)"
    dialogs.question_answer = Button.No  # "Save as a new file…"
    dialogs.save_path = str(tmp_path / "mine (2).consultprep")
    assert window.save()
    [question] = dialogs.texts("question")
    assert question == CHANGED_ELSEWHERE.format(name="mine.consultprep")
    # The dialog offers a new name, not the file changed elsewhere (Enter would replace it).
    [offered] = dialogs.file_dialogs
    assert offered.endswith(str(tmp_path / "mine (2).consultprep"))
    assert load_draft(path).about.allergies == "Penicillin (from the other window)"  # kept
    assert load_draft(tmp_path / "mine (2).consultprep").about.medicines == "Ramipril (typed here)"
    assert window.path == tmp_path / "mine (2).consultprep"


def test_cancel_saves_nothing_and_save_over_it_replaces_it(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = _opened(window, tmp_path)
    _changed_elsewhere(path)
    window.draft.about.medicines = "Ramipril (typed here)"
    dialogs.question_answer = Button.Cancel
    assert not window.save()
    assert load_draft(path).about.medicines == ""
    dialogs.question_answer = Button.Yes  # "Save over it"
    assert window.save()
    assert load_draft(path).about.medicines == "Ramipril (typed here)"
    # Saved by this window: the next save does not ask again.
    dialogs.messages.clear()
    window.draft.about.medicines = "Ramipril 5 mg"
    assert window.save()
    assert not dialogs.texts("question")


def test_a_file_unchanged_or_gone_is_saved_without_asking(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = _opened(window, tmp_path)
    window.draft.about.medicines = "Ramipril"
    assert window.save() and not dialogs.texts("question")
    path.unlink()  # moved away or deleted: saving puts it back
    assert window.save() and not dialogs.texts("question")
    assert load_draft(path).about.medicines == "Ramipril"


def test_a_new_draft_only_stepped_through_has_nothing_to_save(
    window: MainWindow, dialogs: Dialogs
) -> None:
    """One Next on a new draft adds the questions every patient is offered; quitting then
    asked "Save your changes?" with nothing chosen or typed (a helper's hunt)."""
    from ui.wizard import PageId

    window.new_draft()
    window.wizard.next()  # to "Your skin problem"; nothing chosen
    assert window.wizard.currentId() == PageId.CONCERN
    assert not window.is_modified()
    assert window.draft.checklist  # (the page was written: the questions for everyone)
    assert window.maybe_save() and not dialogs.texts("question")
    window.draft.about.allergies = "Latex"  # anything at all: then it asks
    assert window.is_modified()


def test_a_save_that_fails_offers_to_save_somewhere_else(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch
) -> None:
    """A full disk said "Please choose another place" with no Save As in sight."""
    from consultprep import storage
    from ui.file_menu import SAVE_ELSEWHERE

    path = _opened(window, tmp_path)
    real_save = storage.save_draft

    def disk_full(draft, where):
        if Path(where) == path:
            raise storage.DraftError("The disk is full. Please choose another place.")
        return real_save(draft, where)

    monkeypatch.setattr(storage, "save_draft", disk_full)
    window.draft.about.medicines = "Ramipril"
    dialogs.question_answer = Button.Cancel
    assert not window.save() and window.is_modified()  # still open, still unsaved
    assert dialogs.texts("question") == [
        f"The disk is full. Please choose another place.\n\n{SAVE_ELSEWHERE}"
    ]
    dialogs.question_answer = Button.Yes  # "Save somewhere else…"
    dialogs.save_path = str(tmp_path / "elsewhere.consultprep")
    assert window.save()
    assert load_draft(tmp_path / "elsewhere.consultprep").about.medicines == "Ramipril"
    assert window.path == tmp_path / "elsewhere.consultprep" and not window.is_modified()
