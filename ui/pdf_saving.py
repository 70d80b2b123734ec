"""Saving the PDF pack from the window (File ▸ Export, the last page's "Save PDF"): made on a
thread of its own (with Stop if it takes a while), and a question before answers typed into a
filled-in pack of that name are lost."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from ui import dialogs, export_helpers

if TYPE_CHECKING:
    from consultprep.content import Library
    from consultprep.models import Draft
    from exports.options import PackOptions

Button = QMessageBox.StandardButton

#: What the last page says when the patient chose to keep the filled-in PDF.
KEPT = "The PDF was not saved: the filled-in PDF of that name was kept as it was."
ANSWERS_WOULD_GO = (
    "“{name}” has answers typed into it that are not in your draft yet. Replacing it would "
    "lose them.\n\nTo keep them, press Cancel. Then either choose File ▸ Import answers from "
    "a filled-in PDF…, or save the new PDF under another name."
)
THEIR_ANSWERS_WOULD_GO = (
    "“{name}” was filled in for another draft, and has answers typed into it. "
    "Replacing it would lose them.\n\nTo keep them, press Cancel and save the new PDF under "
    "another name."
)
GONE_ANSWERS_WOULD_GO = (
    "“{name}” has answers typed into it. Some are for questions no longer in your draft, or "
    "whose words changed. Replacing it would lose them.\n\nTo keep them, press Cancel "
    "and save the new PDF under another name."
)
UNREAD_ANSWERS_WOULD_GO = (
    "“{name}” may have answers typed into it, but ConsultPrep cannot read it to check: {why}. "
    "Replacing it could lose them.\n\nTo keep it, press Cancel and save the new PDF under "
    "another name."
)
#: The question asked before replacing a filled-in PDF, by ``UnrecordedAnswers.reason``.
WOULD_GO = {
    "not imported": ANSWERS_WOULD_GO,
    "someone else": THEIR_ANSWERS_WOULD_GO,
    "gone": GONE_ANSWERS_WOULD_GO,
    "unreadable": UNREAD_ANSWERS_WOULD_GO,
}


def save_pdf(
    parent: QWidget, draft: Draft, path: Path, library: Library, options: PackOptions
) -> Path | None:
    """Make the PDF pack at ``path``; return where it was saved, or None if the patient chose
    to keep the filled-in pack that was there.

    Raises
    ------
    exports.ExportError
        With one plain sentence if the PDF could not be made or saved; ``ExportCancelled``
        if the patient pressed Stop (nothing was written then).
    """
    import exports
    from ui.pdf_progress import made_in_background

    copy = draft.model_copy(deep=True)  # the window's timers may write to it meanwhile

    def make(keep_answers: bool) -> Path:
        return made_in_background(
            parent,
            lambda progress: export_helpers.make_pdf(
                copy, path, library, options, keep_answers=keep_answers, progress=progress
            ),
        )

    try:
        saved = make(keep_answers=True)
    except exports.UnrecordedAnswers as exc:
        answer = dialogs.ask(
            parent,
            "Replace the filled-in PDF?",
            WOULD_GO[exc.reason].format(name=path.name, why=exc.why),
            Button.Yes | Button.Cancel,
            Button.Cancel,
            {Button.Yes: "&Replace it"},
        )
        if answer != Button.Yes:
            return None
        saved = make(keep_answers=False)
    export_helpers.remember_pdf_folder(saved)
    return saved


#: Said when some of the patient's words could not be printed (the PDF says so only on its
#: last page, and a clinician saw "3. � � �?" among the top questions: a review).
CANNOT_PRINT = (
    "Some of your words use letters this PDF cannot print. They show as “�” in it: you could "
    "write them by hand on the printout, or add them in English. Your draft keeps them."
)


def saved_message(draft: Draft, saved: Path) -> str:
    """Where the PDF went, how many photos it had to leave out, and whether some words could
    not be printed (it says both itself)."""
    from exports.images import left_out_note, photos_left_out

    lines = [f"Your PDF pack was saved to:\n{saved}"]
    left_out = photos_left_out(draft)
    if left_out:
        lines.append(left_out_note(left_out))
    from exports import had_substitutes

    if had_substitutes(saved):
        lines.append(CANNOT_PRINT)
    return "\n".join(lines)
