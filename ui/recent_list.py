"""The "Recent drafts" list on the welcome page: one button per draft, with its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui import recent
from ui.widgets import HINT, SUBHEADING, clear_layout, plain_label

# The ".consultprep" ending is left off the buttons, as every entry is a draft.

#: A button narrower than its name shows this many letters of it at least, with "…".
FEWEST_CHARS = 12
#: On a computer several people use, the list shows each draft's name (often a first name and
#: a skin problem) to the next person: each can be taken off it, or all (a privacy review).
CLEAR_LIST = "C&lear this list"
CLEAR_HINT = (
    "Taking a draft off this list does not delete it. To take off one draft, right-click it "
    "(or press the Menu key)."
)


def _shown(text: str) -> str:
    return text.replace("&", "&&")  # a button shows "&" as a shortcut key otherwise


class NameButton(QPushButton):
    """A button showing a draft's name, shortened in the middle ("my-skin…-12-05") when the
    window or a large text size leaves less room than the name needs, so the page is never
    wider than the window."""

    def __init__(self, name: str, accessible_name: str) -> None:
        super().__init__(_shown(name))
        self.setAccessibleName(accessible_name)
        self.setAutoDefault(True)  # Enter presses the button that has the focus
        # (A button's width is at least its size hint otherwise: this one may shrink.)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._name = name

    def _frame(self) -> int:
        """The button's width beside its text (padding, borders), in pixels."""
        return QPushButton.sizeHint(self).width() - self.fontMetrics().horizontalAdvance(
            self.text().replace("&&", "&")
        )

    def sizeHint(self) -> QSize:
        """Called by Qt layouts: room for the whole name, as the button would like."""
        hint = QPushButton.sizeHint(self)
        hint.setWidth(self._frame() + self.fontMetrics().horizontalAdvance(self._name))
        return hint

    def minimumSizeHint(self) -> QSize:
        """Called by Qt layouts: room for the first few letters of the name and "…"."""
        hint = self.sizeHint()
        fewest = self._name[:FEWEST_CHARS] + ("…" if len(self._name) > FEWEST_CHARS else "")
        hint.setWidth(self._frame() + self.fontMetrics().horizontalAdvance(fewest))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Called by Qt when the button gets its size: show as much of the name as fits."""
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        """Called by Qt when the font or style changes: fit the name again."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        room = self.width() - self._frame()
        metrics = self.fontMetrics()
        name = self._name
        if metrics.horizontalAdvance(name) > room:
            name = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, max(room, 0))
        if self.text() != _shown(name):
            self.setText(_shown(name))


class RecentList(QWidget):
    """Buttons for the drafts opened or saved most recently (hidden when there are none)."""

    #: The patient chose a recent draft: its full path.
    open_requested = Signal(str)
    #: The list was emptied by the patient (the focus, on a button that went, should move).
    emptied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Recent drafts")
        self.buttons: dict[Path, QPushButton] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addWidget(plain_label("Recent drafts", role=SUBHEADING))
        self._grid = QGridLayout()
        self._grid.setVerticalSpacing(2)
        outer.addLayout(self._grid)
        outer.addWidget(plain_label(CLEAR_HINT, role=HINT))
        self.clear_button = QPushButton(CLEAR_LIST)
        self.clear_button.setAccessibleName("Clear the list of recent drafts")
        self.clear_button.setAutoDefault(True)
        self.clear_button.clicked.connect(self.clear)
        outer.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh()

    def clear(self) -> None:
        """Take every draft off the list (the files stay where they are)."""
        recent.forget_all()
        self.refresh()
        self.emptied.emit()

    def remove(self, path: Path) -> None:
        """Take one draft off the list (its file stays where it is); the focus goes to the
        draft that took its place, else the one above (it had gone to Next, and Enter then
        went on to step 1: a review)."""
        place = list(self.buttons).index(path) if path in self.buttons else 0
        recent.forget(path)
        self.refresh()
        left = list(self.buttons.values())
        if left:  # (once shown: Qt shows a button added to a shown list a moment later)
            button = left[min(place, len(left) - 1)]
            QTimer.singleShot(0, button, button.setFocus)
        else:
            self.emptied.emit()

    def refresh(self) -> None:
        """Show the list as it is now in the settings."""
        clear_layout(self._grid)
        self.buttons = {}
        paths = recent.recent_drafts()
        for n, path in enumerate(paths):
            button = NameButton(path.stem, f"Open {path.name}, in {path.parent}")
            button.setToolTip(str(path))
            button.setStyleSheet("text-align: left;")
            button.clicked.connect(lambda _=False, p=path: self.open_requested.emit(str(p)))
            off = QAction("&Remove from this list", button)
            off.triggered.connect(lambda _=False, p=path: self.remove(p))
            button.addAction(off)
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            # The folder under the name, not beside it: at large text, side by side, a long
            # name left the folder a word a line (and the page grew wider than the window).
            folder = plain_label(f"in {path.parent}", role=HINT)
            folder.setContentsMargins(4, 0, 0, 8)
            self._grid.addWidget(button, 2 * n, 0, Qt.AlignmentFlag.AlignLeft)
            self._grid.addWidget(folder, 2 * n + 1, 0)
            self.buttons[path] = button
        self.setVisible(bool(paths))
