"""What an action shows where the focus is not is also said to a screen reader: the offer
check's findings, the PDF's saving, a "Not yet" question added, a question moved (a keyboard
audit found each shown but never said)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton

from tests.a11y_helpers import (  # noqa: F401 - the fixtures: window, announcements
    example_window,
    said_aloud,
    settle,
)
from ui.readiness_check import ReadinessCheckView
from ui.wizard import PageId


def _go(window, page_id: PageId):
    window.wizard.go_to(page_id)
    settle()
    return window.wizard.currentPage()


def test_the_offer_check_says_what_it_found(window, announcements) -> None:
    page = _go(window, PageId.OFFER)
    page.advert.text_edit.setPlainText("Results guaranteed! Book today.")
    announcements.clear()
    page.advert.check_button.click()
    said = [m for _, m in announcements]
    assert said and said[-1] == page.advert.summary_label.text()
    assert said[-1].startswith("Found ")


def test_saving_the_pdf_says_how_it_went(window, announcements, tmp_path: Path) -> None:
    page = _go(window, PageId.REVIEW)
    page.pdf_path_edit.setText("")
    announcements.clear()
    page.save_pdf_button.click()
    settle()
    assert [m for _, m in announcements] == ["Please choose where to save the PDF first."]


def test_a_not_yet_answer_says_the_question_it_adds(window, announcements) -> None:
    page = _go(window, PageId.READINESS)
    view = page.findChild(ReadinessCheckView)
    area, row = next(iter(view.rows.items()))
    for button in row.buttons.values():
        button.setChecked(False)
    announcements.clear()
    not_yet: QAbstractButton = row.buttons["not_yet"]
    not_yet.click()
    said = [m for _, m in announcements]
    assert said == [row.suggestion.text()]
    assert view.content.item(area).suggestion.text in said[0]


def test_a_moved_question_says_where_it_is_now(window, announcements) -> None:
    page = _go(window, PageId.QUESTIONS)
    first = page.shown_order()[0]
    announcements.clear()
    page.rows[first].down_button.click()
    settle()
    total = len(page.shown_order())
    assert (page.rows[first], f"Moved to number 2 of {total}.") in announcements


def test_titles_and_headings_are_headings_to_a_screen_reader(window) -> None:
    """(A keyboard audit: they were read as plain text, so a long page could not be moved
    through by heading.)"""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QLabel

    page = _go(window, PageId.EVIDENCE)
    labels = [w for w in page.findChildren(QLabel) if w.text()]
    headings = [w for w in labels if w.objectName() in ("title", "heading", "subheading")]
    assert page.title_label in headings and len(headings) > 5
    for label in headings:
        found = QAccessible.queryAccessibleInterface(label)
        assert found.role() == QAccessible.Role.Heading, label.text()
        assert found.text(QAccessible.Text.Name) == (label.accessibleName() or label.text())
    plain = next(w for w in labels if w.objectName() == "hint")
    assert QAccessible.queryAccessibleInterface(plain).role() == QAccessible.Role.StaticText
