"""The last page, "Check and save": its summary of the draft, and saving the PDF from it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from consultprep.content import load_library
from tests.a11y_helpers import look  # noqa: F401 - a fixture
from tests.test_wizard import choose, go_next, go_through, page
from tests.ui_helpers import Dialogs
from ui.main_window import MainWindow
from ui.wizard import PageId

#: A number of the top three, as the summary shows it ("1.").
NUMBERED_LABEL = re.compile(r"\d+\.")
#: The pages after choosing a concern, in order.
AFTER_CONCERN = [p for p in PageId if p > PageId.CONCERN]


def to_review(window: MainWindow, concern: str = "scars"):
    """From the welcome page to the last page, with ``concern`` chosen; that page."""
    go_next(window, PageId.CONCERN)
    choose(window, concern)
    go_through(window, *AFTER_CONCERN)
    return page(window, PageId.REVIEW)


def _example_at_review(qtbot, monkeypatch, example: str):
    """A window on an example draft at 1000 x 760, on its last page; the window and page."""
    from consultprep.storage import load_draft
    from tests.a11y_helpers import open_window, settle
    from tests.ui_helpers import install_fake_dialogs

    install_fake_dialogs(monkeypatch)  # (closing the changed draft asks about saving it)
    draft = load_draft(Path(f"resources/examples/{example}.consultprep"))
    window = open_window(qtbot, draft, (1000, 760))
    while window.wizard.currentId() != PageId.REVIEW:
        window.wizard.next()
    settle()
    return window, window.wizard.currentPage()


def test_export_error_is_shown_on_the_page(window: MainWindow, tmp_path: Path) -> None:
    review = to_review(window, "chronic-wound")
    assert review.pdf_path_edit.text().endswith(".pdf")
    assert "chronic-wound" in review.pdf_path_edit.text()
    review.pdf_path_edit.setText(str(tmp_path / "no such folder" / "pack.pdf"))
    review.save_pdf_button.click()
    assert review.error_label.isVisibleTo(review)
    assert not review.status_label.isVisibleTo(review)
    assert "does not exist" in review.error_label.text()
    assert "Traceback" not in review.error_label.text()
    assert not review.open_pdf_button.isVisibleTo(review)


def test_odd_names_typed_for_the_pdf_get_a_plain_answer(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """A name too long for a file, or holding a null character, is explained on the page
    (never a traceback); a bare name is saved where the PDF is offered to go, not in
    whatever folder ConsultPrep was started from."""
    import ui.export_helpers

    monkeypatch.setattr(ui.export_helpers, "documents_folder", lambda: tmp_path)
    review = to_review(window)
    for name, words in (
        (str(tmp_path / ("x" * 300 + ".pdf")), "cannot be used"),
        (str(tmp_path / "pa\0ck.pdf"), "a file name cannot have"),
    ):
        review.pdf_path_edit.setText(name)
        assert review.save_pdf() is None
        assert review.error_label.isVisibleTo(review), name
        assert words in review.error_label.text()
    for folder in (".", "..", "~", str(tmp_path) + "/", str(tmp_path)):  # folders, not names
        review.pdf_path_edit.setText(folder)
        assert review.save_pdf() is None
        assert "a folder, not a file name" in review.error_label.text(), folder
    review.pdf_path_edit.setText("my pack")
    assert review.save_pdf() == tmp_path / "my pack.pdf"
    assert (tmp_path / "my pack.pdf").read_bytes().startswith(b"%PDF")
    assert str(tmp_path / "my pack.pdf") in review.status_label.text()


def test_the_next_pdf_is_offered_in_the_folder_of_the_last_one(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """Also after the app is opened again; a folder since removed is not offered."""
    import ui.export_helpers
    from ui.app import create_main_window

    monkeypatch.setattr(ui.export_helpers, "documents_folder", lambda: tmp_path / "docs")
    review = to_review(window)
    assert Path(review.pdf_path_edit.text()).parent == tmp_path / "docs"
    chosen = tmp_path / "for the clinic"
    chosen.mkdir()
    review.pdf_path_edit.setText(str(chosen / "pack.pdf"))
    assert review.save_pdf() == chosen / "pack.pdf"
    again = create_main_window(library=window.library)
    qtbot.addWidget(again)
    offered = Path(to_review(again, "ageing").pdf_path_edit.text())
    assert offered.parent == chosen and "ageing" in offered.name
    (chosen / "pack.pdf").unlink()
    chosen.rmdir()
    assert ui.export_helpers.pdf_folder() == tmp_path / "docs"
    from ui import settings

    for odd in (".", "..", "relative/folder", "\0", "@Variant(garbage)"):  # a hand-made value
        settings.write(ui.export_helpers.PDF_FOLDER_KEY, odd)
        assert ui.export_helpers.pdf_folder() == tmp_path / "docs", odd


def test_the_page_says_when_a_photo_was_left_out_of_the_pdf(
    window: MainWindow, tmp_path: Path
) -> None:
    from consultprep.models import Photo

    review = to_review(window)
    window.draft.photos = [
        Photo(id="p1", caption="Cut", width=10, height=10, data=b"\xff\xd8\xff\xe0 cut")
    ]
    review.pdf_path_edit.setText(str(tmp_path / "pack.pdf"))
    assert review.save_pdf() == tmp_path / "pack.pdf"
    assert review.status_label.text().endswith(
        "\n1 photo could not be put in the PDF and was left out. It is still in your draft."
    )


def test_the_page_says_when_some_words_cannot_be_printed(
    window: MainWindow, tmp_path: Path
) -> None:
    """The PDF said so only on its last page; a clinician saw "�" among the top questions."""
    from ui.pdf_saving import CANNOT_PRINT

    review = to_review(window)
    review.pdf_path_edit.setText(str(tmp_path / "pack.pdf"))
    assert CANNOT_PRINT not in review.status_label.text()
    window.draft.about.symptoms = "Itching at night. त्वचा में खुजली"  # Hindi: not in the fonts
    assert review.save_pdf() == tmp_path / "pack.pdf"
    assert review.status_label.text().endswith("\n" + CANNOT_PRINT)
    window.draft.about.symptoms = "Itching at night. 夜间瘙痒"  # Chinese: printed
    assert review.save_pdf() == tmp_path / "pack.pdf"
    assert CANNOT_PRINT not in review.status_label.text()


def test_choose_uses_the_save_dialog(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    review = to_review(window)
    dialogs.save_path = str(tmp_path / "chosen")
    review.choose_button.click()
    assert review.pdf_path_edit.text() == str(tmp_path / "chosen.pdf")
    # An existing file chosen in the dialog is replaced without asking again …
    (tmp_path / "chosen.pdf").write_bytes(b"%PDF-1.4 an older pack")
    review.save_pdf_button.click()
    assert not dialogs.texts("question")
    assert (tmp_path / "chosen.pdf").read_bytes().startswith(b"%PDF")
    # … but one typed by hand is not replaced unless the patient says yes.
    typed = tmp_path / "typed.pdf"
    typed.write_bytes(b"keep me")
    review.pdf_path_edit.setText(str(typed))
    review.pdf_path_edit.textEdited.emit(str(typed))
    dialogs.question_answer = dialogs.question_answer.No
    review.save_pdf_button.click()
    assert typed.read_bytes() == b"keep me"
    assert "typed.pdf" in dialogs.texts("question")[-1]


def test_the_review_summary_shows_what_the_clinician_will_read() -> None:
    from consultprep.storage import load_draft
    from consultprep.summary import summary_lines

    draft = load_draft(Path(__file__).parent.parent / "resources/examples/scars.consultprep")
    shown = dict(summary_lines(draft, load_library()))
    about = shown["About your skin"]
    assert f"Medicines: {draft.about.medicines}" in about
    assert f"Allergies: {draft.about.allergies}" in about
    assert f"What matters most to you: {draft.about.goals}" in about
    assert f"Other health conditions: {draft.about.other_conditions}" in about.splitlines()
    first = draft.about.treatments_tried[0]
    assert f"Tried: {first.name} — {first.how_it_went}" in about.splitlines()
    # "How did it go?" may have two lines: read back whole, on one line
    first.how_it_went = "Helped at first, for about three months of use.\nThen it stopped."
    about = dict(summary_lines(draft, load_library()))["About your skin"]
    assert f"Tried: {first.name} — Helped at first, for about three months of use. Then it " \
        "stopped." in about.splitlines()
    second = draft.about.treatments_tried[1]  # the name "Tried" is not repeated
    assert f"Also tried: {second.name} — {second.how_it_went}" in about.splitlines()
    offer = shown["Offer from a clinic"]
    assert f"Clinic: {draft.offer.clinic}" in offer  # the patient's words, not in a sentence
    # fields as typed, like the lines about the skin (no full stop added)
    assert offer.splitlines()[0] == f"Treatment: {draft.offer.treatment}"
    assert ".." not in offer
    assert f"What they said: {draft.offer.claims}" in offer.splitlines()  # as in the PDF
    # in the order the wizard asks: the offer (step 5) before the questions (step 6), and
    # symptoms before scores as on the About page
    assert list(shown).index("Offer from a clinic") < list(shown).index("Your questions")
    assert shown["About your skin"].index("Symptoms:") < shown["About your skin"].index("Scores:")
    draft.about.conditions = ["poor-circulation", "diabetes"]  # the About page's order is kept
    about = dict(summary_lines(draft, load_library()))["About your skin"]
    assert "Health conditions: Diabetes; poor blood flow in the legs or feet" in about
    draft.offer.location, draft.offer.country = "uk", "United Kingdom"
    offer = dict(summary_lines(draft, load_library()))["Offer from a clinic"]
    assert "Where: In the UK" in offer.splitlines()  # the UK named once


def test_the_summary_says_where_a_long_answer_is_shortened() -> None:
    from consultprep.storage import load_draft
    from consultprep.summary import SHORTENED, summary_lines

    draft = load_draft(Path(__file__).parent.parent / "resources/examples/scars.consultprep")
    shown = dict(summary_lines(draft, load_library()))
    assert SHORTENED not in shown["About your skin"] + shown["Offer from a clinic"]
    draft.about.symptoms = "Itchy at night. " * 40
    draft.offer.claims = "First line of the advert.\nSecond line."
    shown = dict(summary_lines(draft, load_library()))
    about, offer = shown["About your skin"].splitlines(), shown["Offer from a clinic"].splitlines()
    symptoms = next(line for line in about if line.startswith("Symptoms: "))
    assert about[-1] == SHORTENED and symptoms.endswith("…")
    assert offer[-1] == SHORTENED and "What they said: First line of the advert. …" in offer
    draft.about.symptoms = "Itchy at night."
    draft.about.treatments_tried[0].how_it_went = "Helped a little. " * 20
    about = dict(summary_lines(draft, load_library()))["About your skin"].splitlines()
    assert about[-1] == SHORTENED
    # Every answer, one-line ones too: a megabyte pasted as the cost froze the page for
    # seconds while Qt wrapped it.
    huge = "word " * 200_000
    draft.about.patient_name = draft.about.body_area = draft.about.clinician = huge
    draft.offer.treatment = draft.offer.clinic = draft.offer.cost = huge
    draft.offer.country = huge
    draft.about.treatments_tried[0].name = huge
    draft.top_questions()[0].text = huge
    shown = dict(summary_lines(draft, load_library()))
    assert max(len(line) for text in shown.values() for line in text.splitlines()) < 1000
    assert shown["Your questions"].splitlines()[-1] == SHORTENED


def test_a_pdf_saved_before_a_change_is_no_longer_offered_as_the_pack(
    window: MainWindow, tmp_path: Path
) -> None:
    """The page said "saved" and offered to open a PDF holding the old answers (a review)."""
    from ui.pages.review_page import CHANGED_SINCE_SAVED

    review = to_review(window)
    review.pdf_path_edit.setText(str(tmp_path / "pack.pdf"))
    assert review.save_pdf() is not None
    assert not review.open_pdf_button.isHidden() and "was saved to" in review.status_label.text()
    window.wizard.back()
    window.wizard.next()  # back and forth, nothing changed: still the pack
    assert not review.open_pdf_button.isHidden()
    while window.wizard.currentId() != PageId.ABOUT:
        window.wizard.back()
    page(window, PageId.ABOUT).patient_name.setText("Mary J Smith")
    go_through(window, *[p for p in AFTER_CONCERN if p > PageId.ABOUT])
    assert review.open_pdf_button.isHidden() and review.show_folder_button.isHidden()
    assert review.status_label.text() == CHANGED_SINCE_SAVED
    assert review.save_pdf() is not None  # saved again: offered again
    assert not review.open_pdf_button.isHidden()


def test_the_pdf_is_named_after_the_skin_problem_as_the_app_names_it() -> None:
    from datetime import date

    from consultprep.models import Draft
    from ui.export_helpers import default_file_name

    draft = Draft(concern="inflammatory")
    day = date(2026, 12, 6)
    name = default_file_name(draft, ".pdf", day, load_library())
    assert name == "ConsultPrep-psoriasis-and-eczema-2026-12-06.pdf"  # not "inflammatory"
    assert default_file_name(Draft(), ".pdf", day) == "ConsultPrep-preparation-2026-12-06.pdf"
    unknown = Draft(concern="not-in-this-library")
    assert default_file_name(unknown, ".pdf", day, load_library()).startswith(
        "ConsultPrep-not-in-this-library-"
    )


def test_a_typed_place_that_cannot_be_a_file_is_explained(
    window: MainWindow, tmp_path: Path
) -> None:
    review = to_review(window)
    for text, words in (
        (str(tmp_path / "not made yet") + "/", "a folder, not a file name"),
        ("~no-such-user-here/pack.pdf", "someone this computer does not know"),
    ):
        review.pdf_path_edit.setText(text)
        assert review.save_pdf() is None
        assert words in review.error_label.text(), text
    assert not (tmp_path / "not made yet.pdf").exists()


def test_the_top_three_wrap_under_their_own_text_not_under_their_numbers(
    qtbot,
    look,  # noqa: F811 - the fixture
    monkeypatch,
) -> None:
    """In the summary, each of the top three questions is a number and a text side by side:
    a question that wraps goes on under its first word, and the numbers stand out."""
    from consultprep.checklist import set_top
    from tests.a11y_helpers import settle

    look.set_scale(200)
    window, review = _example_at_review(qtbot, monkeypatch, "scars")
    draft = window.draft
    card = review._summary_box.parentWidget()

    def numbered() -> list[tuple[str, str, int, int]]:
        """(number, text, the text's left edge, its number's left edge), as shown."""
        labels = [label for label in card.findChildren(QLabel) if label.isVisible()]
        numbers = [label for label in labels if NUMBERED_LABEL.fullmatch(label.text())]
        out = []
        for number in numbers:
            grid = number.parentWidget().layout()
            index = grid.indexOf(number)
            row = grid.getItemPosition(index)[0]
            text = grid.itemAtPosition(row, 1).widget()
            out.append((number.text(), text.text(), text.x(), number.x()))
        return out

    top = [i for i in draft.checklist if i.top]
    shown = numbered()
    assert [(n, t) for n, t, _, _ in shown] == [(f"{k}.", i.text) for k, i in enumerate(top, 1)]
    lefts = {left for _, _, left, _ in shown}
    assert len(lefts) == 1, "the three texts start in one column"
    assert all(left > number for _, _, left, number in shown)
    first = next(label for label in card.findChildren(QLabel) if label.text() == shown[0][1])
    assert first.height() > 1.5 * first.fontMetrics().height(), "(it wraps at this width)"
    # One taken out: two are shown, numbered 1 and 2, and the plain lines are as before.
    set_top(window.draft, top[1].id, False)
    review._show_summary()
    settle()
    assert [(n, t) for n, t, _, _ in numbered()] == [("1.", top[0].text), ("2.", top[2].text)]
    texts = [label.text() for label in card.findChildren(QLabel) if label.isVisible()]
    asked = sum(i.included for i in window.draft.checklist)
    assert asked > 20  # the example's list
    assert any(t.startswith(f"{asked} questions to ask") for t in texts), texts


def test_facts_show_a_bold_name_beside_or_above_each_answer(
    qtbot,
    look,  # noqa: F811 - the fixture
    monkeypatch,
) -> None:
    """Each fact of the summary ("Where: Face and neck") is a bold name and its answer, so a
    long answer that wraps is not read as the next fact: side by side with room, and each
    name above its answer with large text in a small window (a long name shown whole)."""
    from tests.a11y_helpers import settle
    from ui.summary_view import FactName, Facts

    look.set_scale(100)
    window, review = _example_at_review(qtbot, monkeypatch, "ageing")
    about, offer = review.findChildren(Facts)
    names = [name.text() for name, _ in about.pairs]
    assert names[:5] == ["Name", "Date of birth", "Where", "How long", "Symptoms"]
    assert "What matters most to you" in names
    assert [a.text() for _, a in offer.pairs][:2] == [
        "'Stem cell' exosome facial with micro-needling",
        "High-street beauty salon",
    ]
    assert all(isinstance(n, FactName) and n.objectName() == "strong" for n, _ in about.pairs)

    def placed(facts: Facts) -> list[tuple[QLabel, QLabel]]:
        return [(n, a) for n, a in facts.pairs if n.isVisible()]

    assert about.side_by_side
    lefts = {answer.x() for _, answer in placed(about)}
    assert len(lefts) == 1, "the answers start in one column"
    # … all down the summary: the offer's answers start where those about the skin do
    lefts = {a.mapTo(window, QPoint(0, 0)).x() for f in (about, offer) for _, a in placed(f)}
    assert len(lefts) == 1, "the sections' answers start in one column"
    for name, answer in placed(about):
        assert name.y() == answer.y() and name.x() + name.width() < answer.x()
        assert name.height() >= name.heightForWidth(name.width()), name.text()  # whole

    look.set_scale(200)
    window.resize(800, 600)
    settle()
    assert not about.side_by_side
    for name, answer in placed(about):
        assert answer.y() >= name.y() + name.height() and answer.x() == name.x()
        assert name.height() >= name.heightForWidth(name.width()), name.text()
    long_name = next(n for n, _ in about.pairs if n.text() == "What matters most to you")
    assert long_name.width() >= long_name.fontMetrics().horizontalAdvance(long_name.text())
