"""Sources in full (the evidence page, Help ▸ About): each one's citation and address as plain
text that can be copied, and a button that opens the address in the web browser.

A button for each source, not links inside one label: Tab goes from button to button and the
page scrolls to show the one with the focus (Qt does not scroll to a link focused inside a
label), with the focus ring every button has.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.widgets import LINK, plain_label

#: The object name of a sources list (for tests and the style sheet).
SOURCES = "sources"
OPEN = "Open in your web browser"


def open_address(address: str) -> bool:
    """Open ``address`` in the patient's web browser; False if the computer could not."""
    return QDesktopServices.openUrl(QUrl(address))


class SourcesList(QWidget):
    """The sources, one under another: each ``(citation, link, web address or None)``.

    ``names`` (one per source, e.g. "Wu et al. 2024") name the buttons for screen readers;
    the citation itself is used if there are none.
    """

    def __init__(
        self,
        sources: list[tuple[str, str, str | None]],
        names: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(SOURCES)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        #: The "Open in your web browser" buttons, with the address each opens.
        self.buttons: list[tuple[QPushButton, str]] = []
        for n, (citation, link, address) in enumerate(sources):
            if n:
                layout.addSpacing(8)
            layout.addWidget(plain_label(f"{citation}\n{link}", selectable=True))
            if not address:
                continue
            button = QPushButton(OPEN)
            button.setObjectName(LINK)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            name = names[n] if names and n < len(names) else citation
            button.setAccessibleName(f"Open in your web browser: {name}")
            button.setToolTip(address)
            button.clicked.connect(lambda _checked=False, a=address: open_address(a))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons.append((button, address))
