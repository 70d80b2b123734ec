"""The wizard, driven through its real widgets from the welcome page to a PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QLabel, QWizard

from consultprep.content import Library, load_library
from consultprep.models import Draft
from tests.ui_helpers import Dialogs
from ui.app import create_main_window
from ui.main_window import MainWindow
from ui.wizard import PageId

UNICODE_NAME = "Zoë <b>&amp;</b> 🙂"
OWN_QUESTION = "Can my daughter come in with me? <i>ok</i> & thanks"
LIBRARY = load_library()
CONCERNS = [c.id for c in LIBRARY.concerns]


@pytest.fixture
def library() -> Library:
    return LIBRARY


@pytest.fixture
def window(qtbot, dialogs: Dialogs, library: Library) -> MainWindow:
    w = create_main_window(library=library)
    qtbot.addWidget(w)
    return w


def next_button(window: MainWindow):
    return window.wizard.button(QWizard.WizardButton.NextButton)


def page(window: MainWindow, page_id: PageId):
    assert window.wizard.currentId() == page_id, window.wizard.currentId()
    return window.wizard.pages[page_id]


def go_next(window: MainWindow, expected: PageId) -> None:
    window.wizard.next()
    assert window.wizard.currentId() == expected


def go_through(window: MainWindow, *expected: PageId) -> None:
    """Press Next once for each page given, checking each time that it is the one shown."""
    for page_id in expected:
        go_next(window, page_id)


def choose(window: MainWindow, concern_id: str, subtype_id: str | None = None) -> None:
    p = page(window, PageId.CONCERN)
    p.concern_radios[concern_id].setChecked(True)
    if subtype_id is None:
        subtype_id = LIBRARY.concern(concern_id).subtypes[0].id
    p.subtype_radios[subtype_id].setChecked(True)


def fill_about(window: MainWindow) -> None:
    p = page(window, PageId.ABOUT)
    p.patient_name.setText(UNICODE_NAME)
    p.body_area.setText("Left forearm")
    p.duration.setText("Three years")
    p.symptoms.setPlainText("Itchy — 痒い\nWorse at night")
    p.score_inputs["itch"].buttons[7].click()
    p.score_inputs["sleep"].buttons[0].click()
    p.treatments_tried.add_button.click()
    row = p.treatments_tried.rows[0]
    row.name_edit.setPlainText("Steroid cream")
    row.how_edit.setPlainText("Helped a bit")
    first_condition = LIBRARY.conditions[0].id
    p.condition_checks[first_condition].setChecked(True)
    p.has_appointment.setChecked(True)
    p.appointment_date.set_value(date(2031, 3, 14))
    p.clinician.setText("Dr Ñúñez")


def test_create_main_window_builds_without_showing(window: MainWindow) -> None:
    assert not window.isVisible()
    assert window.wizard.currentId() == PageId.WELCOME
    assert "New draft" in window.windowTitle()
    assert window.width() >= 1000 and window.height() >= 700
    assert window.minimumWidth() >= 800


def test_next_is_disabled_until_a_subtype_is_chosen(window: MainWindow) -> None:
    go_next(window, PageId.CONCERN)
    assert not next_button(window).isEnabled()
    p = page(window, PageId.CONCERN)
    p.concern_radios["scars"].setChecked(True)
    assert not next_button(window).isEnabled()
    assert p.subtype_radios, "the subtypes of the chosen concern are shown"
    window.wizard.next()
    assert window.wizard.currentId() == PageId.CONCERN  # not complete: Next does nothing
    subtype = next(iter(p.subtype_radios))
    p.subtype_radios[subtype].setChecked(True)
    assert next_button(window).isEnabled()
    # Choosing another concern clears the subtype, so Next is disabled again.
    p.concern_radios["ageing"].setChecked(True)
    assert not next_button(window).isEnabled()
    assert set(p.subtype_radios) == {s.id for s in LIBRARY.concern("ageing").subtypes}


@pytest.mark.parametrize("concern_id", CONCERNS)
def test_every_concern_from_welcome_to_pdf(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, concern_id: str
) -> None:
    concern = LIBRARY.concern(concern_id)
    subtype = concern.subtypes[-1]
    with_offer = concern_id == CONCERNS[0]
    wizard = window.wizard

    page(window, PageId.WELCOME).start_button.click()
    choose(window, concern_id, subtype.id)
    go_next(window, PageId.ABOUT)
    assert window.draft.concern == concern_id and window.draft.subtype == subtype.id

    fill_about(window)
    go_next(window, PageId.PHOTOS)
    go_next(window, PageId.EVIDENCE)
    evidence = page(window, PageId.EVIDENCE)
    ladder_text = evidence.ladder.accessibleDescription()
    assert concern.name in ladder_text
    for_kind = concern.for_subtype(subtype.id)  # the treatments for this kind of the concern
    for t in for_kind.treatments:
        assert t.name in ladder_text
    # every evidence statement on the page shows its sources, the background text included
    from consultprep.citations import sources_line

    shown = [label.text() for label in evidence.findChildren(QLabel) if label.isVisibleTo(evidence)]
    assert sources_line(LIBRARY, concern.citations) in shown
    assert subtype.description in shown  # the patient's own kind, described
    for t in for_kind.treatments:
        sources = list(dict.fromkeys([*t.citations, *t.uncertain_citations]))
        assert sources_line(LIBRARY, sources) in shown
        if t.warning:  # the regulator's warning names its own source, just below it
            warning = next(n for n, text in enumerate(shown) if t.warning_note in text)
            assert shown[warning + 1] == sources_line(LIBRARY, t.warning_citations)
        if t.get_help:  # when to get help: its signs listed under it, then their sources
            at = shown.index(t.get_help)
            assert all(sign in shown[at + 1] for sign in t.get_help_signs)
            assert shown[at + 2] == sources_line(LIBRARY, t.get_help_citations)

    go_next(window, PageId.OFFER)
    offer = page(window, PageId.OFFER)
    flags = [f.id for f in LIBRARY.red_flags[:2]]
    if with_offer:
        offer.yes_radio.setChecked(True)
        assert offer.details.isVisibleTo(offer)
        offer.treatment.setText("Stem-cell injections")
        offer.clinic.setText("Klinik Ünique")
        offer.location_radios["abroad"].setChecked(True)
        offer.country.setText("Ruritania")
        offer.cost.setText("£4,000")
        offer.claims.setPlainText("Gone in six weeks, guaranteed.")
        for flag_id in flags:
            offer.red_flag_checks[flag_id].setChecked(True)
    else:
        offer.no_radio.setChecked(True)
        assert not offer.details.isVisibleTo(offer)

    go_next(window, PageId.QUESTIONS)
    questions = page(window, PageId.QUESTIONS)
    ids = [i.id for i in window.draft.checklist]
    assert set(ids) == set(questions.rows)
    flag_questions = {q for f in LIBRARY.red_flags[:2] for q in f.question_ids}
    if with_offer:
        assert flag_questions <= set(ids)
        assert any(i.source == "red_flag" for i in window.draft.checklist)
    else:
        assert not any(i.source == "red_flag" for i in window.draft.checklist)

    # Untick two questions, tick one back.
    first, second = ids[0], ids[1]
    questions.rows[first].include.setChecked(False)
    questions.rows[second].include.setChecked(False)
    questions.rows[second].include.setChecked(True)
    # Add an own question (Unicode and markup-like text) and put it in the top three.
    questions.own_question_edit.setText(OWN_QUESTION)
    questions.add_button.click()
    own = window.draft.checklist[-1]
    assert own.source == "own" and own.text == OWN_QUESTION
    assert questions.own_question_edit.text() == ""
    questions.rows[own.id].top_button.click()
    questions.rows[second].top_button.click()
    # Move the own question up one place.
    questions.rows[own.id].up_button.click()
    assert [i.id for i in window.draft.checklist].index(own.id) == len(ids) - 1
    assert OWN_QUESTION in [label.text() for label in questions.top_three.labels]

    go_next(window, PageId.READINESS)
    go_next(window, PageId.REVIEW)
    review = page(window, PageId.REVIEW)
    assert not next_button(window).isVisible()
    pdf = tmp_path / f"pack-{concern_id}"  # ".pdf" is added
    review.pdf_path_edit.setText(str(pdf))
    review.save_pdf_button.click()
    saved = tmp_path / f"pack-{concern_id}.pdf"
    assert saved.is_file(), review.error_label.text()
    assert str(saved) in review.status_label.text()
    assert review.open_pdf_button.isVisibleTo(review)
    assert not dialogs.messages

    # The draft holds everything entered.
    d = window.draft
    assert d.about.patient_name == UNICODE_NAME
    assert d.about.symptoms == "Itchy — 痒い\nWorse at night"
    assert d.about.scores.itch == 7 and d.about.scores.sleep == 0 and d.about.scores.pain is None
    assert [(t.name, t.how_it_went) for t in d.about.treatments_tried] == [
        ("Steroid cream", "Helped a bit")
    ]
    assert d.about.conditions == [LIBRARY.conditions[0].id]
    assert d.about.appointment_date == date(2031, 3, 14)
    by_id = {i.id: i for i in d.checklist}
    assert not by_id[first].included and by_id[second].included
    assert [i.id for i in d.top_questions()] == [second, own.id]
    assert d.offer.offered is with_offer
    if with_offer:
        assert d.offer.red_flags == flags
        assert d.offer.location == "abroad" and d.offer.clinic == "Klinik Ünique"

    # The PDF says so, with the top three on page 1.
    reader = pypdf.PdfReader(saved)
    page_one = reader.pages[0].extract_text()
    everything = "\n".join(p.extract_text() for p in reader.pages)
    assert concern.name in page_one
    assert OWN_QUESTION in " ".join(page_one.split())
    second_text = by_id[second].text
    assert " ".join(second_text.split()) in " ".join(page_one.split())
    assert "Zoë" in page_one
    assert "Ruritania" in everything if with_offer else True
    assert wizard is window.wizard


def test_back_and_next_keep_everything(window: MainWindow) -> None:
    go_next(window, PageId.CONCERN)
    choose(window, "scars", "keloid")
    go_next(window, PageId.ABOUT)
    fill_about(window)
    about = page(window, PageId.ABOUT)
    about.goals.setPlainText("Sleep through the night")
    go_next(window, PageId.PHOTOS)
    go_next(window, PageId.EVIDENCE)
    go_next(window, PageId.OFFER)
    offer = page(window, PageId.OFFER)
    offer.yes_radio.setChecked(True)
    offer.clinic.setText("Clinic Æ")
    flag = LIBRARY.red_flags[0].id
    offer.red_flag_checks[flag].setChecked(True)
    go_next(window, PageId.QUESTIONS)
    questions = page(window, PageId.QUESTIONS)
    questions.own_question_edit.setText("Mine?")
    questions.add_button.click()

    # All the way back to the welcome page …
    for expected in (
        PageId.OFFER,
        PageId.EVIDENCE,
        PageId.PHOTOS,
        PageId.ABOUT,
        PageId.CONCERN,
        PageId.WELCOME,
    ):
        window.wizard.back()
        assert window.wizard.currentId() == expected
    # … and forward again: every page still shows what was entered.
    go_next(window, PageId.CONCERN)
    concern = page(window, PageId.CONCERN)
    assert concern.concern_radios["scars"].isChecked()
    assert concern.subtype_radios["keloid"].isChecked()
    go_next(window, PageId.ABOUT)
    assert about.patient_name.text() == UNICODE_NAME
    assert about.goals.toPlainText() == "Sleep through the night"
    assert about.score_inputs["itch"].value() == 7
    assert about.score_inputs["pain"].value() is None
    assert about.treatments_tried.rows[0].how_edit.toPlainText() == "Helped a bit"
    assert about.appointment_date.value() == date(2031, 3, 14)
    go_next(window, PageId.PHOTOS)
    go_next(window, PageId.EVIDENCE)
    go_next(window, PageId.OFFER)
    assert offer.yes_radio.isChecked() and offer.clinic.text() == "Clinic Æ"
    assert offer.red_flag_checks[flag].isChecked()
    go_next(window, PageId.QUESTIONS)
    assert any(i.text == "Mine?" for i in window.draft.checklist)

    # Changing the answer on the offer page updates the questions when they are shown again.
    window.wizard.back()
    offer.no_radio.setChecked(True)
    go_next(window, PageId.QUESTIONS)
    assert not any(i.source == "red_flag" for i in window.draft.checklist)
    assert set(questions.rows) == {i.id for i in window.draft.checklist}
    assert window.draft.offer.clinic == "Clinic Æ"  # kept, in case of a change of mind


def test_a_fourth_top_question_shows_a_friendly_message(window: MainWindow) -> None:
    go_next(window, PageId.CONCERN)
    choose(window, "inflammatory")
    for expected in (PageId.ABOUT, PageId.PHOTOS, PageId.EVIDENCE, PageId.OFFER, PageId.QUESTIONS):
        go_next(window, expected)
    questions = page(window, PageId.QUESTIONS)
    ids = [i.id for i in window.draft.checklist]
    hint = questions.top_three.hint_label
    # The hint names the button as it looks ("☆ Top 3") and counts down to a full top three.
    assert hint.isVisibleTo(questions) and "“☆ Top 3”" in hint.text()
    assert "“☆ Top 3”" in questions.rows[ids[0]].top_button.text().join("“”")
    for n, item_id in enumerate(ids[:3]):
        questions.rows[item_id].top_button.click()
        if n < 2:
            assert hint.isVisibleTo(questions)
            assert f"choose {('two', 'one')[n]} more" in hint.text()
    assert not hint.isVisibleTo(questions)
    assert not questions.message_label.isVisibleTo(questions)
    fourth = questions.rows[ids[3]].top_button
    fourth.click()
    assert questions.message_label.isVisibleTo(questions)
    assert "three top questions" in questions.message_label.text()
    assert not fourth.isChecked()
    assert [i.id for i in window.draft.top_questions()] == ids[:3]
    # Unticking a top question frees its place.
    questions.rows[ids[0]].include.setChecked(False)
    questions.rows[ids[3]].top_button.click()
    assert [i.id for i in window.draft.top_questions()] == ids[1:4]
    # An empty own question gets a message too, not a crash.
    questions.own_question_edit.setText("   ")
    questions.add_button.click()
    assert "type your question" in questions.message_label.text()


def test_own_questions_can_be_removed_and_moved(window: MainWindow) -> None:
    go_next(window, PageId.CONCERN)
    choose(window, "ageing")
    for expected in (PageId.ABOUT, PageId.PHOTOS, PageId.EVIDENCE, PageId.OFFER, PageId.QUESTIONS):
        go_next(window, expected)
    questions = page(window, PageId.QUESTIONS)
    n = len(window.draft.checklist)
    questions.own_question_edit.setText("One?")
    questions.own_question_edit.returnPressed.emit()
    questions.own_question_edit.setText("Two?")
    questions.add_button.click()
    one, two = window.draft.checklist[-2], window.draft.checklist[-1]
    assert questions.rows[two.id].down_button.isEnabled() is False
    questions.rows[two.id].up_button.click()
    assert [i.id for i in window.draft.checklist][-2:] == [two.id, one.id]
    questions.rows[one.id].remove_button.click()
    assert len(window.draft.checklist) == n + 1
    assert one.id not in questions.rows
    assert questions.rows[window.draft.checklist[0].id].remove_button is None
    assert not questions.rows[window.draft.checklist[0].id].up_button.isEnabled()


def test_welcome_open_button_opens_a_draft(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    from consultprep.checklist import sync_checklist
    from consultprep.storage import save_draft

    draft = Draft(concern="scars", subtype="keloid")
    draft.about.patient_name = "Ånna"
    sync_checklist(draft, LIBRARY)
    path = tmp_path / "anna.consultprep"
    save_draft(draft, path)
    dialogs.open_path = str(path)
    page(window, PageId.WELCOME).open_button.click()
    assert window.draft.about.patient_name == "Ånna"
    assert window.wizard.currentId() == PageId.WELCOME
    welcome = page(window, PageId.WELCOME)
    assert welcome.start_button.text() == "&Carry on"
    welcome.start_button.click()
    assert page(window, PageId.CONCERN).subtype_radios["keloid"].isChecked()
    assert next_button(window).isEnabled()
