"""What every wizard page shares: the draft, the library, and when to read and write.

A page reads the draft in ``initializePage()`` (each time it is entered going forward) and
writes it in ``validatePage()`` (Next) and in ``cleanupPage()`` (Back), so Back and Next both
keep everything entered. ``write_draft()`` is public so the window can save the page the
patient is on before saving or exporting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizardPage

from ui.responsive import FittedLabel
from ui.text_scroll import fit_scroll_bars
from ui.widgets import HINT, PAGE_MARGIN, TITLE, full_stop, plain_label

if TYPE_CHECKING:  # not imported at run time: the welcome page appears before they load
    from consultprep.content import Library
    from consultprep.models import Draft


class DraftPage(QWizardPage):
    """A wizard page that edits part of one shared Draft."""

    #: Emitted when the patient changes something on the page (for the unsaved marker).
    edited = Signal()
    #: Text typed that is not in the draft yet (a question in the Add box): for the safety
    #: copy only (``edited`` would lay the page's Tab order out again at each key).
    typed = Signal()

    def __init__(self, draft: Draft, library: Library, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.draft = draft
        self.library = library
        self._reading = False
        # Our own title and subtitle, not QWizard's: its title font cannot be made larger.
        self.title_label = plain_label(title, role=TITLE)
        self.title_label.setAccessibleName(title)
        self.step_label = plain_label(role=HINT)
        self.step_label.hide()
        self.subtitle_label = FittedLabel(subtitle)  # never taller than it needs
        if not subtitle:  # (shown, a label with no parent yet would open as a window of its own)
            self.subtitle_label.hide()
        #: The page's layout: the title, then what the page adds.
        self.page_layout = QVBoxLayout(self)
        self.page_layout.setContentsMargins(0, 0, 0, 0)
        self.page_layout.setSpacing(8)
        #: Step, title and subtitle (scrolls with the page when space is short: ui.responsive).
        self.header = QWidget()
        header = QVBoxLayout(self.header)
        header.setContentsMargins(PAGE_MARGIN, 4, PAGE_MARGIN, 0)
        header.setSpacing(2)
        header.addWidget(self.step_label)
        header.addWidget(self.title_label)
        header.addWidget(self.subtitle_label)
        self.page_layout.addWidget(self.header)

    # --- ours -----------------------------------------------------------------------------
    def read_draft(self) -> None:
        """Show what the draft holds. Override; the base does nothing."""

    def write_draft(self) -> None:
        """Store what the page shows into the draft. Override; the base does nothing."""

    def mark_edited(self, *_args: object) -> None:
        """Slot for widget change signals: tell the window something changed."""
        if not self._reading:
            self.edited.emit()

    # --- Qt overrides ---------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Called by Qt when the page is shown: say which step this is ("Step 2 of 6")."""
        self.show_step()
        super().showEvent(event)
        # QWizard shows a new page, hides it and shows it again (its layout is redone in
        # between). Each shown widget asks to be painted later; asking again while the first
        # request waits makes Qt look through every waiting request: with the thousands of
        # widgets of a long question list, that took seconds. The requests are handled now.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater)

    def show_step(self) -> None:
        """Say which step this is (also done ahead, while the page is prepared: ui.preparation)."""
        step = self.step_text()
        if step:
            self.step_label.setText(step)
        self.step_label.setVisible(bool(step))

    def step_text(self) -> str:
        """"Step 2 of 6" ("" for the welcome page, or a page not in a wizard)."""
        wizard = self.wizard()
        if wizard is None:
            return ""
        ids = wizard.pageIds()
        mine = next((n for n in ids if wizard.page(n) is self), None)
        step = ids.index(mine) if mine is not None else 0
        return f"Step {step} of {len(ids) - 1}" if step > 0 else ""

    def announcement(self) -> str:
        """What a screen reader says when this page is shown: step, title and subtitle."""
        parts = [self.step_text(), self.title_label.text()]
        if not self.subtitle_label.isHidden():
            parts.append(self.subtitle_label.text())
        return " ".join(full_stop(p) for p in parts if p)

    def initializePage(self) -> None:
        """Called by Qt when the page is entered going forward: show the draft."""
        self._reading = True
        try:
            self.read_draft()
        finally:
            self._reading = False
        fit_scroll_bars(self)  # a very long text is then laid out once (ui.text_scroll)

    def add_typed(self, *, leaving: bool = False) -> None:
        """Add what is typed but not added yet (a question in the "Add" box): called when
        the page is left (``leaving``) and before the draft is saved, closed or made into a
        PDF, so it is not lost."""

    def typed_not_added(self) -> str:
        """What ``add_typed`` would add: the safety copy keeps it (in its own copy of the
        draft) so that a crash does not lose a question typed but not added."""
        return ""

    def validatePage(self) -> bool:
        """Called by Qt when Next is pressed: write the draft and let the wizard go on."""
        self.add_typed(leaving=True)
        self.write_draft()
        return True

    def cleanupPage(self) -> None:
        """Called by Qt when Back is pressed: keep what was entered (do not reset)."""
        self.add_typed(leaving=True)
        self.write_draft()
