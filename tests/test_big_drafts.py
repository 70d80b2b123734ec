"""Absurdly large drafts: everything is still shown, in order, editable, and saved unchanged.

These check behaviour only, never time: hundreds of questions (more than a page makes at
once), a very long symptoms text and advert, and the helpers that keep such pages quick (rows
in blocks, Tab order with few moves, long texts laid out once). Thousands of tried treatments
are in ``tests/test_big_tried_treatments.py``.
"""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consultprep.claims import find_claims, load_claim_rules
from consultprep.models import ChecklistItem, ClinicOffer, Draft
from tests.a11y_helpers import LIBRARY, open_window, settle
from ui import advert_checker, tab_order
from ui.focus import layout_order
from ui.long_text import SHOWN_AT_MOST
from ui.pages.questions_page import ROWS_AT_ONCE
from ui.preparation import preparer_of
from ui.question_row import QuestionRow
from ui.row_column import BLOCK, RowColumn
from ui.tab_order import apply_order, next_tab_stop
from ui.text_scroll import ALWAYS_SCROLLS
from ui.wizard import PageId

WORDS = ("itchy", "sore", "red", "flaky", "cracked", "bleeding", "worse", "at", "night", "better")


def _draft() -> Draft:
    concern = LIBRARY.concerns[0]
    return Draft(concern=concern.id, subtype=concern.subtypes[0].id)


def _words(count: int, seed: int = 1) -> str:
    """A long paragraph: no line breaks, as a pasted web page often is."""
    pick = random.Random(seed).choice
    return " ".join(pick(WORDS) for _ in range(count))


def _window(qtbot, draft: Draft, *, prepare: bool = True):
    window = open_window(qtbot, draft)
    if not prepare:  # pages are built only when entered, as when Next comes straight away
        preparer = preparer_of(window.wizard)
        for timer in (preparer._start, preparer._turn):
            timer.blockSignals(True)
    return window


def _go_to(window, page_id: PageId):
    while window.wizard.currentId() != page_id:
        window.wizard.next()
        settle()
    return window.wizard.currentPage()


def _in_tab_order(widgets: list[QWidget]) -> bool:
    return all(next_tab_stop(a, b) is b for a, b in pairwise(widgets))


def _questions(count: int) -> list[ChecklistItem]:
    return [
        ChecklistItem(id=f"own-{n}", text=f"My question number {n}?", source="own")
        for n in range(count)
    ]


def test_hundreds_of_questions_are_all_shown_in_order(qtbot, dialogs, monkeypatch) -> None:
    count = 3 * ROWS_AT_ONCE
    draft = _draft()
    draft.checklist = _questions(count)
    _CountedMoves.moves = 0
    monkeypatch.setattr(tab_order, "QWidget", _CountedMoves)
    window = _window(qtbot, draft, prepare=False)
    page = _go_to(window, PageId.QUESTIONS)
    order = [i.id for i in window.draft.checklist]
    assert page.shown_order() == order[: len(page.shown_order())], "the first ones, in order"
    assert f"of {len(order)} questions" in page.count_label.text()
    qtbot.waitUntil(lambda: page._rest is None, timeout=20_000)  # the rest follow
    settle()
    assert page.shown_order() == order == list(page.rows)
    shown = [page.rows[i] for i in order]
    assert all(row.isVisible() for row in shown)
    tops = [row.mapTo(page, row.rect().topLeft()).y() for row in shown]
    assert tops == sorted(set(tops)), "one row under the other, in order"
    controls = layout_order(page)
    includes = [row.include for row in shown]
    assert [w for w in controls if w in set(includes)] == includes
    assert _in_tab_order(controls), "Tab goes through the rows in order"
    # The rows are made after the page's scroll area: it is moved before them, not each of
    # the rows' 1,500 controls after it, one by one (17 seconds for 5,000 questions).
    assert _CountedMoves.moves < count / 3
    assert [i.id for i in window.draft.checklist] == order  # nothing changed by showing


def test_moving_a_question_between_blocks_keeps_the_order(qtbot, dialogs) -> None:
    draft = _draft()
    draft.checklist = _questions(2 * BLOCK + 5)
    window = _window(qtbot, draft)
    page = _go_to(window, PageId.QUESTIONS)
    qtbot.waitUntil(lambda: page._rest is None, timeout=20_000)
    moved = page.rows[f"own-{BLOCK}"]  # the first of the second block
    moved.up_button.click()
    settle()
    order = [i.id for i in window.draft.checklist]
    assert order.index(f"own-{BLOCK}") == order.index(f"own-{BLOCK - 1}") - 1
    assert page.shown_order() == order
    assert moved.isVisible() and moved.include.accessibleName().startswith(
        f"Include question {order.index(moved.item_id) + 1}:"
    )
    shown = [page.rows[i] for i in order]
    tops = [row.mapTo(page, row.rect().topLeft()).y() for row in shown]
    assert tops == sorted(set(tops))
    page.rows["own-3"].remove_button.click()
    settle()
    assert "own-3" not in page.rows and page.shown_order() == [i.id for i in draft.checklist]


def test_a_row_column_shows_rows_in_the_order_given(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    outer = QVBoxLayout(host)
    column = RowColumn(outer)
    rows = [QWidget() for _ in range(3 * BLOCK + 7)]
    for row in rows:
        column.append(row)
    assert column.rows() == rows
    shuffled = rows[:]
    random.Random(3).shuffle(shuffled)
    for wanted in (shuffled, rows, rows[::-1], rows[5:]):
        column.set_rows(wanted)
        in_layouts = [
            block.layout().itemAt(n).widget()
            for block in column.hidden_blocks() + [b for b, _ in column._blocks if not b.isHidden()]
            for n in range(block.layout().count())
        ]
        assert column.rows() == wanted
        assert sorted(map(id, in_layouts)) == sorted(map(id, wanted)), "each row in one block"
        for (block, layout), placed in zip(column._blocks, column._placed, strict=True):
            assert [layout.itemAt(n).widget() for n in range(layout.count())] == placed
            assert all(row.parentWidget() is block for row in placed)
    column.set_rows([])
    assert column.rows() == [] and outer.count() == 0


# --- Tab order ------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tab_order_follows_any_order_given(qtbot, seed: int) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    buttons = [QPushButton(str(n)) for n in range(60)]
    for button in buttons:
        layout.addWidget(button)
    late = [QPushButton(f"late {n}") for n in range(40)]  # made later: at the chain's end
    for button in late:
        layout.addWidget(button)
    order = [*buttons[:20], *late, *buttons[20:]]  # the late ones in the middle
    apply_order(order)
    assert _in_tab_order(order)
    random.Random(seed).shuffle(order)
    apply_order(order)
    assert _in_tab_order(order)
    apply_order(order)  # nothing to do the second time
    assert _in_tab_order(order)


class _CountedMoves:
    """Stands in for QWidget in ui.tab_order, counting the widgets it moves."""

    moves = 0

    @classmethod
    def setTabOrder(cls, first: QWidget, second: QWidget) -> None:
        cls.moves += 1
        QWidget.setTabOrder(first, second)


def test_a_scroll_area_made_after_its_rows_is_moved_not_the_rows(qtbot, monkeypatch) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    top = QPushButton("top", host)
    layout.addWidget(top)
    content = QWidget(host)  # made first, as a page's content is, then put in a scroll area
    rows = QVBoxLayout(content)
    buttons = [QPushButton(f"row {n}") for n in range(300)]
    for button in buttons:
        rows.addWidget(button)
    area = QScrollArea(host)
    area.setWidget(content)
    layout.addWidget(area)
    date = QDateEdit(host)  # a control with a part of its own that passes the focus on
    layout.addWidget(date)
    last = QPushButton("last", host)
    layout.addWidget(last)
    order = [top, area, *buttons, date, last]
    assert not _in_tab_order(order)
    _CountedMoves.moves = 0
    monkeypatch.setattr(tab_order, "QWidget", _CountedMoves)
    apply_order(order)
    assert _in_tab_order(order)
    assert _CountedMoves.moves == 1, "the scroll area alone is moved, before its rows"
    apply_order(order)
    assert _CountedMoves.moves == 1, "nothing to do the second time"
    assert tab_order.runs_in_order(order) == [len(order)]


# --- long texts -----------------------------------------------------------------------------
def test_a_very_long_symptoms_text_round_trips_and_keeps_its_scroll_bar(qtbot, dialogs) -> None:
    symptoms = _words(60_000)  # over 300,000 letters in one paragraph
    draft = _draft()
    draft.about.symptoms = symptoms
    window = _window(qtbot, draft)
    page = _go_to(window, PageId.ABOUT)
    shown = page.symptoms.toPlainText()  # the start (ui.long_text), the rest kept
    assert len(shown) > SHOWN_AT_MOST // 2 and symptoms.startswith(shown)
    policy = page.symptoms.verticalScrollBarPolicy()
    assert policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    assert page.goals.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    page.write_draft()
    assert window.draft.about.symptoms == symptoms
    dialogs.question_answer = QMessageBox.StandardButton.Yes  # "Leave out the rest": yes
    page.note_of(page.symptoms).leave_out_button.click()
    page.symptoms.setPlainText("Itchy.")  # short again: the bar comes and goes as usual
    window.wizard.back()
    settle()
    window.wizard.next()  # the page reads the draft again
    settle()
    assert window.draft.about.symptoms == "Itchy."
    assert page.symptoms.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded


def test_a_very_long_advert_is_checked_whole_and_once(qtbot, dialogs, monkeypatch) -> None:
    advert = "Results guaranteed! " + _words(60_000) + " Book today, limited places."
    assert len(advert) > ALWAYS_SCROLLS
    calls: list[int] = []

    def counted(text, rules, limit=None):
        calls.append(len(text))
        return find_claims(text, rules, limit)

    monkeypatch.setattr(advert_checker, "find_claims", counted)
    draft = _draft()
    said = _words(60_000) + " They said it was a miracle."  # what they said is checked too
    draft.offer = ClinicOffer(offered=True, advert_text=advert, claims=said)
    window = _window(qtbot, draft)
    page = _go_to(window, PageId.OFFER)
    checker = page.advert
    assert checker.text() == advert
    phrases = [m.phrase(advert) for m in checker.matches]
    assert phrases[0] == "guaranteed" and phrases[-2:] == ["Book today", "limited places"]
    expected = find_claims(advert, load_claim_rules(), limit=advert_checker.MATCHES_PER_RULE)
    assert checker.matches == expected, "the same as one check of the whole text"
    assert [m.phrase(said) for m in checker.said_matches] == ["miracle"]
    rules = len(load_claim_rules().rules)
    assert len(calls) <= 2 * rules, "each checked once"
    assert calls.count(len(said)) >= 1 and calls.count(len(said)) <= rules
    before = len(calls)
    window.wizard.next()
    settle()
    window.wizard.back()
    settle()
    window.wizard.next()
    settle()
    window.wizard.back()
    settle()
    assert len(calls) == before, "shown again unchanged: not checked again"
    assert len(checker.text_edit.extraSelections()) == len(expected)
    page.write_draft()
    assert window.draft.offer.advert_text == advert.strip()
    assert checker.text_edit.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn


def test_offsets_are_right_far_into_a_long_text_with_emoji() -> None:
    text = "🙂" * 1000 + "a" * 100_000 + "🙂 guaranteed"
    start = text.index("guaranteed")
    assert advert_checker.utf16_offsets(text, [start, 0, 500, 1000]) == [
        start + 1001,
        0,
        1000,
        2000,
    ]
    assert advert_checker.utf16_offsets("plain", [3, 1]) == [3, 1]


def test_question_rows_made_ahead_are_laid_out_in_blocks(qtbot, dialogs) -> None:
    draft = _draft()
    draft.checklist = _questions(BLOCK + 10)
    window = _window(qtbot, draft)
    page = window.wizard.page(PageId.QUESTIONS)
    preparer_of(window.wizard).finish()  # made while another page is shown
    assert page.shown_order() == [i.id for i in window.draft.checklist]
    assert not page._column.hidden_blocks(), "every block is shown once its rows are made"
    assert all(isinstance(w, QuestionRow) for w in page._column.rows())
