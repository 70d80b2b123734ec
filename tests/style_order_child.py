"""A child process for ``tests/test_style_order.py``: the main window, styled before it is built
(as tests and the screenshot tool do) or after (as ``ui.app.run_app`` does), saved as PNGs.

Usage: ``python -m tests.style_order_child early|late SCALE THEME OUT_PREFIX [DRAFT]``.
Writes OUT_PREFIX-first.png (the welcome page) and OUT_PREFIX-next.png (the page after it).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from ui.app import MainWindow, ensure_app
from ui.appearance import appearance
from ui.style import apply_app_style, apply_style_sheet


def main(order: str, scale: int, theme: str, out: str, draft: str | None) -> None:
    app = ensure_app()
    apply_app_style(app, style_sheet_later=order == "late")
    look = appearance(app)
    look.scale, look.theme_choice = scale, theme  # (nothing written to the settings)
    look.apply(style_sheet_later=order == "late")
    window = MainWindow(None, path=draft)
    if order == "late":
        apply_style_sheet(app)
    window.resize(1000, 760)
    window.show()

    def first() -> None:
        window.grab().save(f"{out}-first.png")
        window.started.connect(lambda: QTimer.singleShot(200, following))
        if window.wizard.attached:
            QTimer.singleShot(200, following)

    def following() -> None:
        window.wizard.next()
        QTimer.singleShot(200, lambda: (window.grab().save(f"{out}-next.png"), app.quit()))

    QTimer.singleShot(200, first)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], (sys.argv[5:] or [None])[0])
