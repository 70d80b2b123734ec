"""Putting widgets in a given Tab order, moving as few of them as can be.

Qt's Tab order is one chain through all the widgets of a window. ``QWidget.setTabOrder(a, b)``
takes ``b`` out of the chain and puts it back just after ``a``; on a window of thousands of
widgets each call costs about a millisecond.

Moving each widget after the one before it would move nearly all of them as soon as one is out
of place: with ``b`` moved, the widget after ``b`` is no longer next to it, and so on down the
page. A page's content is made before the scroll area that holds it, so its scroll area comes
after its rows in the chain: 2,000 questions made 10,000 moves, 3 seconds, and 5,000 questions
17 seconds. So the order is cut into runs that Tab already goes through in order, and runs are
joined by moving the shorter side: the scroll area before its rows, one move, not the rows
after it.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

_TAB = Qt.FocusPolicy.TabFocus
_NO_FOCUS = Qt.FocusPolicy.NoFocus


def apply_order(order: list[QWidget]) -> None:
    """Make Tab go through ``order`` (widgets that take Tab, on one window) in that order."""
    runs = runs_in_order(order)
    if len(runs) < 2:
        return  # in order already: the usual case, checked once
    joined = runs[0]  # order[:joined] is in order
    for length in runs[1:]:
        if length <= joined:
            _move_after(order[joined - 1], order[joined : joined + length])
        else:
            _move_before(order[joined], order[:joined])
        joined += length
    for a, b in pairwise(order):  # anything still out of place (see _move_before)
        if next_tab_stop(a, b) is not b:
            QWidget.setTabOrder(a, b)


def runs_in_order(order: list[QWidget]) -> list[int]:
    """The lengths of the runs ``order`` falls into: in each, Tab goes from one widget to
    the next already."""
    runs: list[int] = []
    length = 0
    for i, widget in enumerate(order):
        if i and next_tab_stop(order[i - 1], widget) is not widget:
            runs.append(length)
            length = 0
        length += 1
    if length:
        runs.append(length)
    return runs


def next_tab_stop(a: QWidget, b: QWidget) -> QWidget:
    """The first widget after ``a`` in the focus chain that Tab stops at (or ``b``, if it
    comes first). Tab passes over the others, so if this is ``b`` the order is right already.

    As in Qt, a widget that passes its focus on to another (the text part of a date box)
    is no stop of its own.
    """
    w = a.nextInFocusChain()
    while w is not b and w is not a and not (w.focusPolicy() & _TAB and w.focusProxy() is None):
        w = w.nextInFocusChain()
    return w


def _move_after(anchor: QWidget, widgets: list[QWidget]) -> None:
    """Put ``widgets``, in that order, just after ``anchor``."""
    for widget in widgets:
        if next_tab_stop(anchor, widget) is not widget:
            QWidget.setTabOrder(anchor, widget)
        anchor = widget


def _move_before(anchor: QWidget, widgets: list[QWidget]) -> None:
    """Put ``widgets``, in that order, just before ``anchor``."""
    for widget in reversed(widgets):
        before = _focusable_before(anchor, widget)
        if before is not None:
            QWidget.setTabOrder(before, widget)
        anchor = widget


def _focusable_before(anchor: QWidget, widget: QWidget) -> QWidget | None:
    """The nearest widget before ``anchor`` in the chain that can take the focus at all
    (``setTabOrder`` moves nothing after one that cannot) and is not part of ``widget`` (a
    scroll area's content may come before the scroll area). None if ``widget`` is there
    already, or no widget will do (the last pass of ``apply_order`` sees to it then)."""
    home = _home(widget)
    w = anchor.previousInFocusChain()
    while w is not anchor and w is not widget:
        if w.focusPolicy() != _NO_FOCUS and not widget.isAncestorOf(w) and home.isAncestorOf(w):
            return w
        w = w.previousInFocusChain()
    return None


def _home(widget: QWidget) -> QWidget:
    """The wizard ``widget`` is on (or its window): a wizard being replaced keeps its own
    widgets in the chain until it is deleted, and none of ours is tied to them."""
    w = widget
    while w.parentWidget() is not None and not isinstance(w, QWizard):
        w = w.parentWidget()
    return w


__all__ = ["apply_order", "next_tab_stop", "runs_in_order"]
