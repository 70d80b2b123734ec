"""Adding photos off the UI thread, one by one, so the window stays responsive.

Cleaning a photo (decoding, turning it upright, shrinking, re-encoding) takes a noticeable
moment for a large one. ``PhotoImport`` does it in a worker thread with
``consultprep.photos.add_photo`` on a scratch draft, and hands each finished ``Photo`` back to
the UI thread through a signal; only the UI thread ever changes the patient's draft. A photo
that cannot be read is reported with its plain sentence and the others are still added.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from consultprep.models import Draft, Photo
from consultprep.photos import PhotoError, add_photo
from ui.threads import report


def clean_photo(path: str | os.PathLike[str]) -> Photo:
    """Clean one photo file into a new ``Photo`` (not added to any draft the patient sees).

    Raises
    ------
    PhotoError
        With one plain sentence if the file cannot be used.
    """
    try:
        return add_photo(Draft(), path)
    except PhotoError:
        raise
    except Exception:  # noqa: BLE001 - a bug must not leave the import hanging
        traceback.print_exc(file=sys.stderr)
        raise PhotoError(f"The photo “{Path(path).name}” could not be added.") from None


class PhotoImport(QObject):
    """One run of adding photos. Connect the signals, then call ``start()``.

    The object lives in the UI thread; the worker only emits its signals, which Qt queues to
    the UI thread.
    """

    #: One photo is ready: its place in the list of files, and the cleaned photo.
    added = Signal(int, object)
    #: One file was left out: its place in the list of files, and the plain reason.
    skipped = Signal(int, str)
    #: Every file has been dealt with.
    finished = Signal()

    def __init__(self, paths: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = list(paths)

    def start(self, pool: QThreadPool | None = None) -> None:
        """Start cleaning the photos in a worker thread (the global pool by default)."""
        (pool or QThreadPool.globalInstance()).start(self._run)

    def _run(self) -> None:
        """In the worker thread: clean each photo in turn and report it."""
        for n, path in enumerate(self.paths):
            try:
                photo = clean_photo(path)
            except PhotoError as exc:
                heard = report(self.skipped, n, str(exc))
            else:
                heard = report(self.added, n, photo)
            if not heard:
                return  # the window has closed: no one is waiting for the rest
        report(self.finished)
