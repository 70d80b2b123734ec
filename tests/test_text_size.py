"""Text size 100 % to 200 %: the menu, the shortcuts, remembering it, and nothing cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
    QWizard,
)

from consultprep.models import BranNotes
from tests.a11y_helpers import example_draft, look, open_window, settle, walk_pages  # noqa: F401
from tests.ui_helpers import install_fake_dialogs
from ui import appearance as appearance_module
from ui.app import create_main_window
from ui.appearance import SCALE_STEPS, Appearance
from ui.ladder import EvidenceLadder
from ui.pages.review_page import SUBTITLE, SUBTITLE_BUTTONS_FIRST
from ui.wizard import PageId


def test_base_size_follows_the_system_but_is_never_small(qapp, monkeypatch) -> None:
    original = QFont(qapp.font())
    try:
        big = QFont(original)
        big.setPointSizeF(15)
        qapp.setFont(big)
        assert Appearance(qapp).base_point_size == 15
        small = QFont(original)
        small.setPointSizeF(9)
        qapp.setFont(small)
        assert Appearance(qapp).base_point_size == appearance_module.MIN_BASE_POINT_SIZE == 12
    finally:
        qapp.setFont(original)


def test_larger_and_smaller_step_between_100_and_200_percent(look) -> None:  # noqa: F811
    look.reset_scale()
    assert look.scale == 100
    look.smaller()
    assert look.scale == 100
    seen = [look.scale]
    for _ in SCALE_STEPS:
        look.larger()
        seen.append(look.scale)
    assert seen[-1] == 200 and seen == sorted(seen)
    assert set(seen) == set(SCALE_STEPS)
    assert look._app.font().pointSizeF() == pytest.approx(look.base_point_size * 2)
    look.smaller()
    assert look.scale == SCALE_STEPS[-2]
    look.set_scale(500)
    assert look.scale == 200
    look.set_scale(10)
    assert look.scale == 100


def test_headings_grow_with_the_text(look) -> None:  # noqa: F811
    look.set_scale(100)
    small = look._app.styleSheet()
    look.set_scale(200)
    large = look._app.styleSheet()
    assert f"{look.base_point_size * 2 + 5:.1f}pt" in large  # the page title
    assert f"{look.base_point_size + 5:.1f}pt" in small


def test_the_text_size_is_remembered(qapp, look) -> None:  # noqa: F811
    look.set_scale(150)
    again = Appearance(qapp)
    again.load()
    assert again.scale == 150
    again.restore()


def test_view_menu_and_shortcuts(qtbot, look, monkeypatch) -> None:  # noqa: F811
    install_fake_dialogs(monkeypatch)
    window = create_main_window()
    qtbot.addWidget(window)
    comfort = window.comfort
    view = [a.text() for a in comfort.view_menu.actions() if a.text()]
    assert view[:3] == ["&Larger text", "&Smaller text", "&Reset text size"]
    assert QKeySequence(QKeySequence.StandardKey.ZoomIn) in comfort.larger_action.shortcuts()
    assert QKeySequence("Ctrl+=") in comfort.larger_action.shortcuts()
    assert comfort.smaller_action.shortcut() == QKeySequence(QKeySequence.StandardKey.ZoomOut)
    assert comfort.reset_text_action.shortcut() == QKeySequence("Ctrl+0")
    comfort.larger_action.trigger()
    assert look.scale == SCALE_STEPS[1]
    assert comfort.smaller_action.isEnabled()
    comfort.reset_text_action.trigger()
    assert look.scale == 100
    assert not comfort.smaller_action.isEnabled()


def test_the_preferences_window_sets_the_text_size(qtbot, look, monkeypatch) -> None:  # noqa: F811
    install_fake_dialogs(monkeypatch)
    window = create_main_window()
    qtbot.addWidget(window)
    dialog = window.comfort.show_preferences()
    assert dialog.area.verticalScrollBar().maximum() == 0, "at 100 %, all in view"
    box = dialog.size_box
    assert [box.itemData(i) for i in range(box.count())] == list(SCALE_STEPS)
    box.setCurrentIndex(box.findData(175))
    assert look.scale == 175
    window.comfort.larger_action.trigger()
    assert box.currentData() == 200  # the window follows changes made from the menu
    room = dialog.screen().availableGeometry()  # at 200 %, never taller than the screen
    assert dialog.height() <= room.height() and dialog.area.verticalScrollBar().maximum() > 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape closes, and keeps the choice
    assert not dialog.isVisible()
    assert look.scale == 200


# --- nothing cut off at 200 % ---------------------------------------------------------------
def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def cut_off(window: QWidget) -> list[str]:
    """Shown text that does not fit the space it was given, and pages wider than the window."""
    problems = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        where = f"{type(w).__name__} {w.objectName()!r}"
        if isinstance(w, QLabel) and w.text():
            if w.wordWrap():
                need = w.heightForWidth(w.width())
                if need > w.height() + 1:
                    problems.append(f"{where} {w.text()[:40]!r}: {need} px tall, has {w.height()}")
            else:
                fm = w.fontMetrics()
                size = fm.size(0, _plain(w.text()))
                room = w.contentsRect()
                if size.width() > room.width() + 1 or size.height() > room.height() + 1:
                    problems.append(f"{where} {w.text()[:40]!r}: needs {size}, has {room.size()}")
        elif isinstance(w, QAbstractButton) and w.text():
            hint = w.sizeHint()
            if hint.width() > w.width() + 1 or hint.height() > w.height() + 1:
                problems.append(f"{where} {w.text()!r}: needs {hint}, has {w.size()}")
        elif isinstance(w, EvidenceLadder):
            if w.heightForWidth(w.width()) > w.height() + 1:
                problems.append(f"evidence ladder: needs {w.heightForWidth(w.width())} px")
        elif isinstance(w, QScrollArea) and w.widget().width() > w.viewport().width() + 1:
            problems.append(
                f"{where}: content {w.widget().width()} px wide in {w.viewport().width()}"
            )
    return problems


@pytest.mark.parametrize("size", [(800, 600), (1000, 760)], ids=["800x600", "1000x760"])
def test_at_200_percent_no_text_is_cut_off_on_any_page(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
    size: tuple[int, int],
) -> None:
    install_fake_dialogs(monkeypatch)
    look.set_scale(200)
    draft = example_draft(tmp_path)
    draft.bran = [BranNotes(treatment="Stem-cell injections into the scar")]  # (its row was
    window = open_window(qtbot, draft, size)  # wider than a small window at 200%)
    problems = []
    checked = 0
    for page_id in walk_pages(window):
        assert window.width() == size[0] and window.height() == size[1], "window grew"
        found = cut_off(window)
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton):
            button = window.wizard.button(which)
            corner = button.mapTo(window, QPoint(button.width(), button.height()))
            if button.isVisible() and not window.rect().contains(corner - QPoint(1, 1)):
                found.append(f"{button.text()!r} reaches {corner}, outside the window")
        checked += len(window.wizard.currentPage().findChildren(QLabel))
        problems += [f"page {page_id}: {p}" for p in found]
    assert checked > 200
    assert not problems, "\n".join(problems)
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1]


def test_the_check_finds_cut_off_text(qtbot) -> None:
    """The checker itself: a label squeezed below its text, and a button too narrow."""
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("A sentence that is much too long to fit in forty pixels", box)
    label.setWordWrap(True)
    label.setGeometry(0, 0, 40, 20)
    button = QPushButton("Save the PDF pack now", box)
    button.setGeometry(0, 30, 30, 20)
    box.show()
    found = cut_off(box)
    assert any("QLabel" in p for p in found)
    assert any("QPushButton" in p for p in found)


def in_view(area: QScrollArea, widget: QWidget) -> bool:
    """True if all of ``widget`` is in view in the scroll area ``area``."""
    viewport = area.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= viewport.height()


def last_page(window) -> QWidget:
    """Walk to the last page ("Check and save") and return it."""
    for _page_id in walk_pages(window):
        pass
    return window.wizard.currentPage()


def test_a_header_that_scrolls_with_the_page_stays_on_top(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """At 200 % text in a small window each page's step, title and subtitle scroll with it,
    above what the page shows (the evidence page puts its content in afterwards)."""
    install_fake_dialogs(monkeypatch)
    look.set_scale(200)
    window = open_window(qtbot, example_draft(tmp_path), (800, 600))
    folded = 0
    for _page_id in walk_pages(window):
        page = window.wizard.currentPage()
        fold = getattr(page, "header_fold", None)
        if fold is None or not fold.folded:
            continue
        folded += 1
        content = page.header.parentWidget()
        children = content.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        below = [w for w in children if w is not page.header and w.isVisible()]
        assert all(page.header.y() < w.y() for w in below), type(page).__name__
    assert folded >= 5


def test_steps_alike_place_their_headers_alike(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """At 150 % text in a 1300 x 700 window a header of two or three short lines stands
    still on every step: the photos, questions and readiness steps kept theirs scrolling
    (their first look leaned to scrolling), so the title jumped from step to step."""
    install_fake_dialogs(monkeypatch)
    look.set_scale(150)
    window = open_window(qtbot, example_draft(tmp_path), (1300, 700))
    scrolled = []
    for _page_id in walk_pages(window):
        page = window.wizard.currentPage()
        settle()
        fold = getattr(page, "header_fold", None)
        if fold is not None and fold.folded:
            scrolled.append(type(page).__name__)
    assert scrolled == []


def test_the_questions_page_keeps_room_to_scroll_at_large_text(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """At 200 % text in the usual window the header and "Add your own question" together
    took most of the page: the header now scrolls with the questions, so they get the room."""
    install_fake_dialogs(monkeypatch)
    look.set_scale(200)
    window = open_window(qtbot, example_draft(tmp_path))
    for page_id in walk_pages(window):
        if page_id == PageId.QUESTIONS:
            break
    page = window.wizard.currentPage()
    settle()
    assert page.header_fold.folded
    assert page.scroll_area.height() >= 0.6 * page.height()
    look.set_scale(100)  # and back out when there is room again
    settle()
    assert not page.header_fold.folded


def test_add_your_own_question_goes_to_the_end_of_the_list_in_a_small_window(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """At 200 % text in an 800 x 600 window "Add your own question" took a third of the page
    below the list: it now scrolls with the list, at its end, and the page says where it is.
    Alt+O still finds it, and a question added there stays in view with the box."""
    install_fake_dialogs(monkeypatch)
    look.set_scale(200)
    window = open_window(qtbot, example_draft(tmp_path), (800, 600))
    for page_id in walk_pages(window):
        if page_id == PageId.QUESTIONS:
            break
    page = window.wizard.currentPage()
    settle()
    content = page.scroll_area.widget()
    assert page.add_fold.folded
    assert content.isAncestorOf(page.add_panel)
    rows = [w for w in content.findChildren(QWidget) if w in page.rows.values()]
    assert all(row.y() < page.add_panel.y() for row in rows)  # below the last question
    assert "go to the end of the list" in page.count_label.text()
    assert page.scroll_area.height() >= 0.75 * page.height()
    area = page.scroll_area
    viewport = area.viewport()
    assert not in_view(area, page.own_question_edit)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.own_question_edit.hasFocus())
    qtbot.waitUntil(lambda: in_view(area, page.own_question_edit))
    page.own_question_edit.setText("Can I see photos of your own patients' results?")
    qtbot.keyClick(page.own_question_edit, Qt.Key.Key_Return)
    added = page.rows[page.draft.checklist[-1].id]
    # The box is in view for the next question, the new one just above it (whole if it fits).
    qtbot.waitUntil(
        lambda: in_view(area, page.own_question_edit)
        and added.mapTo(viewport, QPoint(0, added.height())).y() > 0
    )
    look.set_scale(100)  # room again: back below the list, and the page says nothing of it
    settle()
    qtbot.waitUntil(lambda: not page.add_fold.folded)
    assert not content.isAncestorOf(page.add_panel)
    assert "end of the list" not in page.count_label.text()


def test_save_pdf_is_in_view_on_the_last_page_at_large_text(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    install_fake_dialogs(monkeypatch)
    look.set_scale(200)
    window = open_window(qtbot, example_draft(tmp_path), (800, 600))
    review = last_page(window)
    area = review.scroll_area
    assert review.panel_fold.folded  # no room below the summary: it scrolls, above it
    assert review.subtitle_label.text() == SUBTITLE_BUTTONS_FIRST  # "…summary…below the buttons"
    qtbot.waitUntil(lambda: in_view(area, review.save_pdf_button))
    # from the panel's heading, "Your PDF pack", not from half a line of the text above it
    panel_top = review.panel.mapTo(area.widget(), review.panel.rect().topLeft()).y()
    assert area.verticalScrollBar().value() == panel_top > 0
    path = review.pdf_path_edit  # the whole path in view, wrapped: the folder and the name
    qtbot.waitUntil(lambda: path.verticalScrollBar().maximum() == 0)
    assert path.text().endswith(".pdf")
    path.setText(str(tmp_path / "pack.pdf"))
    assert review.save_pdf() is not None  # then where it went is in view (it was below)
    qtbot.waitUntil(lambda: in_view(area, review.status_label))


def test_the_last_page_opens_at_its_title_when_save_pdf_fits_below_it(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """With large text in a short window the buttons come before the summary: where the
    title and Save PDF both fit, the page opens showing both (it showed only as far up as
    Save PDF needed, and a long subtitle could push the title off the top)."""
    install_fake_dialogs(monkeypatch)
    look.set_scale(200)
    window = open_window(qtbot, example_draft(tmp_path), (1000, 680))
    review = last_page(window)
    area = review.scroll_area
    assert review.panel_fold.folded and review.header_fold.folded
    qtbot.waitUntil(
        lambda: in_view(area, review.title_label) and in_view(area, review.save_pdf_button)
    )


def test_the_last_page_says_where_the_summary_is(
    qtbot,
    look,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch,
) -> None:
    """With room, the summary comes first and the buttons under it; at large text in a small
    window the buttons come first, and the header says the summary is below them."""
    install_fake_dialogs(monkeypatch)
    look.set_scale(100)
    window = open_window(qtbot, example_draft(tmp_path), (1000, 760))
    review = last_page(window)
    qtbot.waitUntil(lambda: not review.panel_fold.folded)
    assert review.subtitle_label.text() == SUBTITLE
    look.set_scale(200)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: review.panel_fold.folded)
    assert review.subtitle_label.text() == SUBTITLE_BUTTONS_FIRST
