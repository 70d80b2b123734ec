"""Sources in full (the evidence page, Help ▸ About): every source that has a web page can be
opened from the app, with the mouse or the keyboard, and the page scrolls to the one with the
focus; a source's words are shown exactly as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from consultprep.content import load_library
from consultprep.links import web_address
from tests.a11y_helpers import example_draft, look, open_window, settle, walk_pages  # noqa: F401
from tests.test_wizard import choose, go_next, page
from tests.ui_helpers import install_fake_dialogs
from ui.sources import OPEN, SourcesList, reaching_out
from ui.wizard import PageId


class Browser(QObject):
    """Stands in for the web browser: notes the addresses it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_a_source_opens_in_the_browser_and_its_words_are_shown_as_written(qtbot) -> None:
    listed = SourcesList(
        [
            (
                "Smith A (2020). A <b>bold</b> claim & more.",
                "doi:10.1000/xyz",
                "https://doi.org/10.1000/xyz",
            ),
            ("A book with no web page.", "ISBN 0-19-852663-6", None),
            ("Jones B (2021). Guidance.", "https://example.org/guide", "https://example.org/guide"),
        ],
        ["Smith 2020", "A book", "Jones 2021"],
    )
    qtbot.addWidget(listed)
    texts = [label.text() for label in listed.findChildren(QLabel)]
    assert "Smith A (2020). A <b>bold</b> claim & more.\ndoi:10.1000/xyz" in texts
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText for label in listed.findChildren(QLabel)
    )
    assert [b.text() for b, _ in listed.buttons] == [OPEN, OPEN]  # the book has none
    assert listed.buttons[1][0].accessibleName() == "Open in your web browser: Jones 2021"
    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        listed.buttons[0][0].click()
        assert browser.opened == ["https://doi.org/10.1000/xyz"]
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_the_evidence_page_opens_every_source_it_lists_from_the_keyboard(window, qtbot) -> None:
    library = load_library()
    window.resize(1000, 700)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    page(window, PageId.WELCOME).start_button.click()
    choose(window, "scars", "acne")
    for step in (PageId.ABOUT, PageId.PHOTOS, PageId.EVIDENCE):
        go_next(window, step)
    evidence = page(window, PageId.EVIDENCE)
    [listed] = evidence.findChildren(SourcesList)
    addresses = [address for _, address in listed.buttons]
    assert len(addresses) >= 5
    cited = {web_address(r.link) for r in library.references}
    assert set(addresses) <= cited
    viewport = evidence.scroll_area.viewport()

    def in_view(widget) -> bool:
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        return 0 <= top and top + widget.height() <= viewport.height()

    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        first = listed.buttons[0][0]
        first.setFocus(Qt.FocusReason.TabFocusReason)
        for button, address in listed.buttons[1:4]:  # Tab from one to the next: each in view
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is button
            qtbot.waitUntil(lambda b=button: in_view(b), timeout=1000)
            QTest.keyClick(button, Qt.Key.Key_Space)
            assert browser.opened[-1] == address
    finally:
        QDesktopServices.unsetUrlHandler("https")


# --- the links line up with the text above them ----------------------------------------------
def _ink_left(picture: QImage, top: int = 0, bottom: int | None = None) -> int | None:
    """The first column of ``picture`` (rows ``top`` to ``bottom``) with anything drawn in
    it: a pixel that is not the background colour of its top left corner."""
    background = picture.pixelColor(0, 0)
    bottom = picture.height() if bottom is None else bottom
    for x in range(picture.width()):
        for y in range(top, bottom):
            colour = picture.pixelColor(x, y)
            if abs(colour.lightness() - background.lightness()) > 40:
                return x
    return None


def _text_left(label: QLabel, ancestor: QWidget) -> int:
    """Where a plain-text label's text starts, in ``ancestor``'s coordinates."""
    start = label.contentsRect().topLeft() + QPoint(label.margin(), 0)
    return label.mapTo(ancestor, start).x()


def _inside_every_parent(widget: QWidget, top: QWidget) -> bool:
    """True if all of ``widget`` is inside each widget that holds it, up to ``top``: none of
    it (its focus ring) is cut off."""
    parent = widget.parentWidget()
    while parent is not None:
        corners = (QPoint(0, 0), QPoint(widget.width() - 1, widget.height() - 1))
        if not all(parent.rect().contains(widget.mapTo(parent, c)) for c in corners):
            return False
        if parent is top:
            return True
        parent = parent.parentWidget()
    return False


def _text_starts_at(button: QPushButton, column: int, content: QWidget) -> None:
    """Check that ``button``'s text (the start of its underline, as drawn) is at ``column``
    of ``content``, within a pixel, and that its focus ring is drawn whole."""
    ink = _ink_left(button.grab().toImage())
    assert ink is not None
    start = button.mapTo(content, QPoint(ink, 0)).x()
    assert abs(start - column) <= 1, f"button text at {start}, the text above at {column}"
    assert _inside_every_parent(button, content), "the button's focus ring is cut off"


def _window(qtbot, appearance, tmp_path: Path, monkeypatch, scale: int, size=(1000, 760)):
    """A window on the example draft, shown at ``scale`` % text and ``size``."""
    install_fake_dialogs(monkeypatch)
    appearance.set_scale(scale)
    return open_window(qtbot, example_draft(tmp_path), size)


def _evidence_page(qtbot, appearance, tmp_path: Path, monkeypatch, scale: int, size=(1000, 760)):
    """``_window``, and its evidence page, gone to and shown."""
    window = _window(qtbot, appearance, tmp_path, monkeypatch, scale, size)
    for page_id in walk_pages(window):
        if page_id == PageId.EVIDENCE:
            break
    return window, window.wizard.currentPage()


def _links_line_up(evidence) -> None:
    """Check the evidence page's sources as shown: each link's text starts where the
    citation above it starts, which is where the page's other text starts, and each link's
    focus ring is drawn whole."""
    content = evidence.scroll_area.widget()
    [listed] = [s for s in evidence.findChildren(SourcesList) if s.isVisible()]
    labels = [label for label in listed.findChildren(QLabel) if label.isVisible()]
    heading = next(
        label
        for label in evidence.findChildren(QLabel)
        if label.text() == "Sources in full" and label.isVisible()
    )
    assert len(listed.buttons) >= 5
    column = _text_left(heading, content)
    assert column == content.layout().contentsMargins().left()  # the page's text: not moved
    for button, _address in listed.buttons:
        label = max(
            (label for label in labels if label.y() < button.y()), key=lambda label: label.y()
        )  # the citation just above the button
        assert _text_left(label, content) == column  # the citations stay where they were
        _text_starts_at(button, column, content)


@pytest.mark.parametrize("scale", [100, 200])
def test_the_evidence_pages_links_start_in_line_with_the_citations_above_them(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
    scale: int,
) -> None:
    """Each "Open in your web browser" starts where the citation above it starts (it was 5
    pixels to the right, behind the link's invisible focus ring), and its focus ring, now
    out to the left of the text, is drawn whole; for another concern too, and back."""
    window, evidence = _evidence_page(qtbot, look, tmp_path, monkeypatch, scale)
    first, kind = window.draft.concern, window.draft.subtype
    other = next(c.id for c in load_library().concerns if c.id != first)
    _links_line_up(evidence)
    for concern, subtype in ((other, None), (first, kind)):  # each view shown in its turn
        while window.wizard.currentId() != PageId.CONCERN:
            window.wizard.back()
        choose(window, concern, subtype)
        while window.wizard.currentId() != PageId.EVIDENCE:
            window.wizard.next()
        settle()
        _links_line_up(window.wizard.currentPage())


def test_a_link_lines_up_with_its_citation_as_drawn(qtbot, look) -> None:  # noqa: F811
    """As drawn on screen: the "O" of the link starts in the same column of pixels as the "O"
    of a citation that starts with one, and the focused link's ring shows to its left."""
    look.set_scale(100)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(12, 12, 12, 12)  # a page's margin
    listed = SourcesList(
        [("Oxford guidance (2020).", "https://example.org", "https://example.org")]
    )
    listed.setParent(host)
    layout.addItem(reaching_out(listed))
    layout.addStretch(1)
    host.resize(500, 200)
    host.show()
    host.activateWindow()
    assert QTest.qWaitForWindowActive(host)
    [label] = listed.findChildren(QLabel)
    button = listed.buttons[0][0]
    button.clearFocus()  # at rest first (the window gave it the focus)
    picture = host.grab().toImage()
    first = label.mapTo(host, label.contentsRect().topLeft()).y()
    citation = _ink_left(picture, first, first + label.fontMetrics().height())  # its first line
    top = button.mapTo(host, QPoint(0, 0)).y()
    link = _ink_left(picture, top, top + button.height() // 2)  # above the underline
    assert citation is not None and link is not None
    assert abs(link - citation) <= 1, f"link's O at {link}, citation's O at {citation}"
    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert button.hasFocus()
    ring = _ink_left(host.grab().toImage(), top, top + button.height())
    assert ring is not None and ring < citation - 2, "the focus ring is left of the text"


def test_the_about_windows_links_start_in_line_with_their_citations(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """Help ▸ About lists the same sources: there too each link's text starts where its
    citation starts, and its focus ring is drawn whole."""
    window = _window(qtbot, look, tmp_path, monkeypatch, 100)
    window.about_action.trigger()
    about = window.about_window
    about.show()
    settle()
    content = about.scroll_area.widget()
    [listed] = about.findChildren(SourcesList)
    labels = [label for label in listed.findChildren(QLabel) if label.isVisible()]
    assert len(listed.buttons) >= 5
    for button, _address in listed.buttons[:8]:
        label = max(
            (label for label in labels if label.y() < button.y()), key=lambda label: label.y()
        )  # the citation just above the button
        _text_starts_at(button, _text_left(label, content), content)


def test_a_cards_words_button_starts_in_line_with_the_cards_text(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """The words button ("What do “keloid” … mean?") at the foot of an evidence card starts
    where the card's text starts, as the source links do; its focus ring is drawn whole,
    and the box of the meanings it opens starts in line too."""
    from ui.glossary_ui import ExplainedWords

    _window, evidence = _evidence_page(qtbot, look, tmp_path, monkeypatch, 100)
    content = evidence.scroll_area.widget()
    shown = [w for w in evidence.findChildren(ExplainedWords) if w.isVisible()]
    assert len(shown) >= 3
    for words in shown:
        card = words.parentWidget()
        summary = next(
            label
            for label in card.findChildren(QLabel)
            if label.isVisible() and label.y() < words.y() and label.parentWidget() is card
        )
        column = _text_left(summary, content)
        _text_starts_at(words.button, column, content)
    words.button.click()  # the last card's
    settle()
    assert words.meaning.isVisible()
    # In its box (set apart from the text around it), the box's edge is in line.
    assert words.meaning.mapTo(content, QPoint(0, 0)).x() == column


def test_the_ladder_headings_button_under_it_starts_in_line_with_it(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """With large text in a small window, "What does this mean?" goes under "The evidence
    ladder": its text then starts where the heading's does (it was 6 px in)."""
    from ui.glossary_ui import ExplainedHeading

    _window, evidence = _evidence_page(qtbot, look, tmp_path, monkeypatch, 200, (800, 600))
    content = evidence.scroll_area.widget()
    [heading] = [w for w in evidence.findChildren(ExplainedHeading) if w.isVisible()]
    assert heading.button_below
    column = _text_left(heading.heading, content)
    assert column == content.layout().contentsMargins().left()  # the page's text: not moved
    _text_starts_at(heading.button, column, content)
