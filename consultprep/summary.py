"""The draft in a few plain (heading, text) pairs: the summary on the last page, "Check and
save", before the PDF is made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from consultprep.content import Library
from consultprep.dates import birth_text, long_date
from consultprep.labels import health_conditions, join_labels, one_line, shorten, top_heading
from consultprep.models import SCORE_LABELS, Draft, TriedTreatment
from consultprep.readiness import deciding_lines
from consultprep.vetting import load_vetting

LOCATION_WORDS = {"uk": "in the UK", "abroad": "abroad", "not_sure": "not sure where"}
#: Said under a part of the summary where a long answer was shortened.
SHORTENED = "(A “…” means the answer is shortened here. The PDF has it in full.)"

#: Said when no question is in the top three (they come first on page 1 of the pack, which
#: otherwise says only that none were chosen).
NO_TOP = (
    "No top three chosen yet. To put the questions that matter most first in your pack, go "
    "back to “Your questions” (step 6) and press “☆ Top 3” beside them."
)


class _Shortener:
    """``shorten``, remembering whether it cut anything since it was last asked."""

    def __init__(self) -> None:
        self.cut = False

    def __call__(self, text: str, limit: int = 200) -> str:
        short = shorten(text, limit)
        self.cut = self.cut or short != text
        return short

    def note(self) -> list[str]:
        """``[SHORTENED]`` if something was cut since the last call, else ``[]``."""
        cut, self.cut = self.cut, False
        return [SHORTENED] if cut else []


def summary_lines(draft: Draft, library: Library) -> list[tuple[str, str]]:
    """The draft in a few plain (heading, text) pairs, for the review page."""
    out: list[tuple[str, str]] = []
    concern = library.concern(draft.concern)
    if concern is None:
        out.append(("Skin problem", "Not chosen yet."))
    else:
        subtype = concern.subtype(draft.subtype)
        out.append(("Skin problem", concern.name + (f" — {subtype.name}" if subtype else "")))

    a = draft.about
    short = _Shortener()
    facts = []
    if a.patient_name:
        facts.append(f"Name: {short(a.patient_name)}")
    if a.date_of_birth:
        born = birth_text(a.date_of_birth, a.appointment_date, date.today(), say=True)
        facts.append(f"Date of birth: {born}")
    else:
        facts += _not_read("Date of birth", a.date_of_birth_typed, short)
    if a.helper:
        facts.append(f"Carer or helper: {short(a.helper)}")
    if a.body_area:
        facts.append(f"Where: {short(a.body_area)}")
    if a.duration:
        facts.append(f"How long: {short(a.duration)}")
    if a.symptoms:
        facts.append(f"Symptoms: {short(a.symptoms)}")
    scores = a.scores.answered()
    if scores:
        facts.append("Scores: " + ", ".join(f"{SCORE_LABELS[k]} {v}/10" for k, v in scores.items()))
    facts += [  # one line each; "Tried" once, so the name is not repeated down the column
        f"{'Also tried' if n else 'Tried'}: {_tried(t, short)}"
        for n, t in enumerate(a.treatments_tried)
    ]
    if a.medicines:
        facts.append(f"Medicines: {short(one_line(a.medicines))}")
    if a.allergies:
        facts.append(f"Allergies: {short(one_line(a.allergies))}")
    conditions = health_conditions(library, a)
    if conditions:
        facts.append(f"Health conditions: {conditions}")
    if a.other_conditions:  # on its own line, as in the PDF
        facts.append(f"Other health conditions: {short(one_line(a.other_conditions))}")
    if a.goals:
        facts.append(f"What matters most to you: {short(a.goals)}")
    if a.appointment_date:
        when = long_date(a.appointment_date)
        facts.append(f"Appointment: {when}" + (f", with {short(a.clinician)}" if a.clinician else ""))
    else:
        facts += _not_read("Appointment", a.appointment_date_typed, short)
        if a.clinician:
            facts.append(f"Specialist: {short(a.clinician)}")
    facts += short.note()
    out.append(("About your skin", "\n".join(facts) or "Nothing filled in (that is fine)."))
    if draft.photos:
        n = len(draft.photos)
        out.append(("Photos", f"{n} photo{'' if n == 1 else 's'}, printed in the PDF."))

    o = draft.offer
    vetting = load_vetting()
    done = vetting.done(o.checks_done)
    checks = ""
    if done:
        titles = "; ".join(c.title for c in done)
        checks = f"\nClinic checks done: {len(done)} of {len(vetting.checks)} ({titles})"
    if not o.offered:  # the checks may be done before any offer, so they are said here too
        out.append(("Offer from a clinic", "None noted." + checks))
    else:
        # The patient's own words are given as fields, not woven into a sentence.
        line = f"Treatment: {short(o.treatment) or 'not named'}"
        if o.clinic:
            line += f"\nClinic: {short(o.clinic)}"
        place = LOCATION_WORDS.get(o.location or "", "")
        country = short(o.country_detail())
        if country:
            place = f"{place} ({country})" if place else country
        if place:
            line += f"\nWhere: {place[0].upper() + place[1:]}"
        if o.cost:
            line += f"\nCost: {short(o.cost)}"
        if o.claims:
            line += f"\nWhat they said: {short(o.claims)}"
        flags = [library.red_flag(f) for f in o.red_flags]
        names = [f.label for f in flags if f is not None]
        line += "\nWarning signs ticked: " + (join_labels(names) if names else "none")
        line += checks
        line += "".join(f"\n{note}" for note in short.note())
        out.append(("Offer from a clinic", line))

    included = [i for i in draft.checklist if i.included]
    own = [i for i in included if i.source == "own"]
    text = f"{len(included)} questions to ask"
    if own:
        text += f", including {len(own)} of your own"
    top = draft.top_questions()
    if top:
        text += f".\n{top_heading(len(top), 'Your').removesuffix(' questions')}:\n"
        text += "\n".join(f"{n}.  {short(i.text, 300)}" for n, i in enumerate(top, 1))
        text += "".join(f"\n{note}" for note in short.note())
    else:
        text += f". {NO_TOP}"
    out.append(("Your questions", text))
    noted = _noted(draft, short)
    if noted:
        out.append(("Answers you noted", noted))
    deciding = deciding_lines(draft)
    if deciding:
        out.append(("Ready to decide?", "\n".join(deciding)))
    return out


#: How many answered questions the review page lists (the PDF prints them all).
NOTED_MOST = 20


def _noted(draft: Draft, short: _Shortener) -> str:
    """The questions ticked as asked and the answers written down (in the app, or in the
    filled-in PDF and imported), so they can be seen before the next PDF is made ("" if
    none). Each answer starts with its question in quotes (never read as a "Name: value")."""
    asked_for = [i for i in draft.checklist if i.included]  # (what the PDF prints)
    answered = [i for i in asked_for if i.answer.strip()]
    asked = sum(i.asked for i in asked_for)
    lines = [f"{asked} question{'' if asked == 1 else 's'} ticked as asked."] if asked else []
    lines += [
        f"“{short(i.text, 120)}” — {short(one_line(i.answer, sentences=True), 300)}"
        for i in answered[:NOTED_MOST]
    ]
    if len(answered) > NOTED_MOST:
        lines.append(f"And {len(answered) - NOTED_MOST} more answers, all printed in the PDF.")
    return "\n".join(lines + short.note())


def _tried(t: TriedTreatment, short: Callable[[str, int], str] = shorten) -> str:
    """ "Silicone gel sheets — it helped a little": a tried treatment and how it went (in the
    patient's own words, which may start with a capital)."""
    name = short(t.name) if t.name else "(no name)"
    how = " ".join(t.how_it_went.split())  # its lines run on: one line here
    return f"{name} — {short(how, 200)}" if how else name


def _not_read(label: str, parts: list[str], short: Callable[[str, int], str]) -> list[str]:
    """A date typed in three boxes that is not a date yet, as typed (it is not printed). Not
    "not a whole date": "31 Febuary 2027" is whole, and still not read (a wording review)."""
    if not any(part.strip() for part in parts):
        return []
    typed = short(" ".join(" ".join(parts).split()), 40)
    return [f"{label}: “{typed}” is not a date ConsultPrep can read yet, so it is not printed."]
