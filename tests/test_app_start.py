"""Starting the app (``ui.app.run_app``): a draft given at start, one that cannot be opened,
broken content, the garbage collector paused while starting, nothing heavy loaded; and a
calm message for unexpected errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from consultprep.content import ContentError, Library, load_library
from consultprep.models import Draft
from tests.ui_helpers import Dialogs
from ui import app as app_module
from ui.app import friendly_excepthook, run_app
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = load_library()


def test_the_window_starts_without_loading_reportlab() -> None:
    code = (
        "import sys\n"
        "from ui.app import ensure_app, create_main_window\n"
        "app = ensure_app()\n"
        "w = create_main_window()\n"
        "assert app.applicationName() == 'ConsultPrep'\n"
        "assert not w.isVisible()\n"
        "print('reportlab' in sys.modules)\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


# --- start-up and errors ----------------------------------------------------------------------
@pytest.fixture
def no_event_loop(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> list:
    """run_app's window and exec, recorded instead of run; the excepthook restored."""
    shown: list = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    monkeypatch.setattr(app_module, "apply_app_style", lambda app, **_: None)
    monkeypatch.setattr(app_module, "apply_style_sheet", lambda app: None)
    original = MainWindow.show

    def show(self: MainWindow) -> None:
        shown.append(self)
        original(self)

    monkeypatch.setattr(MainWindow, "show", show)
    yield shown
    for w in shown:
        w.hide()
        w.deleteLater()


def test_run_app_opens_a_draft(
    no_event_loop: list, dialogs: Dialogs, tmp_path: Path, monkeypatch
) -> None:
    from consultprep.storage import save_draft

    path = tmp_path / "d.consultprep"
    save_draft(Draft(concern="ageing"), path)
    assert run_app(str(path)) == 0
    [window] = no_event_loop
    assert window.draft is None  # opened just after the first page is shown...
    assert window.finish_start()  # ...which the event loop would do
    assert window.draft.concern == "ageing"
    assert sys.excepthook is friendly_excepthook


def test_start_up_pauses_the_garbage_collector_until_the_window_has_started(
    no_event_loop: list, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from ui.cli import main

    seen: dict[str, bool] = {}

    def event_loop(*args) -> int:
        seen["while the first page shows"] = gc.isenabled()
        [window] = no_event_loop
        assert window.finish_start()  # emits started, as just after the first paint
        seen["once started"] = gc.isenabled()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    try:
        assert main([]) == 0
        assert seen == {"while the first page shows": False, "once started": True}
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()  # what started froze belongs to this test only


def test_run_app_with_a_bad_draft_says_so_and_starts_new(
    no_event_loop: list, dialogs: Dialogs, tmp_path: Path
) -> None:
    assert run_app(str(tmp_path / "missing.consultprep")) == 0
    assert no_event_loop[0].finish_start()
    assert "could not be found" in dialogs.texts()[0]
    assert no_event_loop[0].draft.concern is None


def test_run_app_with_broken_content_explains_and_stops(
    no_event_loop: list, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> Library:
        raise ContentError("content file library.toml: levels: field required")

    exit_codes: list[int] = []
    monkeypatch.setattr("consultprep.content.load_library", broken)
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exit_codes.append(code))
    assert run_app(None) == 0  # exec is not really run here
    [window] = no_event_loop
    assert window.finish_start() is False
    assert exit_codes == [1]  # the real event loop ends with exit code 1
    assert "cannot start" in dialogs.texts()[0]
    assert "toml" not in dialogs.texts()[0]
    assert not window.isVisible()


def test_unexpected_errors_get_a_calm_message(dialogs: Dialogs, capsys) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        friendly_excepthook(type(exc), exc, exc.__traceback__)
    text = dialogs.texts()[0]
    assert "save your draft" in text and "boom" not in text
    assert "RuntimeError: boom" in capsys.readouterr().err


def test_a_fault_while_opening_the_draft_at_start_leaves_a_working_window(
    no_event_loop: list, dialogs: Dialogs, tmp_path: Path, monkeypatch, capsys
) -> None:
    """Not a damaged draft but a fault of ConsultPrep's (a draft too large for the memory
    raised one): the window said "something went wrong" and then Open, Save and New did
    nothing, as it was left half started. It starts with a new draft instead."""
    from consultprep import storage
    from consultprep.storage import save_draft
    from ui.main_window import UNEXPECTED_OPEN

    path = tmp_path / "d.consultprep"
    save_draft(Draft(concern="ageing"), path)

    def fault(*_args: object) -> Draft:
        raise RuntimeError("a fault of ours")

    monkeypatch.setattr(storage, "load_draft", fault)
    assert run_app(str(path)) == 0
    [window] = no_event_loop
    assert window.finish_start()
    assert dialogs.texts("warning") == [UNEXPECTED_OPEN]
    assert window.draft is not None and window.draft.concern is None and window.path is None
    assert "RuntimeError: a fault of ours" in capsys.readouterr().err  # for support
    window.new_action.trigger()  # the window works
    assert window.draft is not None
