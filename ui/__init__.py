"""The Qt app shell. Qt is imported only when a window is made (``create_main_window``)."""

from __future__ import annotations

from typing import Any

__all__ = ["create_main_window"]


def create_main_window(draft_path: str | None = None) -> Any:
    """Build the top-level window (not shown). A QApplication must already exist.

    Imported lazily so that ``consultprep export`` never loads Qt.
    """
    from ui.app import create_main_window as _create

    return _create(draft_path)
