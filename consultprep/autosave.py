"""Autosave and crash recovery, in a private folder of the patient's own computer.

Each running copy of the app autosaves to its own pair of files in the folder:
``autosave-<pid>-<token>.consultprep`` (the draft) and ``autosave-<pid>-<token>.json`` (where it
came from and when), the token random for each run: a later run given the same process id (after
a restart, say) has its own files, and never writes over work left behind. (Versions before
the token wrote ``autosave-<pid>.consultprep``; such files are still found.) A normal quit
removes them. If the app is killed, they stay behind, and the next start
finds them with :meth:`Autosave.pending` and offers to recover the work.

The folder is created with mode 0700 and the files with 0600. Qt-free: the UI chooses the folder
(QStandardPaths) and decides when to call :meth:`Autosave.save`.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from consultprep.models import Draft
from consultprep.os_errors import in_plain_words
from consultprep.storage import DraftError, atomic_write_bytes, draft_to_bytes, load_draft


@dataclass(frozen=True)
class Recovery:
    """Unsaved work left behind by an earlier run that did not quit normally."""

    draft_path: Path
    info_path: Path
    saved_at: datetime | None
    source: str | None  # the draft file the work belonged to, if it had been saved before
    #: That file's time and size (ns, bytes) when the copy was made, if it could be read.
    source_state: tuple[int, int] | None = None

    def load(self) -> Draft:
        """Open the recovered draft (raises DraftError if it cannot be read)."""
        return load_draft(self.draft_path)

    def discard(self) -> None:
        """Delete the left-behind files, as far as the folder allows.

        A file that cannot be deleted (a folder the patient may not change, or a "folder"
        that is a file) is left as it is: this is tidying up, and never worth an error.
        """
        for path in (self.draft_path, self.info_path):
            try:
                path.unlink()
            except OSError:
                pass

    def set_aside(self) -> Path | None:
        """Keep work that cannot be opened under another name in the same folder, so it is
        not offered again at every start, and nothing is deleted. Returns its new path, or
        None if it could not be renamed (it is then offered again next time)."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        kept = self.draft_path.with_name(f"damaged-{stamp}-{self.draft_path.name}")
        try:
            self.draft_path.rename(kept)
        except OSError:
            return None
        try:
            self.info_path.rename(kept.with_suffix(".json"))
        except OSError:
            pass  # the info is a nicety; the draft is what matters
        return kept


def saved_since(
    path: Path, when: datetime | None, state: tuple[int, int] | None = None
) -> bool:
    """True if the file at ``path`` was written after ``when`` (False if either is unknown):
    the file recovered work came from, saved again after its safety copy was made.

    Where the file's ``state`` then is known (``file_state``), any change to it counts: a
    save made while the clock was behind (a computer's clock put right after it started, a
    USB stick keeping local time) looked older than the copy, and was saved over (a crash
    hunt, 2026-12-08)."""
    if state is not None:
        now = file_state(path)
        return now is not None and now != state
    try:
        return when is not None and path.stat().st_mtime > when.timestamp()
    except (OSError, ValueError, OverflowError):
        return False


def file_state(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """A file's modification time (ns) and size, or None if it cannot be read."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_mtime_ns, info.st_size


def _state(value: object) -> tuple[int, int] | None:
    """A file's state as the info file holds it (two whole numbers), else None."""
    numbers = isinstance(value, list) and all(type(n) is int and n >= 0 for n in value)
    return (value[0], value[1]) if numbers and len(value) == 2 else None


def _saved_time(text: str) -> datetime | None:
    """When an autosave was made, from its info file, or None if that cannot be told: it is
    written in UTC; a time with no zone is read as UTC, and one that cannot be shown in local
    time (year 1 in a zone ahead of UTC, say) counts as unknown."""
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        when.astimezone()
    except (OverflowError, ValueError, OSError):
        return None
    return when


#: The slots of this process's own autosaves (one in the app; tests make more).
_OURS: set[str] = set()


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # (there, os.kill(pid, 0) ends the process: a diff review)
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except (OverflowError, OSError):  # a number no process can have (a name made by hand)
        return False
    return True


def _kernel32():  # pragma: no cover - Windows only (a test gives a stand-in)
    import ctypes

    return ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]


def _windows_process_alive(pid: int) -> bool:
    """True if a process ``pid`` is running on Windows (asked, never signalled)."""
    import ctypes

    kernel32 = _kernel32()
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: another user's, running
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


class Autosave:
    """The autosave slot of this running app.

    Parameters
    ----------
    folder
        A private folder for autosaves (created 0700 if missing).
    pid
        This process's id (a parameter so tests can pretend to be another run).
    """

    def __init__(self, folder: str | os.PathLike[str], pid: int | None = None) -> None:
        self.folder = Path(folder)
        self.pid = os.getpid() if pid is None else pid
        slot = f"autosave-{self.pid}-{secrets.token_hex(4)}"
        self.draft_path = self.folder / f"{slot}.consultprep"
        self.info_path = self.folder / f"{slot}.json"
        if pid is None:  # a test pretending to be another run gives a pid: not ours then
            _OURS.add(slot)
        self._started = started(self.pid)

    def _ensure_folder(self) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)

    def save(self, draft: Draft | bytes, source: str | os.PathLike[str] | None = None) -> None:
        """Save the draft (or its file bytes, see ``draft_to_bytes``) to this run's slot.

        Raises
        ------
        DraftError
            If the autosave folder cannot be written.
        """
        data = draft if isinstance(draft, bytes) else draft_to_bytes(draft)
        info = {
            "pid": self.pid,
            "started": self._started,  # tells this run from a later one given its pid
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            # Whole, so that it still names the file after a start from another folder.
            "source": None if source is None else os.path.abspath(source),
            "source_state": None if source is None else file_state(source),
        }
        try:
            self._ensure_folder()
            # The info first: stopped between the two, the draft before is described as
            # newer than it is, rather than the new draft as never saved to a file.
            atomic_write_bytes(self.info_path, json.dumps(info).encode("utf-8"))
            atomic_write_bytes(self.draft_path, data)
        except OSError as exc:
            why = in_plain_words(exc, saving=True)
            raise DraftError(
                f"ConsultPrep could not make a safety copy of your answers in “{self.folder}” ({why})."
            ) from None

    def clear(self) -> None:
        """Remove this run's autosave (after a save or a normal quit)."""
        Recovery(self.draft_path, self.info_path, None, None).discard()

    def pending(self) -> list[Recovery]:
        """Autosaves left by runs that are no longer running, newest first (and half-written
        files of such runs, which nothing can use, are removed)."""
        found: list[Recovery] = []
        try:
            candidates = sorted(self.folder.glob("autosave-*.consultprep"))
            _remove_half_written(self.folder, self.pid)
        except OSError:
            return []
        for draft_path in candidates:
            pid_text, _, token = draft_path.stem.removeprefix("autosave-").partition("-")
            if not (pid_text.isascii() and pid_text.isdigit()) or not (  # "²" is a digit
                token.isalnum() or not token
            ):
                continue
            if draft_path.stem in _OURS:
                continue  # this run's own
            pid = int(pid_text)
            info_path = draft_path.with_suffix(".json")
            info = _info(info_path)
            # A run still going is left alone; not another program given its process id since
            # (when it started tells them apart: a crashed run's work was hidden until that
            # program ended, after a power cut perhaps, a crash and recovery test).
            if pid != self.pid and _process_alive(pid) and not _reused(pid, info):
                continue
            saved_at, source = None, info.get("source")
            try:
                saved_at = _saved_time(info["saved_at"])
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # the draft itself is what matters; the info is a nicety
            if not isinstance(source, str):
                source = None
            state = _state(info.get("source_state"))
            found.append(Recovery(draft_path, info_path, saved_at, source, state))
        found.sort(key=lambda r: r.saved_at or datetime.min.replace(tzinfo=UTC))
        return found[::-1]


def _info(path: Path) -> dict:
    """What an autosave's info file says ({} if it cannot be read)."""
    try:
        info = json.loads(_small_file(path).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return info if isinstance(info, dict) else {}


def started(pid: int) -> str | None:
    """When process ``pid`` started, as the system counts it (on Linux, clock ticks since the
    computer started), or None where that cannot be read."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except (OSError, ValueError):
        return None
    fields = text.rpartition(")")[2].split()  # (its name, in brackets, may hold spaces)
    return fields[19] if len(fields) > 19 else None


def _reused(pid: int, info: dict) -> bool:
    """True if the process now called ``pid`` is not the run that wrote ``info``."""
    then = info.get("started")
    now = started(pid)
    return isinstance(then, str) and now is not None and now != then


def _remove_half_written(folder: Path, own_pid: int) -> None:
    """Remove the temporary files of autosaves a run did not finish writing (it was stopped
    part way): nothing can use them, and they can be large."""
    for temporary in folder.glob(".autosave-*.tmp"):
        pid_text = temporary.name.removeprefix(".autosave-").partition("-")[0]
        if not (pid_text.isascii() and pid_text.isdigit()):
            continue
        pid = int(pid_text)
        if pid != own_pid and not _process_alive(pid):
            try:
                temporary.unlink()
            except OSError:
                pass


#: An info file is a line of JSON; anything larger is not one.
INFO_MOST_BYTES = 64 * 1024


def _small_file(path: Path) -> bytes:
    """The bytes of an ordinary file of at most ``INFO_MOST_BYTES`` (a pipe there hung every
    start; a link to /dev/zero filled the memory: a bad-input hunt). Raises OSError if it is
    not one."""
    import stat

    # (Not blocking: opening a pipe to read waits for a writer, which never comes.)
    with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(f"{path} is not an ordinary file")
        data = file.read(INFO_MOST_BYTES + 1)
    if len(data) > INFO_MOST_BYTES:
        raise OSError(f"{path} is too large")
    return data
