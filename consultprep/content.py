"""The content library: concerns, treatments, evidence levels, questions, red flags, references.

Content is data. It lives in ``resources/content/*.toml`` and is validated here with pydantic
when it is loaded, so a typo in a TOML file fails loudly with the file and the key.

Files
-----
``library.toml``
    ``[meta]``, ``[[levels]]``, ``[warning_marker]``, ``[[core_questions]]``,
    ``[[offer_questions]]``, ``[[red_flags]]``, ``[[references]]``, ``[[conditions]]``,
    ``[[condition_questions]]``, ``[[general_facts]]``.
``concern-*.toml``: one concern each (``id``, ``name``, subtypes, treatments, questions).
"""

from __future__ import annotations

import tomllib
from datetime import date
from enum import IntEnum
from functools import lru_cache
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from resources import folder


class EvidenceLevel(IntEnum):
    """The one evidence ladder used everywhere, lowest to highest."""

    LAB_ONLY = 1
    EARLY_HUMAN = 2
    LOW_CERTAINTY_REVIEWS = 3
    STANDARD_CARE = 4


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


NonEmpty = Field(min_length=1)


class Meta(_Strict):
    """Version information for the whole content library."""

    content_version: str = NonEmpty
    reviewed_on: date
    review_by: date
    disclaimer: str = NonEmpty
    privacy: str = NonEmpty


class LevelInfo(_Strict):
    """Plain-language definition of one rung of the evidence ladder."""

    level: EvidenceLevel
    short: str = NonEmpty  # e.g. "Lab and animal studies only"
    meaning: str = NonEmpty  # one or two sentences


class WarningMarker(_Strict):
    """Definition of the separate 'not approved / warnings issued' marker."""

    short: str = NonEmpty
    meaning: str = NonEmpty


class Reference(_Strict):
    """One entry in the references list."""

    id: str = NonEmpty
    citation: str = NonEmpty  # full citation: authors, year, title, journal/publisher
    link: str = NonEmpty  # DOI, PMID or URL (consultprep.links.web_address: where it leads)


class Question(_Strict):
    """A question the patient may ask, with a one-line reason.

    ``citations`` back the reason when it states a fact from research or a regulator.
    ``covers`` names questions this one already asks: they are not added beside it.
    ``for_subtypes`` (a concern's questions only): the kinds of the concern it is asked for;
    empty, every kind. ``for_clinic``: asked of a clinic that made an offer, not the specialist.
    """

    id: str = NonEmpty
    text: str = NonEmpty
    why: str = NonEmpty
    citations: list[str] = Field(default_factory=list)
    covers: list[str] = Field(default_factory=list)
    for_subtypes: list[str] = Field(default_factory=list)
    for_clinic: bool = False

    def asked_for(self, subtype_id: str | None) -> bool:
        """True if this question is asked for that kind (None: no kind chosen, all are)."""
        return not self.for_subtypes or subtype_id is None or subtype_id in self.for_subtypes


class RedFlag(_Strict):
    """A warning sign in a clinic's offer."""

    id: str = NonEmpty
    label: str = NonEmpty  # short label for a tick box
    explanation: str = NonEmpty  # one line: why this is a worry
    question_ids: list[str] = Field(min_length=1)  # questions that join the checklist
    citations: list[str] = Field(default_factory=list)
    abroad: bool = False  #: its questions are asked for any offer abroad, ticked or not


class Condition(_Strict):
    """A health condition the clinician will want to know about (tick box)."""

    id: str = NonEmpty
    label: str = NonEmpty
    # A box older versions offered, now split into these: shown only in drafts that tick it.
    replaced_by: list[str] = Field(default_factory=list)
    question_ids: list[str] = Field(default_factory=list)  # questions that join when ticked
    short: str = ""  # a few words, no commas (page 1's "None of these (asked about: …)")


TreatmentKind = Literal["regenerative", "established", "waiting"]


class Treatment(_Strict):
    """A treatment the patient may meet, with its place on the evidence ladder.

    ``level`` is required for regenerative and established treatments. "Waiting / doing
    nothing" is the comparison point rather than a treatment, so its level may be left out;
    its summary says what is known about waiting.
    """

    id: str = NonEmpty
    name: str = NonEmpty
    kind: TreatmentKind
    level: EvidenceLevel | None = None
    warning: bool = False  # regulator warnings issued / not approved
    warning_note: str = ""
    summary: str = NonEmpty  # two to four plain sentences
    uncertain: str = NonEmpty  # what we don't know yet
    citations: list[str] = Field(min_length=1)  # back the summary
    #: Back the warning note (the regulator's alert or statement); required with a warning.
    warning_citations: list[str] = Field(default_factory=list)
    #: Back "what we don't know yet" where it names other research (else it is about the
    #: studies cited for the summary, and carries no citation of its own).
    uncertain_citations: list[str] = Field(default_factory=list)
    #: The kinds of the concern (subtype ids) this treatment is for; empty: every kind.
    for_subtypes: list[str] = Field(default_factory=list)
    #: When to get help (for waiting on a wound): a lead line such as "Get help at once if:",
    #: the signs as a list under it, and their sources.
    get_help: str = ""
    get_help_signs: list[str] = Field(default_factory=list)
    get_help_citations: list[str] = Field(default_factory=list)

    @property
    def all_citations(self) -> list[str]:
        """Everything cited for this treatment, once each, in order."""
        return list(
            dict.fromkeys(
                [
                    *self.warning_citations,
                    *self.citations,
                    *self.get_help_citations,
                    *self.uncertain_citations,
                ]
            )
        )

    @model_validator(mode="after")
    def _level_rules(self) -> Treatment:
        if self.kind != "waiting" and self.level is None:
            raise ValueError(f"treatment {self.id!r} needs a level")
        if self.warning and not self.warning_note:
            raise ValueError(f"treatment {self.id!r} has warning=true but no warning_note")
        if self.warning and not self.warning_citations:
            raise ValueError(f"treatment {self.id!r} has a warning but no warning_citations")
        if bool(self.get_help) != bool(self.get_help_signs) or (
            self.get_help and not self.get_help_citations
        ):
            raise ValueError(f"treatment {self.id!r}: get_help needs its signs and sources")
        return self


class Subtype(_Strict):
    """A kind of the concern, e.g. keloid scar."""

    id: str = NonEmpty
    name: str = NonEmpty
    description: str = NonEmpty
    #: What to know first, said in a box on the evidence page and in the PDF, with its sources:
    #: the research is about another kind of wound, say, or a changed spot is to be checked.
    evidence_note: str = ""
    evidence_note_citations: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _note_is_cited(self) -> Subtype:
        if bool(self.evidence_note) != bool(self.evidence_note_citations):
            raise ValueError(f"subtype {self.id!r}: an evidence_note needs its citations")
        return self


class Concern(_Strict):
    """One of the four skin concerns."""

    id: str = NonEmpty
    name: str = NonEmpty
    description: str = NonEmpty  # what it is, short
    noun: str = NonEmpty  # one of them, in a sentence: "a different kind of {noun}"
    normal_repair: str = NonEmpty  # how skin normally repairs and what goes wrong
    subtypes: list[Subtype] = Field(min_length=1)
    treatments: list[Treatment] = Field(min_length=1)
    questions: list[Question] = Field(min_length=6)
    citations: list[str] = Field(default_factory=list)
    _narrowed: dict[str, Concern] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _treatments_for_each_kind(self) -> Concern:
        ids = [s.id for s in self.subtypes]
        problems = [
            f"{what} {x.id}: unknown subtype {s!r}"
            for what, items in (("treatment", self.treatments), ("question", self.questions))
            for x in items
            for s in x.for_subtypes
            if s not in ids
        ]
        everywhere = {t.kind for t in self.treatments}
        for subtype_id in ids:
            left = {t.kind for t in self._kept(subtype_id)}
            problems += [
                f"subtype {subtype_id}: no {kind} treatment is shown for it"
                for kind in sorted(everywhere - left)
            ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def subtype(self, subtype_id: str | None) -> Subtype | None:
        """Return the subtype with this id, or None."""
        return next((s for s in self.subtypes if s.id == subtype_id), None)

    def _kept(self, subtype_id: str | None) -> list[Treatment]:
        if not any(subtype_id in t.for_subtypes for t in self.treatments):
            return list(self.treatments)  # no kind chosen, or nothing is meant for this one
        return [t for t in self.treatments if not t.for_subtypes or subtype_id in t.for_subtypes]

    def for_subtype(self, subtype_id: str | None) -> Concern:
        """This concern as shown for one kind of it (a subtype id, or None for no kind yet).

        Treatments meant only for other kinds are left out (compression for venous leg
        ulcers, for a diabetic foot ulcer). A kind that no treatment is meant for sees them
        all, each named for what it is for; so does a patient who has not chosen a kind.
        Returns this concern itself when nothing is left out.
        """
        kept = self._kept(subtype_id)
        if len(kept) == len(self.treatments) or subtype_id is None:
            return self
        narrowed = self._narrowed.get(subtype_id)
        if narrowed is None:
            narrowed = self.model_copy(update={"treatments": kept})
            self._narrowed[subtype_id] = narrowed
        return narrowed

    def treatments_of(self, kind: TreatmentKind) -> list[Treatment]:
        """Treatments of one kind, highest rung first (as on the ladder), then file order."""
        return sorted((t for t in self.treatments if t.kind == kind), key=lambda t: -(t.level or 0))


class GeneralFact(_Strict):
    """A cited fact that applies to every concern (shown on the evidence page)."""

    id: str = NonEmpty
    text: str = NonEmpty
    citations: list[str] = Field(min_length=1)


class Library(_Strict):
    """Everything the app tells the patient, validated."""

    meta: Meta
    levels: list[LevelInfo] = Field(min_length=4, max_length=4)
    warning_marker: WarningMarker
    core_questions: list[Question] = Field(min_length=1)
    offer_questions: list[Question] = Field(default_factory=list)  # asked when red flags apply
    condition_questions: list[Question] = Field(default_factory=list)  # ... a box is ticked
    red_flags: list[RedFlag] = Field(min_length=1)
    references: list[Reference] = Field(min_length=1)
    conditions: list[Condition] = Field(min_length=1)
    concerns: list[Concern] = Field(min_length=4, max_length=4)
    general_facts: list[GeneralFact] = Field(default_factory=list)

    @field_validator("levels")
    @classmethod
    def _levels_complete(cls, levels: list[LevelInfo]) -> list[LevelInfo]:
        if sorted(x.level for x in levels) != list(EvidenceLevel):
            raise ValueError("levels must define each of 1, 2, 3 and 4 once")
        return sorted(levels, key=lambda x: x.level)

    @model_validator(mode="after")
    def _cross_references(self) -> Library:
        from consultprep.content_links import link_problems

        problems = link_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # --- look-ups -------------------------------------------------------------------------
    def concern(self, concern_id: str | None) -> Concern | None:
        """Return the concern with this id, or None."""
        return next((c for c in self.concerns if c.id == concern_id), None)

    def shown_concern(self, concern_id: str | None, subtype_id: str | None) -> Concern | None:
        """The concern with this id as shown for one kind of it (``Concern.for_subtype``)."""
        concern = self.concern(concern_id)
        return concern.for_subtype(subtype_id) if concern is not None else None

    def reference(self, ref_id: str) -> Reference:
        """Return the reference with this id (ids are checked at load)."""
        return next(r for r in self.references if r.id == ref_id)

    def level_info(self, level: EvidenceLevel) -> LevelInfo:
        """Return the plain definition of one ladder rung."""
        return next(x for x in self.levels if x.level == level)

    def red_flag(self, flag_id: str) -> RedFlag | None:
        """Return the red flag with this id, or None."""
        return next((f for f in self.red_flags if f.id == flag_id), None)

    def all_questions(self) -> list[Question]:
        """Core, offer and health-condition questions, then every concern's specific ones."""
        return [
            *self.core_questions,
            *self.offer_questions,
            *self.condition_questions,
            *(q for c in self.concerns for q in c.questions),
        ]

    def question(self, question_id: str) -> Question | None:
        """Return any library question by id, or None."""
        return next((q for q in self.all_questions() if q.id == question_id), None)

    def citations_for(self, concern: Concern, subtype_id: str | None = None) -> list[Reference]:
        """References cited by a concern (and the note for the patient's kind of it, if
        ``subtype_id`` is given) and its treatments, in first-cited order."""
        kind = concern.subtype(subtype_id)
        noted = kind.evidence_note_citations if kind is not None else []
        cites = [*concern.citations, *noted]
        cites += [c for t in concern.treatments for c in t.all_citations]
        return [self.reference(r) for r in dict.fromkeys(cites)]


class ContentError(Exception):
    """The bundled content is broken: message names the file and the problem."""


def _read_toml(name: str) -> dict:
    path = folder("content", name)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ContentError(f"content file {name}: {exc}") from exc


CONCERN_FILES = (
    "concern-scars.toml",
    "concern-chronic-wound.toml",
    "concern-inflammatory.toml",
    "concern-ageing.toml",
)


@lru_cache(maxsize=1)
def load_library() -> Library:
    """Load and validate the bundled content library (cached).

    Raises
    ------
    ContentError
        If a file is missing, not valid TOML, or fails validation.
    """
    data = _read_toml("library.toml")
    concerns = []
    for name in CONCERN_FILES:
        raw = _read_toml(name)
        try:
            concerns.append(Concern.model_validate(raw))
        except ValidationError as exc:
            raise ContentError(f"content file {name}: {exc}") from exc
    data["concerns"] = concerns
    try:
        return Library.model_validate(data)
    except ValidationError as exc:
        raise ContentError(f"content file library.toml: {exc}") from exc
