"""Answers from the appointment typed in the app (ui.answers_dialog), not only in the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from consultprep.answers import note_answers, questions_to_note
from consultprep.content import load_library
from consultprep.models import ChecklistItem, Draft
from consultprep.storage import load_draft, save_draft
from ui import answers_dialog
from ui.answers_dialog import AnswersDialog
from ui.wizard import PageId

LIBRARY = load_library()

EXAMPLE = Path(__file__).resolve().parents[1] / "resources/examples/chronic-wound.consultprep"


def _draft() -> Draft:
    return Draft(
        checklist=[
            ChecklistItem(id="a", text="First?", source="core"),
            ChecklistItem(id="b", text="Second?", source="core", top=True),
            ChecklistItem(id="c", text="Left out?", source="core", included=False),
            ChecklistItem(
                id="d", text="Left out, answered?", source="own", included=False, answer="Yes"
            ),
        ]
    )


def test_the_questions_are_those_in_the_pack_top_first_then_any_answered_left_out() -> None:
    assert [i.id for i in questions_to_note(_draft(), LIBRARY).all()] == ["b", "a", "d"]


def test_the_window_numbers_the_questions_as_the_pack_prints_them(qtbot) -> None:
    """With a clinic's offer, the pack prints the clinic's questions last, numbered on: the
    window did not, so "question 9" on paper was another question on screen (a review)."""
    from consultprep.checklist import for_specialist_and_clinic

    draft = load_draft(EXAMPLE.with_name("scars.consultprep"))
    mine, clinic = for_specialist_and_clinic(draft, LIBRARY)
    assert clinic  # (the example has an offer)
    window = AnswersDialog(questions_to_note(draft, LIBRARY))
    qtbot.addWidget(window)
    assert list(window.rows) == [i.id for i in [*mine, *clinic]]
    ninth = [*mine, *clinic][8]
    assert "question 9:" in window.rows[ninth.id][1].accessibleName()
    assert answers_dialog.CLINIC_HEADING in _texts(window)


def _texts(window) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in window.findChildren(QLabel)]


def test_noting_answers_changes_only_what_differs() -> None:
    draft = _draft()
    before = draft.updated
    changed = note_answers(
        draft,
        {
            "a": (True, "  Compression first.\r\nThen see.  "),
            "b": (False, ""),  # as it was
            "gone": (True, "for a question no longer there"),
        },
    )
    assert changed == 1
    first = draft.checklist[0]
    assert (first.asked, first.answer) == (True, "Compression first.\nThen see.")
    assert draft.updated >= before
    assert note_answers(draft, {"a": (True, "Compression first.\nThen see.")}) == 0


def test_the_window_shows_each_question_with_its_tick_and_answer(qtbot) -> None:
    draft = _draft()
    window = AnswersDialog(questions_to_note(draft, LIBRARY))
    qtbot.addWidget(window)
    assert list(window.rows) == ["b", "a", "d"]
    asked, box = window.rows["d"]
    assert box.toPlainText() == "Yes" and not asked.isChecked()
    # not printed: no number (the pack's numbers are the printed questions'), and said so
    assert box.accessibleName() == "What you were told, not printed: Left out, answered?"
    assert window.rows["a"][0].accessibleName() == "I asked this, question 2: First?"
    assert not window.changed()
    window.rows["a"][1].setPlainText("Ask the nurse — «ça va» 💊 <b>&amp;</b>")
    window.rows["a"][0].setChecked(True)
    assert window.changed()
    assert window.noted()["a"] == (True, "Ask the nurse — «ça va» 💊 <b>&amp;</b>")


@pytest.mark.parametrize(
    ("button", "result", "still_open"),
    [
        (QMessageBox.StandardButton.Save, QDialog.DialogCode.Accepted, False),
        (QMessageBox.StandardButton.Discard, QDialog.DialogCode.Rejected, False),
        (QMessageBox.StandardButton.Cancel, None, True),
    ],
)
def test_closing_with_something_typed_asks_first(qtbot, dialogs, button, result, still_open):
    window = AnswersDialog(questions_to_note(_draft(), LIBRARY))
    qtbot.addWidget(window)
    window.show()
    window.rows["b"][1].setPlainText("Not for me yet.")
    dialogs.question_answer = button
    window.reject()
    assert dialogs.messages[-1][1] == answers_dialog.LEAVE_TITLE
    assert window.isVisible() == still_open
    if result is not None:
        assert window.result() == result


def test_closing_with_nothing_typed_does_not_ask(qtbot, dialogs) -> None:
    window = AnswersDialog(questions_to_note(_draft(), LIBRARY))
    qtbot.addWidget(window)
    window.show()
    window.reject()
    assert not window.isVisible() and dialogs.messages == []


def _fill_and_keep(self: AnswersDialog) -> int:
    asked, box = next(iter(self.rows.values()))
    asked.setChecked(True)
    box.setPlainText("The clinic's product is not licensed. Keep the compression.")
    return int(QDialog.DialogCode.Accepted.value)


def test_the_readiness_page_button_puts_answers_in_the_draft_and_on_the_pages(
    qtbot, dialogs, monkeypatch, tmp_path: Path
) -> None:
    from ui.main_window import MainWindow

    draft = load_draft(EXAMPLE)
    window = MainWindow(LIBRARY, draft, None, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(window)
    window.wizard.go_to(PageId.QUESTIONS)
    window.wizard.go_to(PageId.READINESS)
    monkeypatch.setattr(AnswersDialog, "exec", _fill_and_keep)
    page = window.wizard.currentPage()
    page.note_answers_button.click()
    first = window.draft.ordered_questions()[0]
    assert first.asked and first.answer.startswith("The clinic's product")
    assert window.isWindowModified()
    assert window.statusBar().currentMessage().startswith(
        "Your answers are in your draft (1 question changed)"
    )
    assert page.answers_noted.isVisibleTo(page)  # "tick the box below to answer again"
    # the questions page, entered before, shows it (it was read again)
    questions = window.wizard.page(PageId.QUESTIONS)
    assert any("The clinic's product" in r.why_label.text() for r in _rows(questions))
    # and it is saved with the draft, and printed
    path = tmp_path / "d.consultprep"
    save_draft(window.draft, path)
    assert load_draft(path).ordered_questions()[0].answer == first.answer


def _rows(page):
    from ui.question_row import QuestionRow

    return [r for r in page.findChildren(QuestionRow) if r.why_label is not None]


def test_the_file_menu_has_it_and_cancel_changes_nothing(qtbot, window, monkeypatch) -> None:
    from consultprep.storage import load_draft as load

    assert window.note_answers_action.text() == "&Write down answers from your appointment…"
    window.finish_start()
    window.draft.checklist = load(EXAMPLE).checklist
    before = window.draft.snapshot()
    shown: list[AnswersDialog] = []

    def cancel(self: AnswersDialog) -> int:
        shown.append(self)
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(AnswersDialog, "exec", cancel)
    window.note_answers_action.trigger()
    assert len(shown) == 1 and shown[0].rows  # the window was opened, with the questions
    assert window.draft.snapshot() == before


def test_with_no_questions_it_says_what_to_do(qtbot, window, dialogs) -> None:
    window.finish_start()
    window.draft.checklist = []
    window.note_answers_action.trigger()
    assert dialogs.texts("information") == [answers_dialog.NO_QUESTIONS]


def test_the_first_tick_box_has_the_focus(qtbot) -> None:
    window = AnswersDialog(questions_to_note(_draft(), LIBRARY))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.focusWidget() is window.rows["b"][0])


def test_enter_on_a_tick_box_does_not_close_the_window(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = AnswersDialog(questions_to_note(_draft(), LIBRARY))
    qtbot.addWidget(window)
    window.show()
    tick = window.rows["b"][0]
    tick.setFocus()
    QTest.keyClick(tick, Qt.Key.Key_Return)
    assert window.isVisible() and window.result() == 0


def test_an_answer_shown_as_it_was_is_not_a_change(qtbot) -> None:
    """Windows line ends or a no-break space in a stored answer (a hand-edited draft, a PDF)
    come back from the box a little different: not a change, so nothing is asked on closing
    and nothing is counted (a review)."""
    draft = _draft()
    draft.checklist[0].answer = "Line one\r\nLine\u00a0two "
    window = AnswersDialog(questions_to_note(draft, LIBRARY))
    qtbot.addWidget(window)
    assert not window.changed()
    assert note_answers(draft, window.noted()) == 0


def test_answers_typed_in_the_open_window_are_in_the_safety_copy(
    qtbot, dialogs, monkeypatch, tmp_path: Path
) -> None:
    """A crash while the window is open (a long session after an appointment) lost what was
    typed there: it is in the safety copy as it is typed (a review)."""
    from ui.main_window import MainWindow

    path = tmp_path / "mine.consultprep"
    save_draft(load_draft(EXAMPLE), path)
    window = MainWindow(LIBRARY, load_draft(path), path, autosave_folder=tmp_path / "a")
    qtbot.addWidget(window)
    captured = []

    def type_and_look(self: AnswersDialog) -> int:
        _asked, box = next(iter(self.rows.values()))
        box.setPlainText("Typed while the window is open")
        copy = window._autosave_capture()
        captured.append(copy[0] if copy else None)
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(AnswersDialog, "exec", type_and_look)
    scheduled: list[str] = []
    monkeypatch.setattr(window.autosave, "schedule", lambda: scheduled.append("now"))
    window.note_answers_action.trigger()
    assert len(scheduled) >= 2  # at the key typed, and again once closed (without them)
    (copy,) = captured
    assert copy is not None
    assert copy.ordered_questions()[0].answer == "Typed while the window is open"
    assert window.draft.ordered_questions()[0].answer != "Typed while the window is open"
    assert not window.isWindowModified()  # cancelled: nothing unsaved in the draft
    assert window._autosave_capture() is None
