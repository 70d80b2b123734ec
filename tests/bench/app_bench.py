"""Start-up, memory and page-switch parts of the benchmark (each run in child processes).

See :mod:`tests.bench.run`.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from tests.bench.common import (
    EXAMPLES,
    Row,
    median_ms,
    run_bench_child,
    start_child,
)

#: How long the page-switch benchmark lets the app prepare the pages ahead before each Next.
READING_SECONDS = 1.0


# --- start-up and memory --------------------------------------------------------------------
def bench_startup(repeat: int, home: Path) -> list[Row]:
    app_s, floor_s, heavy, app_rss, floor_rss, ready_s = [], [], set(), [], [], []
    for n in range(repeat + 1):
        f, fr = start_child("floor", home=home)
        a, ar = start_child("app", home=home)
        if n == 0:
            continue  # the first pair warms the disk cache and writes the compiled modules
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
