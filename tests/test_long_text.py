"""Very long texts in a draft: a field shows their start, says so, and keeps the rest.

Behaviour only, never time (``ui.long_text``): what is shown, what is said, and that every
letter is saved unless the patient chooses to leave the rest out.
"""

from __future__ import annotations

import random

from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from consultprep.models import Draft
from tests.a11y_helpers import LIBRARY, settle
from ui.fields import line_box, text_box
from ui.long_text import SHOWN_AT_MOST, LongTextNote
from ui.main_window import MainWindow
from ui.wizard import PageId

WORDS = ("itchy", "sore", "red", "flaky", "cracked", "bleeding", "worse", "at", "night")


def _words(letters: int, seed: int = 1) -> str:
    """About ``letters`` letters of words in one paragraph (as a pasted file often is)."""
    pick = random.Random(seed).choice
    return " ".join(pick(WORDS) for _ in range(letters // 6))


def _field_with_note(qtbot, field=None) -> tuple[QWidget, LongTextNote, QWidget]:
    """A field and its note under it, in a window (the third item: keep it while in use)."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    field = field if field is not None else text_box("Main symptoms", 5)
    note = LongTextNote(field)
    layout.addWidget(field)
    layout.addWidget(note)
    return field, note, host


def test_a_huge_text_shows_its_start_says_so_and_keeps_the_rest(qtbot) -> None:
    field, note, _host = _field_with_note(qtbot)
    text = _words(1_000_000)
    note.set_text(text)
    shown = field.toPlainText()
    assert SHOWN_AT_MOST - 1_000 < len(shown) <= SHOWN_AT_MOST
    assert text.startswith(shown) and shown.endswith(" "), "cut after a word"
    assert note.text() == text, "nothing left out"
    assert note.isVisibleTo(note.parentWidget())
    said = note.label.text()
    for part in (f"first {len(shown):,} of", f"{len(text):,}", "very slow", "kept"):
        assert part in said
    assert field.accessibleDescription() == said  # read out with the field
    assert note.leave_out_button.accessibleName() == (
        f"Leave out the {len(text) - len(shown):,} letters not shown"
    )


def test_what_is_typed_in_the_part_shown_is_kept_with_the_rest(qtbot) -> None:
    field, note, _host = _field_with_note(qtbot)
    text = _words(300_000)
    note.set_text(text)
    rest = text[len(field.toPlainText()) :]
    field.setPlainText("Itchy at night. " + field.toPlainText())
    assert note.text() == "Itchy at night. " + text
    field.setPlainText("")  # emptied: the rest is still kept, and the note still says so
    assert note.text() == rest
    assert note.isVisibleTo(note.parentWidget())


def test_the_rest_is_left_out_only_when_the_patient_says_so(qtbot, dialogs) -> None:
    field, note, _host = _field_with_note(qtbot)
    field.setAccessibleDescription("What you notice")
    text = _words(300_000)
    note.set_text(text)
    shown = field.toPlainText()
    dialogs.question_answer = QMessageBox.StandardButton.No  # "Keep it"
    note.leave_out_button.click()
    assert note.text() == text
    asked = (
        f"Take the {len(text) - len(shown):,} letters this box does not show out of your "
        "draft? What the box shows is kept."
    )
    assert dialogs.texts("question") == [asked]
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(note.changed):
        note.leave_out_button.click()
    assert note.text() == shown
    assert not note.isVisibleTo(note.parentWidget())
    assert field.accessibleDescription() == "What you notice"  # its own again


def test_a_long_text_with_no_space_is_cut_where_it_must_be(qtbot) -> None:
    field, note, _host = _field_with_note(qtbot)
    text = "x" * (SHOWN_AT_MOST + 5)
    note.set_text(text)
    assert field.toPlainText() == "x" * SHOWN_AT_MOST
    assert note.text() == text


def test_a_text_that_fits_is_shown_whole_with_no_note(qtbot) -> None:
    field, note, _host = _field_with_note(qtbot)
    note.set_text(_words(300_000))
    text = "Itchy, sore,\nbleeds when knocked " * 100
    note.set_text(text)
    assert field.toPlainText() == text and note.text() == text
    assert not note.isVisibleTo(note.parentWidget())
    assert field.accessibleDescription() == "" and field.toolTip() == ""
    note.set_text("x" * SHOWN_AT_MOST)  # just fits
    assert field.toPlainText() == note.text() == "x" * SHOWN_AT_MOST
    assert not note.isVisibleTo(note.parentWidget())


def test_a_one_line_answer_keeps_a_huge_text_too(qtbot) -> None:
    field, note, _host = _field_with_note(qtbot, line_box("Your name"))
    text = _words(400_000)
    note.set_text(text)
    assert len(field.text()) <= SHOWN_AT_MOST and text.startswith(field.text())
    assert note.text() == text


def test_the_about_page_saves_every_huge_text_unchanged(qtbot, dialogs) -> None:
    concern = LIBRARY.concerns[0]
    draft = Draft(concern=concern.id, subtype=concern.subtypes[0].id)
    about = draft.about
    about.patient_name = _words(300_000, seed=2)
    about.symptoms = _words(1_000_000, seed=3)
    about.goals = "\n".join(_words(1_000, seed=n) for n in range(400))  # many paragraphs
    about.medicines = "Bisoprolol 2.5 mg once a day"
    expected = about.model_copy(deep=True)
    window = MainWindow(LIBRARY, draft, None)  # not shown: the page is read and written
    qtbot.addWidget(window)
    while window.wizard.currentId() != PageId.ABOUT:
        window.wizard.next()
        settle()
    page = window.wizard.currentPage()
    for field in (page.patient_name, page.symptoms, page.goals):
        assert page.note_of(field).isVisibleTo(page)  # said in words, under each
    assert not page.note_of(page.medicines).isVisibleTo(page)
    assert page.medicines.toPlainText() == about.medicines
    page.write_draft()
    assert window.draft.about == expected
    window.wizard.next()
    settle()
    window.wizard.back()
    settle()
    assert window.draft.about == expected
    dialogs.question_answer = QMessageBox.StandardButton.Yes  # "Leave out the rest"
    with qtbot.waitSignal(page.edited):
        page.note_of(page.symptoms).leave_out_button.click()
    page.write_draft()
    assert window.draft.about.symptoms == page.symptoms.toPlainText().strip()
    assert window.draft.about.goals == expected.goals
