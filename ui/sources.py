"""Sources in full (the evidence page, Help ▸ About): each one's citation and address as plain
text that can be copied, and a button that opens the address in the web browser.

A button for each source, not links inside one label: Tab goes from button to button and the
page scrolls to show the one with the focus (Qt does not scroll to a link focused inside a
label), with the focus ring every button has.

A link button's text sits a few pixels inside its edge, behind its focus ring (invisible until
focused) and padding. So that the text of "Open in your web browser" starts where the
citation above it starts, the button reaches out to the left by that much, into room the
list leaves there (``reaching_out``); where there is no room it stays inside its column.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from ui.widgets import LINK, plain_label

#: The object name of a sources list (for tests and the style sheet).
SOURCES = "sources"
OPEN = "Open in your web browser"
#: Pixels a sources list (and what holds it) leaves free on its left for its links' focus
#: rings: more than a link's text sits inside its edge (6 at any text size: a 3-pixel ring,
#: 2 pixels of padding and 1 of centring), no more than a page's margin.
ROOM = 8


def open_address(address: str) -> bool:
    """Open ``address`` in the patient's web browser; False if the computer could not."""
    return QDesktopServices.openUrl(QUrl(address))


def text_inset(button: QPushButton) -> int:
    """How far ``button``'s text starts inside its left edge at its preferred size: its border
    (a link's hidden focus ring) and padding, as the style sheet draws them, and the centring
    of the text in what is left."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.rect = QRect(0, 0, button.sizeHint().width(), button.sizeHint().height())
    inside = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    text = button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, button.text()).width()
    return max(0, inside.left() + (inside.width() - text) // 2)


class ReachingItem(QWidgetItem):
    """A widget's place in a layout, from which it reaches ``reach`` pixels out to the left:
    into room its parent leaves there, never past the parent's own left edge.

    Given ``Qt.AlignmentFlag.AlignLeft`` it is no wider than it would like to be (a button);
    otherwise it takes the whole width of its place, and the room (a list, or what holds one).
    """

    def __init__(self, widget: QWidget, reach: int) -> None:
        super().__init__(widget)
        self._reach = reach

    def reach(self) -> int:
        """How far to reach out, in pixels."""
        return self._reach

    def setGeometry(self, rect: QRect) -> None:
        """Called by Qt layouts to put the widget in ``rect`` (its place): here, reaching out."""
        widget = self.widget()
        if widget is None or self.isEmpty():
            return
        area = rect.adjusted(-min(self.reach(), max(0, rect.x())), 0, 0, 0)
        width = area.width()
        if self.alignment() & Qt.AlignmentFlag.AlignLeft:
            width = min(width, widget.sizeHint().width())
        widget.setGeometry(QRect(area.x(), area.y(), width, area.height()))

    def sizeHint(self) -> QSize:
        """Called by Qt layouts: the room reached into is not taken from the column."""
        return self._narrower(super().sizeHint())

    def minimumSize(self) -> QSize:
        """Called by Qt layouts: as ``sizeHint``."""
        return self._narrower(super().minimumSize())

    def heightForWidth(self, width: int) -> int:
        """Called by Qt layouts: the height of the widget at its width, room and all."""
        return super().heightForWidth(width + self.reach())

    def _narrower(self, size: QSize) -> QSize:
        return QSize(max(0, size.width() - self.reach()), size.height())


class LinkItem(ReachingItem):
    """A link button's place: it reaches out as far as its text is inside its edge, so its
    text starts at the column's edge and its focus ring goes out into the room (which what
    holds it leaves: ``reaching_out``). The button must have its parent already."""

    def __init__(self, button: QPushButton) -> None:
        super().__init__(button, 0)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft)
        #: False while the button is not at the start of its column (beside a heading).
        self.reaching = True

    def reach(self) -> int:
        """How far to reach out: as the text is inside the button (the style sheet's sizes)."""
        button = self.widget()
        return text_inset(button) if self.reaching and isinstance(button, QPushButton) else 0


def reaching_out(widget: QWidget, room: int = ROOM) -> ReachingItem:
    """``widget`` as an item to add to a layout, ``room`` pixels wider on the left than its
    place there, with that room left free by its own layout's left margin: what it shows stays
    in line with the rest of the column, and a link in it can reach out into the room.

    Its parent must have that room too (a page's margin, or ``reaching_out`` again).
    """
    layout = widget.layout()
    if layout is not None:
        margins = layout.contentsMargins()
        layout.setContentsMargins(room, margins.top(), margins.right(), margins.bottom())
    return ReachingItem(widget, room)


class SourcesList(QWidget):
    """The sources, one under another: each ``(citation, link, web address or None)``.

    ``names`` (one per source, e.g. "Wu et al. 2024") name the buttons for screen readers;
    the citation itself is used if there are none. Added to a layout with ``reaching_out``,
    each button's text starts in line with its citation; added as any widget, each button
    stays inside the list's edge, its text a few pixels in.
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
            button = QPushButton(OPEN, self)  # a child first: a layout item does not adopt it
            button.setObjectName(LINK)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            name = names[n] if names and n < len(names) else citation
            button.setAccessibleName(f"Open in your web browser: {name}")
            button.setToolTip(address)
            button.clicked.connect(lambda _checked=False, a=address: open_address(a))
            layout.addItem(LinkItem(button))
            self.buttons.append((button, address))
