"""Check everything, then save the PDF pack (and the draft)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QVBoxLayout,
    QWidget,
)

from consultprep.content import Library
from consultprep.models import Draft
from consultprep.summary import summary_lines
from ui import dialogs, export_helpers
from ui.announce import announce
from ui.busy import SAVING_PDF, open_file, show_in_folder
from ui.field_row import FieldRow
from ui.fields import line_box
from ui.file_menu import PDF_FILTER
from ui.flow_layout import FlowLayout
from ui.pack_options import PackChoices
from ui.pages.base import DraftPage
from ui.responsive import FoldingPanel
from ui.summary_view import SummaryView
from ui.widgets import (
    ERROR,
    HINT,
    NOTICE,
    PAGE_MARGIN,
    SUBHEADING,
    ScrollContent,
    big_button,
    card,
    page_changed,
    plain_label,
    scrolling,
)

#: Said when the draft changed after the PDF was saved (the PDF holds the earlier answers).
CHANGED_SINCE_SAVED = (
    "You changed your answers after the PDF was saved, so that PDF does not have the changes. "
    "Press Save PDF to make it again."
)


def _is_file(path: Path) -> bool:
    """True if ``path`` is a file; False also for a name no file can have (too long, a
    null character): saving then explains what is wrong with it."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


SUBTITLE = (
    "Check the summary of your answers, and save your pack as a PDF to print or take with you."
)
#: When there is little room, the buttons come first (``ReviewPage.panel_fold``).
SUBTITLE_BUTTONS_FIRST = (
    "Save your pack as a PDF. Check the summary of your answers below the buttons."
)


class ReviewPage(DraftPage):
    """A plain summary, then: choose where the PDF goes, save it, open it, save the draft."""

    #: The patient pressed "Save draft…" (the window saves, asking where if needed).
    save_draft_requested = Signal()

    def __init__(self, draft: Draft, library: Library) -> None:
        super().__init__(
            draft,
            library,
            "Check and save",
            SUBTITLE,
        )
        self._confirmed_path: Path | None = None
        self.saved_pdf: Path | None = None
        self._saved_from: str | None = None  # the draft as the PDF last saved holds it

        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        summary_card, self._summary_box = card()
        self.summary = SummaryView(self._summary_box)
        layout.addWidget(summary_card)

        layout.addStretch(1)
        self.panel = QWidget()  # below the summary; above it, scrolling, when space is short
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(PAGE_MARGIN, 0, PAGE_MARGIN, 0)
        panel.setSpacing(8)
        panel.addWidget(plain_label("Your PDF pack", role=SUBHEADING))
        # The whole path, wrapped (a one-line field showed only its end with large text), and
        # its label above it when the row is narrow.
        self.pdf_path_edit = line_box("PDF file")
        path_label = plain_label("&PDF file:")
        path_label.setWordWrap(False)
        path_label.setBuddy(self.pdf_path_edit)
        self.choose_button = big_button("&Choose…", "Choose where to save the PDF")
        self.choose_button.clicked.connect(self.choose_pdf_path)
        panel.addWidget(FieldRow(path_label, self.pdf_path_edit, self.choose_button))
        self.pack_options = PackChoices(self)

        # One row, wrapping with large text or a narrow window: paper, large print, then the
        # Save buttons (two rows took a line more of a short window, from the summary).
        actions = FlowLayout(spacing=8)
        for widget in self.pack_options.widgets:
            actions.addWidget(widget)
        self.save_pdf_button = big_button("&Save PDF", "Save the PDF", primary=True)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.open_pdf_button = big_button("&Open PDF", "Open the PDF")
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.open_pdf_button.hide()
        # Alt+I: Alt+F is the File menu
        self.show_folder_button = big_button("Show &in folder", "Show the PDF in its folder")
        self.show_folder_button.clicked.connect(self.show_pdf_folder)
        self.show_folder_button.hide()
        self.save_draft_button = big_button("Save &draft…", "Save the draft to work on later")
        self.save_draft_button.clicked.connect(self.save_draft_requested)
        actions.addWidget(self.save_pdf_button)
        actions.addWidget(self.open_pdf_button)
        actions.addWidget(self.show_folder_button)
        actions.addWidget(self.save_draft_button)
        panel.addLayout(actions)

        self.status_label = plain_label(role=NOTICE, selectable=True)
        self.status_label.hide()
        self.error_label = plain_label(role=ERROR, selectable=True)
        self.error_label.hide()
        panel.addWidget(self.status_label)
        panel.addWidget(self.error_label)
        panel.addWidget(
            plain_label(
                "Your PDF and draft are saved only on this computer, where you choose. Until you "
                "save, ConsultPrep also keeps a safety copy.",
                role=HINT,
            )
        )
        self.pdf_path_edit.textEdited.connect(self._path_edited)

        outer = self.page_layout
        self.scroll_area = scrolling(content)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.panel)
        # With little room (large text, a small window) the panel goes first in the scroll
        # area, so Save PDF is in view without scrolling past the whole summary.
        self.panel_fold = FoldingPanel(
            self, self.panel, outer, layout, at_top=True, fold_at=0.4, unfold_at=0.3
        )
        self.panel_fold.moved.connect(self._panel_moved)
        self._panel_moved(self.panel_fold.folded)

    def _panel_moved(self, folded: bool) -> None:
        """The header says where the summary is: below the buttons when they come first."""
        self.subtitle_label.setText(SUBTITLE_BUTTONS_FIRST if folded else SUBTITLE)

    # --- draft ----------------------------------------------------------------------------
    def read_draft(self) -> None:
        """Show the summary and offer a PDF file name; a PDF saved before the draft changed
        since is no longer offered as the pack (it holds the old answers)."""
        self._show_summary()
        if self._saved_from is not None and self._saved_from != self.draft.snapshot():
            self._saved_from = None
            self.open_pdf_button.hide()
            self.show_folder_button.hide()
            self.error_label.hide()
            self._show_status(CHANGED_SINCE_SAVED, error=False)
        if not self.pdf_path_edit.text().strip():
            self.pdf_path_edit.setText(
                str(export_helpers.default_pdf_path(self.draft, self.library))
            )

    def showEvent(self, event: QShowEvent) -> None:
        """Called by Qt when the page is shown: keep the summary current, and Save PDF in view
        when it scrolls with the page (the title may scroll away instead)."""
        self._show_summary()
        self.pack_options.follow_text_size()
        super().showEvent(event)
        QTimer.singleShot(0, self, self._save_button_in_view)

    def _save_button_in_view(self) -> None:
        """From the top, title and all, if Save PDF is in view there; else from the panel's
        heading ("Your PDF pack"), not from half a line of the text above it; else Save PDF."""
        if self.panel_fold.folded and self.isVisible():
            content = self.scroll_area.widget()
            button = self.save_pdf_button
            bottom = button.mapTo(content, button.rect().bottomLeft()).y() + 12
            room = self.scroll_area.viewport().height()
            top = self.panel.mapTo(content, self.panel.rect().topLeft()).y()
            if bottom <= room:
                self.scroll_area.verticalScrollBar().setValue(0)
            elif bottom - top <= room:
                self.scroll_area.verticalScrollBar().setValue(top)
            else:
                self.scroll_area.ensureWidgetVisible(button, 0, 12)

    def prepare(self) -> Iterator[None]:
        """Show the summary of the draft as it is now (``ui.preparation``, in idle time)."""
        self._show_summary()
        yield

    def _show_summary(self) -> None:
        """Show the summary of the draft as it is now (``ui.summary_view``)."""
        if self.summary.show(summary_lines(self.draft, self.library)):
            page_changed(self)

    # --- actions --------------------------------------------------------------------------
    def choose_pdf_path(self) -> None:
        """Ask where to save the PDF (the system's Save dialog)."""
        start = self.pdf_path_edit.text().strip() or str(
            export_helpers.default_pdf_path(self.draft, self.library)
        )
        path, _ = QFileDialog.getSaveFileName(self, "Save the PDF as", start, PDF_FILTER)
        if not path:
            return
        try:
            chosen = export_helpers.with_suffix(path, ".pdf")
        except export_helpers.NotAFileName as exc:
            self._show_status(str(exc), error=True)
            return
        self.pdf_path_edit.setText(str(chosen))
        if not export_helpers.replaces_unasked(path, chosen):
            self._confirmed_path = chosen  # the dialog already asked about replacing it

    def save_pdf(self) -> Path | None:
        """Make the PDF at the chosen path; show the outcome on the page."""
        text = self.pdf_path_edit.text().strip()
        if not text:
            self._show_status("Please choose where to save the PDF first.", error=True)
            return None
        try:
            folder = export_helpers.default_pdf_path(self.draft, self.library).parent
            path = export_helpers.typed_path(text, ".pdf", folder)
        except export_helpers.NotAFileName as exc:
            self._show_status(
                (
                    "That is a folder, not a file name. Please type a name for the PDF, "
                    "ending in .pdf, or press “Choose…”."
                )
                if exc.folder
                else str(exc),
                error=True,
            )
            return None
        unasked = _is_file(path) and path != self._confirmed_path
        if unasked and not dialogs.confirm_replace(self, path, "PDF"):
            return None
        import exports
        from ui.pdf_saving import KEPT, save_pdf, saved_message

        self._show_status(SAVING_PDF, error=False)
        try:
            saved = save_pdf(self, self.draft, path, self.library, self.pack_options.options())
        except exports.ExportCancelled as exc:  # the patient pressed Stop: not a fault
            saved = None
            self._show_status(str(exc), error=False)
        except exports.ExportError as exc:
            saved = None
            self._show_status(str(exc), error=True)
        else:
            if saved is None:
                self._show_status(KEPT, error=False)
        if saved is None:
            self.open_pdf_button.hide()
            self.show_folder_button.hide()
            return None
        self.saved_pdf = saved
        self._saved_from = self.draft.snapshot()
        self._confirmed_path = saved
        self.pdf_path_edit.setText(str(saved))
        self._show_status(saved_message(self.draft, saved), error=False)
        self.open_pdf_button.show()
        self.show_folder_button.show()
        self.open_pdf_button.setFocus()
        QTimer.singleShot(0, self, self._status_in_view)
        return saved

    def _status_in_view(self) -> None:
        """The words saying where the PDF went, in view when the panel scrolls with the page
        (with large text they were below the buttons, out of sight)."""
        if self.panel_fold.folded and self.isVisible():
            self.scroll_area.ensureWidgetVisible(self.status_label, 0, 12)

    def open_pdf(self) -> None:
        """Open the saved PDF in the computer's PDF viewer."""
        if self.saved_pdf is not None:
            open_file(self.saved_pdf)

    def show_pdf_folder(self) -> None:
        """Open the folder holding the saved PDF in the computer's file manager."""
        if self.saved_pdf is not None:
            show_in_folder(self.saved_pdf)

    def _path_edited(self, _text: str) -> None:
        self._confirmed_path = None
        self.open_pdf_button.hide()
        self.show_folder_button.hide()
        self.status_label.hide()
        self.error_label.hide()

    def _show_status(self, text: str, *, error: bool) -> None:
        """Show the outcome: a notice on success, a red message on failure."""
        shown, hidden = (
            (self.error_label, self.status_label)
            if error
            else (self.status_label, self.error_label)
        )
        hidden.hide()
        shown.setText(text)
        shown.show()
        announce(shown, text)  # not a Tab stop: a screen reader is told (a keyboard audit)
