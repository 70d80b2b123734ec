"""Headings are told to screen readers as headings, so a long page can be moved through by
heading (a keyboard audit: every title and heading was read as plain text).

Qt gives a label the role "static text" whatever it shows; a widget cannot choose its own
role. ``install`` adds a factory that Qt asks first for each object's accessible interface:
for a label styled as a title, heading or subheading (``ui.widgets.plain_label``'s role, its
object name) it gives one whose role is Heading, named by the label's text. Qt keeps the
interface, and deletes it with the label.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel

from ui.widgets import HEADING, SUBHEADING, TITLE

_HEADINGS = frozenset({TITLE, HEADING, SUBHEADING})
_installed = False


class _Heading(QAccessibleWidget):
    # (The label is asked for through ``widget()``, not kept: a kept label outlived its
    # window, one for each heading a screen reader had looked at: a diff review.)
    def text(self, kind: QAccessible.Text) -> str:
        """Called by Qt: the heading's words are its name."""
        label = self.widget()
        if kind == QAccessible.Text.Name and isinstance(label, QLabel):
            return label.accessibleName() or label.text()
        return super().text(kind)


def _interface(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QLabel) and obj.objectName() in _HEADINGS:
        return _Heading(obj, QAccessible.Role.Heading)
    return None  # Qt's own


def install() -> None:
    """Tell screen readers which labels are headings (once per run)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_interface)
        _installed = True
