"""The evidence ladder on paper: its kinds differ in shape as well as colour (printed in grey
they looked alike), and in large print it is drawn as big as fits (it came out at 10 pt)."""

from __future__ import annotations

import pytest

from consultprep.content import load_library
from exports.flowables import EvidenceLadder
from exports.kind_marks import kind_shape
from exports.options import PackOptions
from exports.styles import FRAME_HEIGHT

LIBRARY = load_library()


class _Canvas:
    """Records what is drawn."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def __getattr__(self, name: str):
        return lambda *args, **kw: self.calls.append((name, args, kw))


@pytest.mark.parametrize(
    ("kind", "filled", "dashed"),
    [("established", True, False), ("regenerative", False, False), ("waiting", False, True)],
)
def test_each_kind_has_its_own_shape(kind: str, filled: bool, dashed: bool) -> None:
    canvas = _Canvas()
    kind_shape(canvas, kind, 0, 0, 40, 12, 4)
    (_, _, drawn), = [c for c in canvas.calls if c[0] == "roundRect"]
    assert drawn == {"stroke": int(not filled), "fill": 1}
    assert any(c[0] == "setDash" for c in canvas.calls) is dashed


def test_the_three_kinds_look_different() -> None:
    shapes = []
    for kind in ("established", "regenerative", "waiting"):
        canvas = _Canvas()
        kind_shape(canvas, kind, 0, 0, 40, 12, 4)
        shapes.append([c for c in canvas.calls if c[0] in ("roundRect", "setDash")])
    assert len({repr(s) for s in shapes}) == 3


@pytest.mark.parametrize("room", [1.0, 0.6])
def test_in_large_print_the_ladder_is_as_big_as_fits(room: float) -> None:
    """Made smaller to fit, it is made only as small as it must be."""
    from exports.pack import FRAME_WIDTH

    scale = PackOptions(large_print=True).scale
    height = FRAME_HEIGHT * room
    shrunk = 0
    for concern in LIBRARY.concerns:
        ladder = EvidenceLadder(concern, LIBRARY, height, scale)
        assert ladder.wrap(FRAME_WIDTH, height)[1] <= height
        if ladder._scale < scale:
            shrunk += 1
            bigger = EvidenceLadder(concern, LIBRARY, 10**6, ladder._scale * 1.03)
            assert bigger.wrap(FRAME_WIDTH, 10**6)[1] > height, concern.id
    assert shrunk >= (4 if room < 1 else 0)


def test_the_warning_mark_in_the_rungs_list_is_never_alone_at_the_top_of_a_page() -> None:
    """Split in large print, the list kept the "!" entry loose: it began a page alone."""
    from datetime import date

    from reportlab.platypus import KeepTogether

    from consultprep.models import Draft
    from exports.flowables import BadgedParagraph
    from exports.fonts import register_fonts
    from exports.pack import Pack
    from exports.sections import levels

    register_fonts()
    for large in (False, True):
        pack = Pack(Draft(), LIBRARY, date(2026, 12, 7), PackOptions(large_print=large))
        levels(pack)
        last = pack.story[-1]
        assert isinstance(last, KeepTogether), large
        assert isinstance(last._content[-1], BadgedParagraph) and len(last._content) >= 2
