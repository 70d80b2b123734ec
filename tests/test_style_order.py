"""The app styles its first window after building it (``ui.app.run_app``, a quicker start):
the window must look exactly as one built already styled, pixel for pixel."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench.common import run_python

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "scars.consultprep"


def _window_pictures(order: str, scale: int, theme: str, tmp_path: Path) -> list[bytes]:
    out = tmp_path / order
    home = tmp_path / f"home-{order}"
    home.mkdir()
    args = [str(scale), theme, str(out), str(EXAMPLE)]
    proc = run_python(["-m", "tests.style_order_child", order, *args], home)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return [Path(f"{out}-{which}.png").read_bytes() for which in ("first", "next")]


@pytest.mark.parametrize(("scale", "theme"), [(100, "light"), (200, "dark")])
def test_styled_after_building_looks_the_same(scale: int, theme: str, tmp_path: Path) -> None:
    early = _window_pictures("early", scale, theme, tmp_path)
    late = _window_pictures("late", scale, theme, tmp_path)
    assert all(len(picture) > 10_000 for picture in early)  # real pictures of a window
    assert early[0] != early[1]  # the welcome page, then the next page
    assert late == early
