"""Starting the app: the QApplication, the font, the main window, and friendly errors."""

from __future__ import annotations

import gc
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from ui import dialogs
from ui.main_window import APP_NAME, MainWindow
from ui.style import app_icon, apply_app_style, apply_style_sheet

if TYPE_CHECKING:
    from consultprep.content import Library

ORGANISATION = "ConsultPrep"
UNEXPECTED = (
    "Sorry, something went wrong inside ConsultPrep. What you have entered is still in the "
    "window: please save your draft (File ▸ Save) before doing anything else."
)

__all__ = ["MainWindow", "create_main_window", "ensure_app", "run_app"]


def ensure_app() -> QApplication:
    """Return the running QApplication, creating one named "ConsultPrep" if there is none."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("consultprep")  # matches the launcher from --install-desktop-entry
    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def create_main_window(
    draft_path: str | None = None,
    *,
    library: Library | None = None,
    autosave_folder: str | Path | None = None,
) -> MainWindow:
    """Build the main window, not shown. A QApplication must already exist.

    Parameters
    ----------
    draft_path
        A ``.consultprep`` file to open, or None for a new draft.
    library
        The content library (default: the bundled one, ``load_library()``).
    autosave_folder
        Where to autosave (default: ``ui.autosave_controller.autosave_folder()``, which
        honours the ``CONSULTPREP_DATA_DIR`` environment variable).

    Raises
    ------
    consultprep.content.ContentError
        If the bundled content cannot be loaded.
    consultprep.storage.DraftError
        If ``draft_path`` cannot be opened (one plain sentence).
    """
    from consultprep.content import load_library
    from consultprep.storage import load_draft

    library = library or load_library()
    draft = load_draft(draft_path) if draft_path else None
    return MainWindow(library, draft, draft_path, autosave_folder=autosave_folder)


def _message(title: str, text: str, icon: QMessageBox.Icon) -> None:
    dialogs.show_message(None, title, text, icon)


_showing_error = False


def friendly_excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Show a calm message instead of a traceback (the details go to stderr for support)."""
    global _showing_error
    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    if issubclass(exc_type, KeyboardInterrupt) or _showing_error:
        return
    if QApplication.instance() is None:
        return
    _showing_error = True
    try:
        _message("Something went wrong", UNEXPECTED, QMessageBox.Icon.Warning)
    finally:
        _showing_error = False


def run_app(draft_path: str | None = None) -> int:
    """Start the app (optionally on a saved draft) and return its exit code.

    The window shows its welcome page first and loads the content and the draft just after
    (``MainWindow.finish_start``): problems with either are explained in a message then.
    """
    app = ensure_app()
    apply_app_style(app, style_sheet_later=True)
    sys.excepthook = friendly_excepthook
    try:
        # Whole: "Save" and the safety copy must name this file after a change of folder.
        path = os.path.abspath(draft_path) if draft_path else None
        window = MainWindow(None, path=path)
    finally:  # styled once it is built, before it shows (see Appearance.apply)
        apply_style_sheet(app)
    window.started.connect(_after_start)
    from ui import terminate

    undo = terminate.install(window)  # asked to stop: a safety copy first
    window.show()
    try:
        return app.exec()
    finally:
        undo()
        gc.enable()


def _after_start() -> None:
    """What start-up made (content, pages) lives as long as the app: the garbage collector
    need not look through it again each time it runs (fewer pauses while typing). It may have
    been paused for the start (``ui.cli.main``); it runs from now on."""
    gc.freeze()
    gc.enable()
