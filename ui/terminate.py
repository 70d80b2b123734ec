"""Asked by the system to stop (SIGTERM: a shutdown, a log out, ``kill``; SIGHUP, SIGINT: the
terminal it was started from closed, or Ctrl+C there): keep a safety copy
of the work first, so the next start offers it back. Python's default was to stop at once,
and everything since the last safety copy was lost (a crash and recovery test).

A Python signal handler runs only when Python runs, and Qt's event loop is not Python: with
``signal.set_wakeup_fd`` a signal writes a byte to a socket, and a ``QSocketNotifier`` on the
other end wakes the loop, so the handler runs at once. It does its work at the next turn of
the loop, never in the middle of whatever Python was doing.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer
from shiboken6 import isValid

if TYPE_CHECKING:
    from ui.main_window import MainWindow


#: The sockets and notifier of each ``install`` not undone.
_KEPT: list[tuple[socket.socket, socket.socket, QSocketNotifier]] = []


def keep_and_stop(window: MainWindow) -> None:
    """Write the safety copy now (if anything is unsaved) and leave the event loop, without
    "Save your changes?" (no one may be there to answer) and without removing the copy."""
    from ui.pdf_progress import stop_all

    stop_all()  # (a PDF half made would hold up the stop until it was finished)
    if window.draft is not None and not window._closed:
        window.wizard.keep_current_page()
        window.autosave.save_at_once()
        window._closed = True
    leave_loop()


def leave_loop() -> None:
    """Leave the app's event loop (and every loop inside it) at once, with no close events."""
    QCoreApplication.exit(0)


def install(window: MainWindow) -> Callable[[], None]:
    """Handle SIGTERM, SIGHUP and SIGINT for ``window`` (those the system has); returns how to
    undo that."""
    if not hasattr(signal, "SIGTERM"):
        return lambda: None
    ours, theirs = socket.socketpair()
    ours.setblocking(False)
    theirs.setblocking(False)
    before_fd = signal.set_wakeup_fd(theirs.fileno())
    notifier = QSocketNotifier(ours.fileno(), QSocketNotifier.Type.Read, window)

    def drain() -> None:
        try:
            ours.recv(256)
        except OSError:
            pass

    notifier.activated.connect(drain)
    kept = (ours, theirs, notifier)
    _KEPT.append(kept)  # (let go, the socket closed, and the signal could not wake the loop)
    # Also the terminal it was started from closing (SIGHUP: the app died, no safety copy)
    # and Ctrl+C there (SIGINT: a traceback, and the app went on): a crash hunt, 2026-12-08.
    # Not one set to be ignored ("nohup consultprep &" ignores SIGHUP: a diff review).
    numbers = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n)]

    def stop(*_: object) -> None:
        QTimer.singleShot(0, window, lambda: keep_and_stop(window))

    before = {
        number: signal.signal(number, stop)
        for number in numbers
        if signal.getsignal(number) is not signal.SIG_IGN
    }

    def undo() -> None:
        _KEPT.remove(kept)
        for number, handler in before.items():
            if handler is not None:  # (None: set outside Python, and cannot be put back)
                signal.signal(number, handler)
        signal.set_wakeup_fd(before_fd)
        if isValid(notifier):  # (gone with its window, if that went first)
            notifier.setEnabled(False)
        ours.close()
        theirs.close()

    return undo
