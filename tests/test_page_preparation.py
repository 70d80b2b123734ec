"""Pages made ready in idle time (ui.preparation): Next then only shows them.

What is checked is structure and behaviour, never time: content is built before the page is
entered and reused when it is, a page entered before its preparation finished still shows
everything, a prepared page is laid out exactly as one shown without preparation, a concern
change reaches the evidence page, and question rows are kept and updated in place.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from tests.a11y_helpers import LIBRARY, example_draft, open_window, settle, walk_pages
from tests.ui_helpers import install_fake_dialogs
from ui.focus import layout_order
from ui.glossary_ui import ExplainedHeading
from ui.preparation import PagePreparer, preparer_of
from ui.question_row import QuestionRow
from ui.wizard import PageId


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    install_fake_dialogs(monkeypatch)
    return open_window(qtbot, example_draft(tmp_path))


def _preparer(window) -> PagePreparer:
    preparer = preparer_of(window.wizard)
    assert preparer is not None, "the window's wizard has a preparer"
    return preparer


def _go_to(window, page_id: PageId) -> QWidget:
    for shown in walk_pages(window):
        if shown == page_id:
            return window.wizard.currentPage()
    raise AssertionError(f"page {page_id} not reached")


def _labels(page: QWidget) -> set[int]:
    return {id(label) for label in page.findChildren(QLabel) if label.isVisibleTo(page)}


def test_the_evidence_is_built_before_its_page_is_entered_and_reused(window) -> None:
    wizard = window.wizard
    evidence = wizard.page(PageId.EVIDENCE)
    assert not evidence.findChildren(ExplainedHeading), "nothing is built at first"
    preparer = _preparer(window)
    preparer.finish()
    assert preparer.is_idle(), "preparing never counts as an edit, so it comes to an end"
    concern = LIBRARY.concern(window.draft.concern)
    assert evidence.findChildren(ExplainedHeading), "built while the welcome page is shown"
    assert concern.name in evidence.ladder.text()
    built = _labels(evidence)
    assert _go_to(window, PageId.EVIDENCE) is evidence
    assert _labels(evidence) == built, "entering the page shows what was prepared"
    assert evidence.ladder.isVisibleTo(evidence)


def test_next_works_before_any_preparation(window) -> None:
    for page_id in walk_pages(window):  # no time is given to prepare anything
        page = window.wizard.currentPage()
        if page_id == PageId.EVIDENCE:
            concern = LIBRARY.concern(window.draft.concern)
            assert concern.name in page.ladder.text()
            texts = [label.text() for label in page.findChildren(QLabel)]
            assert "Sources in full" in texts
        if page_id == PageId.QUESTIONS:
            assert list(page.rows) == [i.id for i in window.draft.checklist]


def test_evidence_half_built_is_finished_when_entered(window) -> None:
    evidence = window.wizard.page(PageId.EVIDENCE)
    steps = evidence.prepare()
    next(steps)  # the heading and the first paragraphs only
    texts = [label.text() for label in evidence.findChildren(QLabel)]
    assert "Sources in full" not in texts
    _go_to(window, PageId.EVIDENCE)
    texts = [label.text() for label in evidence.findChildren(QLabel) if label.isVisibleTo(evidence)]
    assert "Sources in full" in texts
    assert texts.count("Each treatment in turn") == 1, "nothing is built twice"


def _choose(window, concern_id: str, subtype: str | None = None) -> None:
    concern_page = window.wizard.currentPage()
    assert window.wizard.currentId() == PageId.CONCERN
    concern_page.concern_radios[concern_id].setChecked(True)
    subtype = subtype or LIBRARY.concern(concern_id).subtypes[0].id
    concern_page.subtype_radios[subtype].setChecked(True)


def _back_to_concern(window) -> None:
    while window.wizard.currentId() != PageId.CONCERN:
        window.wizard.back()
        settle()


def _forward_to_evidence(window) -> QWidget:
    while window.wizard.currentId() != PageId.EVIDENCE:
        window.wizard.next()
        settle()
    return window.wizard.currentPage()


def test_a_concern_change_reaches_the_evidence_page(window) -> None:
    first = LIBRARY.concern(window.draft.concern)
    first_kind = window.draft.subtype
    other = next(c for c in LIBRARY.concerns if c.id != first.id)
    evidence = _go_to(window, PageId.EVIDENCE)
    assert first.name in evidence.ladder.text()
    first_labels = _labels(evidence)

    _back_to_concern(window)
    _choose(window, other.id)
    evidence = _forward_to_evidence(window)
    assert other.name in evidence.ladder.text() and first.name not in evidence.ladder.text()
    headings = [label.text() for label in evidence.findChildren(QLabel) if label.isVisible()]
    assert any(h.startswith(other.name) for h in headings)

    _back_to_concern(window)
    _choose(window, first.id, first_kind)
    evidence = _forward_to_evidence(window)
    assert first.name in evidence.ladder.text()
    assert _labels(evidence) == first_labels, "a concern seen before is shown again as built"


def test_the_kind_of_wound_decides_which_care_the_evidence_page_shows(window) -> None:
    wounds = LIBRARY.concern("chronic-wound")
    compression = next(t for t in wounds.treatments if t.id == "wound-compression")
    foot_care = next(t for t in wounds.treatments if t.id == "wound-foot-care")

    def shown_texts() -> list[str]:
        evidence = _forward_to_evidence(window)
        return [label.text() for label in evidence.findChildren(QLabel) if label.isVisible()]

    _go_to(window, PageId.CONCERN)
    _choose(window, "chronic-wound", "diabetic-foot")
    texts = shown_texts()
    assert foot_care.summary in texts and compression.summary not in texts
    [note] = [t for t in texts if t.startswith("Left out")]
    assert compression.name in note and "kind of wound" in note  # named, so it is not hidden
    assert window.wizard.currentPage().ladder.text().count(compression.name) == 0

    _back_to_concern(window)
    _choose(window, "chronic-wound", "venous-leg")
    texts = shown_texts()
    assert compression.summary in texts and foot_care.summary not in texts
    assert any(foot_care.name in t for t in texts if t.startswith("Left out"))

    _back_to_concern(window)
    _choose(window, "chronic-wound", "pressure")  # its own usual care (NICE CG179)
    pressure_care = next(t for t in wounds.treatments if t.id == "wound-pressure-care")
    texts = shown_texts()
    assert pressure_care.summary in texts
    assert compression.summary not in texts and foot_care.summary not in texts
    assert any(compression.name in t for t in texts if t.startswith("Left out"))


def test_a_concern_just_chosen_is_what_the_evidence_page_prepares(window) -> None:
    first = LIBRARY.concern(window.draft.concern)
    other = next(c for c in LIBRARY.concerns if c.id != first.id)
    _go_to(window, PageId.CONCERN)
    _choose(window, other.id)  # no Next yet
    preparer = _preparer(window)
    assert not preparer.is_idle(), "an edit starts the preparation (after a moment)"
    preparer.finish()
    evidence = window.wizard.page(PageId.EVIDENCE)
    assert window.draft.concern == other.id
    assert other.name in evidence.ladder.text()


def test_question_rows_are_kept_and_updated_in_place(window) -> None:
    questions = _go_to(window, PageId.QUESTIONS)
    rows = dict(questions.rows)
    first_id, second_id = list(rows)[:2]
    first = rows[first_id]
    first.include.setChecked(False)
    assert questions.rows[first_id] is first
    assert first.text_label.objectName() == "question_off"
    assert not window.draft.checklist[0].included

    questions.rows[second_id].up_button.click()
    assert [i.id for i in window.draft.checklist][:2] == [second_id, first_id]
    assert all(questions.rows[i] is rows[i] for i in rows), "no row was made again"
    in_layout = [w for w in layout_order(questions) if isinstance(w, QuestionRow)]
    order = [i.id for i in window.draft.checklist]
    assert questions.shown_order() == order == list(questions.rows)
    assert not in_layout, "rows take no Tab themselves: their controls do"
    assert questions.rows[second_id].include.accessibleName().startswith("Include question 1:")
    assert not questions.rows[second_id].up_button.isEnabled()
    assert questions.rows[first_id].up_button.isEnabled()


def _geometry(page: QWidget) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Every shown widget on ``page``: its class and place on the page."""
    out = []
    for widget in page.findChildren(QWidget):
        if widget.isVisible():
            top_left = widget.mapTo(page, widget.rect().topLeft())
            out.append(
                (
                    type(widget).__name__,
                    (top_left.x(), top_left.y(), widget.width(), widget.height()),
                )
            )
    return sorted(out)


def _next_of(widget: QWidget, among: list[QWidget]) -> QWidget:
    """The next of ``among`` in Qt's focus chain after ``widget`` (others are passed over)."""
    found = widget.nextInFocusChain()
    while found not in among and found is not widget:
        found = found.nextInFocusChain()
    return found


@pytest.mark.parametrize("size", [(1000, 760), (820, 620)], ids=["large", "small"])
def test_a_prepared_page_is_laid_out_as_one_shown_without_preparation(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size
) -> None:
    install_fake_dialogs(monkeypatch)
    prepared = open_window(qtbot, example_draft(tmp_path), size)
    cold = open_window(qtbot, example_draft(tmp_path), size)
    for timer in (_preparer(cold)._start, _preparer(cold)._turn):
        timer.blockSignals(True)  # this one prepares nothing: its pages are built on entry
    for page_id in walk_pages(cold):
        _preparer(prepared).finish()  # every page ahead prepared before Next
        if prepared.wizard.currentId() != page_id:
            prepared.wizard.next()
            settle()
        assert prepared.wizard.currentId() == page_id
        ours, theirs = prepared.wizard.currentPage(), cold.wizard.currentPage()
        assert _geometry(ours) == _geometry(theirs), f"page {page_id} is laid out differently"
        order = layout_order(ours)
        for a, b in pairwise(order):
            assert _next_of(a, order) is b, f"page {page_id}: Tab order is not the layout's"


def test_preparation_stops_when_the_wizard_is_replaced(window, tmp_path: Path) -> None:
    old = _preparer(window)
    window.open_path(Path(__file__).resolve().parents[1] / "resources/examples/scars.consultprep")
    settle()
    assert _preparer(window) is not old
    old._run()  # whatever it had left is dropped: its wizard is no longer shown
    assert old.is_idle() or not old.parent().isVisible()


def _forward_to(window, page_id: PageId) -> QWidget:
    while window.wizard.currentId() != page_id:
        window.wizard.next()
        settle()
    return window.wizard.currentPage()


def test_the_summary_is_updated_in_place(window) -> None:
    review = _go_to(window, PageId.REVIEW)
    labels = _labels(review)
    while window.wizard.currentId() != PageId.ABOUT:
        window.wizard.back()
        settle()
    window.wizard.currentPage().patient_name.setText("Ada Example")
    review = _forward_to(window, PageId.REVIEW)
    assert _labels(review) == labels, "the same labels, new words"
    texts = [label.text() for label in review.findChildren(QLabel) if label.isVisible()]
    assert "Ada Example" in texts  # beside "Name" (ui.summary_view)


def test_the_kinds_of_a_concern_are_kept_when_it_is_the_same(window) -> None:
    concern_page = _go_to(window, PageId.CONCERN)
    radios = dict(concern_page.subtype_radios)
    assert radios and any(r.isChecked() for r in radios.values())
    window.wizard.back()
    settle()
    _forward_to(window, PageId.CONCERN)
    assert concern_page.subtype_radios == radios, "the same cards, not made again"
    assert radios[window.draft.subtype].isChecked()


def test_a_widget_deleted_between_steps_is_passed_over(qtbot) -> None:
    """Preparing goes a few widgets at a time, with the event loop running between steps: a
    row deleted in between (a question removed) is passed over, not touched."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QVBoxLayout
    from shiboken6 import delete

    from ui.preparation import lay_out_steps, warm_up

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    rows = []
    for n in range(12):
        row = QWidget(page)
        QVBoxLayout(row).addWidget(QLabel(f"Question {n}", row))
        layout.addWidget(row)
        rows.append(row)
    for make_steps in (lambda: warm_up(page), lambda: lay_out_steps(page, QRect(0, 0, 400, 600), 2)):
        steps = make_steps()
        next(steps)
        gone = rows.pop()
        delete(gone)  # as deleteLater would, between two steps
        finished = sum(1 for _ in steps)
        assert finished > 0, "the steps went on after the deletion"
    assert all(row.geometry().width() > 0 for row in rows), "the rows left were laid out"
