"""A draft opened by a relative path keeps its place, and a long legal name can be saved.

From a data-safety hunt: started as ``consultprep mine.consultprep`` in Documents, a crash's
safety copy named "mine.consultprep" and, after a start from another folder, pointed at the
wrong file; a name of 240 to 255 bytes could be opened but not saved.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consultprep.autosave import Autosave
from consultprep.models import Draft
from consultprep.storage import atomic_write_bytes, load_draft, save_draft
from tests.test_app_start import no_event_loop  # noqa: F401 - the fixture
from tests.ui_helpers import Dialogs
from ui.app import run_app


def _dead_pid() -> int:
    code = "import os; print(os.getpid())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout)


def test_the_safety_copy_names_the_draft_by_its_whole_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.chdir(docs)
    crashed = Autosave(tmp_path / "safety", pid=_dead_pid())
    crashed.save(Draft(concern="ageing"), "mine.consultprep")
    monkeypatch.chdir(tmp_path)  # started again from elsewhere
    [found] = Autosave(tmp_path / "safety").pending()
    assert found.source == str(docs / "mine.consultprep")


def test_a_draft_given_at_start_by_a_relative_path_is_held_by_its_whole_path(
    no_event_loop: list,  # noqa: F811 - the fixture
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_draft(Draft(concern="ageing"), tmp_path / "mine.consultprep")
    monkeypatch.chdir(tmp_path)
    assert run_app("mine.consultprep") == 0
    [window] = no_event_loop
    assert window.finish_start()
    assert Path(window.path) == tmp_path / "mine.consultprep"
    assert Path(window.path).is_absolute()


# Names of 252 and 247 bytes; the second's 100th byte is inside a letter ("é" is two bytes).
@pytest.mark.parametrize("letters", ["a" * 240, "x" + "é" * 117])
def test_a_long_legal_name_can_be_saved(tmp_path: Path, letters: str) -> None:
    path = tmp_path / f"{letters}.consultprep"
    try:
        path.write_bytes(b"")  # (a file system with shorter names: nothing to test)
    except OSError:
        pytest.skip("names this long are not allowed here")
    assert len(path.name.encode()) > 240
    save_draft(Draft(concern="scars"), path)
    assert load_draft(path).concern == "scars"
    atomic_write_bytes(path, b"again")
    assert path.read_bytes() == b"again"
    assert sorted(os.listdir(tmp_path)) == [path.name]  # no temporary file left


def test_a_temporary_name_is_cut_between_letters(tmp_path: Path, monkeypatch) -> None:
    """Cut inside a letter, the temporary file's name would not be UTF-8, which some file
    systems (memory sticks, shared folders) refuse."""
    import tempfile

    made: list[str] = []
    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        made.append(kwargs["prefix"])
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    atomic_write_bytes(tmp_path / ("x" + "é" * 117 + ".consultprep"), b"data")
    [prefix] = made
    prefix.encode("utf-8")  # (raises if a letter was cut in two)
    assert prefix == "." + "x" + "é" * 49 + "."
