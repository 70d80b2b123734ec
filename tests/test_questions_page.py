"""The questions page: a question the patient adds is shown, and is not added twice."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.test_wizard import choose, go_next, go_through, page
from ui.main_window import MainWindow
from ui.wizard import PageId


def _add_own_question(window: MainWindow, text: str):
    """From the welcome page to the questions page (scars), adding ``text``; that page."""
    questions = _typed_not_added(window, text)
    questions.add_button.click()
    return questions


def test_an_added_question_is_brought_into_view_and_a_repeat_is_refused(
    window: MainWindow, qtbot
) -> None:
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    questions = _add_own_question(window, "Can I see photos of your own patients?")
    new = next(i for i in window.draft.checklist if i.source == "own")
    row = questions.rows[new.id]
    viewport = questions.scroll_area.viewport()

    def in_view() -> bool:
        top = row.mapTo(viewport, QPoint(0, 0)).y()
        return 0 <= top and top + row.height() <= viewport.height()

    qtbot.waitUntil(in_view)  # the end of a long list: it was left out of sight
    questions.own_question_edit.setText("can i see photos of your own patients?")
    questions.add_button.click()
    assert "already on your list" in questions.message_label.text()
    assert sum(i.source == "own" for i in window.draft.checklist) == 1


def test_a_long_question_names_its_buttons_with_whole_words(window: MainWindow) -> None:
    """A screen reader reads "Top three: …" for each row's buttons; a long question is cut
    between words ("is it…", never "is it r…")."""
    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_through(window, *[p for p in PageId if PageId.CONCERN < p <= PageId.QUESTIONS])
    questions = page(window, PageId.QUESTIONS)
    long = [i for i in window.draft.checklist if len(i.text) > 80]
    assert long
    for item in long:
        name = questions.rows[item.id].top_button.accessibleName()
        shown = name.removeprefix("Top three: ").removesuffix("…")
        assert name.endswith("…") and item.text.startswith(shown)
        assert item.text[len(shown)] == " ", name  # the cut falls between two words


def test_a_removed_question_can_be_put_back_with_one_click(window: MainWindow) -> None:
    """Remove is one click with no question asked: "Put it back" undoes a slip at once."""
    questions = _add_own_question(window, "Can my daughter come in with me?")
    own = next(i for i in window.draft.checklist if i.source == "own")
    place = [i.id for i in window.draft.checklist].index(own.id)
    assert not questions.put_back_button.isVisibleTo(questions)
    questions.rows[own.id].remove_button.click()
    assert own.id not in [i.id for i in window.draft.checklist]
    assert questions.message_label.text() == (
        "Removed your question “Can my daughter come in with me?”."
    )
    assert questions.put_back_button.isVisibleTo(questions)
    assert questions.put_back_button.hasFocus() or (
        questions.put_back_button is questions.focusWidget()
    )  # the undo, at once: Enter puts it back
    assert questions.put_back_button.accessibleName() == (
        "Put back your question: Can my daughter come in with me?"
    )
    QTest.keyClick(questions.put_back_button, Qt.Key.Key_Return)  # Enter, not Next
    assert [i.id for i in window.draft.checklist].index(own.id) == place
    assert window.wizard.currentId() == PageId.QUESTIONS
    assert own.id in questions.rows
    assert not questions.put_back_button.isVisibleTo(questions)
    assert questions.message_label.text() == "Your question is back on the list."
    # Any other change takes the offer away (the list is no longer as it was).
    questions.rows[own.id].remove_button.click()
    questions.own_question_edit.setText("Another question")
    questions.add_button.click()
    assert not questions.put_back_button.isVisibleTo(questions)


def test_removing_a_question_with_an_answer_asks_first(window: MainWindow, dialogs) -> None:
    """Only the last question removed can be put back, and a row does not show the answer
    written in the PDF and read back into the draft: one that has an answer, or is ticked as
    asked, is removed only after asking ("Keep it" by default). A data-safety hunt."""
    from PySide6.QtWidgets import QMessageBox

    questions = _add_own_question(window, "What will it cost in all?")
    own = next(i for i in window.draft.checklist if i.source == "own")
    own.answer, own.asked = "Dr Patel: about £4,000 with aftercare", True
    dialogs.question_answer = QMessageBox.StandardButton.No  # "Keep it"
    questions.rows[own.id].remove_button.click()
    said = (
        "Your question “What will it cost in all?” is ticked as asked and has an answer "
        "written down. Take it and its answer off your list?"
    )
    assert dialogs.texts("question") == [said]
    assert own in window.draft.checklist and own.answer.startswith("Dr Patel")
    dialogs.question_answer = QMessageBox.StandardButton.Yes  # "Remove"
    questions.rows[own.id].remove_button.click()
    assert own.id not in [i.id for i in window.draft.checklist]
    questions.put_back_button.click()  # and it can still be put back, answer and all
    back = next(i for i in window.draft.checklist if i.id == own.id)
    assert back.answer.startswith("Dr Patel") and back.asked
    back.answer, back.asked = "", False  # neither: no question asked, as before
    dialogs.messages.clear()
    questions.rows[own.id].remove_button.click()
    assert dialogs.messages == [] and own.id not in [i.id for i in window.draft.checklist]


def test_a_question_s_answer_and_asked_tick_are_shown_under_it(window: MainWindow) -> None:
    """Answers typed into the PDF and imported were nowhere to be seen in the app."""
    questions = _add_own_question(window, "What will it cost in all?")
    own = next(i for i in window.draft.checklist if i.source == "own")
    row = questions.rows[own.id]
    assert row.why_label is None or "Answer noted" not in row.why_label.text()
    own.answer, own.asked = "Dr Patel:\nabout £4,000 <b>with</b> aftercare", True
    questions.read_draft()
    said = "Ticked as asked. Answer noted: Dr Patel: about £4,000 <b>with</b> aftercare"
    assert row.why_label is not None and row.why_label.text().endswith(said)
    assert row.why_label.textFormat() == Qt.TextFormat.PlainText  # shown as typed
    assert said in row.include.accessibleDescription()


def test_a_health_box_ticked_adds_its_question_with_a_note_saying_why(
    window: MainWindow,
) -> None:
    """Ticking "Planning a pregnancy" on "About your skin" puts a question about pregnancy on
    the list, with its reason and a note that a box under "Your health" added it; untick the
    box and the question goes (it was not used)."""
    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_next(window, PageId.ABOUT)
    page(window, PageId.ABOUT).condition_checks["planning-pregnancy"].setChecked(True)
    go_through(window, *[p for p in PageId if PageId.ABOUT < p <= PageId.QUESTIONS])
    questions = page(window, PageId.QUESTIONS)
    row = questions.rows["cond-q-pregnancy"]
    note = row.why_label.text()
    assert note == (
        "Some treatments should not be used in pregnancy, such as retinoid creams. Ask which "
        "ones to avoid, and for how long. Source: UK Teratology Information Service 2024. "
        "Added because of a box you ticked under “Your health”."
    )
    for _ in range(PageId.QUESTIONS - PageId.ABOUT):
        window.wizard.back()
    page(window, PageId.ABOUT).condition_checks["planning-pregnancy"].setChecked(False)
    go_through(window, *[p for p in PageId if PageId.ABOUT < p <= PageId.QUESTIONS])
    assert "cond-q-pregnancy" not in page(window, PageId.QUESTIONS).rows
    assert "cond-q-pregnancy" not in [i.id for i in window.draft.checklist]


def _typed_not_added(window: MainWindow, text: str):
    """The questions page (scars) with ``text`` in the Add box, Add not pressed."""
    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_through(window, *[p for p in PageId if PageId.CONCERN < p <= PageId.QUESTIONS])
    questions = page(window, PageId.QUESTIONS)
    questions.own_question_edit.setText(text)
    return questions


def _own(window: MainWindow) -> list[str]:
    return [i.text for i in window.draft.checklist if i.source == "own"]


def test_a_question_typed_but_not_added_is_added_on_leaving_the_page(
    window: MainWindow,
) -> None:
    """A patient who types a question and presses Next (not Add) keeps it: it is on the list,
    and the page says so on coming back."""
    questions = _typed_not_added(window, "  How long before I see a change?  ")
    window.is_modified()  # only reading the draft does not add it to the list on screen
    assert _own(window) == []
    go_next(window, PageId.READINESS)
    assert _own(window) == ["How long before I see a change?"]
    assert questions.own_question_edit.text() == ""
    window.wizard.back()
    assert "so it was added to the end of your list: “How long before I see a change?”." in (
        questions.message_label.text()
    )
    assert questions.message_label.isVisibleTo(questions)
    # Back from the page keeps one typed there too; a repeat is not added twice
    questions.own_question_edit.setText("Can my husband come in with me?")
    window.wizard.back()
    assert _own(window)[-1] == "Can my husband come in with me?"
    go_next(window, PageId.QUESTIONS)  # entered going forward: the page says what was done
    assert "list: “Can my husband come in with me?”." in questions.message_label.text()
    # a repeat of a question on the list, unticked there: not added twice, but ticked, as
    # it was typed to be asked
    husband = next(i for i in window.draft.checklist if i.text.startswith("Can my husband"))
    questions.rows[husband.id].include.click()
    assert not husband.included
    questions.own_question_edit.setText("can my  husband come in with me?")
    go_next(window, PageId.READINESS)
    assert len(_own(window)) == 2 and husband.included
    assert questions.own_question_edit.text() == ""
    window.wizard.back()
    assert "already on your list, and it is ticked" in questions.message_label.text()


def test_a_question_typed_but_not_added_is_saved_and_put_in_the_pdf(
    window: MainWindow, dialogs, tmp_path
) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QMessageBox

    from consultprep.storage import load_draft

    questions = _typed_not_added(window, "Can I keep working?")
    dialogs.save_path = str(tmp_path / "typed.pdf")
    assert window.export_pdf() is not None
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "typed.pdf").pages)
    assert "Can I keep working?" in " ".join(text.split())
    assert _own(window) == ["Can I keep working?"] and not questions.own_question_edit.text()
    questions.own_question_edit.setText("Will it leave a mark?")
    dialogs.save_path = str(tmp_path / "typed.consultprep")
    assert window.save_as()
    assert [i.text for i in load_draft(tmp_path / "typed.consultprep").checklist
            if i.source == "own"] == ["Can I keep working?", "Will it leave a mark?"]
    # closing with one typed after saving: it is a change, so the window asks to save it
    questions = page(window, PageId.QUESTIONS)
    questions.own_question_edit.setText("Is it painful?")
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    assert not window.maybe_save()
    assert "not saved" in dialogs.texts("question")[-1]
    assert _own(window) == ["Can I keep working?", "Will it leave a mark?", "Is it painful?"]


def test_a_question_kept_from_another_skin_problem_says_so(window: MainWindow) -> None:
    """A question put in the top three, then another skin problem chosen: it is kept (nothing
    chosen is lost), and its row says why it is there; it goes if it is taken out again."""
    from consultprep.checklist import set_top
    from ui.question_row import KEPT

    questions = _typed_not_added(window, "")
    wound = next(i for i in window.draft.checklist if i.source == "concern")
    set_top(window.draft, wound.id, True)
    while window.wizard.currentId() != PageId.CONCERN:
        window.wizard.back()
    choose(window, "ageing")
    go_through(window, *[p for p in PageId if PageId.CONCERN < p <= PageId.QUESTIONS])
    row = questions.rows[wound.id]
    assert row.why_label is not None and row.why_label.text().startswith(KEPT + "\n")
    assert row.include.accessibleDescription().startswith(KEPT + " ")  # read out too
    others = [r for i, r in questions.rows.items() if i != wound.id]
    assert not [r for r in others if r.why_label is not None and KEPT in r.why_label.text()]


def test_what_is_done_with_a_typed_question_is_told_to_a_screen_reader(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    """The message under the list is not a Tab stop: a screen reader is told it. Said on
    saving, it is not said again later out of its place (only what leaving the page did)."""
    from ui.pages import questions_page

    said: list[str] = []
    monkeypatch.setattr(questions_page, "announce", lambda _source, text: said.append(text))
    window.show()
    qtbot.waitExposed(window)
    questions = _typed_not_added(window, "Who will do it?")
    questions.add_typed()  # as saving does, on this page
    assert said and said[-1].endswith("“Who will do it?”.")
    assert questions.message_label.accessibleName() == ""  # its text is what is read
    window.wizard.back()
    go_next(window, PageId.QUESTIONS)
    assert not questions.message_label.text()


def test_a_question_typed_but_not_added_is_in_the_safety_copy(window: MainWindow) -> None:
    """A crash while a question sits in the Add box does not lose it: the safety copy has it
    on the list (the window's own list, and the box, are left as they were). Typing it is
    what starts the safety copy's timer; a question already on the list is ticked there."""
    questions = _typed_not_added(window, "")
    window.autosave.timer.stop()
    questions.own_question_edit.setText("  Will it hurt?  ")
    questions.own_question_edit.textEdited.emit("  Will it hurt?  ")  # as typing does
    assert window.autosave.timer.isActive()
    copy, _source = window._autosave_capture()
    assert [i.text for i in copy.checklist if i.source == "own"] == ["Will it hurt?"]
    assert _own(window) == [] and questions.own_question_edit.text() == "  Will it hurt?  "
    asked = window.draft.checklist[0]
    asked.included = False
    questions.own_question_edit.setText(asked.text.upper())
    copy, _source = window._autosave_capture()
    assert [i.text for i in copy.checklist if i.source == "own"] == []
    assert next(i for i in copy.checklist if i.id == asked.id).included
    assert not asked.included


def test_a_question_for_the_clinic_says_so_under_it(window: MainWindow) -> None:
    """As the PDF prints them apart, under "Questions for the clinic" (with an offer only)."""
    from ui.question_row import FOR_CLINIC

    def note(item_id: str) -> str:
        label = page(window, PageId.QUESTIONS).rows[item_id].why_label
        return label.text() if label is not None else ""

    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_through(window, *[p for p in PageId if PageId.CONCERN < p <= PageId.OFFER])
    page(window, PageId.OFFER).no_radio.setChecked(True)
    go_next(window, PageId.QUESTIONS)
    assert FOR_CLINIC not in note("core-cost")
    window.wizard.back()
    page(window, PageId.OFFER).yes_radio.setChecked(True)
    go_next(window, PageId.QUESTIONS)
    assert FOR_CLINIC in note("core-cost") and FOR_CLINIC not in note("core-risks")
