"""Starting the app loads nothing heavy before the first page is on screen.

The real entry point (``consultprep`` with no arguments) runs offscreen in a fresh process;
``tests/bench/startup_child.py`` records ``sys.modules`` at the first paint of a wizard page.
No timings here: the benchmark (``python -m tests.bench.run``) measures how long it takes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bench.common import run_python

ROOT = Path(__file__).resolve().parents[1]


CHILD = ["-m", "tests.bench.startup_child"]


def _first_paint(tmp_path: Path, *args: str, command: list[str] = CHILD) -> dict:
    proc = run_python([*command, *args], tmp_path)  # as the benchmark starts it
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_first_page_shows_before_anything_heavy_is_loaded(tmp_path: Path) -> None:
    report = _first_paint(tmp_path, "app")
    assert report["page"] == "WelcomePage"
    assert report["heavy"] == [], f"loaded before the first page: {report['heavy']}"
    # The content library and pydantic are loaded just after the first page is shown.
    assert not report["pydantic"] and not report["content"]
    assert report["not_yet"] == [], f"loaded before the first page: {report['not_yet']}"
    assert report["ready"] >= report["shown"]


@pytest.mark.parametrize("example", ["scars"])
def test_opening_a_draft_also_starts_light(tmp_path: Path, example: str) -> None:
    draft = ROOT / "resources" / "examples" / f"{example}.consultprep"
    report = _first_paint(tmp_path, "app", str(draft))
    assert report["page"] == "WelcomePage"
    assert report["heavy"] == []
    assert not report["pydantic"] and not report["content"]


def test_the_check_would_see_a_heavy_module(tmp_path: Path) -> None:
    # The same child, but Pillow is imported first: the report must say so.
    command = [
        "-c",
        (
            "import sys, runpy, PIL.Image; sys.argv[0] = 'startup_child'; "
            "runpy.run_module('tests.bench.startup_child', run_name='__main__')"
        ),
    ]
    report = _first_paint(tmp_path, "app", command=command)
    assert report["heavy"] == ["PIL"]


def test_the_floor_child_reports_the_same_way(tmp_path: Path) -> None:
    # The benchmark compares the app with this bare QWizard; both must report a paint.
    report = _first_paint(tmp_path, "floor")
    assert report["page"] == "Page"  # a bare QWizardPage subclass
    assert report["heavy"] == [] and report["not_yet"] == []
    assert report["maxrss_kb"] > 0
