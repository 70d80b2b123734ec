"""ConsultPrep benchmarks: medians over repeated runs, each beside a floor measured in the same run.

Run from the project folder (it takes a few minutes; ``--quick`` takes well under one)::

    python -m tests.bench.run            # or: python tests/bench/run.py
    python -m tests.bench.run --quick

Timings are noisy, more so on a busy machine: every figure is a median of several runs, and
each comparison is a ratio or difference against a floor measured in the same run, with runs
of the two interleaved. The load average is printed too. None of this is in the test suite.

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
import gc
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: python tests/bench/run.py
    sys.path.insert(0, str(ROOT))

from tests.bench.startup_child import peak_rss_kb

EXAMPLES = ROOT / "resources" / "examples"
FONT_FILE = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
PHOTO_SIZE = (4000, 3000)  # 12 megapixels
#: How long the page-switch benchmark lets the app prepare the pages ahead before each Next.
READING_SECONDS = 1.0


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
    """Environment for a child: offscreen Qt, and a private home so no real settings are read."""
    env = dict(os.environ)
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


def start_child(mode: str, *args: str, home: Path) -> tuple[float, dict]:
    """Spawn the start-up child; return (seconds from spawn to first page painted, report)."""
    cmd = [sys.executable, "-m", "tests.bench.startup_child", mode, *args]
    env = child_env(home)
    start = time.monotonic()
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
    cmd = [sys.executable, "-m", "tests.bench.run", "--child", name, *args]
    proc = subprocess.run(
        cmd,
        env=child_env(home),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"child {name} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- start-up and memory --------------------------------------------------------------------
def bench_startup(repeat: int, home: Path) -> list[Row]:
    app_s, floor_s, heavy, app_rss, floor_rss, ready_s = [], [], set(), [], [], []
    for n in range(repeat + 1):
        f, fr = start_child("floor", home=home)
        a, ar = start_child("app", home=home)
        if n == 0:
            continue  # the first pair warms the disk cache
        floor_s.append(f)
        app_s.append(a)
        ready_s.append(a + ar["ready"] - ar["shown"])
        heavy |= set(ar["heavy"])
        app_rss.append(ar["maxrss_kb"])
        floor_rss.append(fr["maxrss_kb"])
    app, floor = median_ms(app_s), median_ms(floor_s)
    ratio = app / floor
    walk = [run_walk(home) for _ in range(max(3, repeat // 4))]
    walk_rss = statistics.median(w["walk_maxrss_kb"] for w in walk) / 1024
    f_rss = statistics.median(floor_rss) / 1024
    return [
        Row(
            "Start to first page shown",
            f"{app:.0f} ms",
            f"{floor:.0f} ms",
            f"{ratio:.2f}×",
            "≤ 1.3×",
            ratio <= 1.3,
        ),
        Row(
            "Start to every page built (content and draft loaded, just after the first paint)",
            f"{median_ms(ready_s):.0f} ms",
            f"{floor:.0f} ms",
            f"{median_ms(ready_s) / floor:.2f}×",
            "",
            None,
        ),
        Row(
            "Heavy modules loaded at first page",
            ", ".join(sorted(heavy)) or "none",
            "",
            "",
            "none",
            not heavy,
        ),
        Row(
            "Memory (peak RSS) at first page",
            f"{statistics.median(app_rss) / 1024:.0f} MB",
            f"{f_rss:.0f} MB",
            f"+{statistics.median(app_rss) / 1024 - f_rss:.0f} MB",
            "",
            None,
        ),
        Row(
            "Memory (peak RSS), example open, every page visited",
            f"{walk_rss:.0f} MB",
            f"{f_rss:.0f} MB",
            f"+{walk_rss - f_rss:.0f} MB ({walk_rss / f_rss:.1f}×)",
            "",
            None,
        ),
    ]


def run_walk(home: Path) -> dict:
    _, report = start_child("app-walk", str(EXAMPLES / "scars.consultprep"), home=home)
    return report


# --- page switch (in a child: it needs Qt) --------------------------------------------------
def child_pages(repeat: int) -> dict:
    """Time Next on every page until the new page is painted; medians per page, in ms.

    Before each Next the patient reads the page: the app gets up to ``READING_SECONDS`` to
    prepare the pages ahead in idle time (``ui.preparation``), as it would while a page is
    read; the time counted is still all of it from ``wizard.next()`` until the new page has
    been painted. The paint is watched with an event filter on that page only (one on the
    whole application would add a Python call for each of the thousands of events a switch
    sends, which the app does not have).
    """
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import apply_app_style, create_main_window, ensure_app
    from ui.preparation import preparer_of

    app = ensure_app()
    apply_app_style(app)
    window = create_main_window(str(EXAMPLES / "scars.consultprep"))
    window.show()
    wizard = window.wizard

    class Painted(QObject):
        seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    def read_page() -> float:
        """Run the event loop until the app's preparation is done (at most READING_SECONDS)."""
        began = time.perf_counter()
        preparer = preparer_of(window.wizard)
        if preparer is not None and not preparer.is_idle():
            loop = QEventLoop()
            preparer.finished.connect(loop.quit)
            QTimer.singleShot(int(READING_SECONDS * 1000), loop.quit)
            loop.exec()
            preparer.finished.disconnect(loop.quit)
        return time.perf_counter() - began

    watch = Painted()
    for _ in range(20):  # let any deferred start-up work finish first
        app.processEvents()
        time.sleep(0.01)
    samples: dict[str, list[float]] = {}
    reading: list[float] = []
    for _ in range(repeat + 1):  # the first round builds caches: not counted
        # Open the example afresh each round, so every page is entered for the first time.
        window.open_path(EXAMPLES / "scars.consultprep")
        wizard = window.wizard
        for _ in range(5):
            app.processEvents()
        # The old wizard goes, as the app's event loop would delete it (processEvents does not).
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for _step in range(30):
            current = wizard.currentId()
            following = wizard.nextId()
            if following < 0:
                break
            name = (
                f"{type(wizard.currentPage()).__name__} → {type(wizard.page(following)).__name__}"
            )
            reading.append(read_page())
            target = wizard.page(following)
            watch.seen = False
            target.installEventFilter(watch)
            start = time.perf_counter()
            wizard.next()
            deadline = start + 5
            while not watch.seen and time.perf_counter() < deadline:
                app.processEvents()
            elapsed = time.perf_counter() - start
            target.removeEventFilter(watch)
            if wizard.currentId() == current:
                break
            samples.setdefault(name, []).append(elapsed)
    window.setWindowModified(False)
    result = {name: median_ms(s[1:] if len(s) > 1 else s) for name, s in samples.items()}
    QApplication.instance().processEvents()
    return {
        "pages": result,
        "reading_ms": median_ms(reading),
        "reading_max_ms": max(reading) * 1000,
    }


def bench_pages(repeat: int, home: Path) -> list[Row]:
    report = run_bench_child("pages", str(repeat), home=home)
    pages = report["pages"]
    worst_name, worst = max(pages.items(), key=lambda kv: kv[1])
    rows = [
        Row(f"Next: {name}", f"{ms:.1f} ms", "", "", "≤ 16 ms", ms <= 16)
        for name, ms in pages.items()
    ]
    rows.append(
        Row("Next, slowest page", f"{worst:.1f} ms", "", worst_name, "≤ 16 ms", worst <= 16)
    )
    rows.append(
        Row(
            "Reading time before each Next: the app prepares the pages ahead (not counted)",
            f"{report['reading_ms']:.0f} ms",
            "",
            f"longest {report['reading_max_ms']:.0f} ms",
            f"≤ {READING_SECONDS * 1000:.0f} ms (waited for)",
            None,
        )
    )
    return rows


# --- exports --------------------------------------------------------------------------------
def floor_pdf() -> bytes:
    """A bare three-page platypus document: 60 paragraphs, a table, the same TTF font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    if "BenchSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSans", str(FONT_FILE)))
    style = ParagraphStyle("bench", fontName="BenchSans", fontSize=11, leading=15)
    sentence = "What does the research say about this treatment for my skin, and how sure is it?"
    story: list = [Paragraph(f"{n + 1}. {sentence}", style) for n in range(60)]
    story.insert(20, Table([[f"Cell {r}.{c}" for c in range(4)] for r in range(12)]))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title="floor")
    doc.build(story)
    return buffer.getvalue()


def page_count(pdf: bytes) -> int:
    """Number of pages, read from the PDF's page objects (no PDF library needed)."""
    return pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>") + pdf.count(b"/Type /Page ")


def make_photo(path: Path, seed: int) -> None:
    """A 12-megapixel JPEG that compresses like a real photo (gradients and fine noise)."""
    from PIL import Image

    width, height = PHOTO_SIZE
    noise = Image.effect_noise((width // 4, height // 4), 40 + seed).resize((width, height))
    gradient = Image.linear_gradient("L").resize((width, height))
    red = Image.blend(noise, gradient, 0.5)
    rgb = Image.merge("RGB", (red, gradient.rotate(90 * seed), noise))
    rgb.save(path, "JPEG", quality=92)


def example_drafts():
    from consultprep.storage import load_draft

    return {p.stem: load_draft(p) for p in sorted(EXAMPLES.glob("*.consultprep"))}


def retyped(draft, n: int):
    """A copy of ``draft`` with " n" after every text the patient typed (fields, tried
    treatments, offer, BRAN notes, answers, own questions): none of it is in any pack made
    before, so only the content library's text can have been remembered from earlier packs."""
    from pydantic import BaseModel

    copy = draft.model_copy(deep=True)
    fixed = {"id", "concern", "subtype", "source", "location"}  # ids and choices, not typing

    def walk(model: BaseModel) -> None:
        for name, value in list(model.__dict__.items()):
            if isinstance(value, str) and value and name not in fixed:
                setattr(model, name, f"{value} {n}")
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, BaseModel):
                    walk(item)

    for part in (copy.about, copy.offer, *copy.bran):
        walk(part)
    for item in copy.checklist:
        item.answer = f"{item.answer} {n}" if item.answer else ""
        if item.source == "own":
            item.text = f"{item.text} {n}"
    return copy


def make_photos(folder: Path, count: int = 6) -> list[Path]:
    """``count`` 12-megapixel JPEGs in ``folder``."""
    paths = [folder / f"photo-{n}.jpg" for n in range(count)]
    for n, path in enumerate(paths):
        make_photo(path, n)
    return paths


def bench_exports(repeat: int, paths: list[Path]) -> list[Row]:
    from consultprep.content import load_library
    from consultprep.photos import add_photo
    from exports.pdf import render_pack

    library = load_library()
    floor_pages = page_count(floor_pdf())

    def against_floor(label: str, draft, make: Callable[[], object]) -> Row:
        """``make()`` against the floor; ``draft`` is a draft it exports, to count pages."""
        ex, fl = interleaved(make, floor_pdf, repeat)
        ratio = median_ms(ex) / median_ms(fl)
        pages = page_count(render_pack(draft, library))
        per_page = (median_ms(ex) / pages) / (median_ms(fl) / floor_pages)
        return Row(
            label.format(pages=pages),
            f"{median_ms(ex):.0f} ms",
            f"{median_ms(fl):.0f} ms ({floor_pages} pages)",
            f"{ratio:.2f}× ({per_page:.2f}× per page)",
            "≤ 2.5×",
            ratio <= 2.5,
        )

    rows: list[Row] = []
    for name, draft in example_drafts().items():
        draft.photos = []
        label = f"Export “{name}” ({{pages}} pages, no photos)"
        rows.append(against_floor(label, draft, lambda d=draft: render_pack(d, library)))
    # The same pack again, but everything typed is new each time (as after editing a draft).
    draft = example_drafts()["scars"]
    draft.photos = []
    fresh = iter([retyped(draft, n) for n in range(repeat + 2)])
    label = "Export “scars” ({pages} pages), all typed text new each time"
    rows.append(against_floor(label, draft, lambda: render_pack(next(fresh), library)))
    # Six 12 MP photos, added the way the app adds them.
    draft = example_drafts()["scars"]
    draft.photos = []
    with_photos = draft.model_copy(deep=True)
    for n, path in enumerate(paths):
        add_photo(with_photos, path, caption=f"Photo {n + 1}")
    plain, photos = interleaved(
        lambda: render_pack(draft, library), lambda: render_pack(with_photos, library), repeat
    )
    extra = median_ms(photos) - median_ms(plain)
    rows.append(
        Row(
            "Export with six 12 MP photos",
            f"{median_ms(photos):.0f} ms",
            f"{median_ms(plain):.0f} ms (no photos)",
            f"+{extra:.0f} ms",
            "≤ +50 ms",
            extra <= 50,
        )
    )
    return rows


def child_photo(path: str, repeat: int) -> dict:
    """Peak memory of one 12 MP import (in a fresh process), then its time."""
    from PIL import Image

    from consultprep.photos import clean_image

    small = Path(tempfile.mkdtemp()) / "small.jpg"
    Image.new("RGB", (64, 48), "white").save(small, "JPEG")
    clean_image(small)  # imports and first-use costs, not counted
    before = peak_rss_kb()
    tracemalloc.start()
    clean_image(path)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    after = peak_rss_kb()
    times = timed(lambda: clean_image(path), repeat, warmup=0)
    return {
        "rss_growth_kb": after - before,
        "rss_peak_kb": after,
        "traced_peak_kb": traced_peak // 1024,
        "median_ms": median_ms(times),
    }


def bench_photo(paths: list[Path], repeat: int, home: Path) -> list[Row]:
    mean_mb = statistics.mean(p.stat().st_size for p in paths) / 1e6
    reports = [run_bench_child("photo", str(p), str(repeat), home=home) for p in paths[:3]]
    ms = statistics.median(r["median_ms"] for r in reports)
    growth = statistics.median(r["rss_growth_kb"] for r in reports) / 1024
    peak = statistics.median(r["rss_peak_kb"] for r in reports) / 1024
    traced = statistics.median(r["traced_peak_kb"] for r in reports) / 1024
    return [
        Row(
            f"Photo import, 12 MP JPEG ({mean_mb:.1f} MB)",
            f"{ms:.0f} ms",
            "",
            "",
            "≤ 80 ms",
            ms <= 80,
        ),
        Row(
            "Photo import, peak memory",
            f"+{growth:.0f} MB RSS",
            f"{peak:.0f} MB process peak",
            f"{traced:.1f} MB Python heap",
            "",
            None,
        ),
    ]


# --- scaling ------------------------------------------------------------------------------
def scaled_draft(base, questions: int, photos: int, photo_data: bytes, size: tuple[int, int]):
    """``base`` with ``questions`` own questions (with answers) and ``photos`` photos."""
    from consultprep.models import ChecklistItem, Photo

    draft = base.model_copy(deep=True)
    draft.checklist = [
        ChecklistItem(
            id=f"own-{n}",
            text=f"Question {n + 1}: what would this treatment mean for my skin in a year?",
            source="own",
            top=n < 3,
            answer="The clinic said results vary." if n % 2 else "",
        )
        for n in range(questions)
    ]
    draft.photos = [
        Photo(
            id=f"p{n}",
            caption=f"Photo {n + 1}",
            width=size[0],
            height=size[1],
            data=distinct_jpeg(photo_data, n),
        )
        for n in range(photos)
    ]
    return draft


def distinct_jpeg(data: bytes, n: int) -> bytes:
    """The same JPEG with a comment saying ``n``: it looks the same but is not the same file,
    so the pack cannot store it only once."""
    comment = f"photo {n}".encode()
    return data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:]


def _linear(counts: list[int], values: list[float]) -> tuple[float, float]:
    """Least-squares slope per item, and how far the middle value is from the straight line
    through the two outer ones, as a share of the whole rise (0 is perfectly linear; a cost
    growing with the square of the count would give about -0.2 for 10/100/500).
    """
    slope = statistics.linear_regression(counts, values).slope
    rise = values[2] - values[0]
    on_line = values[0] + rise * (counts[1] - counts[0]) / (counts[2] - counts[0])
    return slope, (values[1] - on_line) / rise if rise else 0.0


def bench_scaling(repeat: int, photo: Path) -> list[Row]:
    from consultprep.content import load_library
    from consultprep.photos import clean_image
    from exports.pdf import render_pack

    library = load_library()
    base = example_drafts()["scars"]
    base.photos = []
    data, width, height, _ = clean_image(photo)
    rows: list[Row] = []
    for label, counts, kind in (
        ("questions", [10, 100, 500], "q"),
        ("photos", [0, 10, 50], "p"),
    ):
        times, peaks = [], []
        for count in counts:
            q, p = (count, 0) if kind == "q" else (20, count)
            draft = scaled_draft(base, q, p, data, (width, height))
            n = max(2, repeat // 2) if count >= 100 or (kind == "p" and count) else repeat
            times.append(median_ms(timed(lambda d=draft: render_pack(d, library), n)))
            tracemalloc.start()
            render_pack(draft, library)
            peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
            tracemalloc.stop()
        slope, off = _linear(counts, times)
        mem_slope, mem_off = _linear(counts, peaks)
        pairs = ", ".join(f"{c}: {t:.0f} ms / {m:.0f} MB" for c, t, m in zip(counts, times, peaks))
        rows.append(
            Row(
                f"Export, {label} {counts[0]}/{counts[1]}/{counts[2]}",
                pairs,
                "",
                f"{slope:.2f} ms and {mem_slope:.3f} MB per item; {counts[1]} is "
                f"{off:+.0%} (time) and {mem_off:+.0%} (memory) of the rise off the line "
                f"through {counts[0]} and {counts[2]}; t({counts[2]})/t({counts[1]}) = "
                f"{times[2] / times[1]:.1f}",
                "linear (within ±25%)",
                abs(off) <= 0.25,
            )
        )
    return rows


# --- main ---------------------------------------------------------------------------------
def table(rows: list[Row]) -> str:
    header = ["measure", "median", "floor", "compared", "target", "met"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


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
