"""Sources in full (the evidence page, Help ▸ About): every source that has a web page can be
opened from the app, with the mouse or the keyboard, and the page scrolls to the one with the
focus; a source's words are shown exactly as written."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from consultprep.content import load_library
from consultprep.links import web_address
from tests.test_wizard import choose, go_next, page
from ui.sources import OPEN, SourcesList
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
