"""Lasting notices under the wizard: the safety copy that cannot be made, the settings that
cannot be kept.

They used to sit in the status bar, which holds one line: at 200 % text they were cut off.
Here each is a word-wrapped notice box across the foot of the window, as tall as its words
need, shown while it applies. The status bar keeps the passing messages ("Saved to …").
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.announce import announce
from ui.widgets import NOTICE, plain_label


class NoticeStrip(QWidget):
    """Notice boxes, one under another, across the foot of the window (hidden when none is
    shown). Not a Tab stop: each notice is read out once, when it is first shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice-strip")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setSpacing(4)
        self.hide()

    def add(self, text: str, more: str = "") -> QLabel:
        """Show a new notice saying ``text``; ``more`` is its tooltip and description."""
        label = plain_label(text, role=NOTICE)
        self._layout.addWidget(label)
        self.explain(label, more)
        self.show_notice(label)  # now, not when the layout next gets round to it
        announce(label, text)
        return label

    def say(self, label: QLabel | None, text: str, more: str) -> QLabel:
        """Show the notice ``label`` again with ``more`` as its reason, or, if there is none
        yet (None), a new one saying ``text``; return it."""
        if label is None:
            return self.add(text, more)
        self.explain(label, more)
        self.show_notice(label)
        return label

    @staticmethod
    def explain(label: QLabel, more: str) -> None:
        """Give ``label`` the reason behind it (tooltip and screen-reader description)."""
        label.setToolTip(more)
        label.setAccessibleDescription(more)

    def show_notice(self, label: QLabel) -> None:
        """Show ``label`` again (it applies again)."""
        label.show()
        self.show()

    def hide_notice(self, label: QLabel) -> None:
        """Hide ``label`` (it no longer applies); the strip goes when none is left."""
        label.hide()
        if not any(not child.isHidden() for child in self.findChildren(QLabel)):
            self.hide()
