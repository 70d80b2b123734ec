"""The main window: File menu, saving and opening, closing, Help.

Starting the app and unexpected errors: tests/test_app_start.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from consultprep.content import load_library
from consultprep.models import Draft
from consultprep.storage import load_draft, save_draft
from tests.test_wizard import UNICODE_NAME, choose, fill_about, go_next, go_through, page
from tests.ui_helpers import Dialogs
from ui.main_window import MainWindow
from ui.widgets import BULLETS
from ui.wizard import PageId

ROOT = Path(__file__).resolve().parents[1]
PLAIN = Qt.TextFormat.PlainText
LIBRARY = load_library()


def filled(window: MainWindow) -> None:
    """Go to the questions page with a concern, some About fields and an own question."""
    go_next(window, PageId.CONCERN)
    choose(window, "scars", "acne")
    go_next(window, PageId.ABOUT)
    fill_about(window)
    for expected in (PageId.PHOTOS, PageId.EVIDENCE, PageId.OFFER, PageId.QUESTIONS):
        go_next(window, expected)
    questions = page(window, PageId.QUESTIONS)
    questions.own_question_edit.setText("Ask about 🙂?")
    questions.add_button.click()
    questions.rows[window.draft.checklist[-1].id].top_button.click()


@pytest.mark.parametrize("example", ["scars", "ageing"])
def test_looking_through_an_opened_draft_is_not_an_edit(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, example: str
) -> None:
    """Ticks stored in another order than the page's boxes (conditions, warning signs, clinic
    checks) stay in that order when a page is left, so no "Save changes?" follows. Nor do
    words written elsewhere (Windows line ends, no-break spaces), which a text box gives back
    changed."""
    path = tmp_path / f"{example}.consultprep"
    path.write_bytes((ROOT / "resources" / "examples" / path.name).read_bytes())
    draft = load_draft(path)
    odd = "\ufeffOne\r\ntwo\u00a0three \rfour\u2028five  "
    draft.about.symptoms = draft.about.goals = draft.offer.claims = draft.offer.clinic = odd
    draft.about.conditions.reverse()
    draft.offer.red_flags.reverse()
    draft.offer.checks_done = ["vet-trial", "vet-gmc"]
    save_draft(draft, path)
    dialogs.open_path = str(path)
    window.open_action.trigger()
    assert window.path == path
    while window.wizard.currentId() != PageId.REVIEW:
        window.wizard.next()
    assert not window.is_modified()
    assert window.draft.about.conditions == draft.about.conditions
    assert window.draft.offer.checks_done == ["vet-trial", "vet-gmc"]


def comparable(draft: Draft) -> dict:
    return draft.model_dump(mode="json", exclude={"created", "updated"})


def test_save_then_open_round_trips_through_the_file_menu(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    filled(window)
    assert window.isWindowModified()
    dialogs.save_path = str(tmp_path / "my prep")  # the suffix is added
    window.save_action.trigger()
    saved = tmp_path / "my prep.consultprep"
    assert saved.is_file()
    assert window.path == saved
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("my prep")
    before = comparable(window.draft)
    assert comparable(load_draft(saved)) == before

    # Save again goes to the same file without asking.
    asked = len(dialogs.file_dialogs)
    window.wizard.pages[PageId.QUESTIONS].own_question_edit.setText("One more?")
    window.wizard.pages[PageId.QUESTIONS].add_button.click()
    assert window.isWindowModified()
    window.save_action.trigger()
    assert len(dialogs.file_dialogs) == asked
    before = comparable(window.draft)

    # New: an empty draft (nothing to ask: everything is saved).
    left_at = window.wizard.currentId()
    assert left_at > PageId.ABOUT
    window.new_action.trigger()
    assert not dialogs.texts("question")
    assert window.draft.concern is None and window.path is None
    assert window.wizard.currentId() == PageId.WELCOME

    # Open brings it all back, on a fresh wizard.
    dialogs.open_path = str(saved)
    window.open_action.trigger()
    assert comparable(window.draft) == before
    assert window.path == saved
    assert not window.isWindowModified()
    welcome = page(window, PageId.WELCOME)
    welcome.start_button.click()  # "Carry on": back to the step it was left at
    assert window.wizard.currentId() == left_at
    while window.wizard.currentId() > PageId.ABOUT:
        window.wizard.back()
    assert page(window, PageId.ABOUT).patient_name.text() == UNICODE_NAME
    # Walking through the pages of an opened draft changes nothing.
    go_through(window, *[p for p in PageId if p > PageId.ABOUT])
    assert not window.is_modified()


def test_save_as_a_second_file(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    filled(window)
    dialogs.save_path = str(tmp_path / "a.consultprep")
    window.save_as_action.trigger()
    dialogs.save_path = str(tmp_path / "b.consultprep")
    window.save_as_action.trigger()
    assert window.path == tmp_path / "b.consultprep"
    assert comparable(load_draft(tmp_path / "a.consultprep")) == comparable(
        load_draft(tmp_path / "b.consultprep")
    )


def test_a_name_typed_without_its_ending_never_replaces_a_file_unasked(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    """The Save dialog asks only about the name as typed ("other"); ConsultPrep adds the
    ending, so it asks itself before replacing "other.consultprep" or "other.pdf"."""
    from consultprep.storage import save_draft

    other = tmp_path / "other.consultprep"
    save_draft(Draft(concern="ageing"), other)  # someone else's draft
    theirs = other.read_bytes()
    pdf = tmp_path / "other.pdf"
    pdf.write_bytes(b"%PDF-1.4 another pack")
    filled(window)
    dialogs.save_path = str(tmp_path / "other")
    dialogs.question_answer = QMessageBox.StandardButton.No
    assert not window.save_as()
    assert window.export_pdf() is None
    assert other.read_bytes() == theirs
    assert pdf.read_bytes() == b"%PDF-1.4 another pack"
    assert [t for t in dialogs.texts("question") if "“other.consultprep”" in t]
    assert [t for t in dialogs.texts("question") if "“other.pdf”" in t]
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    assert window.save_as() and window.path == other
    assert load_draft(other).concern == "scars"
    dialogs.save_path = str(tmp_path)  # a folder: said plainly, nothing saved
    assert not window.save_as()
    assert "a folder, not a file name" in dialogs.texts("warning")[-1]


def test_cancelled_dialogs_change_nothing(window: MainWindow, dialogs: Dialogs) -> None:
    filled(window)
    dialogs.save_path = ""
    dialogs.open_path = ""
    window.save_action.trigger()
    window.export_action.trigger()
    assert window.path is None and window.isWindowModified()
    dialogs.question_answer = QMessageBox.StandardButton.Discard
    window.open_action.trigger()
    assert window.draft.concern == "scars"


def test_opening_a_corrupt_file_keeps_the_current_draft(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    filled(window)
    draft = window.draft
    bad = tmp_path / "broken.consultprep"
    bad.write_text('{"schema_version": 2, "concern": ', encoding="utf-8")
    dialogs.open_path = str(bad)
    dialogs.question_answer = QMessageBox.StandardButton.Discard
    window.open_action.trigger()
    warnings = dialogs.texts("warning")
    assert len(warnings) == 1
    assert "broken.consultprep" in warnings[0] and "Traceback" not in warnings[0]
    assert window.draft is draft
    assert window.wizard.currentId() == PageId.QUESTIONS


def test_save_to_a_missing_folder_shows_the_reason(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    filled(window)
    dialogs.save_path = str(tmp_path / "gone" / "x.consultprep")
    dialogs.question_answer = QMessageBox.StandardButton.Cancel  # not "Save somewhere else…"
    window.save_action.trigger()
    [said] = dialogs.texts("question")  # the reason, and the way on
    assert "does not exist" in said and said.endswith("save it somewhere else?")
    assert window.path is None and window.isWindowModified()


@pytest.mark.parametrize("where", ["read-only folder", "missing folder", "a folder"])
def test_a_pdf_that_cannot_be_saved_says_why_and_keeps_the_draft(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, where: str, read_only_folder: Path
) -> None:
    """Nothing lost: the draft is as it was, still marked unsaved, and no PDF is left."""
    target = {
        "read-only folder": lambda: read_only_folder / "pack.pdf",
        "missing folder": lambda: tmp_path / "no such folder" / "pack.pdf",
        "a folder": lambda: tmp_path / "pack.pdf",
    }[where]()
    if where == "a folder":
        target.mkdir()
    filled(window)
    while window.wizard.currentId() != PageId.REVIEW:
        window.wizard.next()
    review = page(window, PageId.REVIEW)
    before = window.draft.model_dump_json()
    review.pdf_path_edit.setText(str(target))
    review.pdf_path_edit.textEdited.emit(str(target))
    review.save_pdf_button.click()
    message = review.error_label.text()
    assert review.error_label.isVisibleTo(review) and message.endswith(".")
    assert {
        "read-only folder": "could not be saved",
        "missing folder": "does not exist",
        "a folder": "is a folder",
    }[where] in message
    assert "Traceback" not in message and not dialogs.messages
    assert window.draft.model_dump_json() == before and window.is_modified()
    assert not [p for p in tmp_path.rglob("*.pdf") if p.is_file()]


def test_close_with_unsaved_changes_asks(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window.show()
    filled(window)
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible()
    assert "not saved" in dialogs.texts("question")[-1]
    dialogs.question_answer = QMessageBox.StandardButton.Save
    dialogs.save_path = str(tmp_path / "on-close.consultprep")
    assert window.close()
    assert (tmp_path / "on-close.consultprep").is_file()


def test_typing_on_a_page_counts_as_a_change(window: MainWindow, dialogs: Dialogs) -> None:
    go_next(window, PageId.CONCERN)
    assert not window.isWindowModified()
    choose(window, "ageing")
    assert window.isWindowModified()
    go_next(window, PageId.ABOUT)
    window.wizard.pages[PageId.ABOUT].allergies.setText("Latex")  # not yet written: no Next
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    assert not window.new_draft()
    assert window.draft.about.allergies == "Latex"


def test_export_pdf_from_the_menu(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    filled(window)
    dialogs.save_path = str(tmp_path / "menu.pdf")
    saved = window.export_pdf()
    assert saved == tmp_path / "menu.pdf" and saved.is_file()
    assert "menu.pdf" in dialogs.texts()[-1]


def test_about_box_says_version_review_date_and_not_advice(
    window: MainWindow, dialogs: Dialogs
) -> None:
    window.about_action.trigger()
    text = window.about_window.text()  # a window of its own (tests/test_help.py has more)
    meta = LIBRARY.meta
    assert meta.content_version in text
    assert str(meta.review_by.year) in text
    assert "not medical advice" in text.lower()


def test_the_research_page_says_it_is_not_medical_advice(window: MainWindow) -> None:
    """Not only the welcome page and the PDF: the page of research findings says so too."""
    window.finish_start()
    evidence = window.wizard.page(PageId.EVIDENCE)
    assert "not medical advice" in evidence.subtitle_label.text()


def test_menus_have_shortcuts(window: MainWindow) -> None:
    for action in (
        window.new_action,
        window.open_action,
        window.save_action,
        window.save_as_action,
        window.export_action,
        window.quit_action,
    ):
        assert not action.shortcut().isEmpty(), action.text()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&View", "&Help"]


def test_every_control_has_a_name_and_every_label_is_plain(window: MainWindow) -> None:
    filled(window)
    for expected in (PageId.READINESS, PageId.REVIEW):
        go_next(window, expected)
    offer = window.wizard.pages[PageId.OFFER]
    offer.yes_radio.setChecked(True)
    nameless = []
    for w in window.findChildren(QAbstractButton) + window.findChildren(QLineEdit):
        if isinstance(w.parent(), QAbstractSpinBox):
            continue  # the text field inside a date box: the box has the name
        if w.objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll bar arrows, calendar pop-up)
        if not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text()):
            nameless.append(f"{type(w).__name__} {w.objectName()!r}")
    for w in window.findChildren(QPlainTextEdit):
        if not w.accessibleName():
            nameless.append("text box")
    assert not nameless
    labels = window.findChildren(QLabel)
    assert len(labels) > 50
    rich = [
        label.text()
        for label in labels
        if label.text() and label.textFormat() != PLAIN and label.objectName() != BULLETS
    ]
    assert not rich  # (a bullet list shows the app's own fixed words, escaped)


def test_a_file_name_that_looks_like_markup_is_shown_as_it_is(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    bad = tmp_path / "<b>notes&amp;.consultprep"
    bad.write_bytes(b"\x00\x01 not a draft")
    dialogs.open_path = str(bad)
    window.open_action.trigger()
    assert "“<b>notes&amp;.consultprep”" in dialogs.texts("warning")[0]


def test_open_pdf_button_opens_the_saved_file(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    filled(window)
    go_next(window, PageId.READINESS)
    go_next(window, PageId.REVIEW)
    review = page(window, PageId.REVIEW)
    review.pdf_path_edit.setText(str(tmp_path / "open-me.pdf"))
    review.save_pdf_button.click()
    review.open_pdf_button.click()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "open-me.pdf")]


def test_notes_from_opening_a_draft_are_shown(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from consultprep import storage

    draft = Draft(concern="scars")
    draft.load_notes.append("1 photo could not be found inside the draft and was left out.")
    monkeypatch.setattr(storage, "load_draft", lambda path: draft)
    assert window.open_path(tmp_path / "x.consultprep")
    assert "photo" in dialogs.texts("information")[0]


def test_the_status_bar_is_there_from_the_start(window, qtbot) -> None:
    """It was made by the first message ("Saving the PDF…"), and the page jumped up as it
    came (a helper's walk through)."""
    from PySide6.QtWidgets import QStatusBar

    window.show()
    qtbot.waitExposed(window)
    bar = window.findChild(QStatusBar)
    assert bar is not None and bar.isVisible()
    top = window.wizard.mapTo(window, window.wizard.rect().bottomLeft()).y()
    window.statusBar().showMessage("Saved to /tmp/x.consultprep", 1000)
    qtbot.wait(20)
    assert window.wizard.mapTo(window, window.wizard.rect().bottomLeft()).y() == top
