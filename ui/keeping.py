"""Keeping the patient's work: autosave notices, recovery after a crash, and the step each
draft was left at ("Carry on" on the welcome page goes back there).

``KeepingWindow`` is a base class of ``ui.main_window.MainWindow`` (after ``FileMenuWindow``):
it uses the window's ``draft``, ``path``, ``wizard`` and ``autosave``, and its ``_set_draft``,
``maybe_save``, ``is_modified``, ``show_load_notes`` and ``_update_title``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from ui import recent, settings
from ui.file_menu import FileMenuWindow, when_started
from ui.pages.welcome_page import WelcomePage
from ui.wizard import PageId

if TYPE_CHECKING:
    from consultprep.models import Draft
    from ui.autosave_controller import AutosaveController
    from ui.notice_strip import NoticeStrip

STEP_WRITE_DELAY_MS = 1500  # the step a draft is at is remembered this long after a move
#: Short (the reason is its tooltip and description): shown under the wizard until a safety
#: copy is made again.
AUTOSAVE_FAILED = (
    "ConsultPrep cannot make a safety copy at the moment. Please save your draft (File ▸ Save)."
)
#: Once, when settings (text size, colours, window size, recent drafts) cannot be saved:
#: shown under the wizard; the rest is its tooltip.
SETTINGS_FAILED = "Your settings cannot be kept for next time. Your draft is not affected."
SETTINGS_FAILED_MORE = (
    "ConsultPrep cannot remember your text size, colours or recent drafts. "
    "(It could not write to {file}.)"
)


class KeepingWindow(FileMenuWindow):
    """Autosave's notices, recovery of unsaved work, and the remembered step of each draft."""

    autosave: AutosaveController | None
    notices: NoticeStrip  # made by MainWindow
    _autosave_notice: QLabel | None = None
    _settings_notice: QLabel | None = None

    # --- the step each draft was left at ---------------------------------------------------
    def _keep_steps(self) -> None:
        """Start remembering steps (called once, while the window is built)."""
        #: The step to remember for this draft ("Carry on" goes back there), written a moment
        #: after the patient moves on, not at each Next (see ``_remember_step``).
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(STEP_WRITE_DELAY_MS)
        self._step_timer.timeout.connect(self._write_step)
        settings.writes.failed.connect(self._settings_failed)
        if settings.not_used is not None:  # found before this window could hear it
            QTimer.singleShot(0, self, lambda: self._settings_failed(settings.not_used or ""))

    def _settings_failed(self, file_name: str) -> None:
        """Say once, quietly, that settings are not being saved (the file is the tooltip)."""
        more = SETTINGS_FAILED_MORE.format(file=file_name)
        self._settings_notice = self.notices.say(self._settings_notice, SETTINGS_FAILED, more)

    def _place(self) -> Path | None:
        """The file the draft belongs to, for remembering its step (None: never saved)."""
        return self.path or self.recovered_from

    def _load_step(self) -> None:
        """Give the wizard the step this draft was left at, as remembered."""
        self._step_timer.stop()
        place = self._place()
        # A new draft has reached no step: the step kept for work never saved is the last such
        # draft's, for when it is recovered (a new draft's "Carry on" went to step 8: a walk-
        # through with the keyboard).
        fresh = place is None and not self.recovered
        self.wizard.resume_at = None if fresh else recent.step_for(place)
        welcome = self.wizard.currentPage()
        if isinstance(welcome, WelcomePage):
            welcome.read_draft()  # "Carry on" says where it goes

    def _remember_step(self, page_id: int) -> None:
        if page_id > PageId.WELCOME:
            self._step_timer.start()

    def _write_step(self) -> None:
        """Remember the step the patient is at, for this draft."""
        self._step_timer.stop()
        if self.draft is not None and self.wizard.resume_at:
            recent.set_step(self._place(), self.wizard.resume_at)

    # --- autosave and recovery ------------------------------------------------------------
    def _autosave_capture(self) -> tuple[Draft, str | None] | None:
        """A private copy of the draft to autosave, made on the UI thread (None: all saved)."""
        typed = self.wizard.typed_not_added()
        modified = self.is_modified()
        answers = self.wizard.answers_window  # open, and changed: its answers go in the copy
        noted = answers.noted() if answers is not None and answers.changed() else None
        if not modified and not typed.strip() and noted is None:
            return None
        from consultprep.answers import note_answers  # (not before the first page)
        from consultprep.checklist import keep_typed_question

        copy = self.draft.model_copy(deep=True)
        keep_typed_question(copy, typed)  # in the copy only: the page still shows it typed
        if noted is not None:
            note_answers(copy, noted)
        if not modified and copy.snapshot() == self._saved:  # (typed: a question ticked)
            return None
        source = self.path or self.recovered_from
        return copy, (str(source) if source else None)

    def _autosave_failed(self, text: str) -> None:
        """Say once, quietly, that autosaving does not work (no dialog: it would repeat).

        The notice is one short sentence; the full reason is its tooltip and description.
        """
        self._autosave_notice = self.notices.say(self._autosave_notice, AUTOSAVE_FAILED, text)

    def _autosave_worked(self) -> None:
        if self._autosave_notice is not None:
            self.notices.hide_notice(self._autosave_notice)

    @when_started
    def offer_recovery(self) -> bool:
        """If an earlier run closed before its work was saved, offer to recover it.

        Recover opens the work as an unsaved draft (the title says it is recovered; Save asks
        where, starting at the file it came from). Returns True if work was recovered.
        """
        from ui.autosave_controller import ask_to_recover, keep_if_incomplete

        chosen = ask_to_recover(self, self.autosave.autosave.pending())
        if chosen is None or not self.maybe_save():
            return False
        recovery, draft = chosen
        kept = keep_if_incomplete(recovery, draft)
        self._set_draft(draft, None)
        self.recovered = True
        self.recovered_from = Path(recovery.source) if recovery.source else None
        self._recovered_at = recovery.saved_at or _made_at(recovery.draft_path)
        self._recovered_state = recovery.source_state
        self._load_step()
        self._update_title()
        # Our own autosave first, then the old files go (unless kept whole, just above).
        self.autosave.adopt(recovery, delete_old=kept is None)
        self.statusBar().showMessage("Your work was recovered. Save it to keep it.", 10000)
        self.show_load_notes()
        return True


def _made_at(path: Path) -> datetime | None:
    """When a file was last written (for a safety copy whose info file was lost)."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except (OSError, ValueError, OverflowError):
        return None
