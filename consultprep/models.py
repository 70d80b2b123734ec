"""The consultation draft: everything the patient records, as one validated object.

A draft is created by the wizard, handed to every page, saved to one ``.consultprep`` file and
turned into a PDF by ``exports``. It holds only the patient's own words and choices; the medical
content it refers to (concerns, questions, red flags) lives in the content library.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

#: 1: plain JSON; 2: zip container with photos; 3: readiness, BRAN, answers; 4: the offer's
#: answer may be "not answered yet" (None), and the clinic checks done are kept.
SCHEMA_VERSION = 4
MAX_TOP = 3

Score = Annotated[int | None, Field(ge=0, le=10)]


def with_ticks(stored: list[str], ticks: dict[str, bool]) -> list[str]:
    """``stored`` (ids of ticked boxes) after the boxes ``ticks`` (id: ticked) are applied.

    Ids still ticked keep their places, and ids no box knows (a draft from other content) are
    kept; boxes newly ticked follow in the boxes' order. So opening a page and leaving it, which
    writes the page back, gives the same list, and an unchanged draft is not marked changed.
    """
    kept = [i for i in stored if ticks.get(i, True)]
    return kept + [i for i, ticked in ticks.items() if ticked and i not in kept]


class _Model(BaseModel):
    # validate_assignment: the UI writes fields one by one, and a bad value must fail there.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Scores(_Model):
    """Symptom scores, 0 (none) to 10 (worst). None means 'not answered'."""

    itch: Score = None
    pain: Score = None
    daily_life: Score = None
    sleep: Score = None

    def answered(self) -> dict[str, int]:
        """The scores the patient gave, by field name."""
        return {k: v for k, v in self.model_dump().items() if v is not None}


SCORE_LABELS: dict[str, str] = {
    "itch": "Itch",
    "pain": "Pain",
    "daily_life": "Effect on daily life",
    "sleep": "Effect on sleep",
}


class TriedTreatment(_Model):
    """A treatment already tried, and how it went."""

    name: str = ""
    how_it_went: str = ""


class AboutSkin(_Model):
    """What the clinician will want to know. Every field is optional."""

    patient_name: str = ""
    date_of_birth: date | None = None
    # What was typed in the three boxes while it is not a real date yet (kept, not printed).
    date_of_birth_typed: list[str] = Field(default_factory=list, max_length=3)
    helper: str = ""  # who fills it in for the patient, if someone does ("Susan, daughter")
    body_area: str = ""
    duration: str = ""
    symptoms: str = ""
    scores: Scores = Field(default_factory=Scores)
    treatments_tried: list[TriedTreatment] = Field(default_factory=list)
    medicines: str = ""
    allergies: str = ""
    conditions: list[str] = Field(default_factory=list)  # ids from the content library
    # "None of these" ticked: the clinician can tell "no" from "not answered".
    no_conditions: bool = False
    other_conditions: str = ""
    goals: str = ""
    appointment_date: date | None = None
    # As date_of_birth_typed, for the appointment's date.
    appointment_date_typed: list[str] = Field(default_factory=list, max_length=3)
    clinician: str = ""

    @field_validator("date_of_birth_typed", "appointment_date_typed", mode="before")
    @classmethod
    def _three_boxes(cls, value: Any) -> Any:
        """What three boxes held, from a damaged or hand-edited draft: a number as its
        text, anything else as an empty box, and no more than three, so each part stays in
        its own box (a damaged item dropped moved the year into the month: a review)."""
        if not isinstance(value, list):
            return value

        def text(v: Any) -> str:
            if isinstance(v, bool) or not isinstance(v, str | int | float):
                return ""
            if isinstance(v, float):
                return str(int(v)) if v.is_integer() else ""
            return str(v)

        return [text(v) for v in value[:3]]


QuestionSource = Literal["core", "concern", "red_flag", "own", "readiness", "claim", "condition"]


class ChecklistItem(_Model):
    """One question on the patient's checklist.

    The text is stored as well as the id, so a draft keeps its meaning even if the content
    library changes later.
    """

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    source: QuestionSource
    included: bool = True
    top: bool = False
    asked: bool = False  # ticked as asked/answered (in the app or in the filled-in PDF)
    answer: str = ""


Location = Literal["uk", "abroad", "not_sure"]


class ClinicOffer(_Model):
    """A treatment a clinic has offered, and the red flags the patient ticked."""

    offered: bool | None = None  # Yes, No, or not answered yet
    treatment: str = ""
    clinic: str = ""
    location: Location | None = None
    country: str = ""
    cost: str = ""
    claims: str = ""
    red_flags: list[str] = Field(default_factory=list)  # ids from the content library
    advert_text: str = ""  # text of the clinic's advert, email or web page, pasted by the patient
    # The UK checks of a clinic the patient has done (ids from resources/content/vetting.toml)
    checks_done: list[str] = Field(default_factory=list)

    def country_detail(self) -> str:
        """The country as typed, or "" where it only repeats that the clinic is in the UK
        (so that "Where" never reads "In the UK — United Kingdom")."""
        if self.location == "uk" and " ".join(self.country.lower().split()) in _UK_NAMES:
            return ""
        return self.country


_UK_NAMES = frozenset(
    {"uk", "u.k.", "u.k", "united kingdom", "the uk", "the united kingdom", "great britain", "gb"}
)


class Photo(_Model):
    """A photo of the skin for the clinician, stored inside the draft file.

    ``data`` holds the cleaned JPEG (orientation applied, at most 2000 px, no metadata).
    It is kept out of the JSON and stored beside it in the draft container.
    """

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_-]{1,64}$")
    caption: str = ""
    taken_on: date | None = None
    width: int = Field(ge=1)
    height: int = Field(ge=1)
    data: bytes = Field(default=b"", exclude=True, repr=False)


ReadinessAnswer = Literal["yes", "not_yet"]


class ReadinessCheck(_Model):
    """A short decision-readiness check (four areas, after the Ottawa SURE test).

    Each area is "yes", "not_yet" or None (not answered).
    """

    taken_on: date | None = None
    sure: ReadinessAnswer | None = None  # sure of myself
    understand: ReadinessAnswer | None = None  # understand the information
    values_clear: ReadinessAnswer | None = None  # clear about what matters most
    support: ReadinessAnswer | None = None  # enough support and advice


class Readiness(_Model):
    """The readiness check before the appointment and, optionally, after it."""

    before: ReadinessCheck | None = None
    after: ReadinessCheck | None = None


class BranNotes(_Model):
    """Benefits, Risks, Alternatives, doing Nothing: notes on one treatment being weighed."""

    treatment: str = ""
    benefits: str = ""
    risks: str = ""
    alternatives: str = ""
    nothing: str = ""


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


_LINE_ENDS = re.compile("\r\n|[\r\u2028\u2029]")


def as_shown(text: str) -> str:
    """``text`` as a page gives it back after showing it: its line ends made "\\n", no-break
    spaces plain ones, a byte-order mark gone, and no spaces at its start or end."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:  # (a scan is far quicker)
        text = _LINE_ENDS.sub("\n", text)
    return text.replace("\u00a0", " ").replace("\ufeff", "").strip()


def _as_shown(data: Any) -> Any:
    if isinstance(data, str):
        return as_shown(data)
    if isinstance(data, list):
        return [_as_shown(item) for item in data]
    if isinstance(data, dict):
        return {key: _as_shown(value) for key, value in data.items()}
    return data


class Draft(_Model):
    """A patient's consultation draft (one ``.consultprep`` file)."""

    schema_version: int = SCHEMA_VERSION
    created: datetime = Field(default_factory=_now)
    updated: datetime = Field(default_factory=_now)
    concern: str | None = None
    subtype: str | None = None
    about: AboutSkin = Field(default_factory=AboutSkin)
    checklist: list[ChecklistItem] = Field(default_factory=list)
    offer: ClinicOffer = Field(default_factory=ClinicOffer)
    photos: list[Photo] = Field(default_factory=list)
    readiness: Readiness = Field(default_factory=Readiness)
    bran: list[BranNotes] = Field(default_factory=list)
    # Things the patient should be told after opening (e.g. a photo that was missing).
    _load_notes: list[str] = PrivateAttr(default_factory=list)
    # Parts of the draft file ConsultPrep does not use (a newer version's, say): kept as they
    # are, by name, and saved with the draft again.
    _other_parts: dict[str, bytes] = PrivateAttr(default_factory=dict)

    @property
    def load_notes(self) -> list[str]:
        """Plain sentences about anything left out when this draft was opened."""
        return self._load_notes

    @property
    def other_parts(self) -> dict[str, bytes]:
        """Parts of its file this version does not use, by name: saved with it again."""
        return self._other_parts

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v != SCHEMA_VERSION:
            raise ValueError(f"schema version {v} is not {SCHEMA_VERSION}")
        return v

    @model_validator(mode="after")
    def _checklist_rules(self) -> Draft:
        ids = [item.id for item in self.checklist]
        if len(ids) != len(set(ids)):
            raise ValueError("checklist has the same question twice")
        if sum(item.top for item in self.checklist) > MAX_TOP:
            raise ValueError(f"at most {MAX_TOP} questions can be in the top three")
        photo_ids = [p.id for p in self.photos]
        if len(photo_ids) != len(set(photo_ids)):
            raise ValueError("the same photo is in the draft twice")
        return self

    # --- derived views (no state of their own) --------------------------------------------
    def top_questions(self) -> list[ChecklistItem]:
        """The included questions marked top, in checklist order (at most three)."""
        return [i for i in self.checklist if i.included and i.top]

    def ordered_questions(self) -> list[ChecklistItem]:
        """Included questions: the top three first, then the rest in checklist order."""
        rest = [i for i in self.checklist if i.included and not i.top]
        return [*self.top_questions(), *rest]

    def photos_by_date(self) -> list[Photo]:
        """Photos in date order (undated last), keeping the patient's order otherwise."""
        return sorted(self.photos, key=lambda p: (p.taken_on is None, p.taken_on or date.min))

    def touch(self) -> None:
        """Record that the draft changed now."""
        self.updated = _now()

    def snapshot(self) -> str:
        """The draft's content without its time stamps, to tell whether it changed.

        Its words are compared as a text box gives them back (``as_shown``): a draft written
        elsewhere, with Windows line ends, say, is not changed by only being looked at."""
        return json.dumps(_as_shown(self.model_dump(mode="json", exclude={"created", "updated"})))
