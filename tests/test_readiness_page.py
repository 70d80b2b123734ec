"""The "Are you ready to decide?" page, driven through its real widgets in the wizard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from consultprep.checklist import sync_checklist
from consultprep.content import load_library
from consultprep.models import BranNotes, ClinicOffer, Draft, Readiness, ReadinessCheck
from consultprep.readiness import load_readiness
from consultprep.storage import save_draft
from consultprep.summary import summary_lines
from tests.ui_helpers import Dialogs
from ui.main_window import MainWindow
from ui.pages.readiness_page import ReadinessPage
from ui.wizard import PageId

LIBRARY = load_library()
CONTENT = load_readiness()


def to_readiness(window: MainWindow) -> ReadinessPage:
    """From the welcome page to the readiness page, with scars chosen."""
    window.wizard.next()
    concern = window.wizard.pages[PageId.CONCERN]
    concern.concern_radios["scars"].setChecked(True)
    concern.subtype_radios["keloid"].setChecked(True)
    go_to(window, PageId.READINESS)
    return window.wizard.pages[PageId.READINESS]


def go_to(window: MainWindow, target: PageId) -> None:
    """Press Next until ``target`` is shown (other pages may come in between)."""
    for _ in range(len(PageId)):
        if window.wizard.currentId() == target:
            return
        window.wizard.next()
    assert window.wizard.currentId() == target


def readiness_ids(draft: Draft) -> list[str]:
    return [i.id for i in draft.checklist if i.source == "readiness"]


def test_the_page_comes_after_the_questions_and_before_the_review(window: MainWindow) -> None:
    ids = list(PageId)
    assert ids.index(PageId.READINESS) == ids.index(PageId.QUESTIONS) + 1
    assert ids.index(PageId.REVIEW) == ids.index(PageId.READINESS) + 1
    page = to_readiness(window)
    assert page.title_label.text() == "Are you ready to decide?"
    assert "Légaré et al. 2010" in " ".join(
        label.text() for label in page.findChildren(type(page.title_label))
    )
    assert not page.after_view.isVisibleTo(page)


def test_not_yet_adds_a_question_at_once_and_can_be_taken_back(window: MainWindow) -> None:
    window.show()  # the questions page catches up when it is shown again
    page = to_readiness(window)
    draft = window.draft
    rows = page.before_view.rows
    rows["sure"].buttons["yes"].click()
    rows["understand"].buttons["not_yet"].click()
    rows["support"].buttons["not_yet"].click()
    assert draft.readiness.before == ReadinessCheck(
        taken_on=date.today(), sure="yes", understand="not_yet", support="not_yet"
    )
    assert readiness_ids(draft) == ["readiness-understand", "readiness-support"]
    # Back on the questions page, the added questions are listed.
    window.wizard.back()
    questions = window.wizard.pages[PageId.QUESTIONS]
    assert window.wizard.currentId() == PageId.QUESTIONS
    assert list(questions.rows)[-2:] == ["readiness-understand", "readiness-support"]
    assert "“Not yet”" in questions.rows["readiness-support"].why_label.text()
    window.wizard.next()
    assert rows["support"].suggestion.isVisibleTo(page)
    assert CONTENT.item("support").suggestion.text in rows["support"].suggestion.text()
    assert rows["support"].suggestion.text().startswith("Added to your questions")
    assert not rows["sure"].suggestion.isVisibleTo(page)
    assert (
        "Not yet clear on the good and bad points of each choice. Not yet sure I have the "
        "support and advice I need." in page.before_result.text()
    )
    assert window.isWindowModified()
    # Enter on the chosen answer keeps it (it had cleared it, unseen); a click clears it.
    QTest.keyClick(rows["support"].buttons["not_yet"], Qt.Key.Key_Return)
    assert rows["support"].buttons["not_yet"].isChecked()
    assert draft.readiness.before.support == "not_yet"
    # Pressing "Not yet" again clears it; "Yes" replaces "Not yet".
    rows["support"].buttons["not_yet"].click()
    assert draft.readiness.before.support is None
    assert not rows["support"].buttons["yes"].isChecked()
    rows["understand"].buttons["yes"].click()
    assert not rows["understand"].buttons["not_yet"].isChecked()
    assert readiness_ids(draft) == []


def test_after_the_appointment_the_check_can_be_taken_again(window: MainWindow) -> None:
    page = to_readiness(window)
    draft = window.draft
    page.before_view.rows["values_clear"].buttons["not_yet"].click()
    assert readiness_ids(draft) == ["readiness-values"]
    page.after_toggle.click()
    assert page.after_view.isVisibleTo(page)
    assert draft.readiness.after == ReadinessCheck()
    after = page.after_view.rows
    for area in ("sure", "understand", "values_clear"):
        after[area].buttons["yes"].click()
    after["support"].buttons["not_yet"].click()
    assert draft.readiness.after.values_clear == "yes"
    # The latest check decides the suggested questions.
    assert readiness_ids(draft) == ["readiness-support"]
    assert page.before_view.rows["values_clear"].suggestion.text().startswith("Suggested")
    assert page.after_result.text().endswith("Not yet sure I have the support and advice I need.")
    # Unticking "I have had my appointment" takes the second check out of the draft …
    page.after_toggle.click()
    assert draft.readiness.after is None
    assert readiness_ids(draft) == ["readiness-values"]
    # … and ticking it again brings the answers back.
    page.after_toggle.click()
    assert draft.readiness.after.support == "not_yet"


def test_recorded_answers_invite_a_second_check(window: MainWindow) -> None:
    page = to_readiness(window)
    assert not page.answers_noted.isVisibleTo(page)
    window.wizard.back()
    window.draft.checklist[0].answer = "We talked about silicone."
    window.wizard.next()
    assert page.answers_noted.isVisibleTo(page)
    page.after_toggle.click()
    assert not page.answers_noted.isVisibleTo(page)


def test_bran_notes_reach_the_draft_and_the_pdf(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    page = to_readiness(window)
    editor = page.bran_editor
    assert editor.empty_label.isVisibleTo(page)
    editor.add_button.click()
    card = editor.cards[0]
    names = [card.treatment.itemText(n) for n in range(card.treatment.count())]
    shown = LIBRARY.shown_concern("scars", window.draft.subtype)  # for this kind of scar
    assert names == [t.name for t in shown.treatments if t.kind != "waiting"]
    card.treatment.setCurrentIndex(1)
    card.boxes["benefits"].setPlainText("Flatter scar <i>maybe</i> 🙂")
    card.boxes["nothing"].setPlainText("It may settle")
    editor.add_button.click()
    editor.cards[1].treatment.setCurrentText("My own idea")
    editor.add_button.click()  # left empty: not stored
    assert [c.treatment.accessibleName() for c in editor.cards][-1] == "Treatment 3 to weigh up"
    page.before_view.rows["sure"].buttons["not_yet"].click()

    window.wizard.next()
    assert window.wizard.currentId() == PageId.REVIEW
    assert window.draft.bran == [
        BranNotes(
            treatment=names[1], benefits="Flatter scar <i>maybe</i> 🙂", nothing="It may settle"
        ),
        BranNotes(treatment="My own idea"),
    ]
    review = window.wizard.pages[PageId.REVIEW]
    shown = dict(summary_lines(window.draft, LIBRARY))
    assert shown["Ready to decide?"] == (
        "Before your appointment: “Yes” to none of the 4 questions. Not yet sure which choice "
        "is right for me. 3 not answered yet."
        f"\nWeighed up: {names[1]} — notes on benefits and doing nothing\n"
        "Also weighed up: My own idea — no notes yet"
    )
    review.pdf_path_edit.setText(str(tmp_path / "pack.pdf"))
    review.save_pdf_button.click()
    reader = pypdf.PdfReader(tmp_path / "pack.pdf")
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Am I ready to decide?" in text
    assert (
        "Before my appointment: “Yes” to none of the 4 questions. Not yet sure which choice is "
        "right for me."
    ) in text
    assert "Flatter scar <i>maybe</i>" in text and "My own idea" in text
    assert CONTENT.item("sure").suggestion.text in text  # the added question is printed
    assert not dialogs.messages

    # Back on the page, removing a treatment takes it out of the draft (after asking: the
    # card has notes on it).
    window.wizard.back()
    cards = len(editor.cards)
    dialogs.question_answer = QMessageBox.StandardButton.No  # "Keep it"
    editor.remove_card(editor.cards[0])
    assert len(editor.cards) == cards
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    editor.remove_card(editor.cards[0])
    assert dialogs.texts("question")[-1].startswith("Take your notes about ")
    page.write_draft()
    assert [n.treatment for n in window.draft.bran] == ["My own idea"]
    assert editor.cards[0].treatment.accessibleName() == "Treatment 1 to weigh up"


def test_an_opened_draft_is_shown_and_walking_through_changes_nothing(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    draft = Draft(
        concern="scars",
        subtype="keloid",
        offer=ClinicOffer(offered=True, treatment="Exosome facial"),
        readiness=Readiness(
            before=ReadinessCheck(taken_on=date(2031, 1, 2), understand="not_yet"),
            after=ReadinessCheck(taken_on=date(2031, 2, 3), understand="yes", support="yes"),
        ),
        bran=[BranNotes(treatment="Exosome facial", risks="Skin harm has been reported")],
    )
    sync_checklist(draft, LIBRARY)  # as the app saves it
    assert readiness_ids(draft) == []  # the check after the appointment counts: all "Yes"
    path = tmp_path / "saved.consultprep"
    save_draft(draft, path)
    dialogs.open_path = str(path)
    window.open_action.trigger()
    page = to_readiness(window)
    assert page.before_view.value()["understand"] == "not_yet"
    assert page.after_toggle.isChecked() and page.after_view.isVisibleTo(page)
    assert page.after_view.value() == {
        "sure": None,
        "understand": "yes",
        "values_clear": None,
        "support": "yes",
    }
    card = page.bran_editor.cards[0]
    assert card.treatment.currentText() == "Exosome facial"
    assert card.treatment.itemText(0) == "Exosome facial"  # the offer comes first
    assert card.boxes["risks"].toPlainText() == "Skin harm has been reported"
    window.wizard.next()
    assert window.draft.readiness.before.taken_on == date(2031, 1, 2)  # not re-dated
    assert not window.is_modified()


def test_each_question_is_one_tab_stop_and_the_arrows_move_without_choosing(
    window: MainWindow,
) -> None:
    """As a group of choices: Tab goes to the chosen answer (else "Yes") and on to the next
    question; the arrow keys move between "Yes" and "Not yet" without choosing ("Not yet"
    adds a question); Space chooses. Each button's name says the question."""
    from PySide6.QtWidgets import QApplication

    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    page = to_readiness(window)
    rows = list(page.before_view.rows.values())
    first, second = rows[0], rows[1]
    assert first.buttons["yes"].accessibleName().startswith("Yes: ")
    assert first.buttons["yes"].accessibleName().startswith(f"Yes: {first.question.text()[4:]} (")
    first.buttons["yes"].setFocus()
    QTest.keyClick(first.buttons["yes"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second.buttons["yes"]  # not "Not yet" of question 1
    QTest.keyClick(second.buttons["yes"], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is second.buttons["not_yet"]
    assert page.before_view.value()[page.before_view.content.items[1].area] is None
    QTest.keyClick(second.buttons["not_yet"], Qt.Key.Key_Space)
    assert second.buttons["not_yet"].isChecked()
    QTest.keyClick(second.buttons["not_yet"], Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is first.buttons["yes"]
    QTest.keyClick(first.buttons["yes"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second.buttons["not_yet"]  # the chosen answer
