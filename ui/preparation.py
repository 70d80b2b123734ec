"""Getting the wizard's pages ready in idle time, so that Next only has to show them.

Showing a page for the first time takes far longer than one frame (16 ms): its widgets are
styled, each word-wrapped label works out its height at the page's width, and some pages build
what they show from the draft (the evidence for the chosen concern, one row per question, the
summary). ``PagePreparer`` does this for the pages after the one in view while the app is idle,
in small steps (a few milliseconds each, so typing and clicking are never held up):

1. the page's own ``prepare()`` steps, if it has them: a generator that builds one small piece
   of what the page will show each time it is resumed;
2. every widget is styled (polished), and every label works out its size hints;
3. the hidden page is laid out at the size it will have (``lay_out_hidden``);
4. its glossary tooltips and tab order are brought up to date.

It starts a moment after a page is shown, after an edit (the page in view is written to the
draft first, as autosave does, so a concern just chosen is what the evidence page prepares),
and when the window changes size. Nothing depends on it having finished: a page entered earlier
builds what it still needs when it is entered (``read_draft``), as it always did, only slower.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMoveEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QScrollArea, QWidget, QWizard
from shiboken6 import isValid

from ui.focus import KeyboardHelper, own_layout, page_stamp

#: Work done in one turn of the event loop before letting it handle input and painting.
SLICE_SECONDS = 0.004
#: Wait this long after a page is shown (it is painted first) ...
AFTER_SHOWN_MS = 40
#: ... and after an edit or a resize (more usually follow) before preparing.
AFTER_EDIT_MS = 200

_RELAYOUT = frozenset({QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange})
_PENDING_MOVE = Qt.WidgetAttribute.WA_PendingMoveEvent
_PENDING_RESIZE = Qt.WidgetAttribute.WA_PendingResizeEvent


def lay_out_hidden(page: QWidget, rect: QRect) -> None:
    """Lay out ``page``, which is hidden, as it will be when shown at ``rect``, at once."""
    for _ in lay_out_steps(page, rect):
        pass


def lay_out_steps(page: QWidget, rect: QRect, per_step: int = 30) -> Iterator[None]:
    """Lay out ``page``, which is hidden, as it will be when shown at ``rect``, yielding
    after every ``per_step`` widgets.

    Qt lays a hidden widget out only when it is shown. This does now what showing would do:
    give the page its geometry, then, from the top down, send each widget the move and resize
    events it is owed and activate its layout; a scroll area is told its size again when its
    content asks for another height. Repeated until nothing changes (a scroll bar can come or
    go, a panel fold away).
    """
    page.setGeometry(rect)
    layouts = {}  # each widget's own (top-level) layout, found in one call
    for layout in page.findChildren(QLayout):
        owner = layout.parent()
        if isinstance(owner, QWidget):
            layouts[owner] = layout
    widgets = [page, *(w for w in page.findChildren(QWidget) if w.isVisibleTo(page))]
    told: dict[QScrollArea, int] = {}  # the content height each scroll area was sized for
    busy, rounds = True, 0
    while busy and rounds < 8:
        busy, rounds = False, rounds + 1
        for n, widget in enumerate(widgets, 1):  # parents before their children
            if not isValid(widget):
                continue
            layout = layouts.get(widget)
            if layout is not None and not isValid(layout):
                layout = None
            busy = _lay_out_one(widget, layout, told) or busy
            if n % per_step == 0:
                yield


def _lay_out_one(widget: QWidget, layout: QLayout | None, told: dict[QScrollArea, int]) -> bool:
    """What showing ``widget`` would do to its layout; True if anything changed."""
    busy = False
    if widget.testAttribute(_PENDING_MOVE):
        widget.setAttribute(_PENDING_MOVE, False)
        QCoreApplication.sendEvent(widget, QMoveEvent(widget.pos(), widget.pos()))
    if widget.testAttribute(_PENDING_RESIZE):
        widget.setAttribute(_PENDING_RESIZE, False)
        QCoreApplication.sendEvent(widget, QResizeEvent(widget.size(), QSize()))
        busy = True
    if layout is not None and layout.activate():
        busy = True
    if isinstance(widget, QScrollArea):
        # A shown scroll area hears that its content's height changed; a hidden one does
        # not: its view's size is told again, and it sizes its content and scroll bars.
        wanted = _content_height(widget)
        if told.get(widget, -1) != wanted:
            told[widget] = wanted
            view = widget.viewport()
            QCoreApplication.sendEvent(view, QResizeEvent(view.size(), QSize()))
            # Qt shows or hides the scroll bars a moment later: done now, the content is laid
            # out once, at the width it keeps (a long advert's layout took seconds each time).
            QCoreApplication.sendPostedEvents(widget, QEvent.Type.MetaCall)
            busy = True
    return busy


def _content_height(area: QScrollArea) -> int:
    """The height a resizable scroll area's content asks for at its width (0: none)."""
    content = area.widget() if area.widgetResizable() else None
    if content is None:
        return 0
    layout = own_layout(content)
    if layout is None or not layout.hasHeightForWidth():
        return 0
    return content.heightForWidth(content.width())


def warm_up(page: QWidget) -> Iterator[None]:
    """Style the widgets on ``page`` not styled yet, and let the labels among them work out
    their size hints, yielding after each few (the costly part of showing a page the first
    time, apart from the layout)."""
    polished = Qt.WidgetAttribute.WA_WState_Polished
    done = 0
    # Children before their parents: styling a widget styles all of its children not styled
    # yet, which for a whole page is far more than one small step. (The style sheet sets
    # fonts on labels and buttons only, so a child's size does not wait for its parent.)
    for widget in [*reversed(page.findChildren(QWidget)), page]:
        if not isValid(widget) or widget.testAttribute(polished):  # deleted since: passed over
            continue
        widget.ensurePolished()
        done += 1
        if isinstance(widget, QLabel) and widget.wordWrap():
            widget.minimumSizeHint()  # the label keeps these until its text or font changes
            widget.sizeHint()
            yield
        elif done % 8 == 0:
            yield


class PagePreparer(QObject):
    """Prepares the pages after the one in view, in idle time (see the module docstring)."""

    #: Everything ahead is prepared (until the next page change, edit or resize).
    finished = Signal()

    def __init__(self, wizard: QWizard, keyboard: KeyboardHelper | None = None) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._keyboard = keyboard
        self._work: Iterator[None] | None = None
        self._write_first = False
        #: Per page: what it was last prepared for (its changes, size, font and style).
        self._prepared: dict[QWidget, tuple] = {}
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._run)
        self._start = QTimer(self)
        self._start.setSingleShot(True)
        self._start.timeout.connect(self._begin)
        wizard.currentIdChanged.connect(lambda _id: self.schedule(AFTER_SHOWN_MS))
        wizard.pageAdded.connect(lambda _id: self.schedule(AFTER_SHOWN_MS))
        if hasattr(wizard, "edited"):
            wizard.edited.connect(self._edited)
        wizard.installEventFilter(self)
        self.schedule(AFTER_SHOWN_MS)

    # --- ours -------------------------------------------------------------------------------
    def schedule(self, delay_ms: int = 0) -> None:
        """Prepare the pages ahead afresh, starting in ``delay_ms`` (work under way stops)."""
        self._work = None
        self._turn.stop()
        self._start.start(delay_ms)

    def is_idle(self) -> bool:
        """True when there is nothing left to prepare and nothing is waiting to start."""
        return self._work is None and not self._start.isActive()

    def finish(self) -> None:
        """Do all the preparation left at once (for tests)."""
        for _ in range(10):  # a step may start it again (a panel folding away resizes, say)
            if self._start.isActive():
                self._start.stop()
                self._begin()
            while self._work is not None:
                self._run(budget=float("inf"))
            if self.is_idle():
                break
        self._turn.stop()

    def pages_ahead(self) -> list[QWidget]:
        """The pages after the one in view, nearest first."""
        current = self._wizard.currentId()
        if current == -1:
            return []
        return [self._wizard.page(n) for n in self._wizard.pageIds() if n > current]

    # --- the work ---------------------------------------------------------------------------
    def _edited(self) -> None:
        self._write_first = True
        self.schedule(AFTER_EDIT_MS)

    def _begin(self) -> None:
        self._work = self._all()
        self._turn.start()

    def _run(self, budget: float = SLICE_SECONDS) -> None:
        work = self._work
        if work is None:
            return
        if not self._wizard.isVisible():  # replaced (File ▸ Open) or the window closed
            self._work = None
            return
        end = time.perf_counter() + budget
        try:
            while self._work is work and time.perf_counter() < end:
                next(work)
        except StopIteration:
            if self._work is work:
                self._work = None
                self.finished.emit()
            return
        if self._work is work:  # else a step led to ``schedule`` (a resize, say): start again
            self._turn.start()

    def _all(self) -> Iterator[None]:
        wizard = self._wizard
        if wizard.currentId() == -1 or not wizard.isVisible():
            return
        if self._write_first:
            self._write_first = False
            write = getattr(wizard, "write_current_page", None)
            if write is not None:
                write()  # a concern just chosen is what the evidence page prepares
            yield
        rect = wizard.currentPage().geometry()
        for page in self.pages_ahead():
            yield from self._prepare(page, rect)

    def _prepare(self, page: QWidget, rect: QRect) -> Iterator[None]:
        show_step = getattr(page, "show_step", None)
        if callable(show_step):
            show_step()  # "Step 4 of 8" makes the header taller: before any layout
        prepare = getattr(page, "prepare", None)
        laid_out = True  # every piece of content made so far is laid out
        if callable(prepare):
            if self._prepared.get(page) is None:
                # Laid out before the page shows the draft: a text box filled at the width
                # it will have is laid out once, not again on showing (ten million letters
                # took seconds each time).
                yield from lay_out_steps(page, rect)
            pieces, lay_out_at = 0, 1
            for _ in prepare():  # a piece of content at a time, laid out as it comes ...
                pieces += 1
                laid_out = False
                yield
                if pieces < lay_out_at:
                    continue
                # ... after the 1st, 2nd, 4th, 8th piece and so on: laying the whole page
                # out after each of thousands of question rows took minutes.
                lay_out_at *= 2
                yield from warm_up(page)
                yield from lay_out_steps(page, rect)
                laid_out = True
                yield
        wanted = self._wanted(page, rect)
        if laid_out and self._prepared.get(page) == wanted:
            return
        yield from warm_up(page)
        yield from lay_out_steps(page, rect)
        yield
        from ui.glossary_ui import add_tooltips  # loads the glossary: not needed at start

        add_tooltips(page)
        yield
        if self._keyboard is not None:
            self._keyboard.name_scroll_areas(page)
            self._keyboard.refresh_page(page)
            yield
        self._prepared[page] = self._wanted(page, rect)

    def _wanted(self, page: QWidget, rect: QRect) -> tuple:
        app = QApplication.instance()
        return (page_stamp(page), rect.size(), app.font().key(), hash(app.styleSheet()))

    # --- Qt overrides -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the wizard's events: prepare again when its size, its font or
        its style changes (View ▸ Larger text, another colour theme)."""
        if watched is self._wizard and event.type() in _RELAYOUT:
            self.schedule(AFTER_EDIT_MS)
        return False


def preparer_of(wizard: QWizard) -> PagePreparer | None:
    """The wizard's preparer, if it has one."""
    return next((c for c in wizard.children() if isinstance(c, PagePreparer)), None)


__all__ = ["PagePreparer", "lay_out_hidden", "lay_out_steps", "preparer_of", "warm_up"]
