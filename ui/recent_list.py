"""The "Recent drafts" list on the welcome page: one button per draft, with its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from ui import recent
from ui.widgets import HINT, SUBHEADING, big_button, clear_layout, plain_label

#: Longer names are shortened on the button (the whole name is its accessible name); the
#: ".consultprep" ending is left off, as every entry is a draft.
NAME_CHARS = 48


def _short(name: str) -> str:
    short = name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"
    return short.replace("&", "&&")  # a button shows "&" as a shortcut key otherwise


class RecentList(QWidget):
    """Buttons for the drafts opened or saved most recently (hidden when there are none)."""

    #: The patient chose a recent draft: its full path.
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Recent drafts")
        self.buttons: dict[Path, QPushButton] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addWidget(plain_label("Recent drafts", role=SUBHEADING))
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        outer.addLayout(self._grid)
        self.refresh()

    def refresh(self) -> None:
        """Show the list as it is now in the settings."""
        clear_layout(self._grid)
        self.buttons = {}
        paths = recent.recent_drafts()
        for n, path in enumerate(paths):
            button = big_button(_short(path.stem), f"Open {path.name}, in {path.parent}")
            button.setToolTip(str(path))
            button.setStyleSheet("text-align: left;")
            button.clicked.connect(lambda _=False, p=path: self.open_requested.emit(str(p)))
            folder = plain_label(f"in {path.parent}", role=HINT)
            self._grid.addWidget(button, n, 0)
            self._grid.addWidget(folder, n, 1)
            self.buttons[path] = button
        self.setVisible(bool(paths))
