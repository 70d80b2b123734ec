"""Crash and recovery at their edges (a crash and recovery test): a crashed run's work is
found even while another program has its process id; recovered work is not saved over the
file it came from, saved again since, without asking; half-written files are removed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from consultprep import autosave as autosave_module
from consultprep.autosave import Autosave
from consultprep.content import load_library
from consultprep.models import Draft
from consultprep.storage import load_draft, save_draft
from tests.test_autosave import _dead_pid
from tests.ui_helpers import Dialogs
from ui.app import create_main_window

Button = QMessageBox.StandardButton
LIBRARY = load_library()
LINUX_PROC = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@LINUX_PROC
def test_work_is_found_while_another_program_has_the_crashed_runs_process_id(
    tmp_path: Path,
) -> None:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        left = Autosave(tmp_path, pid=other.pid)  # as if it had been the crashed run's id
        left.save(Draft(concern="scars"))
        info = json.loads(left.info_path.read_text())
        assert info["started"] == autosave_module.started(other.pid)
        # That run is still going: its work is left alone.
        assert Autosave(tmp_path).pending() == []
        # Another program now has the id (it started at another time): the work is offered.
        info["started"] = str(int(info["started"]) - 1000)
        left.info_path.write_text(json.dumps(info))
        [found] = Autosave(tmp_path).pending()
        assert found.draft_path == left.draft_path
    finally:
        other.kill()
        other.wait()


def test_half_written_files_of_a_stopped_run_are_removed(tmp_path: Path) -> None:
    dead = _dead_pid()
    stopped = tmp_path / f".autosave-{dead}-abcd1234.consultprep.x1y2.tmp"
    running = tmp_path / f".autosave-{os.getpid()}-abcd1234.consultprep.x1y2.tmp"
    odd = tmp_path / ".autosave-notanumber.tmp"
    for path in (stopped, running, odd):
        path.write_bytes(b"PK half")
    assert Autosave(tmp_path).pending() == []
    assert not stopped.exists() and running.exists() and odd.exists()


@pytest.mark.parametrize("clock", ["right", "behind"])
def test_recovered_work_is_not_saved_over_a_later_save_without_asking(
    qtbot, dialogs: Dialogs, tmp_path: Path, clock: str
) -> None:
    """(With the clock behind when the later save was made, it looked older than the safety
    copy, and was saved over without a word: a crash hunt.)"""
    source = tmp_path / "shared.consultprep"
    folder = tmp_path / "autosave"
    old = Draft(concern="scars")
    old.about.patient_name = "Old name"
    save_draft(old, source)
    Autosave(folder, pid=_dead_pid()).save(old, source=str(source))
    time.sleep(1.1)  # (the safety copy's time is kept to the second)
    newer = Draft(concern="scars")
    newer.about.goals = "Saved after the crash"
    save_draft(newer, source)
    if clock == "behind":
        an_hour_ago = time.time() - 3600
        os.utime(source, (an_hour_ago, an_hour_ago))
    window = create_main_window(library=LIBRARY, autosave_folder=folder)
    qtbot.addWidget(window)
    dialogs.question_answer = Button.Yes  # "Recover"
    assert window.offer_recovery()
    assert "has been saved again since then" in dialogs.texts("question")[0]
    # Saving it over that file, as the Save dialog offers, asks first; Cancel keeps the file.
    dialogs.save_path = str(source)
    dialogs.question_answer = Button.Cancel
    assert not window.save()
    assert "has been saved since this safety copy" in dialogs.texts("question")[-1]
    assert load_draft(source).about.goals == "Saved after the crash"
    # Saving over it, when asked, does.
    dialogs.question_answer = Button.Yes  # "Save over it"
    assert window.save()
    assert load_draft(source).about.patient_name == "Old name"


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_asked_to_stop_the_app_keeps_a_safety_copy_first(
    qtbot, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """(SIGTERM, as at a shutdown, stopped the app at once: everything since the last safety
    copy was lost. A crash and recovery test. SIGHUP, the terminal it was started from
    closing, did too; Ctrl+C there printed a traceback and the app went on: a crash hunt.)"""
    if not hasattr(signal, name):
        pytest.skip(f"no {name} here")
    from tests.test_autosave_ui import type_a_name
    from ui import terminate

    window = create_main_window(library=LIBRARY, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(window)
    window.autosave.timer.setInterval(60_000)  # no safety copy would come for a minute
    type_a_name(window, "Typed just now")
    left: list[bool] = []
    monkeypatch.setattr(terminate, "leave_loop", lambda: left.append(True))  # (for the tests
    undo = terminate.install(window)  # after it: once left, Qt runs no loop until restarted)
    from ui.pdf_progress import Stopped

    making = Stopped()  # a PDF being made: asked to stop too (it held up the stop till done)
    monkeypatch.setattr("ui.pdf_progress.RUNNING", {making})
    try:
        os.kill(os.getpid(), getattr(signal, name))
        copy = window.autosave.autosave.draft_path
        qtbot.waitUntil(copy.exists, timeout=5000)
    finally:
        undo()
    assert load_draft(copy).about.patient_name == "Typed just now"
    assert not dialogs.messages  # nothing was asked: no one may be there to answer
    qtbot.wait(50)
    assert left == [True] and making.asked
    assert copy.exists() and window.autosave.autosave.info_path.exists()  # kept for next time


def test_the_question_names_whose_work_it_is(qtbot, dialogs: Dialogs, tmp_path: Path) -> None:
    """(Two windows' work, left by a crash, could not be told apart.)"""
    folder = tmp_path / "autosave"
    for name in ("Alice", "Bob"):
        draft = Draft(concern="scars")
        draft.about.patient_name = name
        Autosave(folder, pid=_dead_pid()).save(draft)
    window = create_main_window(library=LIBRARY, autosave_folder=folder)
    qtbot.addWidget(window)
    dialogs.question_answer = Button.Cancel  # "Later"
    assert not window.offer_recovery()
    [question] = dialogs.texts("question")
    assert "The name in it is “" in question



@pytest.mark.parametrize(
    ("handle", "last_error", "code", "alive"),
    [(7, 0, 259, True), (7, 0, 0, False), (0, 87, 0, False), (0, 5, 0, True)],
    ids=["running", "ended", "no-such-process", "another-users"],
)
def test_on_windows_a_process_is_asked_about_never_signalled(
    monkeypatch: pytest.MonkeyPatch, handle: int, last_error: int, code: int, alive: bool
) -> None:
    """(There, os.kill(pid, 0), used elsewhere to ask, ends the process: a diff review.)"""
    import ctypes

    closed: list[int] = []

    class Kernel32:
        def OpenProcess(self, _access, _inherit, _pid):  # (the Windows names)
            return handle

        def GetExitCodeProcess(self, _handle, ref):
            ref._obj.value = code
            return 1

        def CloseHandle(self, opened):
            closed.append(opened)

    monkeypatch.setattr(autosave_module, "_kernel32", Kernel32)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: last_error, raising=False)
    assert autosave_module._windows_process_alive(1234) is alive
    assert closed == ([handle] if handle else [])
