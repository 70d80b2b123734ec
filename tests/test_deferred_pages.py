"""The app shows its welcome page first and builds the other wizard pages just after.

``run_app`` sets ``ConsultWizard.defer_pages`` while it makes the window, so the first page is
on screen sooner (the benchmark, ``python -m tests.bench.run``, measures how much). Nothing
else may notice: the pages all appear, Next works, and the window is connected to them.
"""

from __future__ import annotations

import pytest

from consultprep.content import load_library
from tests.ui_helpers import Dialogs
from ui.app import create_main_window
from ui.main_window import MainWindow
from ui.wizard import PAGE_CLASSES, ConsultWizard, PageId


@pytest.fixture
def deferred(qtbot, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(ConsultWizard, "defer_pages", True)
    window = create_main_window(library=load_library())
    qtbot.addWidget(window)
    return window


def _next_button(window: MainWindow):
    return window.wizard.button(ConsultWizard.WizardButton.NextButton)


def test_only_the_welcome_page_exists_until_the_window_is_painted(deferred: MainWindow) -> None:
    wizard = deferred.wizard
    assert wizard.pageIds() == [PageId.WELCOME]
    assert wizard.currentId() == PageId.WELCOME
    assert deferred.windowTitle().startswith("New preparation")


def test_the_other_pages_follow_the_first_paint(deferred: MainWindow, qtbot) -> None:
    deferred.show()
    qtbot.waitExposed(deferred)
    qtbot.waitUntil(lambda: len(deferred.wizard.pageIds()) == len(PAGE_CLASSES))
    assert deferred.wizard.pageIds() == sorted(PAGE_CLASSES)
    assert deferred.wizard.currentId() == PageId.WELCOME
    next_button = _next_button(deferred)
    assert next_button.isVisible() and next_button.isEnabled()
    next_button.click()
    assert deferred.wizard.currentId() == PageId.CONCERN


def test_next_before_the_pages_are_built_builds_them(deferred: MainWindow) -> None:
    assert deferred.wizard.pageIds() == [PageId.WELCOME]
    deferred.wizard.page(PageId.WELCOME).start_button.click()  # calls wizard.next()
    assert deferred.wizard.currentId() == PageId.CONCERN
    assert deferred.wizard.pageIds() == sorted(PAGE_CLASSES)


def test_the_window_is_connected_to_pages_built_later(
    deferred: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    saves: list[bool] = []
    monkeypatch.setattr(deferred, "save", lambda: saves.append(True) or True)
    deferred.wizard.add_all_pages()
    deferred.wizard.page(PageId.REVIEW).save_draft_requested.emit()
    assert saves == [True]


def test_a_window_made_normally_has_every_page_at_once(window: MainWindow) -> None:
    assert window.wizard.pageIds() == sorted(PAGE_CLASSES)
    assert ConsultWizard.defer_pages is False
