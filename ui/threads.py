"""Reporting from a worker thread to an object that may be gone by then.

A worker (an autosave being written, photos being cleaned) reports back through a signal of
a ``QObject`` that lives on the window's thread. If the window closes meanwhile, that object
is deleted while the worker still runs, and emitting raises ``RuntimeError: Signal source has
been deleted`` inside the worker. Nobody is left to hear the report, so the worker should
simply stop, quietly: an exception escaping into Qt's thread pool prints a traceback (and Qt
warns that it "caught an exception thrown from a worker thread").
"""

from __future__ import annotations

from typing import Any


def report(signal: Any, *args: object) -> bool:
    """Emit ``signal(*args)`` from a worker thread; False if its object has been deleted.

    Any other error is raised as usual.
    """
    try:
        signal.emit(*args)
    except RuntimeError as exc:
        if "deleted" not in str(exc):
            raise
        return False
    return True
