"""The Qt app shell. Qt is imported only when a window is made (``create_main_window``).

Importing the package makes Qt's enums the quicker way (:mod:`ui.qt_enums`), PySide's look
at each newly imported module quicker (:mod:`ui.import_check`) and PySide's own helpers
compiled only once (:mod:`ui.pyside_code`), before any of its modules imports PySide.
"""

from __future__ import annotations

from typing import Any

from ui import import_check, pyside_code, qt_enums

qt_enums.install()
import_check.install()
pyside_code.install()

__all__ = ["create_main_window"]


def create_main_window(draft_path: str | None = None) -> Any:
    """Build the top-level window (not shown). A QApplication must already exist.

    Imported lazily so that ``consultprep export`` never loads Qt.
    """
    from ui.app import create_main_window as _create

    return _create(draft_path)
