"""How big a window may be on its screen: never more than a share of the screen's free area
(a laptop at 200 % text, or at 150 % scaling, has little)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def capped(
    window: QWidget, width: int, height: int, across: float = 0.9, down: float = 0.9
) -> tuple[int, int]:
    """``width`` and ``height``, each at most that share of the free area of ``window``'s
    screen (as given, where it has no screen)."""
    screen = window.screen()
    if screen is None:
        return width, height
    room = screen.availableGeometry()
    return min(width, int(room.width() * across)), min(height, int(room.height() * down))
