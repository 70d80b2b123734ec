"""Layout at 200 % text in the smallest window (800x600), and at 100 %: nothing squeezed.

The advert box's hint can be read whole, the health-condition tick boxes go to one column
when two would be too narrow, a heading's "What does this mean?" goes under the heading when
it would squeeze it, and the question rows' buttons line up from row to row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from consultprep.models import ChecklistItem
from tests.a11y_helpers import (  # noqa: F401 - look is a fixture
    LIBRARY,
    example_draft,
    look,
    open_window,
    settle,
    walk_pages,
)
from tests.ui_helpers import install_fake_dialogs
from ui.advert_checker import PLACEHOLDER, AdvertChecker
from ui.choices import LabelledCheck
from ui.glossary_ui import SHORT_WORDS_QUESTION, ExplainedHeading, ExplainedWords
from ui.question_row import Place, QuestionRow
from ui.wizard import PageId

SMALL = (800, 600)
DEFAULT = (1000, 760)
SIZES = [(200, SMALL), (100, DEFAULT)]
SIZE_IDS = ["200pc-800x600", "100pc-1000x760"]


def _window_on(qtbot, look, tmp_path: Path, monkeypatch, scale: int, size, page_id):  # noqa: F811
    """A shown main window on the scars example at ``scale`` % text, on page ``page_id``."""
    install_fake_dialogs(monkeypatch)
    look.set_scale(scale)
    window = open_window(qtbot, example_draft(tmp_path), size)
    for shown in walk_pages(window):
        if shown == page_id:
            break
    assert window.wizard.currentId() == page_id
    return window


def _at(widget: QWidget, ancestor: QWidget) -> QPoint:
    return widget.mapTo(ancestor, QPoint(0, 0))


# --- 1. the advert box's hint ----------------------------------------------------------------
@pytest.mark.parametrize(("scale", "size"), SIZES, ids=SIZE_IDS)
def test_the_advert_hint_can_be_read_whole(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
    scale: int,
    size: tuple[int, int],
) -> None:
    """Qt draws only the first line of a text box's placeholder: it must fit on one line, and
    what to paste (advert, email, leaflet, web page) is in a label above the box."""
    window = _window_on(qtbot, look, tmp_path, monkeypatch, scale, size, PageId.OFFER)
    checker = window.wizard.currentPage().findChild(AdvertChecker)
    assert checker is not None and checker.isVisible()
    box = checker.text_edit
    assert box.placeholderText() == PLACEHOLDER
    room = box.viewport().width() - 2 * int(box.document().documentMargin())
    assert box.fontMetrics().horizontalAdvance(box.placeholderText()) <= room
    hints = [
        label
        for label in checker.findChildren(QWidget)
        if label.isVisible() and "leaflet" in getattr(label, "text", lambda: "")()
    ]
    assert hints, "the whole hint is in a label that can be seen"
    for label in hints:
        assert label.heightForWidth(label.width()) <= label.height() + 1  # not cut off
        assert _at(label, checker).y() < _at(box, checker).y()  # above the box


def test_a_placeholder_that_cannot_fit_is_left_out(qtbot) -> None:
    checker = AdvertChecker(LIBRARY)
    qtbot.addWidget(checker)
    checker.resize(60, 300)
    checker.show()
    qtbot.waitExposed(checker)
    assert checker.text_edit.placeholderText() == ""
    checker.resize(700, 300)
    settle()
    assert checker.text_edit.placeholderText() == PLACEHOLDER


# --- 2. the health-condition tick boxes ------------------------------------------------------
def _condition_items(page) -> list[LabelledCheck]:
    items = [check.parentWidget() for check in page.condition_checks.values()]
    items = [i for i in items if not i.isHidden()]  # older boxes show only when ticked
    assert items and all(isinstance(i, LabelledCheck) for i in items)
    return items


def test_conditions_go_to_one_column_when_narrow_and_back_to_two(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    window = _window_on(qtbot, look, tmp_path, monkeypatch, 200, SMALL, PageId.ABOUT)
    page = window.wizard.currentPage()
    items = _condition_items(page)
    content = page.scroll_area.widget()
    assert len({_at(i, content).x() for i in items}) == 1, "one column at 200 % in 800x600"
    tops = [_at(i, content).y() for i in items]
    assert tops == sorted(tops) and len(set(tops)) == len(items)  # in reading order
    for item in items:  # no label squeezed to a few words a line
        text_height = item.label.contentsRect().height()  # (less its margin beside the box)
        assert text_height <= 3 * item.label.fontMetrics().lineSpacing() + 4

    look.set_scale(100)
    window.resize(*DEFAULT)
    settle()
    xs = sorted({_at(i, content).x() for i in items})
    assert len(xs) == 2, "two columns again at 100 % in 1000x760"
    first_row = [_at(i, content).y() for i in items[:2]]
    assert first_row[0] == first_row[1]  # left to right, then down
    assert _at(items[0], content).x() < _at(items[1], content).x()


# --- 3. "What does this mean?" under a heading -----------------------------------------------
def _headings(page) -> list[ExplainedHeading]:
    found = [h for h in page.findChildren(ExplainedHeading) if h.isVisible()]
    assert found, "the scars evidence page explains a heading (the evidence ladder)"
    return found


def _below(explained: ExplainedHeading) -> bool:
    heading, button = explained.heading, explained.button
    room = explained.layout().contentsMargins().left()  # (left for its link's focus ring)
    return button.y() >= heading.y() + heading.height() and heading.width() == (
        explained.width() - room
    )


def _beside(explained: ExplainedHeading) -> bool:
    heading, button = explained.heading, explained.button
    return button.x() >= heading.x() + heading.width() and button.y() < heading.geometry().bottom()


def test_the_glossary_link_goes_under_the_heading_when_narrow(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    window = _window_on(qtbot, look, tmp_path, monkeypatch, 200, SMALL, PageId.EVIDENCE)
    page = window.wizard.currentPage()
    for explained in _headings(page):
        assert _below(explained), explained.heading.text()
        lines = explained.heading.height() // explained.heading.fontMetrics().lineSpacing()
        assert lines <= 2, f"{explained.heading.text()!r}: {lines} lines"

    look.set_scale(100)
    window.resize(*DEFAULT)
    settle()
    for explained in _headings(page):
        assert _beside(explained), explained.heading.text()


def test_a_short_heading_keeps_its_link_beside_it(qtbot) -> None:
    """Below only when the heading would be squeezed, not for a heading that fits."""
    from consultprep.glossary import load_glossary

    glossary = load_glossary()
    text = next(t.term for t in glossary.terms if glossary.terms_in(t.term))
    explained = ExplainedHeading(text, glossary.terms_in(text), "subheading")
    qtbot.addWidget(explained)
    explained.resize(900, 80)
    explained.show()
    qtbot.waitExposed(explained)
    settle()
    assert _beside(explained)
    explained.resize(explained.button.sizeHint().width() + 20, 200)
    settle()
    assert _below(explained)
    explained.resize(900, 200)
    settle()
    assert _beside(explained)


# --- 4. the question rows' buttons ------------------------------------------------------------
@pytest.mark.parametrize(("scale", "size"), SIZES, ids=SIZE_IDS)
def test_question_buttons_line_up_from_row_to_row(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
    scale: int,
    size: tuple[int, int],
) -> None:
    window = _window_on(qtbot, look, tmp_path, monkeypatch, scale, size, PageId.QUESTIONS)
    page = window.wizard.currentPage()
    rows = list(page.rows.values())
    assert any(r.top_button.isChecked() for r in rows), "some questions are in the top three"
    assert any(r.remove_button is not None for r in rows), "the patient has a question"
    assert len({r.top_button.width() for r in rows}) == 1, "Top 3 buttons differ in width"
    for role in ("top", "up", "down"):
        places = {(_at(r.buttons()[role], r).x(), r.buttons()[role].width()) for r in rows}
        assert len(places) == 1, f"{role} buttons do not line up: {places}"
    for row in rows:  # Top 3, Up and Down on one line, never one of them on its own
        line = {_at(row.buttons()[role], row).y() for role in ("top", "up", "down")}
        assert len(line) == 1, row.text_label.text()
        for widget in row.buttons().values():
            assert widget.width() >= widget.sizeHint().width()  # not squeezed

    top = next(r for r in rows if r.top_button.isChecked())
    width = top.top_button.width()
    top.top_button.click()  # out of the top three: "☆ Top 3", the same size
    settle()
    assert top.top_button.text() == "☆ Top 3"
    assert top.top_button.width() == width


@pytest.mark.parametrize(
    ("scale", "size", "below"),
    [(200, SMALL, True), (100, DEFAULT, False), (200, (1280, 800), False)],
    ids=["200pc-800x600", "100pc-1000x760", "200pc-1280x800"],
)
def test_remove_sits_with_the_buttons_not_in_the_question_text(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
    scale: int,
    size: tuple[int, int],
    below: bool,
) -> None:
    """The patient's own question has its "Remove" under Top 3 (it was in the column of
    question text, after the note "Your own question."): its question and note take the
    same column as any other row's, and Tab reaches Remove after Down."""
    from ui.focus import layout_order

    window = _window_on(qtbot, look, tmp_path, monkeypatch, scale, size, PageId.QUESTIONS)
    page = window.wizard.currentPage()
    rows = list(page.rows.values())
    own = next(r for r in rows if r.remove_button is not None)
    other = next(r for r in rows if r.remove_button is None and r.why_label is not None)
    remove, top = own.remove_button, own.top_button
    assert own.buttons_below is below
    assert _at(remove, own).x() == _at(top, own).x(), "Remove is not in line with Top 3"
    assert _at(remove, own).y() >= _at(top, own).y() + top.height(), "Remove is not under it"
    assert remove.width() >= remove.sizeHint().width()
    for label in (own.text_label, own.why_label):  # the text column, as wide as other rows'
        assert _at(label, own).x() == _at(other.text_label, other).x()
        assert label.width() == other.text_label.width()
    if not below:  # beside the text: Remove is right of all of it
        text_right = _at(own.text_label, own).x() + own.text_label.width()
        assert _at(remove, own).x() >= text_right
    else:  # under the text: Remove is under the note
        assert _at(remove, own).y() >= _at(own.why_label, own).y() + own.why_label.height()
    order = layout_order(own)
    assert order.index(remove) == order.index(own.down_button) + 1


def test_the_top_button_is_as_wide_as_its_wider_text(qtbot, look) -> None:  # noqa: F811
    """At 200 % text, with the app's style sheet: the width does not depend on the state."""
    look.set_scale(200)
    rows = []
    for top in (True, False):
        item = ChecklistItem(id=f"q{top}", text="A question?", source="own", top=top)
        row = QuestionRow(item, "", Place(first=False, last=False, number=1))
        qtbot.addWidget(row)
        rows.append(row)
    on, off = (r.top_button for r in rows)
    assert on.text() == "★ In top 3" and off.text() == "☆ Top 3"
    assert on.sizeHint() == off.sizeHint()
    assert off.sizeHint().width() > off.fontMetrics().horizontalAdvance(on.text())


@pytest.mark.parametrize(("scale", "then"), [(100, None), (200, None), (100, 200), (200, 100)])
def test_a_question_of_one_line_and_of_two_start_alike_and_their_notes_follow_closely(
    qtbot, look, scale: int, then: int | None  # noqa: F811 - the fixture
) -> None:
    """The tick box spans the question and its note; the question's first line is lined up
    with the box's middle; the note follows the question by the grid's spacing, whether the
    question takes one line or two (a one-line question once sat in a row as tall as the box,
    centred, with a gap before its note that a longer question did not have)."""
    look.set_scale(scale)
    rows = []
    for text in ("Short?", "A question long enough to wrap onto a second line here? " * 2):
        item = ChecklistItem(id=f"q{len(rows)}", text=text.strip(), source="concern")
        row = QuestionRow(item, "Why it matters, in one line.", Place(False, False, 1))
        qtbot.addWidget(row)
        row.resize(700, row.heightForWidth(700))
        row.show()
        rows.append(row)
    settle()
    if then is not None:  # the text size changed while they are shown
        look.set_scale(then)
        for row in rows:
            row.resize(700, row.heightForWidth(700))
        settle()
    for row in rows:
        label, box = row.text_label, row.include
        text_top = label.y() + label.contentsRect().top()
        first_line_middle = text_top + label.fontMetrics().lineSpacing() / 2
        assert abs(first_line_middle - (box.y() + box.height() / 2)) <= 2
        text_bottom = label.y() + label.contentsRect().bottom()
        assert 0 <= row.why_label.y() - text_bottom <= row._grid.verticalSpacing() + 2
    short, long = rows
    assert long.text_label.contentsRect().height() > short.text_label.contentsRect().height()
    assert short.text_label.contentsMargins() == long.text_label.contentsMargins()


def test_a_card_asks_about_its_words_in_fewer_words_when_narrow(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """The question naming a card's words ("What do “keloid” and “Cochrane” mean?")
    becomes "What do these words mean?" where it would not fit (it made the page wider than
    the window at 200 %), and comes back when there is room."""
    window = _window_on(qtbot, look, tmp_path, monkeypatch, 200, SMALL, PageId.EVIDENCE)
    page = window.wizard.currentPage()
    words = [w for w in page.findChildren(ExplainedWords) if w.isVisible()]
    question = "What do “keloid”, “Cochrane” and “hypertrophic scar” mean?"  # silicone
    silicone = next(w for w in words if w._question == question)
    assert silicone.button.text() == SHORT_WORDS_QUESTION
    # Its name starts with the words shown (voice control), then says which words.
    assert silicone.button.accessibleName() == (
        f"{SHORT_WORDS_QUESTION} “keloid”, “Cochrane” and “hypertrophic scar”"
    )
    for w in words:
        assert w.button.sizeHint().width() <= w.width(), w.button.text()
        # no wider than its text, which would be centred, out of line with the card's text
        assert w.button.width() == w.button.sizeHint().width(), w.button.text()
    look.set_scale(100)
    window.resize(*DEFAULT)
    settle()
    assert silicone.button.text() == silicone.button.accessibleName() == question


# --- 8. the lasting notices at the foot of the window ---------------------------------------
@pytest.mark.parametrize(("scale", "size"), SIZES, ids=SIZE_IDS)
def test_the_notices_at_the_foot_can_be_read_whole(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
    scale: int,
    size: tuple[int, int],
) -> None:
    """No safety copy and no settings kept, at once: both notices are shown whole, under the
    wizard (in the one-line status bar they were cut off at 200 % text)."""
    from ui.keeping import AUTOSAVE_FAILED, SETTINGS_FAILED

    window = _window_on(qtbot, look, tmp_path, monkeypatch, scale, size, PageId.ABOUT)
    settle()  # any safety copy under way is made
    window.autosave.saved.disconnect(window._autosave_worked)  # and none is made from now on
    window._settings_failed(str(tmp_path / "settings.ini"))
    window._autosave_failed("ConsultPrep could not make a safety copy of your answers: the disk is full.")
    qtbot.waitUntil(lambda: window.notices.isVisible())
    notices = [window._settings_notice, window._autosave_notice]
    assert [notice.text() for notice in notices] == [SETTINGS_FAILED, AUTOSAVE_FAILED]
    wizard = window.wizard
    for notice in notices:
        assert notice.isVisible()
        assert notice.heightForWidth(notice.width()) <= notice.height() + 1  # not cut off
        assert (
            notice.mapTo(window, QPoint(0, 0)).y()
            >= wizard.mapTo(window, QPoint(0, 0)).y() + wizard.height()
        )
    # A safety copy made again: its notice goes; the settings notice stays.
    window._autosave_worked()
    assert not window._autosave_notice.isVisible() and window._settings_notice.isVisible()
    window._autosave_failed("Again.")
    assert window._autosave_notice.isVisible()
