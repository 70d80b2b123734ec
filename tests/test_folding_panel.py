"""A panel that moves into the page's list when room is short, and back (ui.responsive)."""

from __future__ import annotations

from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

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
