"""The evidence ladder on screen: drawn at any width, said in words, long names wrapped,
rung names clear of the treatments at large text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics

from consultprep.content import load_library
from tests.ui_library import make_library
from ui.ladder import EvidenceLadder, ladder_text

LIBRARY = load_library()


@pytest.mark.parametrize("concern", LIBRARY.concerns, ids=lambda c: c.id)
def test_the_ladder_draws_at_any_width_and_says_it_in_words(qtbot, concern) -> None:
    ladder = EvidenceLadder(LIBRARY)
    qtbot.addWidget(ladder)
    ladder.set_concern(concern)
    text = ladder.accessibleDescription()
    assert text == ladder_text(concern, LIBRARY)
    for t in concern.treatments:
        assert t.name in text
    for level in LIBRARY.levels:
        assert level.short in text
    heights = [ladder.heightForWidth(w) for w in (420, 700, 1200)]
    assert heights[0] >= heights[1] >= heights[2] > 200
    for width in (420, 1200):
        ladder.resize(width, ladder.heightForWidth(width))
        image = ladder.grab().toImage()
        assert image.size() == QSize(width, ladder.heightForWidth(width))
        assert image.pixelColor(width // 2, 3).name() == "#ffffff"


def test_the_ladder_wraps_long_treatment_names(qtbot) -> None:
    library = make_library(long=True)
    ladder = EvidenceLadder(library)
    qtbot.addWidget(ladder)
    ladder.set_concern(library.concerns[0])
    rows, _height = ladder._layout(420)
    for row in rows:
        for pill in row.pills:
            assert pill.rect.right() <= row.rect.right()


@pytest.mark.parametrize("point_size", [12, 24])
@pytest.mark.parametrize("concern", LIBRARY.concerns, ids=lambda c: c.id)
def test_rung_names_never_run_under_the_treatments(qtbot, concern, point_size: int) -> None:
    ladder = EvidenceLadder(LIBRARY)
    qtbot.addWidget(ladder)
    font = ladder.font()
    font.setPointSize(point_size)  # 200 % text
    ladder.setFont(font)
    ladder.set_concern(concern)
    for width in (420, 560, 900):
        rows, _height = ladder._layout(width)
        for row in rows:
            assert all(row.label_rect.right() < p.rect.left() for p in row.pills), row.label
            # The number stays with the first word ("4." was left alone on a line).
            fm = QFontMetrics(ladder._fonts()[1])  # the rung names are bold
            first = row.label.split(" ")[0]
            if row.rung is not None:
                assert first.startswith(f"{row.rung}.\u00a0"), row.label
                assert fm.horizontalAdvance(first) <= row.label_rect.width(), row.label
