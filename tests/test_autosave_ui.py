"""Autosave in the window, recovery after a crash, and quitting: nothing is lost."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from consultprep.autosave import Autosave
from consultprep.content import load_library
from consultprep.models import Draft
from consultprep.storage import load_draft, save_draft
from tests.test_autosave import _dead_pid
from tests.test_wizard import UNICODE_NAME, choose, go_next, page
from tests.ui_helpers import Dialogs
from ui import app as app_module
from ui.app import create_main_window, run_app
from ui.autosave_controller import DATA_DIR_ENV, DELAY_MS, RECOVER_QUESTION, autosave_folder
from ui.keeping import AUTOSAVE_FAILED
from ui.main_window import MainWindow
from ui.wizard import PageId

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = load_library()
Button = QMessageBox.StandardButton


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "autosave"


@pytest.fixture
def window(qtbot, dialogs: Dialogs, folder: Path) -> MainWindow:
    w = create_main_window(library=LIBRARY, autosave_folder=folder)
    w.autosave.timer.setInterval(0)  # save at the next turn of the event loop
    qtbot.addWidget(w)
    return w


def type_a_name(window: MainWindow, name: str = UNICODE_NAME) -> None:
    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_next(window, PageId.ABOUT)
    page(window, PageId.ABOUT).patient_name.setText(name)


def wait_until_autosaved(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.autosave.busy(), timeout=10_000)


def crashed_run(folder: Path, draft: Draft, source: str | None = None) -> Autosave:
    """What a run that was killed leaves behind (its pid is dead)."""
    left = Autosave(folder, pid=_dead_pid())
    left.save(draft, source=source)
    return left


def test_data_folder_comes_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    assert autosave_folder() == tmp_path / "data" / "autosave"


def test_an_edit_is_autosaved_privately_a_moment_later(
    window: MainWindow, folder: Path, qtbot
) -> None:
    window.autosave.timer.setInterval(DELAY_MS)
    type_a_name(window)
    assert window.autosave.timer.isActive()
    assert window.autosave.timer.isSingleShot() and window.autosave.timer.interval() == 1500
    assert not folder.exists()  # nothing written while the patient is still typing
    with qtbot.waitSignal(window.autosave.saved, timeout=10_000):
        window.autosave.save_now()  # what the timer does when it fires
    own = window.autosave.autosave
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(own.draft_path.stat().st_mode) == 0o600
    saved = load_draft(own.draft_path)
    assert saved.about.patient_name == UNICODE_NAME and saved.concern == "scars"
    assert json.loads(own.info_path.read_text())["source"] is None
    assert window.draft.about.patient_name == UNICODE_NAME  # the window's draft is its own


def test_edits_during_a_write_are_saved_after_it(window: MainWindow, qtbot) -> None:
    type_a_name(window, "First")
    about = page(window, PageId.ABOUT)
    window.autosave.save_now()
    about.patient_name.setText("Second")  # the first write has not finished yet
    window.autosave.save_now()
    writes = []
    window.autosave.saved.connect(lambda: writes.append(1))
    wait_until_autosaved(qtbot, window)
    assert len(writes) == 2
    assert load_draft(window.autosave.autosave.draft_path).about.patient_name == "Second"


def test_saving_the_draft_clears_the_autosave(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    type_a_name(window)
    wait_until_autosaved(qtbot, window)
    own = window.autosave.autosave
    assert own.draft_path.is_file()
    dialogs.save_path = str(tmp_path / "mine.consultprep")
    assert window.save()
    assert not own.draft_path.exists() and not own.info_path.exists()
    # A later edit is autosaved again, remembering which file it belongs to.
    page(window, PageId.ABOUT).allergies.setText("Latex")
    wait_until_autosaved(qtbot, window)
    assert json.loads(own.info_path.read_text())["source"] == str(tmp_path / "mine.consultprep")


def test_a_normal_quit_clears_the_autosave_and_cancel_keeps_it(
    window: MainWindow, dialogs: Dialogs, qtbot
) -> None:
    window.show()
    type_a_name(window)
    wait_until_autosaved(qtbot, window)
    own = window.autosave.autosave
    dialogs.question_answer = Button.Cancel
    assert not window.close()
    assert "not saved" in dialogs.texts("question")[-1]
    assert own.draft_path.is_file()
    dialogs.question_answer = Button.Discard  # "Don't save"
    assert window.close()
    assert not own.draft_path.exists()


def test_autosave_trouble_is_told_once_and_quietly(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    window.autosave.autosave = Autosave(blocker / "autosave")
    failures = []
    window.autosave.failed.connect(failures.append)
    type_a_name(window)
    wait_until_autosaved(qtbot, window)
    page(window, PageId.ABOUT).allergies.setText("Latex")
    wait_until_autosaved(qtbot, window)
    assert len(failures) == 1  # not a message per attempt
    assert not dialogs.messages  # and no dialog at all
    notice = window._autosave_notice
    assert notice is not None and notice.isVisibleTo(window)
    assert notice.text() == AUTOSAVE_FAILED
    assert "could not make a safety copy" in notice.toolTip() and str(blocker) in notice.toolTip()
    # When autosaving works again, the notice goes.
    blocker.unlink()
    page(window, PageId.ABOUT).allergies.setText("Latex, plasters")
    wait_until_autosaved(qtbot, window)
    assert not notice.isVisibleTo(window)


def test_an_autosave_folder_that_cannot_be_used_never_spoils_saving_or_quitting(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    """The autosave "folder" is a file (or a folder the patient may not change): saving the
    draft still counts as saved, and quitting is quiet; only the autosave notice says so."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    window.autosave.autosave = Autosave(blocker)
    window.show()
    type_a_name(window)
    wait_until_autosaved(qtbot, window)
    dialogs.save_path = str(tmp_path / "mine.consultprep")
    assert window.save()
    assert not window.isWindowModified()
    assert "mine" in window.windowTitle()
    assert window.close()
    assert not dialogs.messages  # no "Something went wrong"
    assert load_draft(tmp_path / "mine.consultprep").about.patient_name == UNICODE_NAME


def test_left_behind_work_can_be_recovered(
    qtbot, dialogs: Dialogs, folder: Path, tmp_path: Path
) -> None:
    lost = Draft(concern="ageing")
    lost.about.patient_name = "Ånna <b>"
    source = tmp_path / "anna.consultprep"
    left = crashed_run(folder, lost, source=str(source))
    window = create_main_window(library=LIBRARY, autosave_folder=folder)
    qtbot.addWidget(window)
    dialogs.question_answer = Button.Yes  # "Recover"
    assert window.offer_recovery()
    question = dialogs.texts("question")[0]
    assert question.startswith(RECOVER_QUESTION)
    assert "“anna.consultprep”" in question and "kept a safety copy of it on" in question
    assert window.draft.about.patient_name == "Ånna <b>"
    assert window.path is None and window.recovered_from == source
    assert window.windowTitle().startswith("anna (recovered)")
    assert window.is_modified()
    # Our own autosave is written first; only then do the old files go.
    wait_until_autosaved(qtbot, window)
    assert load_draft(window.autosave.autosave.draft_path).about.patient_name == "Ånna <b>"
    assert not left.draft_path.exists() and not left.info_path.exists()
    assert Autosave(folder).pending() == []
    # Saving starts at the file the work came from.
    dialogs.save_path = ""
    window.save()
    assert dialogs.file_dialogs[-1] == f"save:Save the draft as:{source}"
    dialogs.save_path = str(source)
    assert window.save()
    assert not window.recovered and window.windowTitle().startswith("anna[*]")
    assert load_draft(source).about.patient_name == "Ånna <b>"
    assert not window.autosave.autosave.draft_path.exists()


def test_discard_deletes_left_behind_work_and_later_keeps_it(
    qtbot, dialogs: Dialogs, folder: Path
) -> None:
    left = crashed_run(folder, Draft(concern="scars"))
    window = create_main_window(library=LIBRARY, autosave_folder=folder)
    qtbot.addWidget(window)
    dialogs.question_answer = Button.Cancel  # "Later"
    assert not window.offer_recovery()
    assert "It had not been saved to a file yet." in dialogs.texts("question")[0]
    assert left.draft_path.is_file() and window.draft.concern is None
    dialogs.question_answer = Button.Discard
    assert not window.offer_recovery()
    assert not left.draft_path.exists() and window.draft.concern is None
    assert not window.offer_recovery()  # nothing left to offer: no question
    assert len(dialogs.texts("question")) == 2


def _recover_unreadable(qtbot, dialogs: Dialogs, folder: Path, content: bytes):
    """Work left by a crash whose file holds ``content``, which cannot be opened: Recover is
    pressed. Returns the recovery, the window and the one warning shown."""
    left = crashed_run(folder, Draft())
    left.draft_path.write_bytes(content)
    window = create_main_window(library=LIBRARY, autosave_folder=folder)
    qtbot.addWidget(window)
    dialogs.question_answer = Button.Yes
    assert not window.offer_recovery()
    [warning] = dialogs.texts("warning")
    return left, window, warning


def test_a_damaged_autosave_is_explained_kept_and_not_offered_again(
    qtbot, dialogs: Dialogs, folder: Path
) -> None:
    left, window, warning = _recover_unreadable(qtbot, dialogs, folder, b"PK\x03\x04 broken")
    assert "is damaged" in warning and str(folder) in warning
    assert "will not offer it again. Nothing has been deleted" in warning
    [kept] = folder.glob("damaged-*.consultprep")
    assert f"“{kept.name}”" in warning
    assert kept.read_bytes() == b"PK\x03\x04 broken" and not left.draft_path.exists()
    assert kept.with_suffix(".json").is_file()  # its note of when it was saved goes with it
    assert not window.offer_recovery()  # not asked again at the next start
    assert len(dialogs.texts("question")) == 1


def test_a_damaged_autosave_that_cannot_be_renamed_says_it_will_be_offered_again(
    qtbot, dialogs: Dialogs, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from consultprep.autosave import Recovery

    monkeypatch.setattr(Recovery, "set_aside", lambda self: None)  # a read-only folder, say
    left, _window, warning = _recover_unreadable(qtbot, dialogs, folder, b"not a draft")
    assert "will offer it again next time; choose Delete then" in warning
    assert left.draft_path.is_file()


def test_work_from_a_newer_version_is_not_called_damaged_and_is_offered_again(
    qtbot, dialogs: Dialogs, folder: Path
) -> None:
    left, window, warning = _recover_unreadable(qtbot, dialogs, folder, b'{"schema_version": 99}')
    assert "newer version of ConsultPrep. Please update ConsultPrep to open it." in warning
    assert "will offer it again next time" in warning and "not offer it again" not in warning
    assert not list(folder.glob("damaged-*")) and left.draft_path.is_file()
    dialogs.question_answer = Button.Cancel
    assert not window.offer_recovery()  # still there to recover once ConsultPrep is updated
    assert len(dialogs.texts("question")) == 2


def test_quitting_a_recovered_draft_asks_to_save_it(qtbot, dialogs: Dialogs, folder: Path) -> None:
    crashed_run(folder, Draft(concern="inflammatory"))
    window = create_main_window(library=LIBRARY, autosave_folder=folder)
    qtbot.addWidget(window)
    window.show()
    dialogs.question_answer = Button.Yes
    window.offer_recovery()
    wait_until_autosaved(qtbot, window)
    dialogs.question_answer = Button.Cancel
    assert not window.close()
    assert dialogs.texts("question")[-1].startswith("Your latest answers are not saved as a draft yet")
    assert window.autosave.autosave.draft_path.is_file()  # still safe
    dialogs.question_answer = Button.Discard
    assert window.close()
    assert Autosave(folder).pending() == [] and not any(folder.iterdir())


def test_run_app_offers_recovery_at_start(
    dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, qapp: QApplication, tmp_path: Path
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    crashed_run(autosave_folder(), Draft(concern="chronic-wound"))
    shown: list[MainWindow] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    monkeypatch.setattr(app_module, "apply_app_style", lambda app, **_: None)
    monkeypatch.setattr(app_module, "apply_style_sheet", lambda app: None)
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))
    dialogs.question_answer = Button.Yes
    assert run_app(None) == 0
    [window] = shown
    assert window.finish_start()  # the event loop does this after the first paint...
    qapp.processEvents()  # ...and then asks about work left behind
    assert window.draft.concern == "chronic-wound" and window.recovered
    window.autosave.clear()
    window.deleteLater()


CHILD = """
import sys
from ui.app import create_main_window, ensure_app
from ui.wizard import PageId

app = ensure_app()
window = create_main_window()
window.show()
wizard = window.wizard
wizard.next()
concern = wizard.pages[PageId.CONCERN]
concern.concern_radios["scars"].setChecked(True)
next(iter(concern.subtype_radios.values())).setChecked(True)
wizard.next()
wizard.pages[PageId.ABOUT].patient_name.setText(sys.argv[1])
window.autosave.saved.connect(lambda: print("autosaved", flush=True))
app.exec()
"""


def test_work_survives_the_app_being_killed(qtbot, dialogs: Dialogs, tmp_path: Path) -> None:
    """A real app is edited, autosaves on its own timer, and is killed; nothing is lost."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CONSULTPREP_DATA_DIR=str(tmp_path / "data"),
        CONSULTPREP_SETTINGS=str(tmp_path / "settings.ini"),
    )
    name = "Killed before saving"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, name],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(60, child.kill)  # a hung child must not hang the suite
    watchdog.start()
    try:
        line = child.stdout.readline()
    finally:
        watchdog.cancel()
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()
    assert line.strip() == "autosaved"

    folder = tmp_path / "data" / "autosave"
    window = create_main_window(library=LIBRARY, autosave_folder=folder)
    qtbot.addWidget(window)
    dialogs.question_answer = Button.Yes
    assert window.offer_recovery()
    assert window.draft.about.patient_name == name and window.draft.concern == "scars"
    wait_until_autosaved(qtbot, window)
    window.autosave.clear()


def test_opened_files_are_never_changed_by_autosave(
    qtbot, dialogs: Dialogs, folder: Path, tmp_path: Path
) -> None:
    path = tmp_path / "kept.consultprep"
    save_draft(Draft(concern="scars", subtype=LIBRARY.concern("scars").subtypes[0].id), path)
    before = path.read_bytes()
    window = create_main_window(str(path), library=LIBRARY, autosave_folder=folder)
    qtbot.addWidget(window)
    window.autosave.timer.setInterval(0)
    window.wizard.next()
    window.wizard.next()
    page(window, PageId.ABOUT).duration.setText("Two years")
    wait_until_autosaved(qtbot, window)
    assert path.read_bytes() == before
    assert load_draft(window.autosave.autosave.draft_path).about.duration == "Two years"
