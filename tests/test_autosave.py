"""Autosave keeps unsaved work private and finds it again after a crash."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from consultprep.autosave import Autosave
from consultprep.models import Draft
from consultprep.storage import DraftError, load_draft


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def test_crash_leaves_work_that_the_next_run_recovers(tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    crashed = Autosave(folder, pid=_dead_pid())
    draft = Draft(concern="scars")
    draft.about.symptoms = "Itchy 🙂 <b>"
    crashed.save(draft, source="/home/me/mine.consultprep")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(crashed.draft_path.stat().st_mode) == 0o600

    now = Autosave(folder)
    [found] = now.pending()
    assert found.source == "/home/me/mine.consultprep"
    assert found.saved_at is not None
    assert found.load() == draft
    found.discard()
    assert now.pending() == []


def test_own_and_running_autosaves_are_not_offered(tmp_path: Path) -> None:
    me = Autosave(tmp_path)
    me.save(Draft())
    assert me.pending() == []
    me.clear()
    assert list(tmp_path.iterdir()) == []


def test_missing_info_file_still_recovers(tmp_path: Path) -> None:
    crashed = Autosave(tmp_path, pid=_dead_pid())
    crashed.save(Draft(concern="ageing"))
    crashed.info_path.write_text("{broken")
    [found] = Autosave(tmp_path).pending()
    assert found.load().concern == "ageing" and found.saved_at is None


@pytest.mark.parametrize(
    ("saved_at", "source", "known"),
    [
        ("2026-01-02T10:00:00", "/home/me/a.consultprep", True),  # no zone: read as UTC
        ("0001-01-01T00:00:00+14:00", "/home/me/a.consultprep", False),  # cannot be shown
        (12, ["not", "a", "path"], False),
        ("deep", None, False),
    ],
)
def test_odd_info_files_never_stop_recovery(
    tmp_path: Path, saved_at: object, source: object, known: bool
) -> None:
    """Two left-behind autosaves, one with an odd info file: both are offered, newest first,
    and each time can be shown in local time (a crash here used to stop every start; so did
    an info file nested too deep for Python to read)."""
    import json

    from ui.autosave_controller import describe

    odd = Autosave(tmp_path, pid=_dead_pid())
    odd.save(Draft(concern="ageing"))
    text = json.dumps({"saved_at": saved_at, "source": source})
    odd.info_path.write_text("[" * 100_000 if saved_at == "deep" else text)
    normal = Autosave(tmp_path, pid=_dead_pid())
    normal.save(Draft(concern="scars"))
    found = Autosave(tmp_path).pending()
    assert sorted(f.load().concern for f in found) == ["ageing", "scars"]
    [strange] = [f for f in found if f.draft_path == odd.draft_path]
    assert (strange.saved_at is not None) == known
    assert strange.source in (None, "/home/me/a.consultprep")
    for recovery in found:
        assert describe(recovery)


@pytest.mark.parametrize("kind", ["pipe", "endless"])
def test_an_info_file_that_is_not_a_file_never_stops_recovery(tmp_path: Path, kind: str) -> None:
    """(A pipe there hung every start; a link to /dev/zero filled the memory: a hunt.)"""
    left = Autosave(tmp_path, pid=_dead_pid())
    left.save(Draft(concern="scars"))
    left.info_path.unlink()
    if kind == "pipe":
        os.mkfifo(left.info_path)
    else:
        left.info_path.symlink_to("/dev/zero")
    [found] = Autosave(tmp_path).pending()
    assert found.load().concern == "scars" and found.saved_at is None


def test_unwritable_folder_is_a_plain_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DraftError, match="could not make a safety copy"):
        Autosave(blocker / "sub").save(Draft())


def test_a_later_run_given_the_same_process_id_keeps_the_left_behind_work(
    tmp_path: Path,
) -> None:
    """Process ids are used again (after a restart, say): the new run saved over the work
    left behind, and did not offer it. Each run now has its own files."""
    pid = _dead_pid()
    crashed = Autosave(tmp_path, pid=pid)
    crashed.save(Draft(concern="scars"))
    later = Autosave(tmp_path, pid=pid)
    later.save(Draft(concern="ageing"))
    assert later.draft_path != crashed.draft_path
    assert crashed.draft_path.exists() and load_draft(crashed.draft_path).concern == "scars"
    assert {r.draft_path for r in Autosave(tmp_path).pending()} == {
        crashed.draft_path,
        later.draft_path,
    }


def test_work_left_by_a_version_without_the_token_is_found(tmp_path: Path) -> None:
    from consultprep.storage import draft_to_bytes

    old = tmp_path / f"autosave-{_dead_pid()}.consultprep"
    old.write_bytes(draft_to_bytes(Draft(concern="inflammatory")))
    [found] = Autosave(tmp_path).pending()
    assert found.draft_path == old and found.load().concern == "inflammatory"


def test_a_safety_copy_with_an_odd_name_does_not_hide_the_others(tmp_path: Path) -> None:
    """A process number too large for any process, or a digit that is not 0 to 9 ("²"): the
    safety copy beside it is still offered (an error had stopped the search)."""
    from consultprep.storage import draft_to_bytes

    data = draft_to_bytes(Draft(concern="scars"))
    (tmp_path / "autosave-99999999999999999999-abcd.consultprep").write_bytes(data)
    (tmp_path / "autosave-²-abcd.consultprep").write_bytes(data)
    good = tmp_path / f"autosave-{_dead_pid()}-beef.consultprep"
    good.write_bytes(draft_to_bytes(Draft(concern="ageing")))
    found = {r.draft_path: r for r in Autosave(tmp_path).pending()}
    assert good in found and found[good].load().concern == "ageing"
    assert tmp_path / "autosave-²-abcd.consultprep" not in found
