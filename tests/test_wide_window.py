"""On a wide screen the wizard keeps to the middle: lines of text and a row's buttons stay
within reach of each other (ui.wizard.MAX_WIDTH_EM)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from consultprep.storage import load_draft
from tests.a11y_helpers import (  # noqa: F401
    ROOT,
    example_draft,
    look,
    open_window,
    settle,
    walk_pages,
)
from tests.ui_helpers import install_fake_dialogs
from ui.middle import Middle
from ui.wizard import MAX_WIDTH_EM, PageId


def _example(name: str):
    return load_draft(ROOT / "resources" / "examples" / f"{name}.consultprep")


def _sides(window) -> tuple[int, int]:
    """The space left and right of the wizard in the window."""
    wizard = window.wizard
    left = wizard.mapTo(window, wizard.rect().topLeft()).x()
    return left, window.width() - left - wizard.width()


def test_the_wizard_keeps_to_the_middle_of_a_wide_window(
    qtbot,
    look,  # noqa: F811
    monkeypatch,
) -> None:
    install_fake_dialogs(monkeypatch)  # closing asks about the unsaved example
    look.set_scale(100)
    window = open_window(qtbot, _example("ageing"), size=(1920, 1000))
    wizard = window.wizard
    em = wizard.font().pointSizeF() * wizard.logicalDpiY() / 72
    assert wizard.widest() == round(MAX_WIDTH_EM * em) < 1920
    assert wizard.width() == wizard.widest()
    left, right = _sides(window)
    assert left > 100 and abs(left - right) <= 1
    # The pages and the Back and Next buttons are inside that middle part.
    wizard.go_to(PageId.QUESTIONS)
    settle()
    for widget in (wizard.currentPage(), wizard.button(wizard.WizardButton.NextButton)):
        x = widget.mapTo(window, widget.rect().topLeft()).x()
        assert left <= x and x + widget.width() <= window.width() - right

    # With larger text the wizard may grow wider again: here, to the whole window.
    look.set_scale(200)
    settle()
    assert wizard.widest() >= 1920
    assert wizard.width() == window.width()


def test_a_small_window_is_filled(qtbot, look, monkeypatch) -> None:  # noqa: F811
    install_fake_dialogs(monkeypatch)
    look.set_scale(100)
    for size in ((800, 600), (960, 760)):
        window = open_window(qtbot, _example("scars"), size=size)
        assert _sides(window) == (0, 0)
        assert window.wizard.width() == size[0]
    # At 1280 pixels the lines would run to about 130 characters: the wizard keeps to the middle.
    window = open_window(qtbot, _example("scars"), size=(1280, 800))
    assert window.wizard.width() == window.wizard.widest() == 960
    assert _sides(window) == (160, 160)


def test_back_stays_in_its_place_on_the_last_page(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The last page has no Next; Back did not move into its place, where a click from habit
    would go back a step."""
    install_fake_dialogs(monkeypatch)
    window = open_window(qtbot, example_draft(tmp_path), (1280, 800))
    wizard = window.wizard
    back = wizard.button(QWizard.WizardButton.BackButton)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    places = {}
    for page_id in walk_pages(window):
        places[page_id] = (back.isVisible(), back.geometry(), next_button.isVisible())
    last = places.pop(PageId.REVIEW)
    assert last[0] and not last[2]
    for page_id, (back_shown, where, _) in places.items():
        if back_shown:
            assert where == last[1], page_id


def test_the_wheel_over_the_margins_scrolls_the_page(qtbot, look, monkeypatch) -> None:  # noqa: F811
    """In a wide window the margins beside the wizard are most of the screen: a turn of the
    wheel there scrolls the page, as it does over the page itself."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from ui.edge_fade import PageScrollArea

    install_fake_dialogs(monkeypatch)
    look.set_scale(100)
    window = open_window(qtbot, _example("scars"), size=(1920, 1000))
    window.wizard.go_to(PageId.EVIDENCE)
    settle()
    middle = window.findChild(Middle)
    bar = window.wizard.currentPage().findChild(PageScrollArea).verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0

    def turn(x: int, notches: int) -> None:
        where = QPointF(x, 300)
        event = QWheelEvent(
            where,
            QPointF(middle.mapToGlobal(where.toPoint())),
            QPoint(),
            QPoint(0, -120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(middle, event)

    left, _ = _sides(window)
    turn(left // 2, 2)  # over the left margin, down
    down = bar.value()
    assert down > 0
    turn(middle.width() - left // 2, -1)  # over the right margin, up
    assert 0 <= bar.value() < down
