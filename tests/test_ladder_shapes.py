"""On screen, the evidence ladder tells the kinds of treatment apart by shape as well as by
colour (as the PDF does), for anyone who cannot tell the colours apart."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from ui import theme
from ui.ladder import paint_kind


def _drawn(kind: str) -> QImage:
    image = QImage(120, 32, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_kind(p, kind, QRectF(0, 0, 120, 32))
    p.end()
    return image


def _filled(image: QImage, x: int, y: int) -> bool:
    return image.pixelColor(x, y).alpha() > 200


def test_each_kind_has_its_own_shape(qapp) -> None:
    regenerative, established, waiting = map(_drawn, ("regenerative", "established", "waiting"))
    assert _filled(regenerative, 2, 2)  # square corners
    assert not _filled(established, 2, 2) and not _filled(waiting, 2, 2)  # round ends
    # waiting has a dashed line inside, in the pill's text colour (white: light dashes on the
    # fill, with gaps); established has none (one colour along the same row)
    def lightness(image: QImage) -> list[int]:
        return [image.pixelColor(x, 3).lightness() for x in range(30, 90)]

    dashed, plain = lightness(waiting), lightness(established)
    assert max(dashed) - min(dashed) > 60
    assert max(plain) - min(plain) < 5


def test_the_ladder_and_its_key_draw_those_shapes(qtbot) -> None:
    """The pills and the key's swatches themselves, not only the shape function."""
    from consultprep.content import load_library
    from ui.ladder import EvidenceLadder

    library = load_library()
    ladder = EvidenceLadder(library)
    qtbot.addWidget(ladder)
    ladder.set_concern(library.concern("scars"))
    width = 900
    ladder.resize(width, ladder.heightForWidth(width))
    image = ladder.grab().toImage()
    rows, height = ladder._layout(width)
    pills = {p.treatment.kind: p.rect for row in rows for p in row.pills}
    colours = theme.current().kind_colours

    def corner_is_kind(rect, kind: str) -> bool:  # (just inside the top left corner)
        return image.pixelColor(rect.left() + 1, rect.top() + 1).name() == colours[kind].lower()

    assert corner_is_kind(pills["regenerative"], "regenerative")  # square corners
    assert not corner_is_kind(pills["established"], "established")  # round ends
    legend_top = height - 8 - ladder._legend_height(width) + 4
    key = ladder._legend_layout(width, legend_top)
    swatches = {kind: swatch for swatch, _, _, kind, _ in key}
    assert corner_is_kind(swatches["regenerative"], "regenerative")
    assert not corner_is_kind(swatches["established"], "established")
