"""Text fields for the patient's words: one line, or a box of several lines.

Every field made here gets an accessible name (read out by screen readers).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSizePolicy


class LineEdit(QLineEdit):
    """A single-line text field that shows the start of a text too long for it (or its end,
    for a file's path, whose end names the file)."""

    def __init__(self, *, show_end: bool = False) -> None:
        super().__init__()
        self._show_end = show_end

    def setText(self, text: str) -> None:
        """Show ``text`` from its start (Qt's own ``setText`` shows its end, where it puts the
        cursor, so a long answer read back from a draft showed only its last words)."""
        super().setText(text)
        if not self.hasFocus() and not self._show_end:
            self.setCursorPosition(0)


def line_edit(accessible_name: str, placeholder: str = "", *, show_end: bool = False) -> QLineEdit:
    """A single-line text field with an accessible name (``show_end`` for a file's path)."""
    edit = LineEdit(show_end=show_end)
    edit.setAccessibleName(accessible_name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(False)
    return edit


def text_box(accessible_name: str, lines: int = 4, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line text field about ``lines`` lines tall; Tab moves on to the next field."""
    box = QPlainTextEdit()
    box.setAccessibleName(accessible_name)
    box.setTabChangesFocus(True)
    if placeholder:
        box.setPlaceholderText(placeholder)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    box.setFixedHeight(int(box.fontMetrics().lineSpacing() * lines + 18))
    return box
