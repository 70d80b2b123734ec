"""What the benchmark's parts share: rows of the table, medians, interleaved timing, children.

See :mod:`tests.bench.run` for how to run the benchmark and what each part measures.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
FONT_FILE = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
PHOTO_SIZE = (4000, 3000)  # 12 megapixels


@dataclass
class Row:
    """One line of the results table."""

    name: str
    value: str
    floor: str
    compare: str
    target: str
    met: bool | None

    def cells(self) -> list[str]:
        met = "—" if self.met is None else ("yes" if self.met else "**no**")
        return [self.name, self.value, self.floor, self.compare, self.target, met]


def median_ms(samples: list[float]) -> float:
    """The median of samples in seconds, in milliseconds."""
    return statistics.median(samples) * 1000


def timed(fn: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    """Run ``fn`` ``warmup`` times untimed, then ``repeat`` times; return the seconds."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def interleaved(a: Callable[[], object], b: Callable[[], object], repeat: int):
    """Time ``a`` and ``b`` alternately (so load changes hit both alike); two sample lists."""
    a()
    b()
    sa, sb = [], []
    for _ in range(repeat):
        for fn, out in ((a, sa), (b, sb)):
            gc.collect()
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return sa, sb


# --- child processes ----------------------------------------------------------------------
def child_env(home: Path) -> dict[str, str]:
    """Environment for a child: offscreen Qt, a private home so no real settings are read, and
    compiled modules kept between runs (the first, untimed, run of each kind writes them)."""
    env = dict(os.environ)
    # A person's Python keeps each module's compiled bytecode (__pycache__) after the first
    # start; a machine set not to write it (PYTHONDONTWRITEBYTECODE, as some CI images are)
    # would compile every module on every start, timing the compiler, not the app.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def run_python(args: list[str], home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python ARGS`` in a child set up by ``child_env``, from the project's folder; its output
    captured as text (the caller checks the return code)."""
    return subprocess.run(
        [sys.executable, *args],
        env=child_env(home),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_child(mode: str, *args: str, home: Path) -> tuple[float, dict]:
    """Spawn the start-up child; return (seconds from spawn to first page painted, report)."""
    cmd = [sys.executable, "-m", "tests.bench.startup_child", mode, *args]
    env = child_env(home)
    start = time.monotonic()  # (not run_python: the child's set-up is not timed)
    proc = subprocess.run(
        cmd,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"{mode} child failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return report["shown"] - start, report


def run_bench_child(name: str, *args: str, home: Path) -> dict:
    """Run one of this module's in-child measurements; return its JSON report."""
    proc = run_python(["-m", "tests.bench.run", "--child", name, *args], home, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f"child {name} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(rows: list[Row]) -> str:
    header = ["measure", "median", "floor", "compared", "target", "met"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)
