"""Shared set-up for the accessibility, text-size and theme tests: a full draft, every page.

``full_window`` opens the scars example draft (with a clinic offer) plus a photo, so every
page of the wizard has its controls filled in. ``walk_pages`` goes through whatever pages the
wizard has (``wizard.pageIds()``), never a fixed list.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QWidget,
    QWizard,
)

from consultprep.content import load_library
from consultprep.models import Draft
from consultprep.storage import load_draft
from ui.appearance import Appearance, appearance
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "scars.consultprep"
LIBRARY = load_library()


def example_draft(tmp_path: Path) -> Draft:
    """The scars example (it has a clinic offer), with one photo added."""
    from PIL import Image

    from consultprep.photos import add_photo

    draft = load_draft(EXAMPLE)
    assert draft.offer.offered, "the example should fill in the offer page"
    picture = tmp_path / "arm.png"
    Image.new("RGB", (64, 48), (200, 150, 120)).save(picture)
    add_photo(draft, picture, caption="Left forearm, March")
    return draft


def open_window(qtbot, draft: Draft, size: tuple[int, int] = (1000, 760)) -> MainWindow:
    """A shown main window on ``draft`` at ``size``."""
    window = MainWindow(LIBRARY, draft, None)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window


def settle() -> None:
    """Let Qt finish laying out (posted layout requests, polish)."""
    for _ in range(3):
        QApplication.processEvents()


def walk_pages(window: MainWindow) -> Iterator[int]:
    """Go to each page in turn from the first (Next), yielding its id once it is shown."""
    wizard = window.wizard
    wizard.restart()
    settle()
    for page_id in wizard.pageIds():
        if wizard.currentId() != page_id:
            wizard.next()
            settle()
        assert wizard.currentId() == page_id, f"could not reach page {page_id}"
        yield page_id


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader is given for ``widget`` (Qt's accessibility interface)."""
    face = QAccessible.queryAccessibleInterface(widget)
    if face is not None:
        return face.text(QAccessible.Text.Name).strip()
    if widget.accessibleName():
        return widget.accessibleName().strip()
    text = getattr(widget, "text", None)
    return text().replace("&", "").strip() if callable(text) else ""


def takes_keyboard_focus(widget: QWidget, window: QWidget) -> bool:
    """True for a shown, enabled widget that Tab can reach."""
    return (
        widget.isVisibleTo(window)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def interactive_widgets(window: MainWindow) -> list[QWidget]:
    """Every control on the current page, plus Back and Next, that Tab should reach."""
    page = window.wizard.currentPage()
    widgets = [
        w
        for w in page.findChildren(QWidget)
        if takes_keyboard_focus(w, window) and not isinstance(w.parent(), QAbstractSpinBox)
    ]  # the text part of a date box belongs to the box, which has the name
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton):
        button = window.wizard.button(which)
        if takes_keyboard_focus(button, window):
            widgets.append(button)
    return widgets


def group_of(widget: QWidget) -> QButtonGroup | None:
    """The exclusive button group ``widget`` is in, if any (Tab visits one member of it)."""
    if not isinstance(widget, QAbstractButton):
        return None
    for group in widget.window().findChildren(QButtonGroup):
        if group.exclusive() and widget in group.buttons():
            return group
    return None


def delete_closed_windows() -> None:
    """Delete the widgets earlier tests closed (Qt waits for an event loop that tests lack).

    Changing the app's font or style sheet restyles every widget still alive, so without
    this each change would also restyle thousands of closed windows.
    """
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def look(qapp) -> Iterator[Appearance]:
    """The app's Appearance; the app's font, colours and style are put back afterwards."""
    delete_closed_windows()
    found = appearance(qapp)
    found.load()
    yield found
    delete_closed_windows()
    found.restore()


@pytest.fixture(name="window")
def example_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The main window on the scars example, its dialogs faked (import it as a fixture)."""
    from tests.ui_helpers import install_fake_dialogs

    install_fake_dialogs(monkeypatch)
    return open_window(qtbot, example_draft(tmp_path))


@pytest.fixture(name="announcements")
def said_aloud(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, str]]:
    """What the app asks a screen reader to say, as if one were running."""
    said: list[tuple[object, str]] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(
        QAccessible,
        "updateAccessibility",
        staticmethod(lambda event: said.append((event.object(), event.message()))),
    )
    return said
