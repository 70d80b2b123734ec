"""Small building blocks shared by the pages: plain labels, big buttons, scroll areas.

Every label made here shows plain text (``Qt.TextFormat.PlainText``), so a patient's words or
a content string are never parsed as markup. Every input made here gets an accessible name.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

#: The object name of a ``bullet_list``: the only labels shown as rich text (fixed words).
BULLETS = "bullets"
#: Object names used by the window's style sheet (ui/style.py).
LINK = "link"  # a push button that looks like a link
HINT = "hint"
MEANING = "meaning"  # what a word means, shown when asked (set apart from the text around)
HEADING = "heading"
TITLE = "title"
SUBHEADING = "subheading"
NOTICE = "notice"
ERROR = "error"
CARD = "card"

#: Space around a page's content, also used for fixed panels below a scroll area.
PAGE_MARGIN = 12

SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


#: A run of at least this many letters with no space in it (a web address, a file's folder,
#: a long name). Qt does not always break one at a slash or a hyphen either: in
#: "doi:10.1002/14651858.CD013878.pub2" a slash between numbers is no place to break, and a
#: message box breaks its lines at spaces only ...
_LONG_RUN = re.compile(r"\S{24,}")
#: ... so it may be broken after these, or else every 20 letters.
_BREAK_AFTER = re.compile(r"([/\\._\-])(?=\S)")
ZWSP = "\u200b"


def breakable(text: str) -> str:
    """Let Qt wrap very long runs with no space (a pasted link, a file's folder, a long name).

    Inside each run of 24 or more characters with no space, a zero-width space goes after
    each slash, backslash, dot, underscore or hyphen, and every 20 characters in what is
    between. Without it such a run widens the whole page (or window, or message) and pushes
    things out of sight. Anything copied from the app has them taken out again
    (``_clean_copies``), so a copied web address or folder works.
    """
    return _LONG_RUN.sub(_break_run, text)


def _break_run(match: re.Match[str]) -> str:
    _clean_copies()
    run = match[0]  # (once: each ``match[0]`` copies the run, a million letters took 35 s)
    parts = _BREAK_AFTER.sub(lambda m: m[1] + ZWSP, run).split(ZWSP)
    return ZWSP.join(ZWSP.join(p[i : i + 20] for i in range(0, len(p), 20)) for p in parts)


_copies_cleaned = False


def _clean_copies() -> None:
    """From the first break put into a text on: whatever the app puts on the clipboard (text
    selected in a label or a message, and copied) has the zero-width spaces taken out."""
    global _copies_cleaned
    if _copies_cleaned or QGuiApplication.instance() is None:
        return
    _copies_cleaned = True
    board = QGuiApplication.clipboard()

    def clean() -> None:
        if board.ownsClipboard():
            text = board.text()
            if ZWSP in text:
                board.setText(text.replace(ZWSP, ""))  # (says it changed again: no ZWSP now)

    board.dataChanged.connect(clean)


#: Changes that can alter a label's height at a given width (its cache is then emptied).
def full_stop(text: str) -> str:
    """``text`` ending with a full stop (or its own ".", "!", "?" or "…"), never two."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


_RESIZING_CHANGES = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.ContentsRectChange,
        QEvent.Type.LayoutDirectionChange,
        QEvent.Type.ApplicationFontChange,
    }
)
#: Heights remembered per label (a window being resized asks for many widths).
_HFW_KEPT = 8


class PlainLabel(QLabel):
    """A label that shows plain text only and can wrap even very long words.

    Its height for a width is remembered until its text, font, style or margins change: Qt
    asks a word-wrapped label for it many times in one layout pass and never keeps the
    answer, and a selectable label lays its whole text out twice for each question.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:
        """Show ``text`` as plain text (long unbroken runs made breakable)."""
        text = breakable(text)
        if text != super().text():
            self._heights.clear()
            super().setText(text)
            page = page_of(self)
            if page is not None:  # its glossary tooltip is looked at again (ui.glossary_ui)
                changed_labels(page).add(self)

    def text(self) -> str:
        """The text as it was set: without the break points ``breakable`` put in to show it."""
        return super().text().replace(ZWSP, "")

    def heightForWidth(self, width: int) -> int:
        """Called by Qt layouts: the height the wrapped text needs at ``width`` (remembered)."""
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= _HFW_KEPT:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        """Called by Qt when the font, style or margins change: forget the heights."""
        if event.type() in _RESIZING_CHANGES:
            self._heights.clear()
        super().changeEvent(event)

    def _forget(self, setter, *args) -> None:
        self._heights.clear()
        setter(*args)

    def setWordWrap(self, on: bool) -> None:
        """Wrap long lines or not (forgets the remembered heights)."""
        self._forget(super().setWordWrap, on)

    def setTextInteractionFlags(self, flags) -> None:
        """Make the text selectable or not (forgets the remembered heights)."""
        self._forget(super().setTextInteractionFlags, flags)

    def setIndent(self, indent: int) -> None:
        """Indent the text (forgets the remembered heights)."""
        self._forget(super().setIndent, indent)

    def setMargin(self, margin: int) -> None:
        """Set the margin around the text (forgets the remembered heights)."""
        self._forget(super().setMargin, margin)

    def setAlignment(self, alignment) -> None:
        """Align the text (forgets the remembered heights)."""
        self._forget(super().setAlignment, alignment)


_GENERATION = "_content_generation"


def page_of(widget: QWidget) -> QWizardPage | None:
    """The wizard page that holds ``widget`` (``widget`` itself if it is one), or None."""
    while not isinstance(widget, QWizardPage):
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return widget


def page_changed(widget: QWidget) -> None:
    """Say that widgets were added to, removed from or moved on ``widget``'s page. Its tab
    order and glossary tooltips are redone when next needed (``ui.focus``,
    ``ui.glossary_ui``) and it is prepared again (``ui.preparation``)."""
    page = page_of(widget)
    if page is not None:
        setattr(page, _GENERATION, generation(page) + 1)


def generation(page: QWidget) -> int:
    """How many changes ``page_changed`` has counted on ``page``."""
    return getattr(page, _GENERATION, 0)


def changed_labels(page: QWidget) -> set[QLabel]:
    """The plain labels on ``page`` whose text changed since their glossary tooltips were
    last seen to (``ui.glossary_ui.add_tooltips`` empties it)."""
    labels = getattr(page, "_changed_labels", None)
    if labels is None:
        labels = page._changed_labels = set()
    return labels


def plain_label(
    text: str = "",
    *,
    role: str | None = None,
    selectable: bool = False,
    wrap: bool = True,
    parent: QWidget | None = None,
) -> QLabel:
    """A word-wrapped label that shows ``text`` exactly, never as rich text.

    Parameters
    ----------
    text
        What to show.
    role
        One of ``HINT``, ``HEADING``, ``SUBHEADING``, ``NOTICE``, ``ERROR`` (styled by the
        window's style sheet), or None for body text.
    selectable
        Let the patient select and copy the text (mouse and keyboard).
    wrap
        Wrap long lines (on by default: nothing may be clipped).
    """
    label = PlainLabel(parent)
    label.setText(text)
    label.setWordWrap(wrap)
    if role:
        label.setObjectName(role)
    if selectable:
        label.setTextInteractionFlags(SELECTABLE)
        label.setCursor(Qt.CursorShape.IBeamCursor)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _escape(text: str) -> str:
    """``text`` for rich text: shown as written, never read as markup."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def bullet_list(items: tuple[str, ...] | list[str]) -> QLabel:
    """Items, one under another, each after a bullet; a long item wraps under its own text.

    One label showing a list (the app's own words, escaped, so rich text is safe here): a
    label for each bullet and item made the welcome page slower to appear.
    """
    rows = "".join(f"<li>{_escape(item)}</li>" for item in items)
    return _rich_label(f'<ul style="margin: 0; -qt-list-indent: 1;">{rows}</ul>')


def term_list(items: list[tuple[str, str]]) -> QLabel:
    """Each term in bold, then its meaning, one to a line with a little space between (the
    rungs of the evidence ladder: run together in plain text they were hard to scan)."""
    rows = "".join(
        f'<p style="margin: 0 0 4px 0;"><b>{_escape(term)}</b> {_escape(meaning)}</p>'
        for term, meaning in items
    )
    return _rich_label(rows)


def _rich_label(html: str) -> QLabel:
    """A selectable, word-wrapped label showing ``html`` made from the app's own escaped words."""
    label = PlainLabel()
    label.setObjectName(BULLETS)  # the one kind of label that is not plain text
    label.setTextFormat(Qt.TextFormat.RichText)
    QLabel.setText(label, html)
    label.setWordWrap(True)
    label.setTextInteractionFlags(SELECTABLE)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def big_button(
    text: str, accessible_name: str, *, primary: bool = False, parent: QWidget | None = None
) -> QPushButton:
    """A push button with a mnemonic in ``text`` (``&``) and an accessible name.

    ``primary`` makes it stand out (the main thing to do on a page).
    """
    button = QPushButton(text, parent)
    button.setAccessibleName(accessible_name)
    button.setAutoDefault(True)  # Enter presses the button that has the focus
    if primary:
        button.setObjectName("primary")
    return button


class ScrollContent(QWidget):
    """The inside of a page's scroll area.

    Qt sizes a scroll area's widget by its minimum size hint, which for word-wrapped labels is
    taken at a narrow width: far too tall, leaving blank space to scroll into. The height is
    instead given by ``heightForWidth`` at the real width (QScrollArea asks for it).
    """

    def minimumSizeHint(self) -> QSize:
        """Called by Qt layouts: keep the width, let heightForWidth decide the height."""
        return QSize(super().minimumSizeHint().width(), 0)


class KeyButton(QPushButton):
    """A button whose key presses its owner handles first: ``owner.key_pressed(button, event)``
    returns True if it handled the key (the arrow keys of a row of choices, say).

    Overriding the handler, not filtering the button's events, keeps Python out of the
    hundreds of other events (painting, moving, styling) a button gets on each showing.
    """

    def __init__(self, text: str, owner: Any) -> None:
        super().__init__(text)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Called by Qt for a key press."""
        if not self._owner.key_pressed(self, event):
            super().keyPressEvent(event)


#: The least height of a page's scroll area (see ``scrolling``).
SCROLL_AREA_LEAST = 60


def scrolling(content: QWidget, accessible_name: str = "") -> QScrollArea:
    """Put ``content`` in a vertical scroll area so nothing is clipped on small screens."""
    if content.layout() is not None:
        content.layout().setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
    from ui.edge_fade import PageScrollArea

    area = PageScrollArea()  # fades out at the foot while there is more below
    area.setWidgetResizable(True)  # first: then setWidget sizes the content once, not twice
    area.setWidget(content)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Qt would make the area at least two scroll-bar handles tall, too tall for a small window
    # at large text; the page's other parts share the height instead.
    area.setMinimumHeight(SCROLL_AREA_LEAST)
    if accessible_name:
        area.setAccessibleName(accessible_name)
    return area


def reveal(shown: QWidget, keep: QWidget) -> None:
    """Once ``shown`` (text just unfolded by ``keep``, its button) is laid out, scroll the page
    so as much of it as fits is in view, ``keep`` always with it: unfolded text below the
    window's edge looks as if the button did nothing."""

    def scroll() -> None:
        area = shown.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is None or area.widget() is None or not shown.isVisible():
            return
        area.ensureWidgetVisible(shown, 0, 12)
        area.ensureWidgetVisible(keep, 0, 12)  # a tall text: its top, under the button

    QTimer.singleShot(0, shown, scroll)


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A lightly framed box (styled as ``#card``) and its layout."""
    frame = QFrame(parent)
    frame.setObjectName(CARD)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(6)
    return frame, layout


def clear_layout(layout) -> None:
    """Remove and delete every widget and sub-layout in ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())
