"""The first page: what ConsultPrep does and does not do, and where the patient's data stays."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QScrollArea, QVBoxLayout

from consultprep.front import read_front_matter
from ui.flow_layout import FlowLayout
from ui.pages.base import DraftPage
from ui.recent_list import RecentList
from ui.widgets import SUBHEADING, ScrollContent, big_button, bullet_list, plain_label, scrolling

if TYPE_CHECKING:
    from consultprep.content import Library
    from consultprep.models import Draft

WHAT_IT_DOES = (
    "ConsultPrep helps you get ready to see a skin specialist (a dermatologist). It is for "
    "when you are thinking about stem-cell or other regenerative treatment."
)
STEPS_INTRO = "Step by step, you will:"
STEPS = (
    "choose the skin problem you want to talk about",
    "note down what the specialist will want to know",
    "add photos of your skin, if you like",
    "see what research has shown so far, treatment by treatment",
    "check an offer from a clinic for warning signs, if you have one",
    "build a list of questions to ask",
    "think about whether you are ready to decide",
    "save it all as a PDF to print or take with you",
)
CARRY_ON = "You have already started. Press “Carry on” to look over your answers from step 1."
#: With the step the patient was last at (its number, how many steps, and its title).
CARRY_ON_AT = (
    "You have already started. Press “Carry on” to go back to step {step} of {steps}, "
    "“{title}”, where you were."
)


def has_content(draft: Draft | None) -> bool:
    """True if the patient has already entered anything in this draft (None: no draft yet)."""
    if draft is None:
        return False
    from consultprep.models import AboutSkin, ClinicOffer

    return bool(
        draft.concern
        or draft.checklist
        or draft.about != AboutSkin()
        or draft.offer != ClinicOffer()
        or draft.photos
    )


class WelcomePage(DraftPage):
    """What the app is for, what it is not, privacy; start new or open a saved draft."""

    #: The patient pressed "Open a saved draft…" (the window shows the file dialog).
    open_requested = Signal()
    #: The patient chose one of the recent drafts: its full path.
    open_recent_requested = Signal(str)

    def __init__(self, draft: Draft | None, library: Library | None) -> None:
        """``draft`` and ``library`` may be None while the app starts (see ``ui.wizard``)."""
        super().__init__(draft, library, "Welcome to ConsultPrep")  # type: ignore[arg-type]
        meta = library.meta if library is not None else read_front_matter()
        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(12)
        # The "not medical advice" text and the buttons come first, so they are in view
        # without scrolling even with large text; privacy and the list of steps follow.
        layout.addWidget(plain_label(WHAT_IT_DOES, role=SUBHEADING))
        layout.addWidget(plain_label("What ConsultPrep does not do", role=SUBHEADING))
        self.disclaimer_label = plain_label(meta.disclaimer, selectable=True)
        layout.addWidget(self.disclaimer_label)
        self.carry_on_label = plain_label(CARRY_ON, role="notice")
        layout.addWidget(self.carry_on_label)

        buttons = FlowLayout(spacing=10)  # wraps with large text
        self.start_button = big_button(
            "&Start a new draft", "Start a new draft", primary=True
        )
        self.start_button.setDefault(True)
        self.open_button = big_button("&Open a saved draft…", "Open a saved draft")
        self.start_button.clicked.connect(self._start)
        self.open_button.clicked.connect(self.open_requested)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self.recent_list = RecentList()
        self.recent_list.open_requested.connect(self.open_recent_requested)
        self.recent_list.emptied.connect(self.open_button.setFocus)
        layout.addSpacing(4)
        layout.addWidget(self.recent_list)
        layout.addWidget(plain_label("Your privacy", role=SUBHEADING))
        self.privacy_label = plain_label(meta.privacy, selectable=True)
        layout.addWidget(self.privacy_label)
        layout.addSpacing(8)
        layout.addWidget(plain_label(STEPS_INTRO))
        layout.addWidget(bullet_list(STEPS))
        layout.addStretch(1)

        outer = self.page_layout
        outer.addWidget(scrolling(content))

    def read_draft(self) -> None:
        """Offer to carry on if the draft already has something in it."""
        if self.library is not None:  # the checked texts, once the library is loaded
            self.disclaimer_label.setText(self.library.meta.disclaimer)
            self.privacy_label.setText(self.library.meta.privacy)
        started = has_content(self.draft)
        self.carry_on_label.setText(self._carry_on_text())
        self.carry_on_label.setVisible(started)
        if started:
            self.start_button.setText("&Carry on")
            self.start_button.setAccessibleName("Carry on with this draft")
        else:
            self.start_button.setText("&Start a new draft")
            self.start_button.setAccessibleName("Start a new draft")

    def showEvent(self, event: QShowEvent) -> None:
        """Called by Qt when the page is shown, also on Back: keep the wording current."""
        self.read_draft()
        self.recent_list.refresh()
        super().showEvent(event)

    def resume_step(self) -> int | None:
        """The step "Carry on" goes back to (None: the first step)."""
        wizard = self.wizard()
        step = getattr(wizard, "resume_at", None)
        if wizard is None or not has_content(self.draft) or not step or step <= 1:
            return None
        if self.draft is None or not (self.draft.concern and self.draft.subtype):
            return None  # step 1 needs an answer first: "Carry on" would stop there
        return step if step in wizard.pageIds() else None

    def focus_start(self) -> None:
        """Give the main button ("Start a new draft" or "Carry on") the focus, so Enter
        presses it, unless the focus is already on another control of the page (not its
        scroll area, where Qt may have put it)."""
        focused = self.window().focusWidget()
        if focused is None or not self.isAncestorOf(focused) or isinstance(focused, QScrollArea):
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _carry_on_text(self) -> str:
        step, wizard = self.resume_step(), self.wizard()
        page = wizard.page(step) if step is not None and wizard is not None else None
        if not isinstance(page, DraftPage) or wizard is None:
            return CARRY_ON
        ids = wizard.pageIds()
        return CARRY_ON_AT.format(
            step=ids.index(step), steps=len(ids) - 1, title=page.title_label.text()
        )

    def _start(self) -> None:
        wizard = self.wizard()
        if wizard is None:
            return
        step = self.resume_step()
        if step is not None and hasattr(wizard, "go_to"):
            wizard.go_to(step)
        else:
            wizard.next()
