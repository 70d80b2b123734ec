"""The evidence page's "Sources in full": every source that has a web page can be opened from
the app (click, or Tab and Enter), and a source's words are shown exactly as written."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from consultprep.content import load_library
from consultprep.links import web_address
from tests.test_wizard import choose, go_next, page
from ui.widgets import SOURCES, sources_list
from ui.wizard import PageId


class Browser(QObject):
    """Stands in for the web browser: notes the addresses it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_a_source_opens_in_the_browser_from_the_keyboard(qtbot) -> None:
    label = sources_list(
        [
            (
                "Smith A (2020). A <b>bold</b> claim & more.",
                "doi:10.1000/xyz",
                "https://doi.org/10.1000/xyz",
            ),
            ("A book with no web page.", "ISBN 0-19-852663-6", None),
            ("Jones B (2021). Guidance.", "https://example.org/guide", "https://example.org/guide"),
        ]
    )
    qtbot.addWidget(label)
    label.resize(500, 300)
    label.show()
    qtbot.waitExposed(label)
    assert label.objectName() == SOURCES
    # Shown as written: the citation's markup characters are words, not formatting.
    shown = label.grab()  # laid out and painted without complaint
    assert not shown.isNull()
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    plain = doc.toPlainText()
    assert "A <b>bold</b> claim & more." in plain and "ISBN 0-19-852663-6" in plain
    assert label.text().count("<a href=") == 2  # the book has no link

    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        label.setFocus()
        QTest.keyClick(label, Qt.Key.Key_Tab)  # Tab moves to the first link inside the label
        QTest.keyClick(label, Qt.Key.Key_Return)
        assert browser.opened == ["https://doi.org/10.1000/xyz"]
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_the_evidence_page_links_every_source_it_lists(window) -> None:
    library = load_library()
    page(window, PageId.WELCOME).start_button.click()
    choose(window, "scars", "acne")
    for step in (PageId.ABOUT, PageId.PHOTOS, PageId.EVIDENCE):
        go_next(window, step)
    evidence = page(window, PageId.EVIDENCE)
    labels = [w for w in evidence.findChildren(QLabel) if w.objectName() == SOURCES]
    assert len(labels) == 1
    listed = [r for r in library.references if r.citation.replace("&", "&amp;") in labels[0].text()]
    assert len(listed) >= 5
    for ref in listed:
        assert f'<a href="{web_address(ref.link)}">' in labels[0].text(), ref.id
