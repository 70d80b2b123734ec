"""About your skin: what the specialist will want to know. Every field is optional."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from consultprep.content import Library
from consultprep.labels import join_labels
from consultprep.models import SCORE_LABELS, AboutSkin, Draft, Scores, with_ticks
from ui.announce import announce
from ui.appointment import AppointmentDate
from ui.birth_date import BirthDateInput
from ui.choices import LabelledCheck
from ui.fields import LineBox, line_box, text_box
from ui.focus import apply_layout_order
from ui.inputs import ScoreInput
from ui.long_text import LongTextNote
from ui.pages.base import DraftPage
from ui.tick_grid import TickGrid
from ui.tried_treatments import ROWS_AT_ONCE, TriedTreatmentsEditor
from ui.widgets import (
    HINT,
    NOTICE,
    SUBHEADING,
    ScrollContent,
    plain_label,
    scrolling,
)

#: Above the tick boxes when a box that older versions offered is ticked.
OLD_CONDITIONS_NOTICE = (
    "This draft was saved by an older version of ConsultPrep, which had one box for two or "
    "three things. You will find each old box under the new boxes that replace it. Please "
    "tick the new ones that apply. Then untick the old one."
)
#: Under the label of a box that older versions offered for two or three things at once.
RETIRED_NOTE = (
    "Ticked in an older version of this app. Please tick the new boxes that apply, then "
    "untick this one."
)
SCORE_HELP = (
    "0 = not at all, 10 = the worst it could be. Leave “Not answered” if you would rather not "
    "say."
)


def _label(text: str, buddy: QWidget) -> QLabel:
    """A field label with a mnemonic (our own fixed text) that focuses ``buddy``."""
    label = plain_label(text)
    label.setBuddy(buddy)
    return label


#: Under "You and your skin problem".
FOR_SOMEONE_ELSE = (
    "Filling this in for someone else, such as your child or a parent? Write about them "
    "wherever it says “you” or “my”, and put your own name under “Carer or helper”."
)


class AboutPage(DraftPage):
    """Name, the skin problem, scores, treatments tried, health, hopes and the appointment."""

    def __init__(self, draft: Draft, library: Library) -> None:
        super().__init__(
            draft,
            library,
            "About your skin",
            "Everything here is optional. Write as much or as little as you like.",
        )
        content = ScrollContent()
        self._layout = QVBoxLayout(content)
        self._layout.setSpacing(10)
        #: Each text field's note, which keeps what it does not show of a very long text.
        self._texts: dict[QWidget, LongTextNote] = {}

        # --- you and the problem ----------------------------------------------------------
        form = self._section("You and your skin problem")
        # For someone else: said above the name box (its placeholder goes once a name is
        # typed; a mother filling it in for her son of 15 took every "you" as herself) and as
        # the box's description (Tab passes the hint by). A daughter filling it in for her
        # mother could type her own name: the placeholder says whose (walk-throughs).
        form.addWidget(plain_label(FOR_SOMEONE_ELSE, role=HINT))
        self.patient_name = line_box("Your name", "For someone else? Their name, and yours below")
        self.patient_name.setAccessibleDescription(FOR_SOMEONE_ELSE)
        self.body_area = line_box("Where on your body", "For example: left lower leg")
        self.duration = line_box("How long you have had it", "For example: about 2 years")
        self.symptoms = text_box(
            "Main symptoms", 5, "For example: itchy, sore, bleeds when knocked"
        )
        self._row(form, "&Your name (printed on the PDF)", self.patient_name)
        self.date_of_birth = BirthDateInput()
        self.date_of_birth.changed.connect(self.mark_edited)
        form.addSpacing(6)
        born = _label("Your date of b&irth (printed with your age)", self.date_of_birth.day)
        form.addWidget(born)
        form.addWidget(self.date_of_birth)
        # A carer may fill it in: page 1 then says who did (their words are not the patient's).
        self.helper = line_box("Carer or helper", "For example: Susan Ellis, daughter")
        self._row(form, "&Carer or helper, if someone is filling this in for you", self.helper)
        self._row(form, "&Where on your body is it?", self.body_area)
        self._row(form, "How &long have you had it?", self.duration)
        self._row(form, "Main &symptoms", self.symptoms)

        # --- scores -----------------------------------------------------------------------
        self._layout.addWidget(plain_label("How much does it bother you?", role=SUBHEADING))
        self._layout.addWidget(plain_label(SCORE_HELP, role=HINT))
        self.score_inputs: dict[str, ScoreInput] = {}
        for key, text in SCORE_LABELS.items():
            score = ScoreInput(text)
            title = plain_label(text)
            title.setBuddy(score)
            self._layout.addWidget(title)
            self._layout.addWidget(score)
            score.changed.connect(self.mark_edited)
            self.score_inputs[key] = score

        # --- treatments and health --------------------------------------------------------
        self._layout.addSpacing(6)
        self._layout.addWidget(plain_label("Treatments you have already tried", role=SUBHEADING))
        self.treatments_tried = TriedTreatmentsEditor()
        self.treatments_tried.changed.connect(self.mark_edited)
        self.treatments_tried.rows_made.connect(self._rows_made)
        self._layout.addWidget(self.treatments_tried)

        form = self._section("Your health")
        self.medicines = text_box("Medicines you take now", 3, grow_to=8)  # (all in sight)
        self.allergies = line_box("Allergies", "For example: penicillin, plasters")
        self._row(form, "&Medicines you take now (including creams)", self.medicines)
        self._row(form, "All&ergies", self.allergies)

        conditions_title = plain_label("Do you have any of these?")
        self._layout.addWidget(conditions_title)
        self.old_conditions_notice = plain_label(OLD_CONDITIONS_NOTICE, role=NOTICE)
        self.old_conditions_notice.hide()
        self._layout.addWidget(self.old_conditions_notice)
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(6)
        # Two columns, or one when two would leave a few words a line (large text).
        self.condition_checks: dict[str, QCheckBox] = {}
        self._condition_boxes: dict[str, LabelledCheck] = {}
        old_boxes: set[QWidget] = set()
        for condition in library.conditions:
            item = LabelledCheck(
                condition.label, RETIRED_NOTE if condition.replaced_by else "", content
            )
            item.setVisible(not condition.replaced_by)
            if condition.replaced_by:  # a row of its own, under the boxes that replace it
                old_boxes.add(item)
            item.check.toggled.connect(self.mark_edited)
            self.condition_checks[condition.id] = item.check
            self._condition_boxes[condition.id] = item
        self.conditions_grid = TickGrid(
            content, grid, list(self._condition_boxes.values()), self._condition_items(())
        )
        self.conditions_grid.wide = old_boxes
        self._layout.addLayout(grid)
        # "No" is not the same as "not answered": the PDF lists what was said no to.
        self.no_conditions = QCheckBox("None of &these apply to me")
        self.no_conditions.setAccessibleName("None of these apply to me")
        self.no_conditions.toggled.connect(self._none_ticked)
        self.no_conditions.toggled.connect(self.mark_edited)
        for check in self.condition_checks.values():
            check.toggled.connect(self._condition_ticked)
        self._layout.addWidget(self.no_conditions)
        self.unticked_note = plain_label(role=NOTICE)  # what "None of these" unticked
        self.unticked_note.hide()
        self._layout.addWidget(self.unticked_note)
        if library.conditions:
            conditions_title.setBuddy(self.condition_checks[library.conditions[0].id])
        form = self._form()
        self.other_conditions = line_box("Other health conditions")
        self._row(form, "&Other health conditions", self.other_conditions)

        # --- hopes ------------------------------------------------------------------------
        form = self._section("What matters to you")
        self.goals = text_box(
            "What matters most to you, and what you hope for",
            4,
            "For example: I want it to stop itching at night",
        )
        self._row(form, "What matters most to you, and what do you ho&pe for?", self.goals)

        # --- appointment ------------------------------------------------------------------
        form = self._section("Your appointment")
        self.appointment = AppointmentDate(form, self.mark_edited, lambda: self._reading)
        self.has_appointment = self.appointment.tick
        self.appointment_date = self.appointment.box
        self.clinician = line_box("Name of the specialist you will see")
        self._row(form, "Name of the specialist you will see (if &known)", self.clinician)
        self._layout.addStretch(1)

        for edit in (
            self.patient_name,
            self.helper,
            self.body_area,
            self.duration,
            self.allergies,
            self.other_conditions,
            self.clinician,
        ):
            edit.textChanged.connect(self.mark_edited)
        for box in (self.symptoms, self.medicines, self.goals):
            box.textChanged.connect(self.mark_edited)

        outer = self.page_layout
        self.scroll_area = scrolling(content)
        outer.addWidget(self.scroll_area)

    # --- layout helpers -------------------------------------------------------------------
    def _form(self) -> QVBoxLayout:
        form = QVBoxLayout()
        form.setSpacing(4)
        self._layout.addLayout(form)
        return form

    def _section(self, title: str) -> QVBoxLayout:
        self._layout.addSpacing(6)
        self._layout.addWidget(plain_label(title, role=SUBHEADING))
        return self._form()

    def _row(self, form: QVBoxLayout, text: str, field: QPlainTextEdit | LineBox) -> None:
        """A text field under its label, and the note that says if it shows only part of a
        very long text (hidden until then)."""
        if form.count():
            form.addSpacing(6)
        form.addWidget(_label(text, field))
        form.addWidget(field)
        note = LongTextNote(field)
        note.changed.connect(self.mark_edited)
        form.addWidget(note)
        self._texts[field] = note

    # --- draft ----------------------------------------------------------------------------
    def prepare(self) -> Iterator[None]:
        """Show the draft ahead of time (``ui.preparation``), so entering the page changes
        little and its layout is done already. Many tried treatments are made a few at a
        time first (thousands of rows froze the window for seconds)."""
        yield from self.treatments_tried.set_value_steps(self.draft.about.treatments_tried)
        self.initializePage()
        yield

    def read_draft(self) -> None:
        """Show what the draft holds.

        Of thousands of tried treatments, the first rows are made now and the others just
        after (``TriedTreatmentsEditor.set_value``); a text field shows at most the start of a
        very long text (``ui.long_text``). Nothing is left out of the draft either way.
        """
        about = self.draft.about
        self._show_text(self.patient_name, about.patient_name)
        self._show_text(self.helper, about.helper)
        self.date_of_birth.set_value(about.date_of_birth, about.date_of_birth_typed)
        self._show_text(self.body_area, about.body_area)
        self._show_text(self.duration, about.duration)
        self._show_text(self.symptoms, about.symptoms)
        for key, score in self.score_inputs.items():
            score.set_value(getattr(about.scores, key))
        # (Rows that match are kept.)
        self.treatments_tried.set_value(about.treatments_tried, at_once=ROWS_AT_ONCE)
        self._show_text(self.medicines, about.medicines)
        self._show_text(self.allergies, about.allergies)
        for condition_id, check in self.condition_checks.items():
            check.setChecked(condition_id in about.conditions)
        self.conditions_grid.show_only(self._condition_items(about.conditions))
        self.no_conditions.setChecked(about.no_conditions and not about.conditions)
        self._show_text(self.other_conditions, about.other_conditions)
        self._show_text(self.goals, about.goals)
        self.appointment.set_value(about.appointment_date, about.appointment_date_typed)
        self._show_text(self.clinician, about.clinician)

    def _none_ticked(self, on: bool) -> None:
        """"None of these" unticks every condition (as they untick it), and says which it
        unticked: they may be out of sight, above."""
        if not on:
            self.unticked_note.hide()
            return
        ticked = [c for c in self.library.conditions if self.condition_checks[c.id].isChecked()]
        for check in self.condition_checks.values():
            check.setChecked(False)
        self.conditions_grid.show_only(self._condition_items(()))  # (old boxes go too)
        if ticked and not self._reading:
            said = f"Unticked: {join_labels([c.label for c in ticked])}. Tick again any that apply."
            self.unticked_note.setText(said)
            self.unticked_note.show()
            announce(self.unticked_note, said)

    def _condition_ticked(self, on: bool) -> None:
        if on:
            self.no_conditions.setChecked(False)

    def note_of(self, field: QWidget) -> LongTextNote:
        """The note under a text field, which keeps what it does not show of a very long
        text (``ui.long_text``)."""
        return self._texts[field]

    def _show_text(self, field: QWidget, text: str) -> None:
        """Show ``text`` in ``field`` (unless it shows it already: a long text is not laid out
        again)."""
        note = self.note_of(field)
        if note.text() != text:
            note.set_text(text)

    def _text(self, field: QWidget) -> str:
        """The text of ``field``, with any part of a very long text it does not show."""
        return self.note_of(field).text().strip()

    def _rows_made(self) -> None:
        """Tried treatments' rows were made after the page was shown: Tab goes through them
        in order (Qt put them after every other control). A page not shown has its tab order
        set when it is entered (``ui.focus``)."""
        if self.isVisible():
            apply_layout_order(self)

    def _condition_items(self, ticked: Iterable[str]) -> list[LabelledCheck]:
        """The tick boxes to show: every current one, and an older one only if it is ticked,
        just after the last of the boxes that replace it."""
        ticked = set(ticked)
        conditions = self.library.conditions
        old = [c for c in conditions if c.replaced_by and c.id in ticked]
        shown: list[LabelledCheck] = []
        for condition in conditions:
            if condition.replaced_by:
                continue
            shown.append(self._condition_boxes[condition.id])
            shown += [self._condition_boxes[c.id] for c in old if c.replaced_by[-1] == condition.id]
        shown += [
            self._condition_boxes[c.id] for c in old if self._condition_boxes[c.id] not in shown
        ]
        self.old_conditions_notice.setVisible(bool(old))
        # The notice is not a Tab stop: the first box carries it for a screen reader.
        for n, item in enumerate(shown):
            if not item.explanation_label:  # (an old box keeps its own note)
                item.check.setAccessibleDescription(OLD_CONDITIONS_NOTICE if old and not n else "")
        return shown

    def add_typed(self, *, leaving: bool = False) -> None:
        """The page is left, or the draft saved, closed or made into a PDF: a date of birth
        not put right (kept as typed) is said now, not at each autosave while typing; so is
        an appointment's date."""
        self.date_of_birth.show_problem()
        self.appointment.show_problem()

    def write_draft(self) -> None:
        """Store every field in the draft."""
        # Ids this library does not know (a draft from other content) are kept.
        ticks = {c: box.isChecked() for c, box in self.condition_checks.items()}
        self.draft.about = AboutSkin(
            patient_name=self._text(self.patient_name),
            helper=self._text(self.helper),
            date_of_birth=self.date_of_birth.value(),
            date_of_birth_typed=self.date_of_birth.typed(),
            body_area=self._text(self.body_area),
            duration=self._text(self.duration),
            symptoms=self._text(self.symptoms),
            scores=Scores(**{k: s.value() for k, s in self.score_inputs.items()}),
            treatments_tried=self.treatments_tried.value(),
            medicines=self._text(self.medicines),
            allergies=self._text(self.allergies),
            conditions=with_ticks(self.draft.about.conditions, ticks),
            no_conditions=self.no_conditions.isChecked(),
            other_conditions=self._text(self.other_conditions),
            goals=self._text(self.goals),
            appointment_date=self.appointment.value(),
            appointment_date_typed=self.appointment.typed(),
            clinician=self._text(self.clinician),
        )
