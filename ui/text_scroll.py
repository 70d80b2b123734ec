"""A text box holding a very long text shows its scroll bar all the time.

Qt lays a text out again whenever its box's width changes, and a box's vertical scroll bar
comes and goes as the text is laid out (it is needed only once the lines are counted), which
changes the width. For a text of millions of letters each layout takes a second or more, and
a pasted or opened text of that size was laid out two or three times before it was shown.
A text this long needs the scroll bar in any box the app has (ten lines at most), at any
width, so showing it from the start changes nothing on screen; the box goes back to Qt's
"as needed" when its text is short again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QPlainTextEdit, QTextEdit, QWidget

#: Letters beyond which a text always needs its box's scroll bar.
ALWAYS_SCROLLS = 20_000
_KEPT = "_scroll_bar_kept"  # set on a box whose scroll bar this module keeps shown


def fit_scroll_bar(box: QPlainTextEdit | QTextEdit, length: int) -> None:
    """Keep ``box``'s scroll bar shown if it holds (or is about to hold) ``length`` letters,
    too many to fit; give it back to Qt once the text is short again."""
    long = length > ALWAYS_SCROLLS
    if long == getattr(box, _KEPT, False):
        return
    if long and box.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAsNeeded:
        return  # a box with a policy of its own is left alone
    setattr(box, _KEPT, long)
    box.setVerticalScrollBarPolicy(
        Qt.ScrollBarPolicy.ScrollBarAlwaysOn if long else Qt.ScrollBarPolicy.ScrollBarAsNeeded
    )


def fit_scroll_bars(root: QWidget) -> None:
    """``fit_scroll_bar`` for every text box under ``root``, by the text it holds."""
    for box in root.findChildren(QAbstractScrollArea):
        if isinstance(box, (QPlainTextEdit, QTextEdit)):
            fit_scroll_bar(box, box.document().characterCount())
