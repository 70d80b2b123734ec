"""A save killed at any instant leaves the old draft or the new one, never a broken file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from consultprep.models import Draft
from consultprep.storage import load_draft, save_draft

SAVER = """
import sys
from consultprep.models import Draft
from consultprep.storage import save_draft
path = sys.argv[1]
drafts = [Draft(concern=c) for c in ("scars", "ageing")]
for d in drafts:
    d.about.symptoms = d.concern * 400_000  # big enough that a write takes a while
print("ready", flush=True)
n = 0
while True:
    save_draft(drafts[n % 2], path)
    n += 1
"""


def test_killed_saves_never_leave_a_broken_draft(tmp_path: Path) -> None:
    path = tmp_path / "draft.consultprep"
    save_draft(Draft(concern="scars"), path)
    rng = random.Random(1234)
    for _ in range(12):
        with subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        ) as proc:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, 0.25))
            os.kill(proc.pid, signal.SIGKILL)
        draft = load_draft(path)  # must never raise
        assert draft.concern in {"scars", "ageing"}
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != path.name]
    # A killed saver may leave its temp file behind, but never in place of the draft.
    assert all(name.startswith(".draft.consultprep.") for name in leftovers)


def test_old_temporary_copies_left_by_a_stopped_save_are_removed(tmp_path: Path) -> None:
    """Killed mid-save on a slow disk, the app left hidden whole copies of the draft beside
    it, never removed (a crash hunt): the next save of that file removes those over an hour
    old. A fresh one (another save may be writing it) and other files are left alone."""
    from consultprep.atomic import LEFTOVER_AGE

    target = tmp_path / "Zoë.consultprep"
    old, fresh, other, mine = (
        tmp_path / ".Zoë.consultprep.abcd1234.tmp",
        tmp_path / ".Zoë.consultprep.wxyz5678.tmp",
        tmp_path / ".Zoë.consultprep.notes.tmp",
        tmp_path / ".Zoë.consultprep.MyNotes1.tmp",  # 8 letters, not as mkstemp makes them
    )
    for leftover in (old, fresh, other, mine):
        leftover.write_bytes(b"a copy of a draft")
    long_ago = time.time() - LEFTOVER_AGE - 60
    for aged in (old, other, mine):
        os.utime(aged, (long_ago, long_ago))
    save_draft(Draft(), target)
    assert target.exists()
    assert not old.exists() and fresh.exists() and other.exists() and mine.exists()
