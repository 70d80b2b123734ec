"""Putting widgets in a given Tab order, moving only those Tab does not reach in order already.

Qt's Tab order is one chain through all the widgets of a window. ``QWidget.setTabOrder(a, b)``
takes ``b`` out of the chain and puts it back just after ``a``; on a window of thousands of
widgets each call costs about a millisecond. A pair is left alone when Tab already goes from
the first to the second: the widgets between them in the chain (a text box's viewport and
scroll bars, labels) do not take Tab, so they do not count.

(A cleverer way, moving only the widgets around the longest run already in order, made far
fewer calls but left the welcome page's button row with deleted layout items, and crashed
the app, when it ran while a window was being rebuilt. Not used.)
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

_TAB = Qt.FocusPolicy.TabFocus


def apply_order(order: list[QWidget]) -> None:
    """Make Tab go through ``order`` (widgets that take Tab, on one window) in that order."""
    for a, b in pairwise(order):
        if next_tab_stop(a, b) is not b:
            QWidget.setTabOrder(a, b)


def next_tab_stop(a: QWidget, b: QWidget) -> QWidget:
    """The first widget after ``a`` in the focus chain that takes Tab (or ``b``, if it comes
    first). Tab passes over the others, so if this is ``b`` the order is right already."""
    w = a.nextInFocusChain()
    while w is not b and w is not a and not (w.focusPolicy() & _TAB):
        w = w.nextInFocusChain()
    return w


__all__ = ["apply_order", "next_tab_stop"]
