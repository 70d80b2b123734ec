"""ConsultPrep benchmarks: medians over repeated runs, each beside a floor measured in the same run.

Run from the project folder (it takes about a minute; ``--quick`` about half that)::

    python -m tests.bench.run            # or: python tests/bench/run.py
    python -m tests.bench.run --quick

Timings are noisy, more so on a busy machine: every figure is a median of several runs, and
each comparison is a ratio or difference against a floor measured in the same run, with runs
of the two interleaved. The load average is printed too. None of this is in the test suite.

The parts live in ``tests/bench/app_bench.py`` (start-up, memory, page switches),
``tests/bench/pdf_bench.py`` (exports, photos, scaling) and ``tests/bench/common.py``;
``tests/bench/startup_child.py`` is the process whose start-up is timed.

Rows
----
start-up
    A fresh process for each run, from just before it is spawned to the first paint of a
    wizard page (``tests/bench/startup_child.py``), against a bare QApplication and QWizard.
export
    Each example pack (no photos) in process, warm, against a bare three-page platypus
    document with 60 paragraphs, a table and the same TTF font; then the "scars" pack with
    everything typed new each time, so only the content library's text can be remembered
    from earlier packs (``exports.paragraphs``).
photos
    Six 12-megapixel photos (made here with Pillow, added with ``add_photo``), their import
    time and peak memory, and the export with them against without.
page switch
    ``wizard.next()`` until the new page has been painted, on every page, example draft open.
    Before each Next the app may spend up to one second (a patient reading the page) getting
    the pages ahead ready in idle time (``ui.preparation``); that is not counted, Next is.
memory
    Peak resident memory of the app (after visiting every page) against the bare QWizard.
scaling
    Export time and memory for 10, 100 and 500 questions and 0, 10 and 50 photos.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: python tests/bench/run.py
    sys.path.insert(0, str(ROOT))

from tests.bench.app_bench import bench_pages, bench_startup, child_pages
from tests.bench.common import Row, table
from tests.bench.pdf_bench import (
    bench_exports,
    bench_photo,
    bench_scaling,
    child_photo,
    make_photos,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="fewer repeats (under a minute)")
    parser.add_argument(
        "--only",
        choices=["startup", "pages", "exports", "photos", "scaling"],
        action="append",
        help="run only these parts (may be given more than once)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        name, *rest = args.child
        if name == "pages":
            result = child_pages(int(rest[0]))
        elif name == "photo":
            result = child_photo(rest[0], int(rest[1]))
        else:
            parser.error(f"unknown child {name}")
        print(json.dumps(result))
        return 0

    parts = set(args.only or ["startup", "pages", "exports", "photos", "scaling"])
    startup_n, export_n, pages_n = (7, 5, 5) if args.quick else (21, 11, 15)
    load_before = os.getloadavg()
    rows: list[Row] = []
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="consultprep-bench-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        if "startup" in parts:
            rows += bench_startup(startup_n, home)
        if "pages" in parts:
            rows += bench_pages(pages_n, home)
        photos = make_photos(Path(folder)) if parts & {"exports", "photos", "scaling"} else []
        if "exports" in parts:
            rows += bench_exports(export_n, photos)
        if "photos" in parts:
            rows += bench_photo(photos, export_n, home)
        if "scaling" in parts:
            rows += bench_scaling(3 if args.quick else 5, photos[0])
    load_after = os.getloadavg()
    print(table(rows))
    print()
    print(
        f"{'Quick run' if args.quick else 'Full run'} in {time.perf_counter() - began:.0f} s on "
        f"{os.cpu_count()} cores; load average (1 min) {load_before[0]:.2f} before, "
        f"{load_after[0]:.2f} after. Python {sys.version.split()[0]}."
    )
    print(
        "Medians of repeated runs; floors measured in the same run, interleaved. Other work "
        "on the machine makes every figure noisier: compare ratios, not single times."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
