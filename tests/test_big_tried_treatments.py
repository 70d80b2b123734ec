"""Absurdly many tried treatments on the About page: all shown, in order, editable, and saved
unchanged; the first rows at once and the rest a block at a time (``ui.tried_treatments``).

Behaviour only, never time. The other absurd drafts are in ``tests/test_big_drafts.py``.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from consultprep.models import TriedTreatment
from tests.a11y_helpers import LIBRARY, settle
from tests.test_big_drafts import _draft, _go_to, _in_tab_order, _window
from ui.focus import layout_order
from ui.main_window import MainWindow
from ui.preparation import preparer_of
from ui.row_column import BLOCK
from ui.tried_treatments import STACK_BELOW_CHARS, TriedRow, TriedTreatmentsEditor
from ui.wizard import PageId


def _controls(rows: list[TriedRow], editor: TriedTreatmentsEditor) -> list[QWidget]:
    """The controls of a tried-treatments editor with these rows, in Tab order: a row's two
    boxes, then its Remove (stacked, Remove is beside the name, but Space pressed out of habit
    after typing the name asked to remove the treatment: a keyboard walk-through)."""
    fields = [w for r in rows for w in (r.name_edit, r.how_edit, r.remove_button)]
    return [*fields, editor.add_button]


# --- tried treatments -----------------------------------------------------------------------
def _treatments(count: int) -> list[TriedTreatment]:
    return [
        TriedTreatment(name=f"Cream {n}", how_it_went=f"Helped {n} weeks,\nthen stopped")
        for n in range(count)
    ]


def _all_shown(editor: TriedTreatmentsEditor) -> bool:
    """True once no rows are still coming in (the line that counts them is gone)."""
    return not editor.more_label.isVisibleTo(editor)


def _tops(rows: list[TriedRow], page: QWidget) -> list[int]:
    return [r.name_edit.mapTo(page, QPoint(0, 0)).y() for r in rows]


def test_two_thousand_treatments_round_trip_through_the_about_page(qtbot, dialogs) -> None:
    treatments = _treatments(2000)
    draft = _draft()
    draft.about.treatments_tried = treatments
    window = MainWindow(LIBRARY, draft, None)  # not shown: the pages are read and written
    qtbot.addWidget(window)
    page = _go_to(window, PageId.ABOUT)
    editor = page.treatments_tried
    assert len(editor.rows) < len(treatments), "the first rows at once, the others just after"
    page.write_draft()
    assert window.draft.about.treatments_tried == treatments, "none lost meanwhile"
    qtbot.waitUntil(lambda: _all_shown(editor), timeout=60_000)
    rows = editor.rows
    assert [(r.name_edit.toPlainText(), r.how_edit.toPlainText()) for r in rows] == [
        (t.name, t.how_it_went) for t in treatments
    ]
    assert rows[-1].name_edit.accessibleName() == "Treatment 2000: name"
    assert rows[-1].remove_button.accessibleName() == "Remove treatment 2000"
    assert layout_order(editor) == _controls(rows, editor), "one row under the other, in order"
    page.write_draft()
    assert window.draft.about.treatments_tried == treatments
    window.wizard.next()  # and back: nothing is lost or made again
    settle()
    window.wizard.back()
    settle()
    assert page.treatments_tried.rows == rows
    assert window.draft.about.treatments_tried == treatments


def test_three_thousand_treatments_are_shown_at_once_then_all_in_order(qtbot, dialogs) -> None:
    """A page entered before its rows were made shows the first ones at once, says how many,
    and shows the others just after: every row in its place, Tab in reading order."""
    treatments = _treatments(3000)
    draft = _draft()
    draft.about.treatments_tried = treatments
    window = _window(qtbot, draft, prepare=False)
    page = _go_to(window, PageId.ABOUT)
    editor = page.treatments_tried
    assert len(editor.rows) < len(treatments)
    assert editor.more_label.isVisible()
    assert "of your 3,000 treatments are shown" in editor.more_label.text()
    assert "all of them are kept" in editor.more_label.text()
    page.write_draft()
    assert window.draft.about.treatments_tried == treatments, "none lost meanwhile"
    qtbot.waitUntil(lambda: _all_shown(editor), timeout=60_000)
    settle()
    rows = editor.rows
    assert [(r.name_edit.toPlainText(), r.how_edit.toPlainText()) for r in rows] == [
        (t.name, t.how_it_went) for t in treatments
    ]
    assert all(r.name_edit.isVisible() and r.remove_button.isVisible() for r in rows)
    tops = _tops(rows, page)
    assert tops == sorted(set(tops)), "one row under the other, in order"
    steps = {b - a for a, b in pairwise(tops)}
    assert len(steps) == 1, "evenly spaced, also where one block of rows meets the next"
    assert len({(r.how_edit.x(), r.how_edit.width()) for r in rows}) == 1, "columns line up"
    assert rows[-1].how_edit.accessibleName() == "Treatment 3000: how it went"
    assert layout_order(editor) == _controls(rows, editor)
    controls = layout_order(page)
    assert _in_tab_order(controls), "Tab goes through the page, the new rows too, in order"
    page.write_draft()
    assert window.draft.about.treatments_tried == treatments


def test_treatments_removed_or_added_while_others_come_in_keep_their_order(qtbot, dialogs) -> None:
    treatments = _treatments(6 * BLOCK)
    draft = _draft()
    draft.about.treatments_tried = treatments
    window = _window(qtbot, draft, prepare=False)
    page = _go_to(window, PageId.ABOUT)
    editor = page.treatments_tried
    assert not _all_shown(editor)
    dialogs.question_answer = QMessageBox.StandardButton.Yes  # "Remove"
    editor.rows[5].remove_button.click()
    kept = treatments[:5] + treatments[6:]
    assert editor.value() == kept
    assert editor.rows[5].name_edit.toPlainText() == "Cream 6"
    assert editor.rows[5].name_edit.accessibleName() == "Treatment 6: name"
    editor.add_button.click()  # the others are all shown first: the new row is the last
    assert _all_shown(editor) and len(editor.rows) == len(treatments)
    assert editor.rows[-1].name_edit.toPlainText() == ""
    assert editor.rows[-1].remove_button.accessibleName() == f"Remove treatment {len(treatments)}"
    qtbot.waitUntil(editor.rows[-1].name_edit.hasFocus)
    assert editor.value() == kept  # (an empty row is not stored)
    settle()
    tops = _tops(editor.rows, page)
    assert tops == sorted(set(tops))
    assert layout_order(editor) == _controls(editor.rows, editor)
    editor.rows[BLOCK].remove_button.click()  # the first row of a later block
    del kept[BLOCK]
    assert editor.value() == kept
    assert editor.rows[BLOCK].name_label.text() == f"Treatment {BLOCK + 1}"
    settle()
    assert _tops(editor.rows, page) == sorted(set(_tops(editor.rows, page)))
    assert layout_order(editor) == _controls(editor.rows, editor)


def test_treatments_made_ahead_are_shown_a_block_at_a_time(qtbot, dialogs) -> None:
    treatments = _treatments(5 * BLOCK + 3)
    draft = _draft()
    draft.about.treatments_tried = treatments
    window = _window(qtbot, draft)
    preparer_of(window.wizard).finish()  # made while another page is shown
    editor = window.wizard.page(PageId.ABOUT).treatments_tried
    rows = list(editor.rows)
    assert len(rows) == len(treatments)
    page = _go_to(window, PageId.ABOUT)
    assert editor.rows == rows, "made ahead: kept, not made again"
    shown = [r for r in rows if r.name_edit.isVisible()]
    assert shown == rows[: len(shown)], "the first rows, in order"
    page.write_draft()
    assert window.draft.about.treatments_tried == treatments
    qtbot.waitUntil(lambda: _all_shown(editor), timeout=20_000)
    settle()
    assert all(r.name_edit.isVisible() for r in rows)
    assert _tops(rows, page) == sorted(set(_tops(rows, page)))
    assert _in_tab_order(layout_order(page))


def test_stacked_treatments_in_blocks_stay_in_order(qtbot, dialogs) -> None:
    """Narrow, each row's fields are stacked under "Treatment n"; rows of several blocks are
    still evenly spaced, and side by side again, the columns line up from block to block."""
    host = QWidget()  # as on the page: the editor, then room to spare
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    editor = TriedTreatmentsEditor()
    layout.addWidget(editor)
    layout.addStretch(1)
    editor.set_value(_treatments(2 * BLOCK + 3))
    wide = 2 * STACK_BELOW_CHARS * editor.fontMetrics().averageCharWidth()
    host.resize(wide // 3, 400)
    host.show()
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: editor.stacked)
    settle()
    rows = editor.rows
    assert all(r.name_label.isVisible() for r in rows)
    assert [r.name_label.text() for r in rows[BLOCK - 1 : BLOCK + 1]] == [
        f"Treatment {BLOCK}",
        f"Treatment {BLOCK + 1}",
    ]
    tops = _tops(rows, editor)
    assert len({b - a for a, b in pairwise(tops)}) == 1
    assert all(r.how_edit.y() > r.name_edit.y() for r in rows[BLOCK - 2 : BLOCK + 2])
    assert layout_order(editor) == _controls(rows, editor)
    host.resize(wide, 400)
    qtbot.waitUntil(lambda: not editor.stacked)
    settle()
    assert not any(r.name_label.isVisible() for r in rows)
    assert len({(r.name_edit.x(), r.name_edit.width()) for r in rows}) == 1
    assert len({b - a for a, b in pairwise(_tops(rows, editor))}) == 1
    assert editor.value() == _treatments(2 * BLOCK + 3)


def test_treatments_set_in_steps_keep_the_rows_that_match(qtbot) -> None:
    editor = TriedTreatmentsEditor()
    qtbot.addWidget(editor)
    first = [TriedTreatment(name=f"T{n}", how_it_went="ok") for n in range(120)]
    steps = editor.set_value_steps(first, per_step=25)
    next(steps)
    assert [r.name_edit.toPlainText() for r in editor.rows] == [f"T{n}" for n in range(25)]
    for _ in steps:
        pass
    assert editor.value() == first
    kept = list(editor.rows[:60])
    changed = [*first[:60], TriedTreatment(name="New"), *first[61:]]
    editor.set_value(changed)
    assert editor.rows[:60] == kept, "rows that already show the same are kept"
    assert editor.value() == changed
    assert [r.name_label.text() for r in editor.rows[59:62]] == [
        f"Treatment {n}" for n in (60, 61, 62)
    ]
    editor.set_value(first[:10])
    assert editor.value() == first[:10] and len(editor.rows) == 10


def test_removing_one_of_many_treatments_renumbers_the_rest(qtbot, dialogs) -> None:
    dialogs.question_answer = QMessageBox.StandardButton.Yes  # "Remove" (it has a name)
    editor = TriedTreatmentsEditor()
    qtbot.addWidget(editor)
    editor.set_value([TriedTreatment(name=f"T{n}") for n in range(300)])
    editor.rows[100].remove_button.click()
    assert [t.name for t in editor.value()] == [f"T{n}" for n in range(300) if n != 100]
    assert editor.rows[100].name_edit.toPlainText() == "T101"
    assert editor.rows[100].name_edit.accessibleName() == "Treatment 101: name"
    assert layout_order(editor) == _controls(editor.rows, editor), "each row in its place"


# --- questions ------------------------------------------------------------------------------
