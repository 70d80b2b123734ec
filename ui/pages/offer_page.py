"""Has a clinic offered a treatment? Note it down and check it for warning signs."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consultprep.checklist import sync_checklist
from consultprep.citations import with_sources
from consultprep.content import Library
from consultprep.models import ClinicOffer, Draft, with_ticks
from ui.advert_checker import AdvertChecker
from ui.announce import announce
from ui.choices import LabelledCheck, one_tab_stop
from ui.fields import line_box, text_box
from ui.pages.base import DraftPage
from ui.vetting_panel import VettingPanel
from ui.widgets import (
    HINT,
    NOTICE,
    SUBHEADING,
    ScrollContent,
    plain_label,
    reveal,
    scrolling,
)

LOCATIONS = (("uk", "In the &UK"), ("abroad", "&Abroad"), ("not_sure", "Not su&re"))
#: The question under "Where is the clinic?": in the UK, which part (each has its own
#: regulator for private clinics); otherwise, which country. (label, screen-reader name, example)
COUNTRY_QUESTIONS = {
    "uk": ("Which par&t of the UK is it in?", "Part of the UK", "For example: Scotland"),
    None: ("Which coun&try is it in?", "Country of the clinic", "For example: Spain"),
}
FLAGS_HELP = (
    "Tick any that apply. Each one you tick adds questions to your list, so you can ask "
    "about it. A tick is not proof that something is wrong."
)


def said(treatment: str, cost: str, claims: str) -> str:
    """What the patient wrote about the offer that the advert check looks at as well: the
    treatment and its cost as one phrase ("Stem cell injections: €8,400", so a price for
    stem cells is found: a carer's walk-through), and what the clinic said it would do."""
    priced = ": ".join(part for part in (treatment.strip(), cost.strip()) if part)
    return "\n\n".join(part for part in (priced, claims.strip()) if part)


def _label(text: str, buddy: QWidget) -> QLabel:
    label = plain_label(text)
    label.setBuddy(buddy)
    return label


def _add_row(form: QVBoxLayout, label: QLabel, field: QWidget | QHBoxLayout) -> None:
    if form.count():
        form.addSpacing(6)
    form.addWidget(label)
    if isinstance(field, QWidget):
        form.addWidget(field)
    else:
        form.addLayout(field)


#: Under "What did they say it would do for you?" when the check finds warning signs there.
SAID_FOUND = (
    "Some of the clinic's words above can go with a warning sign. See what the check found "
    "further down this page."
)


class OfferPage(DraftPage):
    """Optional: what a clinic offered, where, for how much, what it claimed; red flags."""

    def __init__(self, draft: Draft, library: Library) -> None:
        super().__init__(
            draft,
            library,
            "An offer from a clinic",
            # An advert seen online counts: it is what the advert check is for (a patient
            # who had only seen an Instagram advert would have chosen No, and never seen it)
            "Choose Yes if a clinic offered you a treatment or you saw an advert for one. If "
            "not, choose No: you can skip this step.",
        )
        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(
            plain_label(
                "Has a clinic offered you a stem-cell or other treatment, or have you seen an "
                "advert for one?",
                role=SUBHEADING,
            )
        )
        answer = QHBoxLayout()
        self.yes_radio = QRadioButton("&Yes")
        self.yes_radio.setAccessibleName("Yes, I have been offered a treatment or seen an advert")
        self.no_radio = QRadioButton("N&o")
        self.no_radio.setAccessibleName("No offer and no advert")
        self._answer_group = QButtonGroup(self)
        self._answer_group.addButton(self.yes_radio)
        self._answer_group.addButton(self.no_radio)
        one_tab_stop(self._answer_group)
        answer.addWidget(self.yes_radio)
        answer.addSpacing(24)
        answer.addWidget(self.no_radio)
        answer.addStretch(1)
        layout.addLayout(answer)

        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 8, 0, 0)
        details.setSpacing(10)
        details.addWidget(plain_label("About the offer", role=SUBHEADING))
        form = QVBoxLayout()
        form.setSpacing(4)
        self.treatment = line_box(
            "What treatment was offered", "For example: stem-cell injections"
        )
        self.clinic = line_box("Name of the clinic")
        _add_row(form, _label("&What treatment did they offer?", self.treatment), self.treatment)
        _add_row(form, _label("Name of the &clinic", self.clinic), self.clinic)

        where = QHBoxLayout()
        self._location_group = QButtonGroup(self)
        self.location_radios: dict[str, QRadioButton] = {}
        for key, text in LOCATIONS:
            radio = QRadioButton(text)
            radio.setAccessibleName(f"Where: {text.replace('&', '')}")
            self._location_group.addButton(radio)
            self.location_radios[key] = radio
            where.addWidget(radio)
            where.addSpacing(16)
            radio.toggled.connect(self._location_changed)
        one_tab_stop(self._location_group)
        where.addStretch(1)
        where_label = plain_label("Where is the clinic?")
        where_label.setBuddy(self.location_radios["uk"])
        _add_row(form, where_label, where)
        label, name, example = COUNTRY_QUESTIONS[None]
        self.country = line_box(name, example)
        self.country_label = _label(label, self.country)
        _add_row(form, self.country_label, self.country)
        self.cost = line_box("What it would cost", "For example: £4,000 for 3 sessions")
        _add_row(form, _label("What would it co&st?", self.cost), self.cost)
        self.claims = text_box("What they said it would do", 4)
        claims_label = _label("What did they say it would &do for you?", self.claims)
        _add_row(form, claims_label, self.claims)
        # Said under the box being typed in: the check's results are further down the page.
        self.said_found_label = plain_label(SAID_FOUND, role=NOTICE)
        self.said_found_label.hide()
        form.addWidget(self.said_found_label)
        details.addLayout(form)
        details.addSpacing(6)
        self.advert = AdvertChecker(library)
        self.advert.changed.connect(self.mark_edited)
        self.advert.flags_checked.connect(self._tick_found_flags)
        self.advert.said_found.connect(self._said_found)
        self.advert.found.connect(self._show_found)
        details.addWidget(self.advert)

        details.addWidget(plain_label("Warning signs", role=SUBHEADING))
        details.addWidget(plain_label(FLAGS_HELP, role=HINT))
        self.red_flag_checks: dict[str, QCheckBox] = {}
        self._explained: dict[str, str] = {}  # each sign's explanation, its description
        for flag in library.red_flags:
            # The explanation states facts (the FDA's warnings, reported harms): with its sources.
            explained = with_sources(flag.explanation, library, flag.citations)
            item = LabelledCheck(flag.label, explained)
            self._explained[flag.id] = explained
            item.check.toggled.connect(self.mark_edited)
            self.red_flag_checks[flag.id] = item.check
            details.addWidget(item)
        self.advert.ticked = self._is_ticked
        layout.addWidget(self.details)
        layout.addSpacing(8)
        self.vetting_panel = VettingPanel(library)  # folded away: for anyone who wants it
        self.vetting_panel.changed.connect(self.mark_edited)
        layout.addWidget(self.vetting_panel)
        layout.addStretch(1)

        self.yes_radio.toggled.connect(self._answer_changed)
        self.no_radio.toggled.connect(self.mark_edited)
        for edit in (self.treatment, self.clinic, self.country, self.cost):
            edit.textChanged.connect(self.mark_edited)
        self.claims.textChanged.connect(self.mark_edited)
        self.claims.textChanged.connect(self._claims_changed)
        self.cost.textChanged.connect(self._claims_changed)
        self.treatment.textChanged.connect(self._claims_changed)

        outer = self.page_layout
        self.scroll_area = scrolling(content)
        outer.addWidget(self.scroll_area)
        self._answer_changed(False)

    # --- draft ----------------------------------------------------------------------------
    def prepare(self) -> Iterator[None]:
        """Show the draft ahead of time (``ui.preparation``), so entering the page changes
        little and its layout is done already. A long advert is checked first, in steps."""
        offer = self.draft.offer
        yield from self.advert.check_steps(
            offer.advert_text, said(offer.treatment, offer.cost, offer.claims)
        )
        self.initializePage()
        yield

    def read_draft(self) -> None:
        """Show the offer held in the draft."""
        offer = self.draft.offer
        if offer.offered is None:  # not answered yet: neither
            self._answer_group.setExclusive(False)
            self.yes_radio.setChecked(False)
            self.no_radio.setChecked(False)
            self._answer_group.setExclusive(True)
        else:
            (self.yes_radio if offer.offered else self.no_radio).setChecked(True)
        self.treatment.setText(offer.treatment)
        self.clinic.setText(offer.clinic)
        for key, radio in self.location_radios.items():
            if key == offer.location:
                radio.setChecked(True)
        if offer.location is None:
            self._location_group.setExclusive(False)
            for radio in self.location_radios.values():
                radio.setChecked(False)
            self._location_group.setExclusive(True)
        self.country.setText(offer.country)
        self._ask_where()
        self.cost.setText(offer.cost)
        if self.claims.toPlainText() != offer.claims:
            self.claims.setPlainText(offer.claims)
        for flag_id, check in self.red_flag_checks.items():
            check.setChecked(flag_id in offer.red_flags)
        # As prepare() checked it
        self.advert.set_said(said(offer.treatment, offer.cost, offer.claims))
        self.advert.set_text(offer.advert_text)
        self.vetting_panel.set_done(offer.checks_done)
        self._answer_changed(self.yes_radio.isChecked())

    def write_draft(self) -> None:
        """Store the offer and add the questions for any ticked warning signs."""
        location = next((k for k, r in self.location_radios.items() if r.isChecked()), None)
        # Ids this content does not know (a draft from a newer version) are kept.
        # Details are kept even when the answer is No, so changing one's mind loses nothing.
        self.draft.offer = ClinicOffer(
            offered=self._answer(),
            treatment=self.treatment.text().strip(),
            clinic=self.clinic.text().strip(),
            location=location,
            country=self.country.text().strip(),
            cost=self.cost.text().strip(),
            claims=self.claims.toPlainText().strip(),
            red_flags=with_ticks(
                self.draft.offer.red_flags, {f: c.isChecked() for f, c in self.red_flag_checks.items()}
            ),
            advert_text=self.advert.text().strip(),
            checks_done=with_ticks(self.draft.offer.checks_done, self.vetting_panel.ticks()),
        )
        sync_checklist(self.draft, self.library)

    def _answer(self) -> bool | None:
        """Yes (True), No (False), or neither chosen yet (None)."""
        if self.yes_radio.isChecked():
            return True
        return False if self.no_radio.isChecked() else None

    def _is_ticked(self, flag_id: str) -> bool:
        check = self.red_flag_checks.get(flag_id)
        return check is not None and check.isChecked()

    def _claims_changed(self) -> None:
        """The treatment, its cost and what they said are checked with the pasted text
        (``said``)."""
        if not self._reading:
            typed = (self.treatment.text(), self.cost.text(), self.claims.toPlainText())
            self.advert.set_said(said(*typed))
            self.advert.check_soon()

    def _said_found(self, found: bool) -> None:
        """The note under "What did they say…", said aloud by a screen reader as it appears
        (it comes after a pause in typing, with nothing else to show it)."""
        if found and self.said_found_label.isHidden() and self.claims.hasFocus():
            announce(self.claims, SAID_FOUND)
        self.said_found_label.setVisible(found)

    def _show_found(self, found: dict[str, str]) -> None:
        """What the check found for each sign, in its tick box's description too (the list
        of what was found is not a Tab stop; the tick boxes are)."""
        for flag_id, check in self.red_flag_checks.items():
            extra = found.get(flag_id)
            explained = self._explained.get(flag_id, "")
            check.setAccessibleDescription(f"{explained} {extra}" if extra else explained)

    def _tick_found_flags(self, flag_ids: list[str]) -> None:
        """Tick the warning signs the advert check found, and add their questions now."""
        for flag_id in flag_ids:
            check = self.red_flag_checks.get(flag_id)
            if check is not None:
                check.setChecked(True)
        self.write_draft()
        self.mark_edited()

    def _say_abroad(self) -> None:
        offered_abroad = self.yes_radio.isChecked() and self.location_radios["abroad"].isChecked()
        self.vetting_panel.set_abroad(offered_abroad)

    def _answer_changed(self, yes: bool) -> None:
        self.details.setVisible(yes)
        self._say_abroad()
        self.mark_edited()
        if yes and self.isVisible():  # the questions, as many as fit, under the answer
            reveal(self.details, self.yes_radio)  # (with large text they came up below the edge)

    def _location_changed(self, *_args: object) -> None:
        self._ask_where()
        self.mark_edited()

    def _ask_where(self) -> None:
        """Ask for the part of the UK when the clinic is in the UK, else for the country (and
        for a clinic abroad, say first that the checks are for the UK)."""
        self._say_abroad()
        uk = self.location_radios["uk"].isChecked()
        label, name, example = COUNTRY_QUESTIONS["uk" if uk else None]
        if self.country_label.text() != label:
            self.country_label.setText(label)
            self.country.setAccessibleName(name)
            self.country.setPlaceholderText(example)
