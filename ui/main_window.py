"""The main window: menus, the current draft and its file, and the wizard in the middle.

Made with a content library (``MainWindow(library, draft, path)``), the window is complete at
once. Made without one (``MainWindow(None, path=...)``, as ``ui.app.run_app`` does), it starts
light: it shows the welcome page, which needs neither the content nor the draft, and just after
it is first painted it loads the content library and the draft and builds the other pages
(``finish_start``). Anything that needs them before then finishes starting first.

The File menu is in ``ui.file_menu``; autosave notices, recovery after a crash and the step
each draft was left at are in ``ui.keeping`` (the window's base classes).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QVBoxLayout, QWidget

from ui import dialogs, recent
from ui.comfort import install_comfort
from ui.file_menu import DRAFT_FILTER, when_started
from ui.keeping import KeepingWindow
from ui.middle import Middle
from ui.notice_strip import NoticeStrip
from ui.pages.welcome_page import WelcomePage
from ui.style import register_fallback_font
from ui.wizard import ConsultWizard, PageId

if TYPE_CHECKING:
    from consultprep.content import Library
    from consultprep.models import Draft
    from ui.autosave_controller import AutosaveController

__all__ = ["APP_NAME", "DRAFT_FILTER", "MainWindow"]

APP_NAME = "ConsultPrep"
NEW_DRAFT_NAME = "New draft"
#: A draft that could not be opened at start-up for a reason ConsultPrep does not know.
UNEXPECTED_OPEN = (
    "Something went wrong inside ConsultPrep while opening the draft. Your file has not been "
    "changed. ConsultPrep will start a new draft. To try again, choose File ▸ Open."
)
#: A window that starts light finishes starting this long after it is shown, even unpainted.
START_AT_THE_LATEST_MS = 1000
CONTENT_BROKEN = (
    "ConsultPrep cannot start. It could not read its own health information. "
    "Your saved drafts are safe. Please install ConsultPrep again, or ask whoever set it up for you to help."
)


def _saved_snapshot(draft: Draft, path: Path | None) -> str:
    """What counts as "nothing unsaved": the draft as opened from ``path``, or a new draft."""
    from consultprep.models import Draft

    return draft.snapshot() if path else Draft().snapshot()


class MainWindow(KeepingWindow):
    """Holds the current Draft and its path; the wizard edits the draft in place."""

    #: The window has its content library, draft and pages (see ``finish_start``).
    started = Signal()

    def __init__(
        self,
        library: Library | None,
        draft: Draft | None = None,
        path: str | Path | None = None,
        *,
        autosave_folder: str | Path | None = None,
    ) -> None:
        """See the module docstring: ``library=None`` starts light (``draft`` is then unused
        and ``path``, if given, is opened in ``finish_start``).

        ``autosave_folder`` defaults to ``ui.autosave_controller.autosave_folder()``.
        """
        super().__init__()
        self.library = library  # type: ignore[assignment]  # None until started
        self.draft = draft  # type: ignore[assignment]
        self.path: Path | None = Path(path) if path else None
        #: True while the draft is work recovered after a crash and not saved again yet.
        self.recovered = False
        #: The file the recovered work belonged to (None if it had never been saved).
        self.recovered_from: Path | None = None
        #: Autosaves a moment after each edit; cleared by saving or a normal quit.
        self.autosave: AutosaveController | None = None
        self.wizard: ConsultWizard
        self._saved = ""
        self._autosave_folder = autosave_folder
        self._started = library is not None
        self._closed = False
        self._keep_steps()
        self._make_body()
        # Made now, not by the first message ("Saving the PDF…"): the page jumped up as it came.
        self.statusBar()
        self.resize(1000, 760)
        self.setMinimumSize(800, 600)
        self._make_actions()
        self._make_menus()
        if library is None:
            self._start_wizard()  # the welcome page only, until finish_start
            self.wizard.first_painted.connect(lambda: QTimer.singleShot(0, self, self.finish_start))
            self._update_title()
        else:
            register_fallback_font()  # as finish_start does for a window that starts light
            self._attach(library, draft, self.path)
        #: View menu (text size, colours), Help ▸ How to use, keyboard help, window geometry.
        self.comfort = install_comfort(self)

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("&New", self.new_draft, keys.New)
        self.open_action = self._action("&Open…", self.open_draft, keys.Open)
        self.save_action = self._action("&Save", self.save, keys.Save)
        self.save_as_action = self._action("Save &as…", self.save_as, "Ctrl+Shift+S")
        self.export_action = self._action("Save &PDF…", self.export_pdf, "Ctrl+E")
        self.import_answers_action = self._action(
            "&Import answers from a filled-in PDF…", self.import_answers
        )
        self.note_answers_action = self._action(  # (typed in the app: ui.answers_dialog)
            "&Write down answers from your appointment…",
            lambda: self.finish_start() and self.wizard.note_answers(),
        )
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        self.about_action = self._action("&About ConsultPrep", self.show_about)

    def _make_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        groups = (
            (self.new_action, self.open_action),
            (self.save_action, self.save_as_action),
            (self.export_action, self.note_answers_action, self.import_answers_action),
            (self.quit_action,),
        )
        for n, group in enumerate(groups):
            if n:
                menu.addSeparator()
            menu.addActions(list(group))
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _make_body(self) -> None:
        """The window's middle: room for the wizard, and the lasting notices under it."""
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        # No placeholder above it: one deleted in _start_wizard left PySide a stale wrapper,
        # handed back for a later widget at its address ("already deleted", a live viewport).
        self.notices = NoticeStrip()  # under the wizard (see _start_wizard)
        column.addWidget(self.notices)
        self.setCentralWidget(body)

    def _start_wizard(self) -> None:
        """Put a new wizard on the current draft in the middle of the window."""
        self.wizard = ConsultWizard(self.draft, self.library)
        for changed in (self.wizard.edited, self.wizard.typed):  # (typed: for the safety copy)
            changed.connect(self._edited)
        self.wizard.currentIdChanged.connect(self._update_title)
        self.wizard.answers_closed.connect(self._update_title)  # (unsaved, or not, again)
        self.wizard.currentIdChanged.connect(self._remember_step)
        self.wizard.needed.connect(self.finish_start)
        # Pages are built later if the window starts light (see the module docstring).
        wizard = self.wizard
        wizard.pageAdded.connect(lambda page_id: self._connect_page(wizard, page_id))
        for page_id in wizard.pageIds():
            self._connect_page(wizard, page_id)
        # In the middle of a window wider than the wizard grows (ConsultWizard.widest), over
        # the lasting notices (which stay when a new draft brings a new wizard).
        body = self.centralWidget().layout()
        old = body.itemAt(0).widget()
        body.insertWidget(0, Middle(self.wizard), 1)
        if isinstance(old, Middle):  # the last draft's: hidden now, deleted next time round
            body.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.wizard.restart()

    def _connect_page(self, wizard: ConsultWizard, page_id: int) -> None:
        """Connect the window to a wizard page once it is built."""
        page = wizard.page(page_id)
        if page_id == PageId.WELCOME:
            page.open_requested.connect(self.open_draft)
            page.open_recent_requested.connect(self.open_recent)
        elif page_id == PageId.REVIEW:
            page.save_draft_requested.connect(self.save)

    # --- starting -------------------------------------------------------------------------
    def finish_start(self) -> bool:
        """Load the content library and the draft, and build the other pages (once).

        Called just after the window is first painted, or at once by anything that needs the
        draft sooner. If the built-in content cannot be read, says so, closes the window,
        ends the app with exit code 1 and returns False. A draft that cannot be opened is
        explained and a new one started instead.
        """
        if self._started:
            return self.library is not None
        self._started = True
        register_fallback_font()  # before any typed text can be shown
        from consultprep.content import ContentError, load_library
        from consultprep.content_loader import load_extra_content
        from consultprep.models import Draft
        from consultprep.storage import DraftError, load_draft

        try:
            library = load_library()
            load_extra_content()
        except ContentError as exc:
            print(f"consultprep: {exc}", file=sys.stderr)
            dialogs.show_message(
                self, "ConsultPrep cannot start", CONTENT_BROKEN, QMessageBox.Icon.Critical
            )
            self._closed = True
            self.hide()
            QApplication.exit(1)
            return False
        draft, path = Draft(), self.path
        if path is not None:
            try:
                draft = load_draft(path)
            except DraftError as exc:
                text = f"{exc} ConsultPrep will start with a new draft instead."
                dialogs.warn(self, "Could not open the draft", text)
                path = None
            except Exception:  # noqa: BLE001 - a fault of ours must not leave the window
                traceback.print_exc()  # half started (File ▸ Open, Save, New did nothing)
                dialogs.warn(self, "Could not open the draft", UNEXPECTED_OPEN)
                path = None
        self._attach(library, draft, path)
        self.comfort.watch_wizard(self.wizard)
        self.started.emit()
        QTimer.singleShot(0, self, self._greet)
        return True

    def _attach(self, library: Library, draft: Draft | None, path: Path | None) -> None:
        """Take the library and draft: autosave, and the wizard's pages."""
        from consultprep.checklist import fit_to_library
        from consultprep.models import Draft
        from ui.autosave_controller import AutosaveController, autosave_folder

        self.library = library
        self.draft = draft or Draft()
        fit_to_library(self.draft, library)  # content it does not know: kept, with a note
        self.path = path
        self._remember_disk()
        self._saved = _saved_snapshot(self.draft, path)
        self.autosave = AutosaveController(
            self._autosave_folder or autosave_folder(), self._autosave_capture, self
        )
        self.autosave.failed.connect(self._autosave_failed)
        self.autosave.saved.connect(self._autosave_worked)
        if path:
            recent.remember(path)
        if getattr(self, "wizard", None) is None:
            self._start_wizard()
        else:
            self.wizard.attach(self.draft, library)
        self._load_step()
        self._update_title()

    def _greet(self) -> None:
        """After starting: notes on the opened draft, then any work left by a crash."""
        if not self._closed:
            self._focus_start()
            self.show_load_notes()
            self.offer_recovery()  # work left behind by a run that did not quit normally

    def _focus_start(self) -> None:
        """On the welcome page, Enter presses its main button (Qt had put the focus on Next,
        which goes to step 1 while "Carry on" goes back to the step the draft had reached)."""
        page = self.wizard.currentPage()
        if isinstance(page, WelcomePage):
            page.focus_start()

    # --- state ----------------------------------------------------------------------------
    def draft_name(self) -> str:
        """The name shown in the title: the file name, or "New draft"."""
        source = self.path or self.recovered_from
        return source.stem if source else NEW_DRAFT_NAME

    @when_started
    def is_modified(self) -> bool:
        """True if the draft (with the page being edited) differs from what was saved."""
        self.wizard.write_current_page()
        from consultprep.checklist import untouched_snapshot

        now = self.draft.snapshot()
        if now == self._saved:
            return False
        # A new draft that only went through a step or two has its list of the questions
        # every patient is offered, and nothing else: quitting asked to save it.
        return self.path is not None or self.recovered or now != untouched_snapshot(self.library)

    def _edited(self) -> None:
        self.setWindowModified(True)
        if self.autosave is not None:
            self.autosave.schedule()

    def _update_title(self, *_args: object) -> None:
        recovered = " (recovered)" if self.recovered else ""
        self.setWindowTitle(f"{self.draft_name()}{recovered}[*] — {APP_NAME}")
        if self.draft is None or self.autosave is None:  # still starting
            return
        modified = self.draft.snapshot() != self._saved
        self.setWindowModified(modified)
        if modified:  # also catches changes made without an edit signal (imported answers)
            self.autosave.schedule()

    def _set_draft(self, draft: Draft, path: Path | None) -> None:
        from consultprep.checklist import fit_to_library

        self._write_step()  # the step the draft being left was at
        self.autosave.clear()  # the old draft was saved, or the patient chose not to
        fit_to_library(draft, self.library)  # as at start: content it does not know, kept
        self.draft = draft
        self.path = path
        self._remember_disk()
        self.recovered, self.recovered_from = False, None
        self._saved = _saved_snapshot(draft, path)
        self._start_wizard()
        self.comfort.watch_wizard(self.wizard)  # keyboard help, pages prepared ahead
        self._load_step()
        self._update_title()
        QTimer.singleShot(0, self, self._focus_start)  # the old wizard had the focus

    def _after_save(self, path: Path) -> None:
        """The draft was saved to ``path``: it is the draft's file now, with nothing unsaved."""
        self.path = path
        self._remember_disk()
        self._saved = self.draft.snapshot()
        self.recovered, self.recovered_from = False, None
        self.autosave.clear()
        recent.remember(path, self.wizard.resume_at)
        self._update_title()
        self.statusBar().showMessage(f"Saved to {path}", 8000)

    def show_load_notes(self) -> None:
        """Tell the patient about anything left out when the draft was opened."""
        if self.draft is not None and self.draft.load_notes:
            dialogs.show_message(self, "Opened, with a note", "\n\n".join(self.draft.load_notes))

    # --- Help menu ------------------------------------------------------------------------
    @when_started
    def about_text(self) -> str:
        """What Help ▸ About says: content version, review date, not medical advice."""
        meta = self.library.meta
        from consultprep import __version__
        from consultprep.dates import long_date

        return (
            f"ConsultPrep {__version__}\n\n"
            "Helps you prepare for a skin consultation about stem-cell or other regenerative "
            "treatment.\n\n"
            f"Health information version {meta.content_version}, checked on "
            f"{long_date(meta.reviewed_on)}; due to be checked again by "
            f"{long_date(meta.review_by)}."
            f"\n\n{meta.disclaimer}\n\n{meta.privacy}"
        )

    @when_started
    def show_about(self) -> None:
        """Show Help ▸ About: versions, how the evidence levels are defined, the sources."""
        from ui.help import show_about

        show_about(self, self.library, self.about_text())

    # --- Qt overrides ---------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Called by Qt when the window is shown: if it is never painted (it may start
        minimised), finish starting a second later anyway, so a recovery offer still comes."""
        super().showEvent(event)
        if not self._started:
            QTimer.singleShot(START_AT_THE_LATEST_MS, self, self.finish_start)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Called by Qt when the window is asked to close: offer to save changes first."""
        event.ignore()  # until it may close: a save that failed with an error let it close
        if self.draft is None:  # closed while starting: nothing has been entered yet
            self._closed = True
            event.accept()
        elif self.maybe_save():
            self._write_step()
            self.autosave.clear()  # a normal quit: nothing is left to recover
            self._closed = True
            event.accept()
