"""The step-by-step wizard: one Draft handed to every page; no business logic here."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget, QWizard

from consultprep.content import Library
from consultprep.models import Draft
from ui.pages.about_page import AboutPage
from ui.pages.base import DraftPage
from ui.pages.concern_page import ConcernPage
from ui.pages.evidence_page import EvidencePage
from ui.pages.offer_page import OfferPage
from ui.pages.photos_page import PhotosPage
from ui.pages.questions_page import QuestionsPage
from ui.pages.readiness_page import ReadinessPage
from ui.pages.review_page import ReviewPage
from ui.pages.welcome_page import WelcomePage


class PageId(IntEnum):
    """The pages, in the order the patient meets them."""

    WELCOME = 0
    CONCERN = 1
    ABOUT = 2
    PHOTOS = 3  # optional; right after "About your skin", which it illustrates
    EVIDENCE = 4
    OFFER = 5  # before the questions, so ticked warning signs add their questions
    QUESTIONS = 6
    READINESS = 7  # after the questions: a "Not yet" adds one; before the review
    REVIEW = 8


PAGE_CLASSES: dict[PageId, type[DraftPage]] = {
    PageId.WELCOME: WelcomePage,
    PageId.CONCERN: ConcernPage,
    PageId.ABOUT: AboutPage,
    PageId.PHOTOS: PhotosPage,
    PageId.EVIDENCE: EvidencePage,
    PageId.OFFER: OfferPage,
    PageId.QUESTIONS: QuestionsPage,
    PageId.READINESS: ReadinessPage,
    PageId.REVIEW: ReviewPage,
}


class ConsultWizard(QWizard):
    """The wizard, made to live inside the main window (it never closes itself)."""

    #: Something on a page changed (for the window's unsaved marker).
    edited = Signal()
    #: If True, only the welcome page is built at first and the others just after the wizard
    #: is first painted, so the app's window appears sooner (set by ``ui.app.run_app``).
    defer_pages = False

    def __init__(self, draft: Draft, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self._library = library
        self._pages: dict[PageId, DraftPage] = {}
        self._build_scheduled = False
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
        self._add_page(PageId.WELCOME)
        if self.defer_pages:
            # Next is shown (not yet enabled) on the welcome page while it is the only page.
            self.setOption(QWizard.WizardOption.HaveNextButtonOnLastPage, True)
        else:
            self.add_all_pages()

    def _add_page(self, page_id: PageId) -> None:
        page = PAGE_CLASSES[page_id](self.draft, self._library)
        page.edited.connect(self.edited)
        self.setPage(page_id, page)  # QWizard keeps pages in id order, whenever added
        self._pages[page_id] = page

    def add_all_pages(self) -> None:
        """Build every page not built yet (see ``defer_pages``); QWizard emits pageAdded."""
        missing = [page_id for page_id in PAGE_CLASSES if page_id not in self._pages]
        for page_id in missing:
            self._add_page(page_id)
        if missing:
            self.setOption(QWizard.WizardOption.HaveNextButtonOnLastPage, False)
        if missing and self.visitedIds() == [self.startId()]:
            # QWizard decides whether Next can be used only when it switches page: the welcome
            # page, shown while it was the only page, is shown again to enable its Next.
            self.restart()

    @property
    def pages(self) -> dict[PageId, DraftPage]:
        """Every page by id (building any that are not built yet)."""
        self.add_all_pages()
        return self._pages

    def current_page(self) -> DraftPage | None:
        """The page being shown."""
        page = self.currentPage()
        return page if isinstance(page, DraftPage) else None

    def write_current_page(self) -> None:
        """Store what the current page shows (before saving or exporting)."""
        page = self.current_page()
        if page is not None:
            page.write_draft()

    def next(self) -> None:
        """Go to the next page (building the pages first if they are not built yet)."""
        self.add_all_pages()
        super().next()

    # --- Qt overrides ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """Called by Qt to draw the wizard: once the first page is on screen, build the rest."""
        super().paintEvent(event)
        if not self._build_scheduled and len(self._pages) < len(PAGE_CLASSES):
            self._build_scheduled = True
            QTimer.singleShot(0, self, self.add_all_pages)

    def done(self, result: int) -> None:
        """Called by Qt on Escape (reject) or Finish: an embedded wizard stays open."""
