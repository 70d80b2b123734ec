"""Where the PDF goes by default, and making it (``exports`` is imported only when needed)."""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from consultprep.content import Library
from consultprep.models import Draft
from exports.options import PackOptions

if TYPE_CHECKING:
    from exports import Progress


def documents_folder() -> Path:
    """The patient's Documents folder, or their home folder if there is none."""
    try:
        return usable_folder(Path.home() / "Documents")
    except RuntimeError:  # no home folder at all
        return usable_folder(None)


def usable_folder(preferred: Path | None) -> Path:
    """``preferred`` if it is a folder, else the home folder; else (no home folder, or one
    that cannot be looked into: Save, Open, Save PDF and Add photos failed with an error,
    a crash hunt) the current folder, or the top one."""
    try:
        return preferred if preferred is not None and preferred.is_dir() else Path.home()
    except (OSError, RuntimeError):
        return Path.cwd() if _readable_cwd() else Path(os.sep)


def _readable_cwd() -> bool:
    try:
        return Path.cwd().is_dir()
    except OSError:
        return False


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "draft"


def default_file_name(
    draft: Draft, suffix: str, today: date | None = None, library: Library | None = None
) -> str:
    """``ConsultPrep-<first name>-<skin problem>-<date><suffix>``, e.g.
    ``ConsultPrep-Zoë-psoriasis-and-eczema-2025-03-01.pdf``: the skin problem as the app
    names it (its id if it is not in ``library``). The first word of the patient's name, if
    given, tells apart the packs of a carer who helps more than one person."""
    today = today or date.today()
    concern = library.concern(draft.concern) if library and draft.concern else None
    name = concern.name if concern is not None else draft.concern
    first = _first_name(draft.about.patient_name)
    what = _slug(name) if name else "preparation"
    return f"ConsultPrep-{first + '-' if first else ''}{what}-{today.isoformat()}{suffix}"


#: Not a first name: the next word is.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"})


def _first_name(name: str) -> str:
    """The first word of ``name`` that is not a title ("Mrs", "Dr."), kept to its letters,
    marks and digits of any script (so "O'Brien" is "OBrien" and "प्रिया" keeps its vowel
    signs; no dot, slash or other sign a file name may not hold), at most 30 ("" if none)."""
    name = unicodedata.normalize("NFC", name[:200])  # (a first name is near the start)
    for word in re.sub(r"<[^<>]*>", " ", name).split():
        kept = "".join(c for c in word if unicodedata.category(c)[0] in "LMN")
        if kept and kept.lower() not in _TITLES:
            return kept[:30]
    return ""


def free_name(path: Path) -> Path:
    """``path``, or the first of "name (2).ext", "name (3).ext"… that is not taken."""
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not _is(candidate, "exists"):
            return candidate
    return path


PDF_FOLDER_KEY = "export/pdf_folder"


def pdf_folder() -> Path:
    """The folder the last PDF was saved in (if it is still there), or Documents."""
    from ui import settings

    last = Path(settings.read_str(PDF_FOLDER_KEY, ""))  # (only a whole path: "." is wherever
    return last if last.is_absolute() and _is(last, "is_dir") else documents_folder()  # it ran)


def remember_pdf_folder(saved: Path) -> None:
    """The next PDF, also after the app is opened again, is offered in ``saved``'s folder."""
    from ui import settings

    settings.write(PDF_FOLDER_KEY, str(saved.parent.absolute()))


def default_pdf_path(draft: Draft, library: Library | None = None) -> Path:
    """Where the PDF is offered to be saved first: the folder of the last one saved."""
    return pdf_folder() / default_file_name(draft, ".pdf", library=library)


class NotAFileName(ValueError):
    """A path typed or chosen for saving cannot be a file's: ``str()`` says why in one
    sentence; ``folder`` is True if it names a folder."""

    def __init__(self, text: str, *, folder: bool = True) -> None:
        super().__init__(text)
        self.folder = folder


def with_suffix(path: str, suffix: str) -> Path:
    """``path`` as a Path, with ``suffix`` added if it has no such ending.

    Raises
    ------
    NotAFileName
        If ``path`` names a folder (".", "..", "~", one ending in "/", or an existing folder),
        or the home folder of a user this computer does not have ("~someone/x").
    """
    p = expanded(path)
    if p.name in ("", ".", "..") or path.rstrip().endswith(("/", os.sep)) or _is(p, "is_dir"):
        raise NotAFileName(
            f"“{path.strip()}” is a folder, not a file name. Please type a name for the "
            f"file, ending in {suffix}."
        )
    return p if p.suffix.lower() == suffix else p.with_name(p.name + suffix)


def typed_path(text: str, suffix: str, folder: Path) -> Path:
    """The file a name typed into a box means: "~" expanded, a bare name in ``folder``, and
    ``suffix`` added if it has no such ending.

    Raises
    ------
    NotAFileName
        As ``with_suffix`` (Path drops a last "/", so "x/" is caught here first).
    """
    if text.rstrip().endswith(("/", os.sep)):
        raise NotAFileName(f"“{text.strip()}” is a folder, not a file name.")
    typed = expanded(text)
    return with_suffix(str(typed if typed.is_absolute() else folder / typed), suffix)


def expanded(path: str) -> Path:
    """``path`` with "~" turned into the home folder.

    Raises
    ------
    NotAFileName
        If it names the home folder of a user this computer does not have.
    """
    try:
        return Path(path).expanduser()
    except RuntimeError:  # "~someone" with no such user
        raise NotAFileName(
            f"“{path.strip()}” starts with the home folder of someone this computer does not "
            "know. Please choose another place.",
            folder=False,
        ) from None


def replaces_unasked(typed: str, path: Path) -> bool:
    """True if saving to ``path`` would replace a file no one was asked about: the save
    dialog asks only about the name as typed, and ``path`` is that name with its ending
    added (``with_suffix``, which has already turned down what ``expanded`` cannot read)."""
    return path != expanded(typed) and _is(path, "exists")


def _is(path: Path, test: str) -> bool:
    """``path.is_dir()`` or ``path.exists()``, False where the name cannot be looked up (too
    long, not allowed): saving there then says why."""
    try:
        return bool(getattr(path, test)())
    except (OSError, ValueError):
        return False


def make_pdf(
    draft: Draft,
    path: Path,
    library: Library,
    options: PackOptions | None = None,
    *,
    keep_answers: bool = True,
    progress: Progress | None = None,
) -> Path:
    """Make the PDF pack at ``path`` and return where it was saved.

    ``options`` are the paper size and large print (A4, normal print if None).
    ``keep_answers``: refuse to replace a filled-in pack holding answers not in the draft yet
    (``exports.UnrecordedAnswers``).

    ``exports`` (and so reportlab) is imported here, when a PDF is made, not at start-up.

    Raises
    ------
    exports.ExportError
        With one plain sentence if the PDF could not be made or saved.
    """
    import exports

    return Path(
        exports.export_pdf(
            draft, path, library, options, keep_answers=keep_answers, progress=progress
        )
    )
