"""The main window: menus, the current draft and its file, and the wizard in the middle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QWidget

from consultprep import storage
from consultprep.content import Library
from consultprep.models import Draft
from ui import dialogs, export_helpers, recent
from ui.autosave_controller import AutosaveController, ask_to_recover
from ui.autosave_controller import autosave_folder as _autosave_folder
from ui.busy import SAVING_PDF, busy, open_file, show_in_folder
from ui.comfort import install_comfort
from ui.help import show_about as show_about_window
from ui.pages.review_page import PDF_FILTER
from ui.widgets import NOTICE, plain_label
from ui.wizard import ConsultWizard, PageId

APP_NAME = "ConsultPrep"
DRAFT_FILTER = f"ConsultPrep drafts (*{storage.DRAFT_SUFFIX});;All files (*)"
NEW_DRAFT_NAME = "New preparation"
AUTOSAVE_FAILED = "Autosave is not working. Please save your draft (File ▸ Save)."


def _snapshot(draft: Draft) -> str:
    """The draft's content without its time stamps, to tell whether it changed."""
    return draft.model_dump_json(exclude={"created", "updated"})


class MainWindow(QMainWindow):
    """Holds the current Draft and its path; the wizard edits the draft in place."""

    def __init__(
        self,
        library: Library,
        draft: Draft | None = None,
        path: str | Path | None = None,
        *,
        autosave_folder: str | Path | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.draft = draft or Draft()
        self.path: Path | None = Path(path) if path else None
        #: True while the draft is work recovered after a crash and not saved again yet.
        self.recovered = False
        #: The file the recovered work belonged to (None if it had never been saved).
        self.recovered_from: Path | None = None
        self.wizard: ConsultWizard
        self._saved = _snapshot(self.draft) if self.path else _snapshot(Draft())
        #: Autosaves a moment after each edit; cleared by saving or a normal quit.
        #: ``autosave_folder`` defaults to ``ui.autosave_controller.autosave_folder()``.
        self.autosave = AutosaveController(
            autosave_folder or _autosave_folder(), self._autosave_capture, self
        )
        self.autosave.failed.connect(self._autosave_failed)
        self.autosave.saved.connect(self._autosave_worked)
        self._autosave_notice: QLabel | None = None
        if self.path:
            recent.remember(self.path)
        self.resize(1000, 760)
        self.setMinimumSize(800, 600)
        self._make_actions()
        self._make_menus()
        self._start_wizard()
        #: View menu (text size, colours), Help ▸ How to use, keyboard help, window geometry.
        self.comfort = install_comfort(self)

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
        self.import_answers_action = self._action(
            "&Import answers from a filled-in PDF…", self.import_answers
        )
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
        menu.addAction(self.import_answers_action)
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
        # Pages may be built just after the window first appears (ConsultWizard.defer_pages).
        wizard = self.wizard
        wizard.pageAdded.connect(lambda page_id: self._connect_page(wizard, page_id))
        for page_id in wizard.pageIds():
            self._connect_page(wizard, page_id)
        self.setCentralWidget(self.wizard)
        if isinstance(old, QWidget):
            old.deleteLater()
        self.wizard.restart()
        self._update_title()

    def _connect_page(self, wizard: ConsultWizard, page_id: int) -> None:
        """Connect the window to a wizard page once it is built."""
        page = wizard.page(page_id)
        if page_id == PageId.WELCOME:
            page.open_requested.connect(self.open_draft)
            page.open_recent_requested.connect(self.open_recent)
        elif page_id == PageId.REVIEW:
            page.save_draft_requested.connect(self.save)

    # --- state ----------------------------------------------------------------------------
    def draft_name(self) -> str:
        """The name shown in the title: the file name, or "New preparation"."""
        source = self.path or self.recovered_from
        return source.stem if source else NEW_DRAFT_NAME

    def is_modified(self) -> bool:
        """True if the draft (with the page being edited) differs from what was saved."""
        self.wizard.write_current_page()
        return _snapshot(self.draft) != self._saved

    def _edited(self) -> None:
        self.setWindowModified(True)
        self.autosave.schedule()

    def _update_title(self, *_args: object) -> None:
        recovered = " (recovered)" if self.recovered else ""
        self.setWindowTitle(f"{self.draft_name()}{recovered}[*] — {APP_NAME}")
        modified = _snapshot(self.draft) != self._saved
        self.setWindowModified(modified)
        if modified:  # also catches changes made without an edit signal (imported answers)
            self.autosave.schedule()

    def _set_draft(self, draft: Draft, path: Path | None) -> None:
        self.autosave.clear()  # the old draft was saved, or the patient chose not to
        self.draft = draft
        self.path = path
        self.recovered = False
        self.recovered_from = None
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
        recent.remember(path)
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
        elif self.recovered_from is not None:
            start = str(self.recovered_from)
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
        self.recovered = False
        self.recovered_from = None
        self.autosave.clear()
        recent.remember(path)
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
            with busy(self, SAVING_PDF):
                saved = export_helpers.make_pdf(
                    self.draft,
                    export_helpers.with_suffix(path, ".pdf"),
                    self.library,
                    self.wizard.pages[PageId.REVIEW].pack_options.options(),
                )
        except exports.ExportError as exc:
            dialogs.warn(self, "Could not save the PDF", str(exc))
            return None
        box = dialogs.message_box(self, "PDF saved", f"Your PDF pack was saved to:\n{saved}")
        box.setStandardButtons(QMessageBox.StandardButton.NoButton)
        open_button = box.addButton("&Open PDF", QMessageBox.ButtonRole.ActionRole)
        folder_button = box.addButton("Show in &folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton("&Close", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            open_file(saved)
        elif box.clickedButton() is folder_button:
            show_in_folder(saved)
        return saved

    def import_answers(self) -> bool:
        """Ask for a filled-in PDF pack; record its ticks and answers in the draft.

        The draft in the window changes (save it to keep the answers); on any problem a
        plain message says why and the draft is not changed.
        """
        from consultprep.answers import apply_answers
        from exports.answers import AnswersError, read_answers

        self.wizard.write_current_page()
        start = str(self.path.parent if self.path else export_helpers.documents_folder())
        path, _ = QFileDialog.getOpenFileName(
            self, "Import answers from a filled-in PDF", start, f"{PDF_FILTER};;All files (*)"
        )
        if not path:
            return False
        try:
            summary = apply_answers(self.draft, read_answers(path))
        except AnswersError as exc:
            dialogs.warn(self, "Could not import the answers", str(exc))
            return False
        text = summary.message()
        if summary.changed:
            page = self.wizard.current_page()
            if page is not None:
                page.initializePage()  # show the answers on the page being shown
            self._update_title()
            text += " Save the draft to keep them."
        dialogs.show_message(self, "Answers from the PDF", text)
        return summary.changed

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

    def open_recent(self, path: str | Path) -> bool:
        """Open a draft from the welcome page's recent list (a missing one is taken off it)."""
        path = Path(path)
        if not path.exists():
            dialogs.warn(
                self,
                "Could not open the draft",
                f"“{path.name}” could not be found. It may have been moved or deleted, "
                "so it has been taken off the list of recent drafts.",
            )
            recent.forget(path)
            self.wizard.pages[PageId.WELCOME].recent_list.refresh()
            return False
        if not self.maybe_save():
            return False
        return self.open_path(path)

    # --- autosave and recovery ------------------------------------------------------------
    def _autosave_capture(self) -> tuple[Draft, str | None] | None:
        """A private copy of the draft to autosave, made on the UI thread (None: all saved)."""
        if not self.is_modified():
            return None
        source = self.path or self.recovered_from
        return self.draft.model_copy(deep=True), (str(source) if source else None)

    def _autosave_failed(self, text: str) -> None:
        """Say once, quietly, that autosaving does not work (no dialog: it would repeat).

        The status bar shows one short line; the full reason is its tooltip and description.
        """
        if self._autosave_notice is None:
            self._autosave_notice = plain_label(AUTOSAVE_FAILED, role=NOTICE, wrap=False)
            self._autosave_notice.setAccessibleName("Autosave problem")
            self.statusBar().addPermanentWidget(self._autosave_notice, 1)
        self._autosave_notice.setToolTip(text)
        self._autosave_notice.setAccessibleDescription(text)
        self._autosave_notice.show()

    def _autosave_worked(self) -> None:
        if self._autosave_notice is not None:
            self._autosave_notice.hide()

    def offer_recovery(self) -> bool:
        """If an earlier run closed before its work was saved, offer to recover it.

        Recover opens the work as an unsaved draft (the title says it is recovered; Save asks
        where, starting at the file it came from). Returns True if work was recovered.
        """
        chosen = ask_to_recover(self, self.autosave.autosave.pending())
        if chosen is None or not self.maybe_save():
            return False
        recovery, draft = chosen
        self._set_draft(draft, None)
        self.recovered = True
        self.recovered_from = Path(recovery.source) if recovery.source else None
        self._update_title()
        self.autosave.adopt(recovery)  # our own autosave first, then the old files go
        self.statusBar().showMessage("Your work was recovered. Save it to keep it.", 10000)
        self.show_load_notes()
        return True

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
        """Show Help ▸ About: versions, how the evidence levels are defined, the sources."""
        show_about_window(self, self.library, self.about_text())

    # --- Qt overrides ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Called by Qt when the window is asked to close: offer to save changes first."""
        if self.maybe_save():
            self.autosave.clear()  # a normal quit: nothing is left to recover
            event.accept()
        else:
            event.ignore()
