"""A child process that starts the app (or the floor) and reports when a wizard page is painted.

Used by the start-up benchmark (:mod:`tests.bench.run`) and by
``tests/test_startup_imports.py``, so both watch the same moment: the first paint event of a
``QWizardPage`` in a freshly started process.

Usage::

    python -m tests.bench.startup_child app [DRAFT]    # the real entry point, ui.cli.main
    python -m tests.bench.startup_child floor          # a bare QApplication and QWizard
    python -m tests.bench.startup_child app-walk DRAFT # ...then Next through every page

It prints one JSON line and exits: ``shown`` (time.monotonic() at the first paint),
``page`` (its class), ``heavy`` (heavy modules already imported then), ``maxrss_kb`` (peak
resident memory so far); for the app also ``ready`` (time.monotonic() when the window has
loaded the content and the draft and built every page, just after the first paint) and, for
``app-walk``, ``walk_maxrss_kb`` after visiting every page.
The caller should give it a private HOME and XDG folders so no settings or autosave of a real
user are read.
"""

from __future__ import annotations

import gc
import os
import resource
import sys
import time

#: Modules that must not be loaded before the first page is shown.
HEAVY = ("reportlab", "PIL", "pypdf", "pillow_heif")
#: Standard modules the bare QWizard does not load and the first page does not need either
#: (each a millisecond or two): loaded only when a subcommand or the full start needs them.
NOT_YET = ("dataclasses", "json", "shlex", "tomllib")


def peak_rss_kb() -> int:
    """Peak resident memory of this process so far, in KiB.

    Linux's VmHWM belongs to the process's own memory map; ``ru_maxrss`` would also count the
    parent's memory when the child was spawned with vfork (as ``subprocess`` does).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _report(page: object, extra: dict | None = None) -> dict:
    loaded = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
    return {
        "shown": time.monotonic(),
        "page": type(page).__name__,
        "heavy": loaded,
        "not_yet": sorted(set(NOT_YET) & set(sys.modules)),
        "pydantic": "pydantic" in sys.modules,
        "content": "consultprep.content" in sys.modules,  # the content library's models
        "maxrss_kb": peak_rss_kb(),
        **(extra or {}),
    }


def _watch_pages(page_class: type, on_first_paint) -> None:
    """Call ``on_first_paint(page)`` at the first paint of any ``page_class`` (a subclass of
    QWizardPage made for this, or one of the app's page classes).

    The hook is the class's own ``paintEvent``: one Python call at each paint of a page. (An
    application-wide event filter would see every event of every widget, and so slow a rich
    window far more than a bare one, which is the benchmark's own cost, not the app's.)
    """
    from PySide6.QtWidgets import QWizardPage

    state = {"done": False}

    def paintEvent(self, event) -> None:
        QWizardPage.paintEvent(self, event)
        if not state["done"]:
            state["done"] = True
            on_first_paint(self)

    page_class.paintEvent = paintEvent


def _print_and_exit(result: dict) -> None:
    import json  # only now: it is not part of what is measured

    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)  # at once: nothing after the first page is part of the measurement


def run_floor() -> None:
    """A bare QApplication with an empty QWizard (one blank page), shown."""
    from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

    class Page(QWizardPage):
        """A blank page (a subclass, only so that its first paint can be seen)."""

    app = QApplication(sys.argv[:1])
    _watch_pages(Page, lambda page: _print_and_exit(_report(page)))
    wizard = QWizard()
    wizard.addPage(Page())
    wizard.show()
    app.exec()


def run_app(draft: str | None, walk: bool) -> None:
    """The real entry point (``consultprep [DRAFT]``), watched from outside."""
    # ui.cli.main pauses the garbage collector before it imports the window; this child has to
    # import the page class first (to watch its paint), so it pauses it here, as main would.
    gc.disable()
    from ui.pages.base import DraftPage

    state: dict = {}

    def first_paint(page: object) -> None:
        state["result"] = _report(page)
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
        window.started.connect(_started)

    def _started() -> None:
        """The window has every page (``MainWindow.finish_start``): the app is ready."""
        state["result"]["ready"] = time.monotonic()
        state["result"]["ready_maxrss_kb"] = peak_rss_kb()
        if not walk:
            _print_and_exit(state["result"])
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, _walk_then_exit)

    def _walk_then_exit() -> None:
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
        wizard = window.wizard
        for _ in range(50):
            app.processEvents()
            before = wizard.currentId()
            wizard.next()
            app.processEvents()
            if wizard.currentId() == before:
                break
        state["result"]["walk_maxrss_kb"] = peak_rss_kb()
        state["result"]["last_page"] = type(wizard.currentPage()).__name__
        _print_and_exit(state["result"])

    _watch_pages(DraftPage, first_paint)  # every page of the app is a DraftPage
    from ui.cli import main

    sys.exit(main([draft] if draft else []))


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "app"
    path = sys.argv[2] if len(sys.argv) > 2 else None
    if mode == "floor":
        run_floor()
    else:
        run_app(path, walk=mode == "app-walk")
