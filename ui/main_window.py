"""The main window: menus, the current draft and its file, and the wizard in the middle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from consultprep import storage
from consultprep.content import Library
from consultprep.models import Draft
from ui import dialogs, export_helpers
from ui.pages.review_page import PDF_FILTER
from ui.style import STYLE_SHEET
from ui.wizard import ConsultWizard, PageId

APP_NAME = "ConsultPrep"
DRAFT_FILTER = f"ConsultPrep drafts (*{storage.DRAFT_SUFFIX});;All files (*)"
NEW_DRAFT_NAME = "New preparation"


def _snapshot(draft: Draft) -> str:
    """The draft's content without its time stamps, to tell whether it changed."""
    return draft.model_dump_json(exclude={"created", "updated"})


class MainWindow(QMainWindow):
    """Holds the current Draft and its path; the wizard edits the draft in place."""

    def __init__(
        self, library: Library, draft: Draft | None = None, path: str | Path | None = None
    ) -> None:
        super().__init__()
        self.library = library
        self.draft = draft or Draft()
        self.path: Path | None = Path(path) if path else None
        self.wizard: ConsultWizard
        self._saved = _snapshot(self.draft) if self.path else _snapshot(Draft())
        self.setStyleSheet(STYLE_SHEET)
        self.resize(1000, 760)
        self.setMinimumSize(800, 600)
        self._make_actions()
        self._make_menus()
        self._start_wizard()

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("&New", self.new_draft, keys.New)
        self.open_action = self._action("&Open…", self.open_draft, keys.Open)
        self.save_action = self._action("&Save", self.save, keys.Save)
        self.save_as_action = self._action("Save &As…", self.save_as, "Ctrl+Shift+S")
        self.export_action = self._action("&Export PDF…", self.export_pdf, "Ctrl+E")
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        self.about_action = self._action("&About ConsultPrep", self.show_about)

    def _make_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.save_as_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _start_wizard(self) -> None:
        """Put a new wizard on the current draft in the middle of the window."""
        old = self.centralWidget()
        self.wizard = ConsultWizard(self.draft, self.library)
        self.wizard.edited.connect(self._edited)
        self.wizard.currentIdChanged.connect(self._update_title)
        welcome = self.wizard.pages[PageId.WELCOME]
        welcome.open_requested.connect(self.open_draft)
        review = self.wizard.pages[PageId.REVIEW]
        review.save_draft_requested.connect(self.save)
        self.setCentralWidget(self.wizard)
        if isinstance(old, QWidget):
            old.deleteLater()
        self.wizard.restart()
        self._update_title()

    # --- state ----------------------------------------------------------------------------
    def draft_name(self) -> str:
        """The name shown in the title: the file name, or "New preparation"."""
        return self.path.stem if self.path else NEW_DRAFT_NAME

    def is_modified(self) -> bool:
        """True if the draft (with the page being edited) differs from what was saved."""
        self.wizard.write_current_page()
        return _snapshot(self.draft) != self._saved

    def _edited(self) -> None:
        self.setWindowModified(True)

    def _update_title(self, *_args: object) -> None:
        self.setWindowTitle(f"{self.draft_name()}[*] — {APP_NAME}")
        self.setWindowModified(_snapshot(self.draft) != self._saved)

    def _set_draft(self, draft: Draft, path: Path | None) -> None:
        self.draft = draft
        self.path = path
        self._saved = _snapshot(draft) if path else _snapshot(Draft())
        self._start_wizard()

    # --- File menu ------------------------------------------------------------------------
    def new_draft(self) -> bool:
        """Start again on an empty draft (asking to save changes first)."""
        if not self.maybe_save():
            return False
        self._set_draft(Draft(), None)
        return True

    def open_draft(self) -> bool:
        """Ask for a draft file and open it; on failure keep the current draft."""
        if not self.maybe_save():
            return False
        start = str(self.path.parent if self.path else export_helpers.documents_folder())
        path, _ = QFileDialog.getOpenFileName(self, "Open a saved draft", start, DRAFT_FILTER)
        if not path:
            return False
        return self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open the draft at ``path``; show the reason in a message if it cannot be opened."""
        try:
            draft = storage.load_draft(path)
        except storage.DraftError as exc:
            dialogs.warn(self, "Could not open the draft", str(exc))
            return False
        self._set_draft(draft, Path(path))
        self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)
        self.show_load_notes()
        return True

    def show_load_notes(self) -> None:
        """Tell the patient about anything left out when the draft was opened."""
        if self.draft.load_notes:
            dialogs.show_message(self, "Opened, with a note", "\n\n".join(self.draft.load_notes))

    def save(self) -> bool:
        """Save to the current file, or ask where if there is none yet."""
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        """Ask where to save the draft, then save it there."""
        if self.path is not None:
            start = str(self.path)
        else:
            name = export_helpers.default_file_name(self.draft, storage.DRAFT_SUFFIX)
            start = str(export_helpers.documents_folder() / name)
        path, _ = QFileDialog.getSaveFileName(self, "Save the draft as", start, DRAFT_FILTER)
        if not path:
            return False
        return self._save_to(export_helpers.with_suffix(path, storage.DRAFT_SUFFIX))

    def _save_to(self, path: Path) -> bool:
        self.wizard.write_current_page()
        self.draft.touch()
        try:
            storage.save_draft(self.draft, path)
        except storage.DraftError as exc:
            dialogs.warn(self, "Could not save the draft", str(exc))
            return False
        self.path = path
        self._saved = _snapshot(self.draft)
        self._update_title()
        self.statusBar().showMessage(f"Saved to {path}", 8000)
        return True

    def export_pdf(self) -> Path | None:
        """Ask where to save the PDF pack, then make it."""
        self.wizard.write_current_page()
        start = str(export_helpers.default_pdf_path(self.draft))
        path, _ = QFileDialog.getSaveFileName(self, "Save the PDF as", start, PDF_FILTER)
        if not path:
            return None
        import exports

        try:
            saved = export_helpers.make_pdf(
                self.draft, export_helpers.with_suffix(path, ".pdf"), self.library
            )
        except exports.ExportError as exc:
            dialogs.warn(self, "Could not save the PDF", str(exc))
            return None
        box = dialogs.message_box(self, "PDF saved", f"Your PDF pack was saved to:\n{saved}")
        box.setStandardButtons(QMessageBox.StandardButton.NoButton)
        open_button = box.addButton("&Open PDF", QMessageBox.ButtonRole.ActionRole)
        box.addButton("&Close", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(saved)))
        return saved

    def maybe_save(self) -> bool:
        """If there are unsaved changes, ask Save / Discard / Cancel. True means go on."""
        if not self.is_modified():
            return True
        buttons = QMessageBox.StandardButton
        answer = dialogs.ask(
            self,
            "Save your changes?",
            "You have changes that are not saved yet. Do you want to save them first?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # --- Help menu ------------------------------------------------------------------------
    def about_text(self) -> str:
        """What Help ▸ About says: content version, review date, not medical advice."""
        meta = self.library.meta
        from consultprep import __version__

        return (
            f"ConsultPrep {__version__}\n\n"
            "Helps you prepare for a skin consultation about stem-cell or other regenerative "
            "treatment.\n\n"
            f"Health information version {meta.content_version}, checked on "
            f"{meta.reviewed_on:%d %B %Y}; due to be checked again by {meta.review_by:%d %B %Y}."
            f"\n\n{meta.disclaimer}\n\n{meta.privacy}"
        )

    def show_about(self) -> None:
        """Show Help ▸ About as plain text."""
        dialogs.show_message(self, "About ConsultPrep", self.about_text())

    # --- Qt overrides ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Called by Qt when the window is asked to close: offer to save changes first."""
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()
