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
