"""The step-by-step wizard: one Draft handed to every page; no business logic here."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from consultprep.content import Library
from consultprep.models import Draft
from ui.pages.about_page import AboutPage
from ui.pages.base import DraftPage
from ui.pages.concern_page import ConcernPage
from ui.pages.evidence_page import EvidencePage
from ui.pages.offer_page import OfferPage
from ui.pages.questions_page import QuestionsPage
from ui.pages.review_page import ReviewPage
from ui.pages.welcome_page import WelcomePage


class PageId(IntEnum):
    """The pages, in the order the patient meets them."""

    WELCOME = 0
    CONCERN = 1
    ABOUT = 2
    EVIDENCE = 3
    OFFER = 4  # before the questions, so ticked warning signs add their questions
    QUESTIONS = 5
    REVIEW = 6


PAGE_CLASSES: dict[PageId, type[DraftPage]] = {
    PageId.WELCOME: WelcomePage,
    PageId.CONCERN: ConcernPage,
    PageId.ABOUT: AboutPage,
    PageId.EVIDENCE: EvidencePage,
    PageId.OFFER: OfferPage,
    PageId.QUESTIONS: QuestionsPage,
    PageId.REVIEW: ReviewPage,
}


class ConsultWizard(QWizard):
    """The wizard, made to live inside the main window (it never closes itself)."""

    #: Something on a page changed (for the window's unsaved marker).
    edited = Signal()

    def __init__(self, draft: Draft, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setTitleFormat(Qt.TextFormat.PlainText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # No Finish button: the last page has its own Save PDF / Save draft buttons.
        self.setButtonLayout(
            [
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
            ]
        )
        self.setButtonText(QWizard.WizardButton.BackButton, "◀  &Back")
        self.setButtonText(QWizard.WizardButton.NextButton, "&Next  ▶")
        self.button(QWizard.WizardButton.BackButton).setAccessibleName("Back")
        self.button(QWizard.WizardButton.NextButton).setAccessibleName("Next")
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton):
            self.button(which).setMinimumSize(140, 44)
        self.pages: dict[PageId, DraftPage] = {}
        for page_id, cls in PAGE_CLASSES.items():
            page = cls(draft, library)
            page.edited.connect(self.edited)
            self.setPage(page_id, page)
            self.pages[page_id] = page

    def current_page(self) -> DraftPage | None:
        """The page being shown."""
        page = self.currentPage()
        return page if isinstance(page, DraftPage) else None

    def write_current_page(self) -> None:
        """Store what the current page shows (before saving or exporting)."""
        page = self.current_page()
        if page is not None:
            page.write_draft()

    # --- Qt overrides ---------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Called by Qt on Escape (reject) or Finish: an embedded wizard stays open."""
