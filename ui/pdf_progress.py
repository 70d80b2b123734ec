"""Making a PDF without freezing the window: the work runs on a thread of its own, and if it
takes more than a moment a small window says how far it has got and offers Stop.

A usual pack takes well under a second and nothing but the busy pointer is seen. A draft with
thousands of lines in every box can take many seconds; before, the window did not respond at
all in that time and could not be stopped.

The thread works on a copy of the draft, so nothing the window does while it waits (an
autosave, say) can change what is being printed. The small window is modal: the draft cannot
be edited, and a second PDF cannot be started, until the first has finished or stopped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from ui import busy
from ui.widgets import HINT, SUBHEADING, big_button, plain_label

if TYPE_CHECKING:
    from exports import Progress

#: How long a PDF may take, in seconds, before the window with Stop appears. Most packs are
#: made well within it, so nothing flashes up for them.
SHOW_AFTER = 0.4
#: How often, in milliseconds, the window looks at how far the PDF has got.
LOOK_EVERY = 100

MAKING = "Making your PDF…"
STARTING = "Starting…"
STOPPING = "Stopping… nothing will be saved."
#: Said from the start, so the window is the right size from the start.
TAKES_A_WHILE = "A very long draft can take a minute or more. You can stop at any time."


def pages_done(page: int) -> str:
    """How far the PDF has got, ``page`` being the page being laid out."""
    return STARTING if page <= 1 else f"Working on page {page}."


#: The PDFs being made now (``stop_all``: the app is asked to stop).
RUNNING: set[Stopped] = set()


def stop_all() -> None:
    """Ask every PDF being made to stop, as its Stop button would."""
    for stopped in list(RUNNING):
        stopped.ask()


class Stopped:
    """What a Stop press leaves for the worker: set once, read by the worker on each page."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.page = 0

    def ask(self) -> None:
        self._event.set()

    @property
    def asked(self) -> bool:
        return self._event.is_set()

    def progress(self, page: int) -> None:
        """Given to the export: note the page, and stop it if the patient asked to."""
        import exports

        self.page = page
        if self.asked:
            raise exports.ExportCancelled()


class ProgressWindow(QDialog):
    """A small window: "Making your PDF…", a moving bar and a Stop button. Escape and the
    window's close button stop the PDF too; the window closes itself once the work ends."""

    def __init__(self, stopped: Stopped, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stopped = stopped
        self.finished_work = False
        self.setWindowTitle("Saving your PDF")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(MAKING, role=SUBHEADING))
        self.label = plain_label(STARTING, wrap=False)
        layout.addWidget(self.label)
        hint = plain_label(TAKES_A_WHILE, role=HINT)
        hint.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 40))
        layout.addWidget(hint)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # how many pages there will be is not known until the end
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName("Making your PDF")
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        self.stop_button = big_button("&Stop", "Stop making the PDF")
        self.stop_button.clicked.connect(self.stop)
        row.addWidget(self.stop_button)
        layout.addLayout(row)

    def stop(self) -> None:
        """Ask the work to stop; it does so at its next page (nothing is saved)."""
        self.stopped.ask()
        self.stop_button.setEnabled(False)
        self.label.setText(STOPPING)

    def show_progress(self) -> None:
        if not self.stopped.asked:
            self.label.setText(pages_done(self.stopped.page))

    def reject(self) -> None:
        """Escape: stop the PDF (the window stays until the work has ended)."""
        if not self.finished_work:
            self.stop()
        else:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button: as Escape."""
        if self.finished_work:
            event.accept()
        else:
            event.ignore()
            self.stop()


def made_in_background(parent: QWidget, make: Callable[[Progress], Path]) -> Path:
    """Run ``make(progress)`` on a thread of its own and return what it returns.

    The window keeps responding. After ``SHOW_AFTER`` seconds a ``ProgressWindow`` shows how
    far the work has got and offers Stop; ``make`` is expected to call ``progress`` now and
    then, which raises ``exports.ExportCancelled`` once Stop is pressed.

    Raises
    ------
    Exception
        Whatever ``make`` raised, raised again here on the window's thread.
    """
    stopped = Stopped()
    RUNNING.add(stopped)
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["made"] = make(stopped.progress)
        except BaseException as exc:  # noqa: BLE001 (raised again on the window's thread)
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="ConsultPrep PDF", daemon=True)
    with busy.busy(parent, busy.SAVING_PDF):
        worker.start()
        worker.join(SHOW_AFTER)
    if worker.is_alive():
        _wait(parent, worker, stopped)
    worker.join()
    RUNNING.discard(stopped)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["made"]  # type: ignore[return-value]


def _wait(parent: QWidget, worker: threading.Thread, stopped: Stopped) -> None:
    """Show the ``ProgressWindow`` until ``worker`` has ended."""
    window = ProgressWindow(stopped, parent)
    loop = QEventLoop()
    timer = QTimer(window)
    timer.setInterval(LOOK_EVERY)

    def look() -> None:
        if worker.is_alive():
            window.show_progress()
        else:
            loop.quit()

    timer.timeout.connect(look)
    timer.start()
    window.show()
    window.stop_button.setFocus()
    loop.exec()
    timer.stop()
    window.finished_work = True
    window.close()
    window.deleteLater()
