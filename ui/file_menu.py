"""The File menu of the main window: new, open, save, export the PDF, import answers.

``FileMenuWindow`` is the base class of ``ui.main_window.MainWindow``: it uses the window's
``draft``, ``path``, ``library`` and ``wizard``. Each action first lets the window finish starting
(``finish_start``), because at start the window is shown before the draft and the content are
loaded. The modules that read and write files are imported when an action is used.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ui import dialogs, recent

if TYPE_CHECKING:
    from consultprep.content import Library
    from consultprep.models import Draft
    from ui.wizard import ConsultWizard

#: The file type of drafts (``consultprep.storage.DRAFT_SUFFIX``, checked by a test).
DRAFT_SUFFIX = ".consultprep"
DRAFT_FILTER = f"ConsultPrep drafts (*{DRAFT_SUFFIX});;All files (*)"
PDF_FILTER = "PDF files (*.pdf)"

Method = TypeVar("Method", bound=Callable[..., Any])
#: Asked before saving over a draft file that changed since this window opened or saved it
#: (the last save won, with no word: answers imported into the file were lost).
CHANGED_ELSEWHERE = (
    "“{name}” has changed since you opened it here, perhaps in another ConsultPrep window. "
    "If you save over it, those changes are lost. You can save this version as a new file "
    "instead, and keep both."
)


#: Asked before saving recovered work over the file it came from, saved again since.
SAVED_SINCE_RECOVERED = (
    "“{name}” has been saved since this safety copy of your work was made. If you save over "
    "it, the changes saved since are lost. You can save this version as a new file instead, "
    "and keep both."
)
#: Asked when the draft could not be saved where it was to go.
SAVE_ELSEWHERE = "Your work is still open here. Do you want to save it somewhere else?"


def disk_stamp(path: Path | None) -> tuple[int, int] | None:
    """When the file at ``path`` last changed, and its size (None: no path, or no file)."""
    from consultprep.autosave import file_state

    return None if path is None else file_state(path)


def when_started(method: Method) -> Method:
    """Run ``method`` only once the window has its draft and library (``finish_start``).

    Returns None without running it if the built-in content cannot be loaded (the app is
    closing with a message then).
    """

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not self.finish_start():
            return None
        return method(self, *args, **kwargs)

    return wrapper


class FileMenuWindow(QMainWindow):
    """A main window with New, Open, Save, Save As, Save PDF and Import answers."""

    draft: Draft
    library: Library
    path: Path | None
    recovered: bool
    recovered_from: Path | None
    wizard: ConsultWizard
    #: The draft's file as this window last read or wrote it (``disk_stamp``; None: no file).
    _on_disk: tuple[int, int] | None = None
    #: When the safety copy of recovered work was made (None: not known, or not recovered).
    _recovered_at: datetime | None = None
    _recovered_state: tuple[int, int] | None = None  # its file's time and size then

    # --- provided by the main window -------------------------------------------------------
    def finish_start(self) -> bool:
        """Load the draft and the content if not done yet; False if that is impossible."""
        raise NotImplementedError

    def is_modified(self) -> bool:
        """True if the draft differs from what was saved."""
        raise NotImplementedError

    def show_load_notes(self) -> None:
        """Tell the patient about anything left out when the draft was opened."""
        raise NotImplementedError

    def _set_draft(self, draft: Draft, path: Path | None) -> None:
        raise NotImplementedError

    def _after_save(self, path: Path) -> None:
        raise NotImplementedError

    def _update_title(self, *_args: object) -> None:
        raise NotImplementedError

    # --- the File menu --------------------------------------------------------------------

    @when_started
    def new_draft(self) -> bool:
        """Start again on an empty draft (asking to save changes first)."""
        from consultprep.models import Draft

        if not self.maybe_save():
            return False
        self._set_draft(Draft(), None)
        return True

    @when_started
    def open_draft(self) -> bool:
        """Ask for a draft file and open it; on failure keep the current draft."""
        from ui import export_helpers

        if not self.maybe_save():
            return False
        start = str(self.path.parent if self.path else export_helpers.documents_folder())
        path, _ = QFileDialog.getOpenFileName(self, "Open a saved draft", start, DRAFT_FILTER)
        if not path:
            return False
        return self.open_path(path)

    @when_started
    def open_path(self, path: str | Path) -> bool:
        """Open the draft at ``path``; show the reason in a message if it cannot be opened."""
        from consultprep import storage

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

    @when_started
    def save(self) -> bool:
        """Save to the current file, or ask where if there is none yet."""
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    @when_started
    def save_as(self, *, new_file: bool = False) -> bool:
        """Ask where to save the draft, then save it there (``new_file``: the dialog offers a
        name not taken yet, such as "mine (2).consultprep", not the file that is open)."""
        from ui import export_helpers

        if self.path is not None:
            start = str(export_helpers.free_name(self.path) if new_file else self.path)
        elif self.recovered_from is not None:
            start = str(self.recovered_from)
        else:
            name = export_helpers.default_file_name(self.draft, DRAFT_SUFFIX, library=self.library)
            start = str(export_helpers.documents_folder() / name)
        path, _ = QFileDialog.getSaveFileName(self, "Save the draft as", start, DRAFT_FILTER)
        chosen = self._chosen(path, DRAFT_SUFFIX, "draft")
        # (chosen in the dialog: saving over the file is what was asked for)
        return self._save_to(chosen, asked=True) if chosen is not None else False

    def _chosen(self, typed: str, suffix: str, what: str) -> Path | None:
        """The file chosen in a Save dialog, with its ending; None if nothing was chosen, a
        folder was, or the patient would rather not replace the file the ending leads to
        (the dialog asked only about the name as typed)."""
        from ui import export_helpers

        if not typed:
            return None
        try:
            path = export_helpers.with_suffix(typed, suffix)
        except export_helpers.NotAFileName as exc:
            dialogs.warn(self, f"Could not save the {what}", str(exc))
            return None
        if export_helpers.replaces_unasked(typed, path) and not dialogs.confirm_replace(
            self, path, what
        ):
            return None
        return path

    def _remember_disk(self) -> None:
        """Note the draft's file as it is now (just opened or saved by this window)."""
        self._on_disk = disk_stamp(self.path)

    def _changed_elsewhere(self, path: Path) -> bool:
        """True if ``path`` is the draft's file and it changed since this window read or
        wrote it (another window, or the command line, wrote to it)."""
        if path != self.path or self._on_disk is None:
            return False
        now = disk_stamp(path)
        return now is not None and now != self._on_disk

    def _newer_than_recovered(self, path: Path) -> bool:
        """True if ``path`` is the file recovered work came from, saved again since its
        safety copy was made: saving over it would undo that later save (a crash and
        recovery test: the Save dialog, starting at that file, gave no sign of it)."""
        from consultprep.autosave import saved_since

        if not self.recovered or path != self.recovered_from:
            return False
        return saved_since(path, self._recovered_at, self._recovered_state)

    def _save_to(self, path: Path, *, asked: bool = False) -> bool:
        """Save the draft to ``path``; unless the patient ``asked`` for that file in the Save
        dialog, ask first if it changed since this window read or wrote it."""
        from consultprep import storage
        from consultprep.draft_size import TooLargeToSave

        newer = self._newer_than_recovered(path)
        if newer or (not asked and self._changed_elsewhere(path)):
            button = QMessageBox.StandardButton
            answer = dialogs.ask(
                self,
                "The draft was changed elsewhere",
                (SAVED_SINCE_RECOVERED if newer else CHANGED_ELSEWHERE).format(name=path.name),
                button.Yes | button.No | button.Cancel,
                button.No,
                {button.Yes: "&Save over it", button.No: "Save as a &new file…"},
            )
            if answer == button.No:  # (offering the file changed elsewhere lost its changes)
                return self.save_as(new_file=True)
            if answer != button.Yes:
                return False
        self.wizard.keep_current_page()
        self.draft.touch()
        try:
            storage.save_draft(self.draft, path)
        except TooLargeToSave as exc:  # (another place would not help)
            dialogs.warn(self, "Could not save the draft", str(exc))
            return False
        except storage.DraftError as exc:
            # The way on is offered, not just named: a full disk said "choose another place"
            # with no Save As in sight (a helper's hunt). The draft stays open, unchanged.
            button = QMessageBox.StandardButton
            answer = dialogs.ask(
                self,
                "Could not save the draft",
                f"{exc}\n\n{SAVE_ELSEWHERE}",
                button.Yes | button.Cancel,
                button.Yes,
                {button.Yes: "Save &somewhere else…"},
            )
            return self.save_as() if answer == button.Yes else False
        self._after_save(path)
        return True

    @when_started
    def export_pdf(self) -> Path | None:
        """Ask where to save the PDF pack, then make it."""
        from ui import export_helpers
        from ui.busy import open_file, show_in_folder
        from ui.wizard import PageId

        self.wizard.keep_current_page()
        start = str(export_helpers.default_pdf_path(self.draft, self.library))
        typed, _ = QFileDialog.getSaveFileName(self, "Save the PDF as", start, PDF_FILTER)
        path = self._chosen(typed, ".pdf", "PDF")
        if path is None:
            return None
        import exports
        from ui.pdf_saving import save_pdf, saved_message

        options = self.wizard.pages[PageId.REVIEW].pack_options.options()
        try:
            saved = save_pdf(self, self.draft, path, self.library, options)
        except exports.ExportCancelled as exc:  # the patient pressed Stop: not a fault
            self.statusBar().showMessage(str(exc), 8000)
            return None
        except exports.ExportError as exc:
            dialogs.warn(self, "Could not save the PDF", str(exc))
            return None
        if saved is None:  # the filled-in PDF there was kept
            return None
        box = dialogs.message_box(self, "PDF saved", saved_message(self.draft, saved))
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

    @when_started
    def import_answers(self) -> bool:
        """Ask for a filled-in PDF pack; record its ticks and answers in the draft.

        The draft in the window changes (save it to keep the answers); on any problem a
        plain message says why and the draft is not changed.
        """
        from consultprep.answers import NotThisDraft, apply_answers
        from exports.answers import AnswersError, read_pack
        from ui import export_helpers

        self.wizard.write_current_page()
        start = str(self.path.parent if self.path else export_helpers.documents_folder())
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Import answers from a filled-in PDF",
            start,
            f"{PDF_FILTER};;All files (*)",
        )
        if not path:
            return False
        try:
            pack = read_pack(path)
            summary = apply_answers(
                self.draft,
                pack.answers,
                made_for=pack.made_for,
                pdf_name=pack.name,
                checks=pack.checks,
            )
        except (AnswersError, NotThisDraft) as exc:
            dialogs.warn(self, "Could not import the answers", str(exc))
            return False
        text = summary.message()
        if summary.changed:
            self.wizard.read_visited_pages()  # this page, and those Back goes to
            self._update_title()
            text += " Save the draft to keep the changes."
        dialogs.show_message(self, "Answers from the PDF", text)
        return summary.changed

    @when_started
    def maybe_save(self) -> bool:
        """If there are unsaved changes, ask Save / Discard / Cancel. True means go on.

        Photos still being added are waited for first: they are changes too."""
        self.wizard.finish_photo_import()
        self.wizard.add_typed()  # a question typed but not added is a change too
        if not self.is_modified():
            return True
        buttons = QMessageBox.StandardButton
        answer = dialogs.ask(
            self,
            "Save your changes?",
            # (Just after "Your PDF pack was saved", "Don't save" sounded safe: a PDF is not
            # a draft to open again, a first-use walk-through)
            "Your latest answers are not saved as a draft yet. Save them now, so that you can "
            "open them and change them later? A saved PDF is a printout, not a draft.",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
            {buttons.Save: "&Save my answers", buttons.Discard: "&Don't save"},
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    @when_started
    def open_recent(self, path: str | Path) -> bool:
        """Open a draft from the welcome page's recent list (a missing one is taken off it,
        unless its whole folder is missing)."""
        from ui.wizard import PageId

        path = Path(path)
        if not path.exists() and not path.parent.is_dir():  # a drive not plugged in, say:
            dialogs.warn(  # kept on the list, as it may come back (a recovery test)
                self,
                "Could not open the draft",
                f"“{path.name}” could not be found, because its folder “{path.parent}” is not "
                "there. If it is on a memory stick or another drive, plug it in and try again.",
            )
            return False
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
