"""Your questions: choose which to ask, your top three, the order, and your own questions.

Every change is written straight to the draft (through ``consultprep.checklist``), so there is
nothing to lose when moving between pages.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout
from shiboken6 import isValid

from consultprep import checklist
from consultprep.checklist import ChecklistError
from consultprep.citations import with_sources
from consultprep.content import Library
from consultprep.models import ChecklistItem, Draft
from consultprep.summary import shorten
from ui import dialogs
from ui.announce import announce
from ui.answers_dialog import NOTE_ANSWERS_HINT, note_button
from ui.edge_fade import scroll_to
from ui.focus import apply_layout_order
from ui.pages.base import DraftPage
from ui.question_row import Place, QuestionRow
from ui.responsive import FoldingPanel
from ui.row_column import RowColumn
from ui.top_three import AddQuestionPanel, TopThree
from ui.widgets import (
    HINT,
    NOTICE,
    PAGE_MARGIN,
    ScrollContent,
    big_button,
    page_changed,
    plain_label,
    scrolling,
)

#: The "Add your own question" row scrolls with the list when it would take more than this
#: share of the page (and comes back out below this).
ADD_FOLD_AT = 0.25
ADD_UNFOLD_AT = 0.18

#: Rows made at once when the page needs them; more are made just after (``_make_more``).
ROWS_AT_ONCE = 100
MORE_SECONDS = 0.03  # ... for this long at a time


class QuestionsPage(DraftPage):
    """The checklist, one row per question, with the current top three above it."""

    def __init__(self, draft: Draft, library: Library) -> None:
        super().__init__(
            draft,
            library,
            "Your questions",
            "Tick the questions you want to ask. Choose your top three. Add your own.",
        )
        self.rows: dict[str, QuestionRow] = {}
        #: Rows still to make (see ``_show_rows``), and the timer that makes them.
        self._rest: Iterator[None] | None = None
        self._more = QTimer(self, singleShot=True, interval=0)
        self._more.timeout.connect(self._make_more)

        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(8)
        self.top_three = TopThree(self)
        layout.addWidget(self.top_three.frame)
        self.count_label = plain_label(role=HINT)
        layout.addWidget(self.count_label)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(6)
        layout.addLayout(self._rows_layout)
        self._column = RowColumn(self._rows_layout)  # the rows, in blocks (see its module)
        self._fold_place = QVBoxLayout()  # "Add your own question", when it scrolls with them
        layout.addLayout(self._fold_place)
        # Where answers are shown, a way to write them (a man back from his appointment looked
        # here); after the list: first, Enter pressed it on coming to the page.
        layout.addWidget(plain_label(NOTE_ANSWERS_HINT, role=HINT))
        self.note_answers_button = note_button(self)
        layout.addWidget(self.note_answers_button)
        layout.addStretch(1)
        self.scroll_area = scrolling(content, "Your questions")
        self._in_view: str | None = None  # a question just added, kept in view a moment
        self._in_view_timer = QTimer(self, singleShot=True, interval=500)
        self._in_view_timer.timeout.connect(lambda: setattr(self, "_in_view", None))
        self.scroll_area.verticalScrollBar().rangeChanged.connect(self._keep_in_view)

        self.message_label = plain_label(role=NOTICE)  # (no accessible name: its text is read)
        self.message_label.hide()
        message_row = QHBoxLayout()
        message_row.setContentsMargins(PAGE_MARGIN, 0, PAGE_MARGIN, 0)
        message_row.addWidget(self.message_label, 1)
        # After "Remove": one click brings it back, where it was (nothing lost to a slip).
        self.put_back_button = big_button("&Put it back", "Put your question back")
        self.put_back_button.clicked.connect(self._put_back)
        self.put_back_button.hide()
        message_row.addWidget(self.put_back_button)
        self._removed: tuple[int, ChecklistItem] | None = None
        self._said_on_leaving = ""  # what add_typed did, said when the page is shown again

        self.add_panel = AddQuestionPanel()
        self.own_question_edit = self.add_panel.edit
        self.add_button = self.add_panel.button
        self.add_panel.add_requested.connect(self._add_own)
        self.own_question_edit.textEdited.connect(self.typed)  # for the safety copy
        # (Qt does nothing while the row is below the scroll area, not in it.)
        self.add_panel.wants_view.connect(lambda: scroll_to(self.add_panel))

        outer = self.page_layout
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(message_row)
        outer.addWidget(self.add_panel)
        # Large text in a short window: the row goes to the list's end (not read through a slit)
        folds = {"fold_at": ADD_FOLD_AT, "unfold_at": ADD_UNFOLD_AT}
        self.add_fold = FoldingPanel(self, self.add_panel, outer, self._fold_place, **folds)
        self.add_fold.moved.connect(self._add_row_moved)

    # --- draft ----------------------------------------------------------------------------
    def read_draft(self) -> None:
        """Show the draft's checklist (it may have changed on the concern or offer pages)."""
        checklist.sync_checklist(self.draft, self.library)
        self.show_message(self._said_on_leaving)
        self._said_on_leaving = ""
        self._show_rows()

    def prepare(self) -> Iterator[None]:
        """Make the rows the draft's checklist needs, yielding after each new one
        (``ui.preparation`` does this in idle time, before the page is entered)."""
        yield from self._row_steps()

    def write_draft(self) -> None:
        """Nothing to do: every change was written to the draft as it was made."""

    def add_typed(self, *, leaving: bool = False) -> None:
        """A question left in the "Add" box is added, as Add would (it was typed to be asked),
        when the page is left or the draft saved; the message says so on coming back."""
        kept = checklist.keep_typed_question(self.draft, self.own_question_edit.text())
        if kept is None:
            return
        item, new = kept
        said = (f"You typed a question but did not press Add, so it was added to the end of "
                f"your list: “{shorten(item.text, 80)}”." if new else
                "That question is already on your list, and it is ticked to ask.")
        self.own_question_edit.clear()
        self._changed(None)
        self.show_message(said)
        self._said_on_leaving = said if leaving else ""  # said again on coming back

    def typed_not_added(self) -> str:
        return self.own_question_edit.text()

    def showEvent(self, event: QShowEvent) -> None:
        """Called by Qt when the page is shown, also on Back: show questions added later on
        (a "Not yet" on the readiness page, after this one, adds a question to the list)."""
        if list(self.rows) != [i.id for i in self.draft.checklist]:
            self._show_rows()
        super().showEvent(event)

    def shown_order(self) -> list[str]:
        """The question ids of the rows, in the order they are shown."""
        return [row.item_id for row in self._column.rows()]

    def show_message(self, text: str, removed: tuple[int, ChecklistItem] | None = None) -> None:
        """Show a short message under the list (empty text hides it), with "Put it back" if
        it says that ``removed`` (where a question was, and the question) was removed."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        if text and self.isVisible():  # not a Tab stop: a screen reader is told
            announce(self.message_label, text)
        self._removed = removed
        self.put_back_button.setVisible(removed is not None)
        if removed is not None:
            self.put_back_button.setAccessibleName(
                f"Put back your question: {shorten(removed[1].text, 80)}"
            )

    # --- building -------------------------------------------------------------------------
    def _show_rows(self, focus: tuple[str, str] | None = None) -> None:
        """Bring the rows in line with the checklist: rows are kept, updated and moved, and
        made or removed only for questions added or removed.

        At most ``ROWS_AT_ONCE`` rows are made now; any more (a list of thousands, on a page
        entered before it was prepared) are made just after, a few at a time between the
        patient's clicks and keys (``_make_more``), so the page is shown at once."""
        steps = self._row_steps()
        self._rest = None
        for made, _ in enumerate(steps, start=1):
            if made >= ROWS_AT_ONCE:
                self._rest = steps
                self._more.start()
                self._show_blocks()
                self._show_top()  # the count and the top three are right already
                page_changed(self)
                break
        if focus is not None:
            item_id, role = focus
            row = self.rows.get(item_id)
            if row is not None:
                widget = row.buttons().get(role)
                if widget is not None and not widget.isEnabled():
                    widget = row.include
                if widget is not None:
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(row, 0, 40))

    def _make_more(self) -> None:
        """Make more of the rows ``_show_rows`` left to make, for a moment; then again."""
        steps = self._rest
        if steps is None:
            return
        end = time.perf_counter() + MORE_SECONDS
        for _ in steps:
            if time.perf_counter() >= end:
                self._show_blocks(full_only=True)
                self._more.start()
                return
        if steps is self._rest:  # all made, placed in order and counted as a change
            self._rest = None
            apply_layout_order(self)  # Tab goes through the new rows in order

    def _show_blocks(self, *, full_only: bool = False) -> None:
        """Show the rows made (``RowColumn.hidden_blocks``), with room made for them first:
        else Qt squeezed every row shown into the old height, then let them grow back, which
        laid the whole list out twice for each block shown."""
        boxes = self._column.hidden_blocks(full_only=full_only)
        content = self.scroll_area.widget()
        if not boxes or content is None or not self.isVisible():
            for box in boxes:
                box.show()
            return
        layout = content.layout()
        layout.setEnabled(False)  # Qt lays the page out as each block is shown: not yet
        for box in boxes:
            box.show()
        layout.setEnabled(True)
        height = content.heightForWidth(content.width())
        if height > content.height():
            content.resize(content.width(), height)  # laid out once, with room for all

    def _row_steps(self) -> Iterator[None]:
        items = self.draft.checklist
        wanted = {i.id for i in items}
        changed = False
        for item_id in [i for i in self.rows if i not in wanted]:
            row = self.rows.pop(item_id)
            self._column.remove(row)
            row.hide()
            row.deleteLater()
            changed = True
        applies = {q.id for q, _ in checklist.applicable_questions(self.draft, self.library)}
        clinic = {i.id for i in checklist.for_specialist_and_clinic(self.draft, self.library)[1]}
        for n, item in enumerate(items):
            question = checklist.question_for(item, self.library)
            why = ""
            if question is not None:  # the reason, with its sources if it states a fact
                why = with_sources(question.why, self.library, question.citations)
            kept = item.source != "own" and item.id not in applies
            where = Place(n == 0, n == len(items) - 1, n + 1, kept, item.id in clinic)
            row = self.rows.get(item.id)
            if row is not None:
                row.show_item(item, why, where)
            else:
                row = QuestionRow(item, why, where)
                self._connect(row)
                self.rows[item.id] = row
                self._column.append(row)
                changed = True
                if not self.isVisible():  # prepared ahead: laid out a block at a time
                    self._show_blocks(full_only=True)
                yield
        if self._column.set_rows([self.rows[i.id] for i in items]):  # the checklist's order
            changed = True
        self._show_blocks()
        if list(self.rows) != [i.id for i in items]:
            self.rows = {i.id: self.rows[i.id] for i in items}
        self._show_top()
        if changed:
            page_changed(self)  # the tab order follows the rows

    def _show_top(self) -> None:
        self.top_three.show_top([item.text for item in self.draft.top_questions()])
        included = sum(i.included for i in self.draft.checklist)
        total = len(self.draft.checklist)
        where_add = " To add your own, go to the end of the list." if self.add_fold.folded else ""
        self.count_label.setText(
            f"{included} of {total} questions ticked to ask. Your top questions are printed first, "
            f"then the rest in this order (any for the clinic last).{where_add}"
        )

    def _add_row_moved(self, _folded: bool) -> None:
        """The row moved in or out of the list: say where it is (the header looks again at
        the room it leaves by itself: ``FoldingPanel``)."""
        self._show_top()

    def _connect(self, row: QuestionRow) -> None:
        item_id = row.item_id
        row.include.toggled.connect(lambda on: self._include(item_id, on))
        row.top_button.toggled.connect(lambda on: self._top(item_id, on))
        row.up_button.clicked.connect(lambda: self._move(item_id, -1, "up"))
        row.down_button.clicked.connect(lambda: self._move(item_id, 1, "down"))
        if row.remove_button is not None:
            row.remove_button.clicked.connect(lambda: self._remove(item_id))

    # --- edits ----------------------------------------------------------------------------
    def _item(self, item_id: str):
        return next((i for i in self.draft.checklist if i.id == item_id), None)

    def _include(self, item_id: str, on: bool) -> None:
        item = self._item(item_id)
        if item is None:
            return
        item.included = on
        if not on and item.top:
            checklist.set_top(self.draft, item_id, False)  # frees a top-three place
        self._changed((item_id, "include"))

    def _top(self, item_id: str, on: bool) -> None:
        try:
            checklist.set_top(self.draft, item_id, on)
        except ChecklistError as exc:
            self.show_message(str(exc))
            button = self.rows[item_id].top_button
            button.blockSignals(True)
            button.setChecked(not on)
            button.blockSignals(False)
            return
        self._changed((item_id, "top"))

    def _move(self, item_id: str, delta: int, role: str) -> None:
        try:
            checklist.move(self.draft, item_id, delta)
        except ChecklistError as exc:
            self.show_message(str(exc))
            return
        self._changed((item_id, role))
        shown = self.shown_order()  # where it is now, for a screen reader (a keyboard audit)
        announce(self.rows[item_id], f"Moved to number {shown.index(item_id) + 1} of {len(shown)}.")

    def _remove(self, item_id: str) -> None:
        ids = [i.id for i in self.draft.checklist]
        item = self.draft.checklist[ids.index(item_id)] if item_id in ids else None
        if item and not dialogs.confirm_remove_question(self, item.text, item.answer, item.asked):
            return
        removed = checklist.remove_own_question(self.draft, item_id)
        n = ids.index(item_id) if item_id in ids else 0  # the focus goes to the next one
        rest = [i for i in ids if i != item_id]
        focus = (rest[min(n, len(rest) - 1)], "include") if rest else None
        self._changed(focus)
        if removed is not None:
            self.show_message(f"Removed your question “{shorten(removed[1].text, 80)}”.", removed)
            # The undo has the focus: Enter puts it back, and a screen reader says what happened
            # (the message is not a Tab stop). Tab goes on from there.
            self.put_back_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif not rest:
            self.own_question_edit.setFocus()

    def _put_back(self) -> None:
        """Bring back the question just removed, where it was."""
        if self._removed is None:
            return
        item = checklist.put_back(self.draft, *self._removed)
        self._changed((item.id, "include"))
        self.show_message("Your question is back on the list.")

    def _add_own(self) -> None:
        try:
            item = checklist.add_own_question(self.draft, self.own_question_edit.text())
        except ChecklistError as exc:
            self.show_message(str(exc))
            self.own_question_edit.setFocus()
            return
        self.own_question_edit.clear()
        self._changed((item.id, "include"))
        self.show_message("Your question was added at the end of the list.")
        self.own_question_edit.setFocus()
        # The page settles over the next moments (labels wrap, rows grow): the new row is kept
        # in view while the page's height changes, for half a second.
        self._in_view = item.id
        self._in_view_timer.start()
        QTimer.singleShot(0, self, self._keep_in_view)

    def _keep_in_view(self, *_args: object) -> None:
        """Bring the question just added into view (at the end of the list, out of sight)."""
        row = self.rows.get(self._in_view) if self._in_view else None
        if row is not None and isValid(row):
            self.scroll_area.ensureWidgetVisible(row, 0, 12)
            if self.add_fold.folded:  # the box under it, in view for the next question typed
                self.scroll_area.ensureWidgetVisible(self.add_panel, 0, 12)

    def _changed(self, focus: tuple[str, str] | None) -> None:
        self.show_message("")
        self._show_rows(focus)
        self.mark_edited()
