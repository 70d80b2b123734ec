"""Where a problem in a draft file is, in the words of the app's pages (for the one-sentence
message when a draft cannot be opened, ``consultprep.storage.load_draft``)."""

from __future__ import annotations

from typing import Any

#: The file's field names, as the app's pages call them.
_PLACES = {
    "about": "About your skin",
    "offer": "the clinic's offer",
    "checklist": "your questions",
    "photos": "photos",
    "readiness": "Ready to decide?",
    "bran": "Ready to decide?",
    "created": "the date it was made",
    "updated": "the date it was last changed",
    "schema_version": "its version number",
    "concern": "the skin concern",
    "subtype": "the kind of skin concern",
}


#: Names inside those parts, as the pages word them (others: the name with spaces).
_WORDS = {
    "scores": "how much it bothers you",
    "daily_life": "effect on daily life",
    "sleep": "effect on sleep",
    "treatments_tried": "treatments you have tried",
    "taken_on": "date taken",
    "red_flags": "warning signs",
    "advert_text": "advert",
    "checks_done": "the clinic checks you have done",
    "conditions": "health conditions",
    "other_conditions": "other health conditions",
    "patient_name": "your name",
    "date_of_birth": "your date of birth",
    "date_of_birth_typed": "your date of birth",
    "appointment_date_typed": "the date of your appointment",
    "helper": "who is helping you fill this in",
    "no_conditions": "the box “None of these”",
    "body_area": "where on your body",
    "duration": "how long you have had it",
    "how_it_went": "how it went",
    "offered": "whether a clinic offered you a treatment",
    "location": "where the clinic is",
    "claims": "what they said it would do",
    "top": "top three",
    "included": "the tick to ask it",
}


def readable_place(loc: tuple[Any, ...]) -> str:
    """("about", "scores", "itch") -> "in About your skin: how much it bothers you (itch)";
    ("checklist", 0) -> "in your questions: item 1" (counted from 1)."""
    if not loc:
        return ""
    first, rest = str(loc[0]), loc[1:]
    words = [
        f"item {p + 1}" if isinstance(p, int) else _WORDS.get(str(p), str(p).replace("_", " "))
        for p in rest
    ]
    place = _PLACES.get(first, first.replace("_", " "))
    if not words:
        return f"in {place}"
    detail = words[0] + (f" ({', '.join(words[1:])})" if len(words) > 1 else "")
    return f"in {place}: {detail}"
