"""Autosave on the Qt side: when to save, saving off the UI thread, and recovery at start.

Where app data lives
--------------------
Autosaves go in ``<app data>/autosave``, where ``<app data>`` is Qt's
``QStandardPaths.AppDataLocation`` (on Linux ``~/.local/share/ConsultPrep/ConsultPrep``), or
the folder named by the environment variable ``CONSULTPREP_DATA_DIR`` if it is set (the tests
set it for every test, so they never write to the real home folder). ``MainWindow`` also takes
an ``autosave_folder`` keyword.

When
----
Every edit (the wizard's ``edited`` signal) restarts a 1.5 s single-shot timer, so a save
happens soon after the patient pauses (and at least every 10 s while they keep typing). When it
fires, the window writes the current page into the draft and hands over a deep copy, made on
the UI thread; a worker thread turns the copy into the file's bytes and writes it with
``consultprep.autosave.Autosave``. Only one write runs at a time: an edit during a write is
saved when that write ends. Saving the draft to its file, or quitting normally, clears the
autosave. If autosaving fails, the window is told once (``failed``), not on every attempt.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, QStandardPaths, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from consultprep import storage
from consultprep.autosave import Autosave, Recovery, saved_since
from consultprep.dates import long_date
from consultprep.models import Draft
from ui import dialogs
from ui.threads import report

#: Environment variable: a folder to keep all app data in (autosaves) instead of the default.
DATA_DIR_ENV = "CONSULTPREP_DATA_DIR"
DELAY_MS = 1500
MAX_DELAY_MS = 10_000
RECOVER_QUESTION = "ConsultPrep closed before you saved your work. Do you want to get it back?"
NOT_AUTOSAVED = "Please save your draft with File ▸ Save to keep your work safe."

#: What the window hands over to be autosaved: a private copy of the draft and the file it
#: belongs to (None if it has never been saved); None if there is nothing unsaved.
Capture = Callable[[], "tuple[Draft, str | None] | None"]


def data_folder() -> Path:
    """Where ConsultPrep keeps its own data: ``$CONSULTPREP_DATA_DIR`` or AppDataLocation."""
    chosen = os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".local" / "share" / "ConsultPrep"


def autosave_folder() -> Path:
    """The folder for autosaves (created, private, on the first autosave)."""
    return data_folder() / "autosave"


class AutosaveController(QObject):
    """Autosaves one window's draft a moment after each edit, in a worker thread.

    Parameters
    ----------
    folder
        The autosave folder (see ``autosave_folder()``).
    capture
        Called on the UI thread when it is time to save; see ``Capture``.
    parent
        The owner (the main window).
    delay_ms
        How long after the last edit to save.
    """

    #: An autosave was written (after each successful write).
    saved = Signal()
    #: Autosaving failed: one plain sentence. Sent once, until an autosave works again.
    failed = Signal(str)
    #: (internal) the worker finished a write: (write number, error sentence or "").
    _written = Signal(int, str)

    def __init__(
        self,
        folder: str | os.PathLike[str],
        capture: Capture,
        parent: QObject | None = None,
        delay_ms: int = DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.autosave = Autosave(folder)
        self._capture = capture
        #: The single-shot timer restarted by every edit (public so tests can fire it).
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)
        self._waiting_since = QElapsedTimer()
        # One thread: writes (and the clear after them) happen strictly one after another.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0  # a clear() makes earlier writes' results stale
        self._in_flight = False
        self._again = False
        self._failing = False
        self._after_write: list[Callable[[], None]] = []
        self._written.connect(self._write_ended)

    # --- when -------------------------------------------------------------------------------
    def schedule(self) -> None:
        """Something changed: save a moment after the last change (at most ~10 s later)."""
        if not self.timer.isActive():
            self._waiting_since.start()
        elif self._waiting_since.elapsed() >= MAX_DELAY_MS:
            return  # keep the running timer: a long burst of typing still gets saved
        self.timer.start()

    def busy(self) -> bool:
        """True while a save is waiting for its moment or being written."""
        return self.timer.isActive() or self._in_flight or self._again

    def save_now(self) -> None:
        """Capture the draft now and write it in the worker (or after the write under way)."""
        self.timer.stop()
        if self._in_flight:
            self._again = True
            return
        captured = self._capture()
        if captured is None:  # nothing unsaved: no autosave is needed
            self._pool.waitForDone()
            self.autosave.clear()
            self._run_after_write()
            return
        draft, source = captured
        self._in_flight = True
        generation = self._generation
        self._pool.start(lambda: self._write(generation, draft, source))

    def save_at_once(self) -> None:
        """Write the autosave now, on this thread (the app is asked to stop: there is no
        later). A failure is not said: there is no one to tell (``ui.terminate``)."""
        self.timer.stop()
        self._pool.waitForDone()
        captured = self._capture()
        if captured is not None:
            draft, source = captured
            with contextlib.suppress(storage.DraftError, OSError):
                self.autosave.save(storage.draft_to_bytes(draft), source)

    def adopt(self, recovery: Recovery, *, delete_old: bool = True) -> None:
        """Autosave the recovered draft now, then delete the files it was recovered from
        (``delete_old``; not if they were kept under another name, ``Recovery.set_aside``).

        Until this run's own autosave is written, the old files stay, so a crash in between
        still leaves the work to recover.
        """
        if delete_old:
            self._after_write.append(recovery.discard)
        self.save_now()

    def clear(self) -> None:
        """Forget any waiting save and remove the autosave (after a save or a normal quit)."""
        self.timer.stop()
        self._again = False
        self._generation += 1
        self._pool.waitForDone()
        self._in_flight = False
        self.autosave.clear()

    # --- the worker -------------------------------------------------------------------------
    def _write(self, generation: int, draft: Draft, source: str | None) -> None:
        """In the worker thread: write the autosave; report the outcome to the UI thread."""
        error = ""
        try:
            self.autosave.save(storage.draft_to_bytes(draft), source)
        except storage.DraftError as exc:
            error = str(exc)
        except Exception:  # noqa: BLE001 - a bug must still reach the patient as a sentence
            traceback.print_exc(file=sys.stderr)
            error = "ConsultPrep could not make a safety copy of your answers."
        report(self._written, generation, error)  # the file is written even if no one hears

    def _write_ended(self, generation: int, error: str) -> None:
        if generation != self._generation:
            return  # cleared meanwhile (the draft was saved or the window closed)
        self._in_flight = False
        if error:
            self._after_write.clear()  # keep recovered files until our own copy is safe
            if not self._failing:
                self._failing = True
                self.failed.emit(f"{error} {NOT_AUTOSAVED}")
        else:
            self._failing = False
            self._run_after_write()
            self.saved.emit()
        if self._again:
            self._again = False
            self.save_now()

    def _run_after_write(self) -> None:
        callbacks, self._after_write = self._after_write, []
        for callback in callbacks:
            callback()


def describe(recovery: Recovery, draft: Draft | None = None) -> str:
    """The recovery question with when the work was last autosaved, which file it was and
    (``draft``, the work) whose it is: two pieces of work left by two windows could not be
    told apart (a crash and recovery test)."""
    lines = [RECOVER_QUESTION]
    if recovery.saved_at is not None:
        when = recovery.saved_at.astimezone()
        lines.append(f"ConsultPrep kept a safety copy of it on {_day(when)} at {when:%H:%M}.")
    if recovery.source:
        lines.append(f"It is a changed copy of “{Path(recovery.source).name}”.")
        if saved_since(Path(recovery.source), recovery.saved_at, recovery.source_state):
            lines.append(
                "That file has been saved again since then, so it may hold newer changes "
                "than this copy."
            )
    else:
        lines.append("It had not been saved to a file yet.")
    name = " ".join(draft.about.patient_name.split()) if draft is not None else ""
    if name:
        from consultprep.summary import shorten

        lines.append(f"The name in it is “{shorten(name, 60)}”.")
    return "\n\n".join([lines[0], " ".join(lines[1:])])


def _day(when: datetime) -> str:
    return long_date(when)


def ask_to_recover(
    parent: QWidget | None, pending: list[Recovery]
) -> tuple[Recovery, Draft] | None:
    """Offer each piece of left-behind work, newest first: Recover, Delete or Later.

    Returns the recovery chosen and its draft, or None. Delete deletes that work and asks
    about the next; Later keeps everything for the next start. Work that cannot be opened is
    explained and kept under another name, so it is not offered at every start.
    """
    buttons = dialogs.Button
    labels = {buttons.Yes: "&Recover", buttons.Discard: "&Delete", buttons.Cancel: "&Later"}
    for recovery in pending:
        try:
            draft: Draft | None = recovery.load()
            problem: storage.DraftError | None = None
        except storage.DraftError as exc:
            draft, problem = None, exc
        answer = dialogs.ask(
            parent,
            "Recover your work?",
            describe(recovery, draft),
            buttons.Yes | buttons.Discard | buttons.Cancel,
            buttons.Yes,
            labels,
        )
        if answer == buttons.Discard:
            recovery.discard()
            continue
        if answer != buttons.Yes:
            return None
        if draft is not None:
            return recovery, draft
        # Work from a newer version is not damaged: it stays where it is, to be recovered
        # once ConsultPrep is updated.
        newer = isinstance(problem, storage.NewerDraft)
        kept = None if newer else recovery.set_aside()
        if kept is not None:
            where = (
                "ConsultPrep will not offer it again. Nothing has been deleted: the file "
                f"is kept as “{kept.name}” in the folder “{kept.parent}”, in case someone "
                "can help you get the work back."
            )
        else:
            where = (
                f"The file is kept in the folder “{recovery.draft_path.parent}”. "
                "ConsultPrep will offer it again next time; choose Delete then if you "
                "do not need it."
            )
        dialogs.warn(parent, "Could not recover the work", f"{problem} {where}")
    return None


def keep_if_incomplete(recovery: Recovery, draft: Draft) -> Path | None:
    """Work recovered with a part left out (it could not be read): keep its file whole under
    another name, never deleted, and say where instead of "your draft file is not changed"
    (it has no draft file). Returns where it is kept, or None if nothing was left out."""
    from consultprep.salvage import UNCHANGED_NOTE

    if UNCHANGED_NOTE not in draft.load_notes:
        return None
    kept = recovery.set_aside()
    if kept is None:
        where = (
            f"The work as it was left is still in the folder “{recovery.draft_path.parent}”, "
            "and ConsultPrep will offer it again next time."
        )
    else:
        where = (
            "ConsultPrep has kept your work as it was, with the parts it could not read. It "
            f"is called “{kept.name}”, in the folder “{kept.parent}”. ConsultPrep will not "
            "offer it again."
        )
    draft.load_notes[draft.load_notes.index(UNCHANGED_NOTE)] = where
    return kept
