"""The summary on "Check and save": headings, facts as name and answer, and numbered lines.

``consultprep.summary.summary_lines`` gives (heading, text) pairs of plain lines. Here a run of
facts ("Where: Face and neck") becomes two columns, the names bold, so each answer reads as
one and a long one wraps under its own start; with little room (large text, a narrow window)
each name goes above its answer instead. Numbered lines (the top three) keep their numbers
beside them. The labels are kept and only their texts change, unless the summary's shape does.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QWidget
from shiboken6 import isValid

from ui.widgets import SUBHEADING, PlainLabel, clear_layout, plain_label

#: A numbered line of the summary ("1.  What are the risks…"): its number and its text.
NUMBERED = re.compile(r"(\d+\.)\s+(.*)")
#: A line of facts ("Where: Face and neck"): its name and what it says. The names are the
#: summary's own few words, with no digits ("17 questions to ask, …" is a plain line, and so
#: is "Your top three:", with nothing after it).
FACT = re.compile(r"([A-Z][A-Za-z ]{0,30}):\s+(\S.*)")
#: A fact's name is at most this many times the text's line height across; a longer one
#: wraps ("What matters / most to you") rather than pushing every answer far to the right.
NAME_LINES_WIDE = 9
#: Names beside their answers when the facts are at least this many line heights wide, and
#: above them below this many (a gap, so a width near the line cannot flip them to and fro).
SIDE_BY_SIDE_AT = 30
STACKED_BELOW = 28

Block = tuple[str, list[str]]  # ("numbered" | "facts" | "plain", its lines)


def _kind(line: str) -> str:
    if NUMBERED.fullmatch(line):
        return "numbered"
    return "facts" if FACT.fullmatch(line) else "plain"


def blocks(text: str) -> list[Block]:
    """``text`` in runs of lines of one kind: numbered, facts, or other lines."""
    out: list[Block] = []
    for line in text.split("\n"):
        kind = _kind(line)
        if out and out[-1][0] == kind:
            out[-1][1].append(line)
        else:
            out.append((kind, [line]))
    return out


def _texts(kind: str, block: list[str]) -> list[str]:
    """The texts of a run's labels: one for plain lines; a number and a text for each
    numbered line; a name and what it says for each fact."""
    if kind == "plain":
        return ["\n".join(block)]
    pattern = NUMBERED if kind == "numbered" else FACT
    return [part for line in block for part in pattern.fullmatch(line).groups()]


class NameColumn:
    """The names of every run of facts in the summary: each is as wide as the widest, so the
    answers start in one column all down it. A name whose width changes (its text, its font)
    has the others asked their size again, just after (not in the middle of a layout)."""

    def __init__(self) -> None:
        self.names: list[FactName] = []
        self._pending = False
        self._width: int | None = None  # worked out once, not once per name per layout

    def width(self) -> int:
        """The widest name's width (its words, up to the limit)."""
        if self._width is None:
            widest = max((n.natural_width() for n in self.names if isValid(n)), default=0)
            self._width = widest
        return self._width

    def changed(self) -> None:
        """Called by a name whose own width changed, or may have (its text or font)."""
        self._width = None
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._refresh)

    def _refresh(self) -> None:
        self._pending = False
        width = self.width()
        for name in self.names:
            if isValid(name) and name.reported not in (None, width):
                name.updateGeometry()


class FactName(PlainLabel):
    """A fact's name, bold, as wide as its words up to ``NAME_LINES_WIDE`` line heights (then
    it wraps), so the answers beside the names start in one column not far from them.

    The names of every run of facts in the summary are one ``NameColumn``: each is as wide
    as the widest of them, so the answers start in one column all down the summary (each
    section's started where its own longest name ended)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setObjectName("strong")  # (not selectable: a name alone is not worth copying, and
        # a selectable label costs a text control of its own at each layout)
        self.column: NameColumn | None = None  # set by the summary
        #: The width its words ask for, and the size asked for, for a text, font and margins
        #: (Qt asks many times a layout); the width last given to a layout.
        self._natural: tuple[tuple, int] | None = None
        self._hint: tuple[tuple, QSize] | None = None
        self.reported: int | None = None

    def natural_width(self) -> int:
        """As wide as the words, up to the limit."""
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        key = (self.text(), self.font().key(), margins.left(), margins.right())
        if self._natural is None or self._natural[0] != key:
            before = self._natural[1] if self._natural is not None else None
            natural = metrics.horizontalAdvance(key[0]) + margins.left() + margins.right() + 2
            self._natural = (key, min(natural, NAME_LINES_WIDE * metrics.height()))
            if self.column is not None and self._natural[1] != before:
                self.column.changed()
        return self._natural[1]

    def setText(self, text: str) -> None:
        """Show ``text``; the column's width is worked out again."""
        super().setText(text)
        if self.column is not None:
            self.column.changed()

    def changeEvent(self, event: QEvent) -> None:
        """Called by Qt: a new font (text size) or style changes the column's width too."""
        super().changeEvent(event)
        if self.column is not None and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self.column.changed()

    def sizeHint(self) -> QSize:
        """Called by Qt layouts: as wide as the widest name's words up to the limit, and the
        height its own words need at that width."""
        width = self.column.width() if self.column is not None else self.natural_width()
        key = (width, self.text(), self.font().key(), self.contentsMargins().top())
        if self._hint is None or self._hint[0] != key:
            self._hint = (key, QSize(width, self.heightForWidth(width)))
        self.reported = width
        return self._hint[1]

    def minimumSizeHint(self) -> QSize:
        """Called by Qt layouts: as the size hint (the name is never squeezed narrower)."""
        return self.sizeHint()


class Facts(QWidget):
    """Facts as rows of a bold name and its answer, side by side when there is room, else
    each name above its answer."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setColumnStretch(1, 1)
        self.pairs = [(FactName(), plain_label(selectable=True)) for _ in range(count)]
        for _, answer in self.pairs:
            answer.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.side_by_side: bool | None = None
        self._place(side_by_side=True)

    def labels(self) -> list[QLabel]:
        """Name, answer, name, answer…: in reading order."""
        return [label for pair in self.pairs for label in pair]

    def _place(self, *, side_by_side: bool) -> None:
        if side_by_side == self.side_by_side:
            return
        self.side_by_side = side_by_side
        for name, answer in self.pairs:
            self.grid.removeWidget(name)
            self.grid.removeWidget(answer)
        top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        self.grid.setVerticalSpacing(6 if side_by_side else 0)
        for n, (name, answer) in enumerate(self.pairs):
            if side_by_side:
                name.setContentsMargins(0, 0, 0, 0)
                self.grid.addWidget(name, n, 0, top)
                self.grid.addWidget(answer, n, 1)
            else:  # a little room above each name but the first, none under it
                # (The whole width: a long name wraps there, its height asked for that width.)
                name.setContentsMargins(0, 8 if n else 0, 0, 0)
                self.grid.addWidget(name, 2 * n, 0, 1, 2)
                self.grid.addWidget(answer, 2 * n + 1, 0, 1, 2)
        self.grid.setColumnStretch(0, 0 if side_by_side else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Called by Qt when the width changes: names beside or above their answers."""
        super().resizeEvent(event)
        lines = event.size().width() / max(self.fontMetrics().height(), 1)
        if lines >= SIDE_BY_SIDE_AT:
            self._place(side_by_side=True)
        elif lines < STACKED_BELOW:
            self._place(side_by_side=False)


def _numbered(count: int) -> tuple[QWidget, list[QLabel]]:
    """A numbered list of ``count`` items: each item's text wraps under its own start, not
    under its number (the top three questions)."""
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(8)
    grid.setVerticalSpacing(2)
    grid.setColumnStretch(1, 1)
    labels: list[QLabel] = []
    for row in range(count):
        number = plain_label(selectable=True, wrap=False)
        text = plain_label(selectable=True)
        grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        grid.addWidget(text, row, 1)
        labels += [number, text]
    return box, labels


class SummaryView:
    """Shows the summary's (heading, text) pairs in ``box`` (a card's layout)."""

    def __init__(self, box: QBoxLayout) -> None:
        self.box = box
        self.labels: list[QLabel] = []  # in reading order
        self._shape: list[list[tuple[str, int]]] | None = None
        self._column = NameColumn()  # the names of every run of facts

    def show(self, lines: list[tuple[str, str]]) -> bool:
        """Show ``lines``; True if widgets were made afresh (the page's tab order and such
        are then redone: ``ui.widgets.page_changed``)."""
        sections = [(heading, blocks(text)) for heading, text in lines]
        shape = [[(kind, len(block)) for kind, block in runs] for _, runs in sections]
        fresh = shape != self._shape
        if fresh:
            self._make(sections)
            self._shape = shape
        texts = [
            text
            for heading, runs in sections
            for text in (heading, *(t for kind, block in runs for t in _texts(kind, block)))
        ]
        for label, text in zip(self.labels, texts, strict=True):
            if label.text() != text:
                label.setText(text)
        return fresh

    def _make(self, sections: list[tuple[str, list[Block]]]) -> None:
        clear_layout(self.box)
        self.labels = []
        self._column = NameColumn()
        for n, (heading, runs) in enumerate(sections):
            if n:
                self.box.addSpacing(8)
            # Larger than the facts' bold names, which look the same when stacked under it.
            heading_label = plain_label(heading, role=SUBHEADING)
            self.box.addWidget(heading_label)
            self.labels.append(heading_label)
            for kind, block in runs:
                if kind == "plain":
                    label = plain_label(selectable=True)
                    self.box.addWidget(label)
                    self.labels.append(label)
                elif kind == "facts":
                    facts = Facts(len(block))
                    self.box.addWidget(facts)
                    self.labels += facts.labels()
                    self._column.names += [name for name, _ in facts.pairs]
                else:
                    box, labels = _numbered(len(block))
                    self.box.addWidget(box)
                    self.labels += labels
        for name in self._column.names:
            name.column = self._column
