"""A panel that moves into the page's list when room is short, and back (ui.responsive)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tests.a11y_helpers import ROOT, look, settle  # noqa: F401
from tests.ui_helpers import install_fake_dialogs
from ui.app import apply_app_style, create_main_window
from ui.preparation import preparer_of
from ui.responsive import FoldingPanel


def test_a_panel_goes_back_after_what_is_still_before_it(qtbot) -> None:
    """The Add row went back to its place by number, 3; with the header folded into the list
    the page held two items, and Qt warned ("index 3 out of range") and guessed."""
    page = QWidget()
    qtbot.addWidget(page)
    outer = QVBoxLayout(page)
    header, panel, content = QLabel("Title"), QLabel("Add"), QWidget()
    inner = QVBoxLayout(content)
    area = QScrollArea()
    area.setWidget(content)
    row = QHBoxLayout()
    for part in (header, area, row, panel):
        outer.addLayout(part) if isinstance(part, QHBoxLayout) else outer.addWidget(part)
    # As on the questions page: the Add row's panel first, then the header's; both fold.
    panel_fold = FoldingPanel(page, panel, outer, inner)
    header_fold = FoldingPanel(page, header, outer, inner, at_top=True)
    warnings: list[str] = []
    before = qInstallMessageHandler(lambda _kind, _where, text: warnings.append(text))
    try:
        panel_fold._move(fold=False)  # the header still in the list: after the row
        assert [outer.indexOf(area), outer.indexOf(row), outer.indexOf(panel)] == [0, 1, 2]
        header_fold._move(fold=False)
        assert [outer.indexOf(header), outer.indexOf(panel)] == [0, 3]
        panel_fold._move(fold=True)
        panel_fold._move(fold=False)
        assert outer.indexOf(panel) == 3
    finally:
        qInstallMessageHandler(before)
    assert not [w for w in warnings if "out of range" in w]


@pytest.mark.parametrize("styled_again", [False, True], ids=["styled", "styled-twice"])
def test_pages_prepared_ahead_are_entered_without_a_panel_moving(
    qtbot,
    look,  # noqa: F811 - the fixture: the app's own style, as the patient sees it
    monkeypatch: pytest.MonkeyPatch,
    styled_again: bool,
) -> None:
    """Where a page's panels go is settled while it is prepared. On the last page, before:
    its header folded and unfolded four times once shown (measured in the scroll area and out
    of it, it differed by the gap after it), or folded once shown (its PDF panel's move, made
    while the page was hidden, had left the header deciding on the room there was before)."""
    install_fake_dialogs(monkeypatch)
    if styled_again:  # as the benchmark does: the style applied once more, as at start-up
        apply_app_style(QApplication.instance())
    example = ROOT / "resources" / "examples" / "scars.consultprep"
    window = create_main_window(str(example))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle()
    window.open_path(example)  # a new wizard, its pages prepared while the window is shown
    settle()
    moved: list[tuple[str, bool]] = []
    move = FoldingPanel._move

    def watched_move(self: FoldingPanel, fold: bool) -> None:
        if self._page.isVisible():
            moved.append((type(self._page).__name__, fold))
        move(self, fold)

    monkeypatch.setattr(FoldingPanel, "_move", watched_move)
    wizard = window.wizard
    preparer = preparer_of(wizard)
    assert preparer is not None
    for page_id in wizard.pageIds()[1:]:
        qtbot.waitUntil(preparer.is_idle, timeout=10_000)
        moved.clear()
        wizard.next()
        settle()
        assert wizard.currentId() == page_id
        assert moved == [], (page_id, moved)


def test_a_rule_marks_where_a_fixed_panel_cuts_the_list_off(
    qtbot,
    look,  # noqa: F811 - the fixture: the app's own style, as the patient sees it
) -> None:
    """Out of the list, a panel below it (or a header above it) has a rule between them, so
    a line cut off at the list's edge reads as scrolled, not as clipped text; folded into the
    list, none. The rule is always there in width, only its colour changes: the list's room
    is the same either way, so no panel can fold for it."""
    apply_app_style(QApplication.instance())
    page = QWidget()
    qtbot.addWidget(page)
    outer = QVBoxLayout(page)
    header, panel, content = QLabel("Title"), QLabel("Save PDF"), QWidget()
    inner = QVBoxLayout(content)
    inner.addWidget(QLabel("Summary"))
    area = QScrollArea()
    area.setWidget(content)
    for part in (header, area, panel):
        outer.addWidget(part)
    below = FoldingPanel(page, panel, outer, inner)
    above = FoldingPanel(page, header, outer, inner, at_top=True)
    page.resize(400, 600)
    page.show()
    qtbot.waitExposed(page)

    def edges() -> tuple[int, int, int, int]:
        """The list's frame at its top and bottom: the colour of the middle of each edge's
        line (0 for none drawn), and the edge's width."""
        image = area.grab().toImage()
        view = area.viewport().geometry()
        x = view.center().x()
        top = image.pixelColor(x, 0).lightness() if view.top() > 0 else 0
        bottom_y = area.height() - 1
        bottom = image.pixelColor(x, bottom_y).lightness() if view.bottom() < bottom_y else 0
        return view.top(), area.height() - 1 - view.bottom(), top, bottom

    window = QApplication.palette().window().color().lightness()
    for header_out, panel_out in ((True, True), (False, True), (True, False), (False, False)):
        above._move(fold=not header_out)
        below._move(fold=not panel_out)
        QApplication.processEvents()
        assert area.property("panelAbove") is header_out
        assert area.property("panelBelow") is panel_out
        top_width, bottom_width, top, bottom = edges()
        assert (top_width, bottom_width) == (1, 1)  # the same room whatever is out
        assert (top != window) == header_out, (header_out, top, window)
        assert (bottom != window) == panel_out, (panel_out, bottom, window)
