"""The step-by-step wizard: one Draft handed to every page; no business logic here."""

from __future__ import annotations

from enum import IntEnum
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QMainWindow, QWidget, QWizard

from ui.announce import announce
from ui.pages.base import DraftPage

if TYPE_CHECKING:  # the content models load after the first page is shown (``attach``)
    from consultprep.content import Library
    from consultprep.models import Draft

#: The widest the pages and the Back and Next buttons grow, in multiples of the text's size
#: (960 pixels at 100 % text, about 100 characters of text a line): on a wide screen, longer
#: lines are hard to follow and a row's buttons drift far from its words. The wizard keeps to
#: the middle of a wider window. (It was 80: at 1920 pixels and 150 % text, lines of about
#: 170 characters.)
MAX_WIDTH_EM = 60


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


#: Where each page's class lives. Only the welcome page is imported with this module: the
#: others (and the content models they use) are imported when the pages are built.
PAGES: dict[PageId, str] = {
    PageId.WELCOME: "ui.pages.welcome_page:WelcomePage",
    PageId.CONCERN: "ui.pages.concern_page:ConcernPage",
    PageId.ABOUT: "ui.pages.about_page:AboutPage",
    PageId.PHOTOS: "ui.pages.photos_page:PhotosPage",
    PageId.EVIDENCE: "ui.pages.evidence_page:EvidencePage",
    PageId.OFFER: "ui.pages.offer_page:OfferPage",
    PageId.QUESTIONS: "ui.pages.questions_page:QuestionsPage",
    PageId.READINESS: "ui.pages.readiness_page:ReadinessPage",
    PageId.REVIEW: "ui.pages.review_page:ReviewPage",
}


def page_class(page_id: PageId) -> type[DraftPage]:
    """The class of one page (importing its module if need be)."""
    module, name = PAGES[page_id].split(":")
    return getattr(import_module(module), name)


class ConsultWizard(QWizard):
    """The wizard, made to live inside the main window (it never closes itself).

    Made with a draft and a library, it builds every page at once. Made without them
    (``ConsultWizard(None, None)``, as the app does at start), it has only the welcome page,
    which needs neither, so the window appears before the content models are loaded; the
    window then calls ``attach`` (just after the first paint, or when ``needed`` asks).
    """

    #: Something on a page changed (for the window's unsaved marker).
    edited = Signal()
    #: Text typed that changes no control and nothing in the draft yet (``DraftPage.typed``).
    typed = Signal()
    #: The answers window closed (whether or not it changed the draft: its safety copy may).
    answers_closed = Signal()
    #: The wizard was painted for the first time (the window finishes starting then).
    first_painted = Signal()
    #: The pages are wanted before ``attach`` was called (Next on the welcome page): the
    #: receiver must call ``attach`` at once.
    needed = Signal()

    def __init__(
        self, draft: Draft | None, library: Library | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self._library = library
        self._pages: dict[PageId, DraftPage] = {}
        self._painted = False
        self._announced: int | None = None  # the page a screen reader was last told of
        self._quiet = False  # no page is announced while going through pages (go_to)
        #: The step the patient was last at (None: not known): "Carry on" goes back there.
        #: The window sets it from what was remembered; each page entered sets it.
        self.resume_at: int | None = None
        #: The answers window while it is open (``note_answers``; ``ui.keeping`` autosaves it).
        self.answers_window: QWidget | None = None
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setMaximumWidth(self.widest())  # kept in the middle of a wider window
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
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
        # On the last page, where there is no Next, Back stays where it was on every other
        # page: in Next's place, a click from habit went back a step.
        next_button = self.button(QWizard.WizardButton.NextButton)
        policy = next_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        next_button.setSizePolicy(policy)
        self.currentIdChanged.connect(self._announce_page)
        self.currentIdChanged.connect(self._note_step)
        self._add_page(PageId.WELCOME)
        if library is None:
            # Next is shown (not yet enabled) on the welcome page while it is the only page.
            self.setOption(QWizard.WizardOption.HaveNextButtonOnLastPage, True)
        else:
            self.add_all_pages()

    @property
    def attached(self) -> bool:
        """True once the wizard has its draft and library (and so all its pages)."""
        return self._library is not None

    def attach(self, draft: Draft, library: Library) -> None:
        """Give a wizard made without them its draft and library, and build the other pages."""
        self.draft = draft
        self._library = library
        welcome = self._pages[PageId.WELCOME]
        welcome.draft, welcome.library = draft, library
        welcome.read_draft()
        self.add_all_pages()

    def _add_page(self, page_id: PageId) -> None:
        page = page_class(page_id)(self.draft, self._library)
        page.edited.connect(self.edited)
        page.typed.connect(self.typed)
        self.setPage(page_id, page)  # QWizard keeps pages in id order, whenever added
        self._pages[page_id] = page

    def add_all_pages(self) -> None:
        """Build every page not built yet; QWizard emits pageAdded for each."""
        if self._library is None:
            self.needed.emit()
            if self._library is None:
                raise RuntimeError("the wizard's pages need a draft and library (attach)")
            return  # attach built them
        missing = [page_id for page_id in PAGES if page_id not in self._pages]
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

    def finish_photo_import(self) -> None:
        """Wait for photos still being added to reach the draft (see ``PhotosPage``)."""
        page = self._pages.get(PageId.PHOTOS)
        if page is not None:
            page.finish_import()  # type: ignore[attr-defined]

    def current_page(self) -> DraftPage | None:
        """The page being shown."""
        page = self.currentPage()
        return page if isinstance(page, DraftPage) else None

    def write_current_page(self) -> None:
        """Store what the current page shows (before saving or exporting)."""
        page = self.current_page()
        if page is not None:
            page.write_draft()

    def add_typed(self) -> None:
        """Add what the current page has typed but not added yet (``DraftPage.add_typed``)."""
        page = self.current_page()
        if page is not None:
            page.add_typed()

    def typed_not_added(self) -> str:
        """What the current page has typed but not added (``DraftPage.typed_not_added``)."""
        page = self.current_page()
        return page.typed_not_added() if page is not None else ""

    def keep_current_page(self) -> None:
        """Before the draft is saved or made into a PDF: add what the current page has typed
        but not added, then store what it shows."""
        self.add_typed()
        self.write_current_page()

    def read_visited_pages(self) -> None:
        """Show the draft again on the pages already entered (after it was changed from
        outside, by importing answers): Back does not read a page again, so leaving one that
        still showed the draft from before would write the old state back over the new."""
        for page_id in self.visitedIds():
            page = self.page(page_id)
            if isinstance(page, DraftPage):
                page.initializePage()

    def note_answers(self) -> int:
        """Answers from the appointment, typed in a window of their own (``ui.answers_dialog``):
        put in the draft, shown again on the pages entered, and an edit (to save and autosave).
        Returns how many questions changed."""
        from ui.answers_dialog import note_in_dialog

        self.write_current_page()

        def watch(window: QWidget) -> None:  # (its answers are in the safety copy meanwhile)
            self.answers_window = window
            window.typed.connect(self.typed)

        try:
            changed = note_in_dialog(self, self.draft, self._library, watch)
        finally:
            self.answers_window = None
            self.typed.emit()  # the safety copy again, without the window (kept or not)
            self.answers_closed.emit()  # and the unsaved marker as the draft now is
        if changed:
            self.read_visited_pages()
            self.edited.emit()
            window = self.window()  # said where it is seen (the page's own note may be below)
            if isinstance(window, QMainWindow):
                what = "1 question" if changed == 1 else f"{changed} questions"
                window.statusBar().showMessage(
                    f"Your answers are in your draft ({what} changed). Save it (Ctrl+S) to keep "
                    "them on this computer.",
                    15000,
                )
        return changed

    def next(self) -> None:
        """Go to the next page (building the pages first if they are not built yet)."""
        self.add_all_pages()
        super().next()

    def go_to(self, page_id: int) -> None:
        """Go forward to ``page_id`` as Next does, page by page (so each page is entered and
        left as usual), stopping early at a page that does not let the patient go on.

        A screen reader is told only of the page it ends on."""
        self._quiet = True
        try:
            while self.currentId() < page_id:
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self._quiet = False
        self._announce_page(self.currentId())

    def _note_step(self, page_id: int) -> None:
        """The furthest step reached: going back (to look at or change an earlier answer, or
        to the welcome page) and on again does not lower it."""
        if page_id > max(self.resume_at or 0, PageId.WELCOME):
            self.resume_at = page_id

    def _announce_page(self, page_id: int) -> None:
        """Tell a screen reader which page is shown now ("Step 2 of 8. Your skin problem.").

        Not for the first page the wizard shows (the window appearing says enough), nor when
        the same page is shown again (the wizard restarting on the welcome page at start).
        """
        page = self._pages.get(PageId(page_id)) if page_id in PAGES else None
        if page is None or page_id == self._announced or self._quiet:
            return
        first = self._announced is None
        self._announced = page_id
        if not first:
            announce(page, page.announcement())

    def widest(self) -> int:
        """The widest the pages grow, in pixels, at the current text size."""
        font = self.font()
        em = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * self.logicalDpiY() / 72
        return round(MAX_WIDTH_EM * em)

    # --- Qt overrides ---------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """Called by Qt on changes such as the text size: keep the pages to ``widest``."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.setMaximumWidth(self.widest())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Called by Qt to draw the wizard: say when the first page is on screen."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def done(self, result: int) -> None:
        """Called by Qt on Escape (reject) or Finish: an embedded wizard stays open."""
