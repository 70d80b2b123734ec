"""Choose the skin concern, then the kind of it that is closest."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QRadioButton, QVBoxLayout

from consultprep.checklist import sync_checklist
from consultprep.content import Concern, Library
from consultprep.models import Draft
from ui.card_grid import CardGrid
from ui.choices import ChoiceCard, one_tab_stop
from ui.pages.base import DraftPage
from ui.widgets import (
    SUBHEADING,
    ScrollContent,
    clear_layout,
    page_changed,
    plain_label,
    reveal,
    scrolling,
)

SUBTYPE_PROMPT = "Which of these is closest to yours?"
#: Under the question: a pack is about one skin problem.
MORE_THAN_ONE = (
    "More than one skin problem? Choose one here. For each of the others, start a new draft "
    "with File ▸ New."
)
PICK_FIRST = "Choose a skin problem above, then pick the kind that is closest to yours."


class ConcernPage(DraftPage):
    """Four large concern choices, then the chosen concern's subtypes; Next waits for both."""

    def __init__(self, draft: Draft, library: Library) -> None:
        super().__init__(
            draft,
            library,
            "Your skin problem",
            "Choose the one that is closest. You can come back and change it later.",
        )
        self.concern_cards: dict[str, ChoiceCard] = {}
        self.concern_radios: dict[str, QRadioButton] = {}
        self.subtype_radios: dict[str, QRadioButton] = {}
        self._concern_group = QButtonGroup(self)
        self._subtype_group = QButtonGroup(self)
        self._subtypes_of: str | None = None  # the concern whose kinds are shown
        #: The kind chosen for each concern while on the page: an arrow key pressed on the
        #: concerns (as if to scroll) chose another, and going back had lost the kind.
        self._kinds: dict[str, str] = {}

        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(plain_label("What would you like to talk about?", role=SUBHEADING))
        layout.addWidget(plain_label(MORE_THAN_ONE, role="hint"))
        grid = QGridLayout()
        grid.setSpacing(10)
        self.concern_grid = CardGrid(content, grid)  # one column when narrow at large text
        for concern in library.concerns:
            card = ChoiceCard(concern.name, concern.description)
            self._concern_group.addButton(card.radio)
            card.radio.toggled.connect(self._concern_toggled)
            self.concern_cards[concern.id] = card
            self.concern_radios[concern.id] = card.radio
        self.concern_grid.set_cards(self.concern_cards.values())
        one_tab_stop(self._concern_group)
        self._subtype_tab_stop = one_tab_stop(self._subtype_group)
        layout.addLayout(grid)

        layout.addSpacing(8)
        self.subtype_heading = plain_label(SUBTYPE_PROMPT, role=SUBHEADING)
        layout.addWidget(self.subtype_heading)
        self.subtype_hint = plain_label(PICK_FIRST, role="hint")
        layout.addWidget(self.subtype_hint)
        self._subtype_box = QGridLayout()
        self._subtype_box.setSpacing(10)
        self.subtype_grid = CardGrid(content, self._subtype_box)
        layout.addLayout(self._subtype_box)
        layout.addStretch(1)

        outer = self.page_layout
        self.scroll_area = scrolling(content)
        outer.addWidget(self.scroll_area)

    # --- ours -----------------------------------------------------------------------------
    def chosen_concern(self) -> Concern | None:
        """The concern whose button is checked, or None."""
        for concern_id, radio in self.concern_radios.items():
            if radio.isChecked():
                return self.library.concern(concern_id)
        return None

    def chosen_subtype(self) -> str | None:
        """The id of the checked subtype, or None."""
        return next((sid for sid, r in self.subtype_radios.items() if r.isChecked()), None)

    def read_draft(self) -> None:
        """Check the draft's concern and subtype, if any."""
        self._kinds = {}
        radio = self.concern_radios.get(self.draft.concern or "")
        if radio is not None:
            radio.setChecked(True)
            self._show_subtypes(self.library.concern(self.draft.concern), self.draft.subtype)
        else:
            self._concern_group.setExclusive(False)
            for r in self.concern_radios.values():
                r.setChecked(False)
            self._concern_group.setExclusive(True)
            self._show_subtypes(None, None)
        self.completeChanged.emit()

    def prepare(self) -> Iterator[None]:
        """Show the draft's choice ahead of time (``ui.preparation``): the cards for its
        concern's kinds are made now, not when the page is entered."""
        self.initializePage()
        yield

    def write_draft(self) -> None:
        """Store the choice and bring the question checklist in line with it."""
        concern = self.chosen_concern()
        self.draft.concern = concern.id if concern else None
        self.draft.subtype = self.chosen_subtype() if concern else None
        sync_checklist(self.draft, self.library)

    def _concern_toggled(self, on: bool) -> None:
        if not on:
            return
        concern = self.chosen_concern()
        keep = self.draft.subtype if concern and concern.id == self.draft.concern else None
        keep = self._kinds.get(concern.id, keep) if concern else None
        self._show_subtypes(concern, keep)
        self.mark_edited()
        self.completeChanged.emit()
        cards = self.subtype_grid.cards()
        if keep is None and cards and self.isVisible():
            # In a short window, or with large text, the question about the kind came up below
            # the edge, and Next waits for an answer to it.
            reveal(cards[0], self.subtype_heading)

    def _show_subtypes(self, concern: Concern | None, selected: str | None) -> None:
        shown = concern.id if concern is not None else None
        if shown == self._subtypes_of and shown is not None:  # the same cards: tick only
            self._subtype_group.setExclusive(False)
            for subtype_id, radio in self.subtype_radios.items():
                radio.setChecked(subtype_id == selected)
            self._subtype_group.setExclusive(True)
            return
        self._subtypes_of = shown
        page_changed(self)
        for radio in self.subtype_radios.values():
            self._subtype_group.removeButton(radio)
        self.subtype_grid.set_cards([])  # it forgets the old cards before they go
        clear_layout(self._subtype_box)
        self.subtype_radios = {}
        self.subtype_hint.setVisible(concern is None)
        if concern is None:
            self.subtype_heading.setText(SUBTYPE_PROMPT)
            return
        self.subtype_heading.setText(f"{concern.name}: which of these is closest to yours?")
        cards = []
        for subtype in concern.subtypes:
            card = ChoiceCard(subtype.name, subtype.description)
            self._subtype_group.addButton(card.radio)
            card.radio.setChecked(subtype.id == selected)
            card.radio.toggled.connect(self._subtype_toggled)
            self.subtype_radios[subtype.id] = card.radio
            cards.append(card)
        self.subtype_grid.set_cards(cards)
        self._subtype_tab_stop()

    def _subtype_toggled(self, on: bool) -> None:
        concern, kind = self.chosen_concern(), self.chosen_subtype()
        if on and concern is not None and kind is not None:
            self._kinds[concern.id] = kind
        if on:
            self.mark_edited()
            self.completeChanged.emit()

    # --- Qt overrides ---------------------------------------------------------------------
    def validatePage(self) -> bool:
        """Called by Qt on Next: go on only with a concern and a kind chosen."""
        if not self.isComplete():
            return False
        return super().validatePage()

    def isComplete(self) -> bool:
        """Called by Qt to enable Next: a concern and one of its kinds must be chosen."""
        return self.chosen_concern() is not None and self.chosen_subtype() is not None
