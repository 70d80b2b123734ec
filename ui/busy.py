"""Feedback while something takes a moment, and opening a saved file or its folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

SAVING_PDF = "Saving your PDF…"


@contextmanager
def busy(widget: QWidget, message: str) -> Iterator[None]:
    """Show a busy pointer and ``message`` in the window's status bar until the block ends.

    The screen is redrawn first, so the message is seen even though the work that follows
    keeps the app busy.
    """
    window = widget.window()
    bar = window.statusBar() if isinstance(window, QMainWindow) else None
    if bar is not None:
        bar.showMessage(message)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
        if bar is not None and bar.currentMessage() == message:
            bar.clearMessage()


def open_file(path: Path) -> bool:
    """Open ``path`` with the computer's usual program for it (a PDF viewer for a PDF)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """Open the folder that holds ``path`` in the computer's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
