"""Turns a consultation draft into a printable PDF pack.

Importing this package is cheap: reportlab is loaded only when a PDF is actually made.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consultprep.content import Library
    from consultprep.models import Draft
    from exports.options import PackOptions


class ExportError(Exception):
    """The PDF could not be made or saved. ``str(error)`` is one plain sentence."""


class UnrecordedAnswers(ExportError):
    """The file to replace is a filled-in pack whose typed answers replacing it would lose.

    ``reason`` says why (``exports.answers.NOT_IMPORTED``, ``SOMEONE_ELSE``, ``GONE`` or
    ``UNREADABLE``, with ``why`` it cannot be read). Only answers not imported yet can be kept
    by importing them; the others only by saving under another name.
    """

    def __init__(self, message: str, *, reason: str, why: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.why = why

    @property
    def importable(self) -> bool:
        """True if importing the answers into the draft would keep them."""
        return self.reason == "not imported"


class ExportCancelled(ExportError):
    """The patient stopped the PDF while it was being made: nothing was written."""

    def __init__(self) -> None:
        super().__init__("The PDF was not saved, because you stopped it. Nothing was changed.")


#: Told the number of the page being laid out, now and then while a pack is made; it may
#: raise ``ExportCancelled`` to stop.
Progress = Callable[[int], None]


def export_pdf(
    draft: Draft,
    path: str | os.PathLike[str],
    library: Library | None = None,
    options: PackOptions | None = None,
    *,
    keep_answers: bool = True,
    progress: Progress | None = None,
) -> Path:
    """Write the PDF pack for ``draft`` to ``path`` and return the path.

    ``options`` chooses the paper size and large print (A4, normal print if None).
    ``keep_answers``: refuse to replace a filled-in pack whose answers are not in the draft
    yet (``UnrecordedAnswers``, an ``ExportError``).
    ``progress``: told the page being laid out, now and then; if it raises
    ``ExportCancelled``, making the pack stops there and nothing is written.

    Raises
    ------
    ExportError
        With one plain sentence if the place cannot be written (nothing is left behind).
    """
    from exports.pdf import write_pack

    if not str(path).strip():
        raise ExportError("Please give a file name for the PDF pack.")
    return write_pack(
        draft, Path(path), library, options, keep_answers=keep_answers, progress=progress
    )


def had_substitutes(path: str | os.PathLike[str]) -> bool:
    """True if the last pack written at ``path`` (by ``export_pdf``, in this run) printed some
    typed characters as the substitute mark: the patient is told when it is saved (the pack
    says so only on its last page)."""
    from exports.pdf import _SUBSTITUTED

    return _SUBSTITUTED.get(str(path), False)
