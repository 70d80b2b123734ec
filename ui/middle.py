"""The middle of the main window: the wizard, centred once the window is wider than it grows
(``ConsultWizard.widest``). The mouse wheel over the margins beside it scrolls the page, as it
would over the page itself: in a wide window the margins are most of the screen.
"""

from __future__ import annotations

from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget, QWizard

from ui.edge_fade import PageScrollArea


class Middle(QWidget):
    """Holds ``wizard`` in the middle; a turn of the wheel beside it goes to its page."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__()
        self.wizard = wizard
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addStretch(0)  # grows only once the wizard is as wide as it grows
        row.addWidget(wizard, 1)
        row.addStretch(0)
        self._passing = False  # a turn being passed on (an unused one comes back up here)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Called by Qt for a turn of the wheel over the margins (or one nothing used)."""
        page = self.wizard.currentPage()
        inside = self.wizard.geometry().contains(event.position().toPoint())
        area = page.findChild(PageScrollArea) if page is not None else None
        if self._passing or inside or area is None or not area.isVisible():
            event.ignore()
            return
        self._passing = True
        try:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        finally:
            self._passing = False
