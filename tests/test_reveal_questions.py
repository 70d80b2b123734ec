"""An answer that brings up more questions scrolls the first of them into view: the kind of
skin problem, and the questions about a clinic's offer."""

from __future__ import annotations

from consultprep.models import Draft
from tests.a11y_helpers import look, open_window, settle  # noqa: F401 - look: a fixture
from tests.ui_helpers import install_fake_dialogs
from ui.wizard import PageId


def _in_view(area, widget) -> bool:
    top = widget.mapTo(area.viewport(), widget.rect().topLeft()).y()
    return top >= 0 and top + widget.height() <= area.viewport().height()


def test_choosing_a_problem_scrolls_its_kinds_into_view(
    qtbot,
    look,  # noqa: F811
    monkeypatch,
) -> None:
    """With large text in a small window the question "which of these is closest to yours?"
    came up below the edge, and Next waited for it with nothing on screen saying why."""
    install_fake_dialogs(monkeypatch)
    look.set_scale(150)
    window = open_window(qtbot, Draft(), size=(800, 600))
    window.wizard.go_to(PageId.CONCERN)
    settle()
    page = window.wizard.currentPage()
    area = page.scroll_area
    assert area.verticalScrollBar().value() == 0
    page.concern_radios["ageing"].click()
    qtbot.waitUntil(lambda: bool(page.subtype_grid.cards()))
    settle()
    first = page.subtype_grid.cards()[0]
    qtbot.waitUntil(lambda: _in_view(area, first))
    assert _in_view(area, page.subtype_heading)
    assert not window.wizard.button(window.wizard.WizardButton.NextButton).isEnabled()

    # Choosing the kind does not move the page again; nor does showing a draft's own choice.
    place = area.verticalScrollBar().value()
    page.subtype_radios[next(iter(page.subtype_radios))].click()
    settle()
    assert area.verticalScrollBar().value() == place


def test_yes_to_a_clinic_offer_scrolls_its_first_question_into_view(
    qtbot,
    look,  # noqa: F811
    monkeypatch,
    tmp_path,
) -> None:
    """With large text in a small window, "Yes" to "Has a clinic offered you…?" brought the
    questions about the offer up below the edge."""
    from pathlib import Path

    from consultprep.storage import load_draft

    install_fake_dialogs(monkeypatch)
    look.set_scale(200)
    draft = load_draft(Path("resources/examples/inflammatory.consultprep"))  # no offer noted
    window = open_window(qtbot, draft, size=(800, 600))
    while window.wizard.currentId() != PageId.OFFER:
        window.wizard.next()
        settle()
    page = window.wizard.currentPage()
    assert not page.yes_radio.isChecked() and not page.details.isVisible()
    area = page.scroll_area
    area.setMaximumHeight(320)  # as short as a small screen's (the window keeps a least size)
    settle()
    assert area.verticalScrollBar().value() == 0
    page.yes_radio.click()
    qtbot.waitUntil(lambda: _in_view(area, page.treatment))
    assert area.verticalScrollBar().value() > 0
    assert _in_view(area, page.yes_radio), "the answer stays in view above them"
