"""The app's own widgets and helpers: wrapping, citations, tried treatments.

Score rows are in tests/test_score_input.py, the evidence ladder in tests/test_ui_ladder.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from consultprep.citations import short_citation
from consultprep.content import load_library
from tests.a11y_helpers import look  # noqa: F401 - a fixture
from ui.tried_treatments import TriedTreatmentsEditor

LIBRARY = load_library()


def test_a_tick_box_label_stays_beside_its_box_when_the_row_is_taller(qtbot) -> None:
    """In a grid beside a taller item (the health conditions at large text) the label stays
    at the top, level with its box, not centred a line or two below it."""
    from ui.choices import LabelledCheck

    item = LabelledCheck("Cancer now or in the past")
    qtbot.addWidget(item)
    item.resize(300, item.sizeHint().height() + 120)
    item.show()
    qtbot.waitExposed(item)
    label = item.label
    assert abs(label.geometry().top() - item.check.geometry().top()) <= 8
    # ... and no taller than its text or its box: a taller label draws it centred, lines lower
    tallest = max(label.sizeHint().height(), label.heightForWidth(label.width()))
    assert label.height() <= max(tallest, item.check.height()) + 4


def test_a_one_line_field_says_when_a_paste_was_cut_to_fit(qtbot) -> None:
    """Qt keeps the first 32,767 letters of a longer paste without a word: the field says so
    (a tip beside it, and to screen readers), and stops once the text is short again."""
    from ui.fields import line_edit

    edit = line_edit("Your name")
    qtbot.addWidget(edit)
    edit.setText("Margaret")
    assert edit.toolTip() == "" and edit.accessibleDescription() == ""
    edit.selectAll()
    edit.insert("x" * 100_000)  # as a paste does
    assert len(edit.text()) == edit.maxLength()
    assert "you pasted was left out" in edit.toolTip() and "32,767" in edit.toolTip()
    assert edit.accessibleDescription() == edit.toolTip()
    edit.setText("Margaret")
    assert edit.toolTip() == "" and edit.accessibleDescription() == ""
    edit.selectAll()
    edit.insert("🙂" * 20_000)  # Qt's limit counts an emoji as two
    assert len(edit.text()) < 20_000
    assert "left out" in edit.toolTip()


def test_a_longer_text_from_a_draft_is_kept_whole_until_it_is_changed(qtbot) -> None:
    """A draft may hold more in a one-line field than the field can show: nothing is lost by
    just visiting the page, and the field says so; changing the field says what will go."""
    from ui.fields import line_edit

    edit = line_edit("Clinic")
    edit.setAccessibleDescription("The clinic's name")
    qtbot.addWidget(edit)
    long = "Clinic " + "é🙂" * 20_000
    edit.blockSignals(True)  # (as pages do when they show a draft)
    edit.setText(long)
    edit.blockSignals(False)
    assert edit.text() == long  # all of it, though the field shows only the start
    assert len(QLineEdit.text(edit)) < len(long)
    assert "shows only the first 32,767 letters" in edit.toolTip()
    assert edit.accessibleDescription() == edit.toolTip()
    edit.end(False)
    edit.backspace()  # the patient changes it
    assert edit.text() == QLineEdit.text(edit) and len(edit.text()) < len(long)
    assert "Because you changed it" in edit.toolTip()
    edit.undo()  # and changes their mind
    assert edit.text() == long and "The rest is kept" in edit.toolTip()
    edit.backspace()  # changed again, for good
    assert edit.text() == QLineEdit.text(edit) and len(edit.text()) < len(long)
    edit.setText("Skin Clinic")  # another draft
    assert edit.text() == "Skin Clinic"
    assert edit.toolTip() == "" and edit.accessibleDescription() == "The clinic's name"


@pytest.mark.parametrize(
    ("citation", "short"),
    [
        (
            "Negenborn VL, Groen JW, Smit JM (2016). Fat grafting. PRS 137:31e.",
            "Negenborn et al. 2016",
        ),
        ("Tawanwongsri W, Vachiramon V (2024). Skin necrosis.", "Tawanwongsri and Vachiramon 2024"),
        ("Seo HM, Lew BL, et al. (2024). Trials.", "Seo et al. 2024"),
        (
            "Care Quality Commission (2022). Choosing cosmetic surgery.",
            "Care Quality Commission 2022",
        ),
        (
            "US Food and Drug Administration (3 June 2021). Important.",
            "US Food and Drug Administration 2021",
        ),
        ("General Medical Council. What to check on the register.", "General Medical Council"),
        (
            ("Medicines and Healthcare products Regulatory Agency, GOV.UK guidance. Advanced "
            "therapy medicinal products: regulation and licensing."),
            "MHRA guidance, “Advanced therapy medicinal products”",  # whole, not cut with "…"
        ),
        ("van Dongen JA, Langeveld M, Stevens HP. Lipografting. PRS.", "van Dongen et al."),
        ("NHS website (nhs.uk). Leg ulcer: symptoms.", "NHS website, “Leg ulcer: symptoms”"),
        (
            ("National Institute for Health and Care Excellence (2013). Varicose veins. NICE "
            "clinical guideline CG168."),
            "NICE CG168 2013",
        ),
        (
            ("Cochrane review (searches to December 2021). Silicone gel sheeting for treating "
            "keloid scars. Cochrane Database of Systematic Reviews."),
            "Cochrane review 2021, “Silicone gel sheeting for treating keloid scars”",
        ),
        (  # too long: cut where a part ends, not mid-part with ",…"
            ("The Independent Health Care Regulations (Northern Ireland) 2005, SR 2005 No. 174. "
            "Explanatory note."),
            "The Independent Health Care Regulations (Northern Ireland) 2005",
        ),
        (  # a comma too early to leave a name: cut at a word, with "…"
            ("UK, the Independent Regulator of Clinics and Other Places That Treat People "
            "With Cells. Page."),
            "UK, the Independent Regulator of Clinics and Other Places That…",
        ),
        (
            ("A very long name of an organisation that has no commas in it at all and goes on "
            "and on. Page."),
            "A very long name of an organisation that has no commas in it at…",
        ),
    ],
)
def test_short_citation(citation: str, short: str) -> None:
    assert short_citation(citation) == short


def test_every_real_citation_has_a_short_form_of_its_own() -> None:
    shorts: dict[str, str] = {}
    for ref in LIBRARY.references:
        short = short_citation(ref.citation)
        assert 3 < len(short) <= 80, ref.citation
        assert shorts.setdefault(short, ref.link) == ref.link, f"two sources read {short!r}"


def test_tried_treatments_editor_adds_and_removes_rows(qtbot, dialogs) -> None:
    editor = TriedTreatmentsEditor()
    qtbot.addWidget(editor)
    editor.add_button.click()
    editor.add_button.click()
    editor.rows[0].name_edit.setPlainText("Cream")
    editor.rows[1].how_edit.setPlainText("No change")
    assert [(t.name, t.how_it_went) for t in editor.value()] == [
        ("Cream", ""),
        ("", "No change"),
    ]
    # A row with anything typed in it is removed only after asking ("Keep it" by default).
    dialogs.question_answer = QMessageBox.StandardButton.No
    editor.rows[0].remove_button.click()
    assert len(editor.value()) == 2
    assert dialogs.texts("question") == [
        "Take “Cream” and what you wrote about it off your list?"
    ]
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    editor.rows[0].remove_button.click()
    assert [t.how_it_went for t in editor.value()] == ["No change"]
    assert editor.rows[0].name_edit.accessibleName() == "Treatment 1: name"
    editor.add_button.click()  # an empty row is not stored
    assert len(editor.value()) == 1
    asked = len(dialogs.messages)
    editor.rows[-1].remove_button.click()  # nothing typed: gone without asking
    assert len(editor.rows) == 1 and len(dialogs.messages) == asked


def test_a_long_answer_read_back_shows_its_start(qtbot) -> None:
    editor = TriedTreatmentsEditor()
    qtbot.addWidget(editor)
    long = "Used it every night for four months. Slightly softer, but still itchy. " * 3
    row = editor.add_row("Silicone gel sheets for a very long time indeed", long)
    editor.resize(500, 200)
    editor.show()
    qtbot.waitExposed(editor)
    assert row.how_edit.toPlainText() == long  # all of it kept...
    assert row.how_edit.verticalScrollBar().value() == 0  # ...and shown from its first word
    assert row.name_edit.verticalScrollBar().value() == 0


def test_a_long_treatment_name_is_read_whole_and_stays_one_line(qtbot) -> None:
    """A name wraps onto a second line rather than being cut at the box's edge; Enter does
    not start a new line and a pasted line break becomes a space."""
    from PySide6.QtCore import QMimeData

    editor = TriedTreatmentsEditor()
    qtbot.addWidget(editor)
    name = "Special insole from the foot clinic to take pressure off the sore"
    row = editor.add_row(name, "Helps, but hard to wear all day at work.")
    editor.resize(700, 300)
    editor.show()
    qtbot.waitExposed(editor)
    box = row.name_edit
    assert box.fontMetrics().horizontalAdvance(name) > box.viewport().width()  # too long for one
    assert box.document().size().height() <= 2  # ...so on two lines, all of it in view
    assert box.verticalScrollBar().maximum() == 0
    assert box.height() == row.how_edit.height()  # the two boxes of a row line up
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.moveCursor(box.textCursor().MoveOperation.End)
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert box.toPlainText() == name  # no new line ...
    qtbot.waitUntil(row.how_edit.hasFocus)  # ... but on to how it went, as Tab does
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    QTest.keyClick(box, Qt.Key.Key_Enter)
    assert box.toPlainText() == name and not box.hasFocus()
    pasted = QMimeData()
    pasted.setText(" (left foot)\r\nworn daily\n")
    box.insertFromMimeData(pasted)
    assert box.toPlainText() == name + " (left foot) worn daily "
    assert editor.value()[0].name == name + " (left foot) worn daily"


def test_how_a_tried_treatment_went_is_two_lines_tall_and_tab_moves_on(qtbot) -> None:
    editor = TriedTreatmentsEditor()
    qtbot.addWidget(editor)
    row = editor.add_row("Cream", "Helped a little.\nThen stopped helping.")
    assert row.how_edit.height() >= 2 * row.how_edit.fontMetrics().lineSpacing()
    assert row.how_edit.tabChangesFocus()  # Tab goes on to Remove, as in the other fields
    assert editor.value()[0].how_it_went == "Helped a little.\nThen stopped helping."


def test_a_tried_treatment_box_grows_with_its_text_then_scrolls(qtbot) -> None:
    """Narrow boxes (large text, a small window) showed two lines of a longer text, with a
    little scroll bar inside: the boxes now grow, up to GROW_TO lines."""
    from ui.growing import box_height
    from ui.tried_treatments import GROW_TO

    editor = TriedTreatmentsEditor()
    qtbot.addWidget(editor)
    editor.resize(360, 400)
    editor.show()
    qtbot.waitExposed(editor)
    row = editor.add_row("Light treatment (narrowband UVB), 24 sessions", "Helped.")
    how = row.how_edit
    qtbot.waitUntil(lambda: how.height() == box_height(how, 2))  # short: two lines still
    how.setPlainText("Skin was almost clear for about six months. " * 4)
    qtbot.waitUntil(lambda: how.height() > box_height(how, 2))
    assert how.verticalScrollBar().maximum() == 0  # all of it in view
    how.setPlainText("Skin was almost clear for about six months. " * 30)
    qtbot.waitUntil(lambda: how.height() == box_height(how, GROW_TO))  # no taller: it scrolls
    assert how.verticalScrollBar().maximum() > 0
    assert row.name_edit.height() >= box_height(row.name_edit, 2)


def test_escape_does_not_close_the_embedded_wizard(qtbot, monkeypatch) -> None:
    from tests.ui_helpers import install_fake_dialogs
    from ui.app import create_main_window

    install_fake_dialogs(monkeypatch)
    window = create_main_window(library=LIBRARY)
    qtbot.addWidget(window)
    window.show()
    QTest.keyClick(window.wizard, Qt.Key.Key_Escape)
    assert window.wizard.isVisible()


def test_a_bullet_list_shows_its_items_literally(qtbot) -> None:
    from ui.widgets import BULLETS, bullet_list

    label = bullet_list(["see <b>this</b> & that", "second"])
    qtbot.addWidget(label)
    assert label.objectName() == BULLETS
    assert "see &lt;b&gt;this&lt;/b&gt; &amp; that" in label.text()  # never read as markup
    assert label.text().count("<li>") == 2


@pytest.mark.parametrize(("columns_of_text", "columns"), [(3.0, 2), (1.5, 1)])
def test_choice_cards_take_one_column_when_two_would_be_too_narrow(
    qtbot, columns_of_text: float, columns: int
) -> None:
    from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

    from ui.card_grid import MIN_COLUMN_CHARS, CardGrid

    host = QWidget()
    # the width of this many comfortable columns of text, at the host's text size
    width = int(columns_of_text * MIN_COLUMN_CHARS * host.fontMetrics().averageCharWidth())
    qtbot.addWidget(host)
    grid = QGridLayout()
    QVBoxLayout(host).addLayout(grid)
    cards = [QWidget() for _ in range(4)]
    placer = CardGrid(host, grid)
    placer.set_cards(cards)
    host.resize(width, 300)
    host.show()
    qtbot.waitExposed(host)
    assert placer.columns == columns
    assert grid.columnCount() >= columns
    rows = [grid.getItemPosition(grid.indexOf(card))[0] for card in cards]
    assert rows == ([0, 0, 1, 1] if columns == 2 else [0, 1, 2, 3])
    placer.set_cards([])  # the cards may now be deleted: nothing refers to them
    host.resize(width + 500, 300)


def test_tried_treatments_stack_their_fields_when_narrow(qtbot, dialogs) -> None:
    from ui.tried_treatments import STACK_BELOW_CHARS

    editor = TriedTreatmentsEditor()
    qtbot.addWidget(editor)
    row = editor.add_row("Dressings from the practice nurse", "Changed twice a week.")
    wide = 2 * STACK_BELOW_CHARS * editor.fontMetrics().averageCharWidth()
    editor.resize(wide, 300)
    editor.show()
    qtbot.waitExposed(editor)
    assert not editor.stacked and not row.name_label.isVisible()
    assert row.name_edit.y() == row.how_edit.y()  # side by side, under column headings
    editor.resize(wide // 3, 600)
    qtbot.waitUntil(lambda: editor.stacked)
    qtbot.waitUntil(lambda: row.how_edit.y() > row.name_edit.y())
    assert row.name_label.isVisible() and row.how_label.isVisible()
    assert row.name_label.text() == "Treatment 1"
    assert row.name_edit.width() > wide // 3 // 2  # the name has most of the width
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    editor.rows[0].remove_button.click()  # removing while stacked leaves nothing behind
    assert editor.value() == [] and editor.empty_label.isVisibleTo(editor)
