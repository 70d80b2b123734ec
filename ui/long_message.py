"""A message too long for a message box on this screen (``ui.dialogs.show_message``).

In a module of its own, imported only when one is shown: the Qt types it uses would
otherwise be loaded before the first page (they are loaded as a module names them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import BOX_EXTRAS, WIDE_CHARS, Icon, readable
from ui.edge_fade import PageScrollArea
from ui.screen_room import capped
from ui.widgets import breakable

_PICTURES = {
    Icon.Information: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Icon.Warning: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Icon.Critical: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Icon.Question: QStyle.StandardPixmap.SP_MessageBoxQuestion,
}


class LongMessage(QDialog):
    """A message too long for a message box on this screen: its text scrolls, and OK is
    always in reach. Plain, selectable text, as in the message boxes."""

    def __init__(
        self, parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.icon = icon
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        picture = QLabel()
        which = _PICTURES.get(icon, QStyle.StandardPixmap.SP_MessageBoxInformation)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        picture.setPixmap(self.style().standardIcon(which).pixmap(size, size))
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(breakable(readable(text)))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setContentsMargins(8, 4, 8, 4)  # (clear of the focus mark at its edge)
        self.area = PageScrollArea()  # fades out at its foot while more is below, as a page
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(self.label)
        self.area.setAccessibleName(title)
        self.setAccessibleDescription(readable(text))  # (read out with the window's title)
        row.addWidget(self.area, 1)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setDefault(True)
        self.ok.setFocus()
        width = WIDE_CHARS * self.fontMetrics().averageCharWidth() + BOX_EXTRAS
        self.resize(*capped(self, width, 40 * self.fontMetrics().lineSpacing(), 0.8, 0.7))
