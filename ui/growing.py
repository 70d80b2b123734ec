"""A text box that grows with its text, from a few lines up to a limit, then scrolls.

A box of a fixed two lines cut a tried treatment's name or how it went in mid-line once large
text made the lines short, and the little scroll bar inside it was easy to miss.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QWidget

#: The space above and below the lines of a text box (its frame and inner margins).
BOX_ROOM = 18
#: A text longer than this is taken to need every line there is (not measured: a pasted
#: book would take long to).
MEASURED_AT_MOST = 4000
_WRAP = Qt.TextFlag.TextWordWrap
_BAR, _NO_BAR = Qt.ScrollBarPolicy.ScrollBarAsNeeded, Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def box_height(box: QWidget, lines: float) -> int:
    """The height of a text box (``box``) that shows ``lines`` lines."""
    return int(box.fontMetrics().lineSpacing() * lines + BOX_ROOM)


class GrowWithText(QObject):
    """Keeps ``box`` as tall as its wrapped text, at least ``least`` and at most ``most``
    lines (more scroll). Looks again, once Qt is idle, when the text changes, the box is
    resized or the text size changes.

    The lines are measured with the box's font at the width the text has without a scroll
    bar: a plain text box lays its text out lazily, so its own count was not yet right.
    """

    def __init__(self, box: QPlainTextEdit, least: int, most: int) -> None:
        super().__init__(box)
        self._box, self._least, self._most = box, least, most
        self._waiting = False
        box.textChanged.connect(self._soon)
        box.installEventFilter(self)
        self.fit()

    def lines(self) -> int:
        """How many lines the box's text takes at its width."""
        box = self._box
        text = box.toPlainText()
        if len(text) > MEASURED_AT_MOST:
            return self._most
        if not text:
            return 1
        bar = box.verticalScrollBar()
        width = box.viewport().width() + (bar.width() if bar.isVisible() else 0)
        width = max(1, int(width - 2 * box.document().documentMargin()) - 2)  # (the cursor)
        metrics = box.fontMetrics()
        rect = metrics.boundingRect(QRect(0, 0, width, 1 << 24), _WRAP, text)
        return max(1, math.ceil(rect.height() / max(1, metrics.lineSpacing()) - 0.01))

    def fit(self) -> None:
        """Set the box's height for the lines its text takes now."""
        self._waiting = False
        box = self._box
        lines = self.lines()
        # The scroll bar only for more lines than fit: Qt's "as needed" could keep one that
        # came while the box was narrower, and the text, narrowed by it, then needed it.
        bar = _BAR if lines > self._most else _NO_BAR
        if box.verticalScrollBarPolicy() != bar:
            box.setVerticalScrollBarPolicy(bar)
        height = box_height(box, max(self._least, min(self._most, lines)))
        if box.height() != height or box.minimumHeight() != height:
            box.setFixedHeight(height)

    def _soon(self) -> None:
        if not self._waiting:
            self._waiting = True
            QTimer.singleShot(0, self, self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the box's events: a new width or text size, new lines."""
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._soon()
        return False
