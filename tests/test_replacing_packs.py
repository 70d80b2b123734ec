"""Saving the PDF from the last page over a filled-in pack: asked first whenever replacing
it would lose answers typed into it, with what to do to keep them."""

from __future__ import annotations

from pathlib import Path

from tests.test_review_page import to_review
from tests.ui_helpers import Dialogs
from ui.main_window import MainWindow


def test_a_filled_in_pack_is_replaced_only_when_the_patient_says_so(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    """Saving the PDF over one with answers typed into it that the draft lacks asks first:
    Cancel keeps it (and says so), "Replace it" replaces it."""
    from PySide6.QtWidgets import QMessageBox

    from exports.fieldnames import field_name
    from tests.test_answers import fill

    review = to_review(window)
    pack = tmp_path / "pack.pdf"
    review.pdf_path_edit.setText(str(pack))
    assert review.save_pdf() == pack
    item = window.draft.checklist[0]
    filled = fill(
        pack, {field_name(item.id, "answer"): "The doctor said: wait"}, tmp_path / "f.pdf"
    )
    pack.write_bytes(filled.read_bytes())
    before = pack.read_bytes()
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    assert review.save_pdf() is None
    assert pack.read_bytes() == before
    asked = dialogs.texts("question")[-1]
    assert "“pack.pdf” has answers typed into it that are not in your draft yet" in asked
    assert "Import answers from a filled-in PDF" in asked
    assert "kept as it was" in review.status_label.text()
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    assert review.save_pdf() == pack
    assert pack.read_bytes() != before


def test_a_pack_filled_in_for_someone_else_is_replaced_only_when_asked(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    """Its answers cannot be imported into this draft: the question says to save under
    another name, not to import."""

    from consultprep.storage import load_draft
    from exports import export_pdf
    from exports.fieldnames import field_name
    from tests.test_answers import LIBRARY, fill

    examples = Path(__file__).resolve().parents[1] / "resources" / "examples"
    theirs = load_draft(examples / "ageing.consultprep")
    made = export_pdf(theirs, tmp_path / "theirs.pdf", LIBRARY)
    item = theirs.ordered_questions()[0]
    filled = fill(made, {field_name(item.id, "answer"): "Their notes"}, tmp_path / "f.pdf")
    review = to_review(window)  # scars
    window.draft.about.patient_name = "Zoë Example"
    pack = tmp_path / "pack.pdf"
    review.pdf_path_edit.setText(str(pack))
    assert review.save_pdf() == pack  # the page's own file: no "Replace it?" next time
    pack.write_bytes(filled.read_bytes())  # the other person's filled-in pack takes its place
    asked = asked_before_replacing(review, dialogs, pack)
    assert "was filled in for another draft" in asked and "another name" in asked
    assert "Import answers" not in asked


def asked_before_replacing(review, dialogs: Dialogs, pack: Path) -> str:
    """Save the PDF over ``pack``: Cancel keeps it, "Replace it" replaces it. Returns what
    the question said."""
    from PySide6.QtWidgets import QMessageBox

    before = pack.read_bytes()
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    assert review.save_pdf() is None
    assert pack.read_bytes() == before
    asked = dialogs.texts("question")[-1]
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    assert review.save_pdf() == pack
    assert pack.read_bytes() != before
    return asked


def test_a_filled_in_pack_that_cannot_be_read_is_replaced_only_when_asked(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    """Cut off (or locked), its answers cannot be checked: the question says why, and to save
    under another name to keep it."""
    from exports.fieldnames import field_name
    from tests.test_answers import fill

    review = to_review(window)
    pack = tmp_path / "pack.pdf"
    review.pdf_path_edit.setText(str(pack))
    assert review.save_pdf() == pack
    item = window.draft.ordered_questions()[0]
    filled = fill(pack, {field_name(item.id, "answer"): "Notes"}, tmp_path / "f.pdf").read_bytes()
    pack.write_bytes(filled[: len(filled) // 2])
    asked = asked_before_replacing(review, dialogs, pack)
    assert "cannot read it to check: it is damaged" in asked and "another name" in asked


def test_every_reason_to_keep_a_filled_in_pack_has_its_question() -> None:
    from exports.answers import GONE, NOT_IMPORTED, SOMEONE_ELSE, UNREADABLE
    from ui.pdf_saving import WOULD_GO

    assert set(WOULD_GO) == {NOT_IMPORTED, SOMEONE_ELSE, GONE, UNREADABLE}
    assert all("{name}" in text for text in WOULD_GO.values())
