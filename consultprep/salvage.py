"""Opening a draft that has a few bad values in it, rather than refusing the whole draft.

A hand-edited draft, or one a disk or another program damaged, may hold a score of 11, a date
that cannot be, a list where a word should be, or a name ConsultPrep does not know. One such
value used to make the whole draft unopenable. Here each bad value is left out instead (its
field then takes its usual empty value), or, where it sits in a list, the one list item that
holds it; and the patient is told, in plain words, where. Everything else is kept.

A question with readable words but a damaged name or kind is kept as one of the patient's own
questions, with its tick, top-three place and answer, rather than left out.

What cannot be mended this way is refused as before: a bad version number, or a rule about the
whole draft (such as the same question twice) that ``mend`` could not put right.
Before that, ``mend`` puts right what a hand-edited or older draft often breaks: a question
or photo held twice (kept once, the first good copy), more than three top questions.
The file itself is not changed until the patient saves it. Pure: no Qt, no file access.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from itertools import count
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from consultprep.draft_places import readable_place
from consultprep.models import MAX_TOP, ChecklistItem, Draft, Photo
from consultprep.photos import jpeg_size

#: Validation rounds before giving up (a left-out item may reveal one more level of problem).
MAX_ROUNDS = 6
#: Places named one by one in the note; beyond this, the note gives a count.
MAX_NAMED = 4

Loc = tuple[Any, ...]

#: The last note after anything was left out (the command line looks for it before saving).
UNCHANGED_NOTE = (
    "Your draft file is not changed until you save it. Once saved, it no longer holds what "
    "was left out."
)


def validate_salvaging(data: dict[str, Any]) -> tuple[Draft, list[str]]:
    """The draft in ``data``, with any bad values left out, and plain notes saying where.

    Raises the first ``ValidationError`` if the draft cannot be mended this way. ``data`` is
    not changed.
    """
    try:
        return Draft.model_validate(data), []
    except ValidationError as exc:
        first_error = exc
        errors = exc.errors()
    data = copy.deepcopy(data)
    left_out: list[Loc] = []
    unknown: list[Loc] = []
    kept_as_own = 0
    for _ in range(MAX_ROUNDS):
        fixes = _plan(data, errors)
        if fixes is None:
            break
        free_ids = _free_own_ids(data)
        for kind, loc in fixes:
            if kind == "own":
                item = _at(data, loc)
                item["id"], item["source"] = next(free_ids), "own"
                kept_as_own += 1
            else:
                _remove(data, loc)
                (unknown if kind == "unknown" else left_out).append(loc)
        try:
            draft = Draft.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors()
            continue
        return draft, _notes(left_out, unknown, kept_as_own)
    raise first_error


def mend(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Put right what a hand-edited or older draft may break, rather than refuse it (pure).

    Returns the mended data and a plain note for each change: only the first three top
    questions stay top (more is not allowed); a question or photo held twice is kept once.
    Items that are not even objects are left for ``salvage`` to leave out, with its note.
    """
    data = dict(data)
    notes: list[str] = []
    checklist = data.get("checklist")
    if isinstance(checklist, list):
        kept = _first_of_each(checklist, ChecklistItem)
        kept = [dict(item) if isinstance(item, dict) else item for item in kept]
        if len(kept) < len(checklist):
            both = _merge_copies(kept, checklist)
            notes.append(
                "A question was in the draft twice; it is kept once"
                + (", with the answer from each copy." if both else ".")
            )
        tops = [item for item in kept if isinstance(item, dict) and _true(item.get("top"))]
        for item in tops[MAX_TOP:]:
            item["top"] = False
        if len(tops) > MAX_TOP:
            notes.append(
                f"{len(tops)} questions were marked as top three; the first {MAX_TOP} still "
                "are. The others are still on your list."
            )
        data["checklist"] = kept
    photos = data.get("photos")
    if isinstance(photos, list):
        unique = _first_of_each(photos, Photo)
        if len(unique) < len(photos):
            notes.append("A photo was in the draft twice; it is kept once.")
            data["photos"] = unique
    return data, notes


def mend_photo_sizes(data: dict[str, Any], photo_data: Callable[[str], bytes | None]) -> list[str]:
    """Give each photo whose width or height is damaged (missing, not a number, 0) the size
    of its own JPEG, where that can be read; returns a plain note if any was mended."""
    photos = data.get("photos")
    if not isinstance(photos, list):
        return []
    mended = 0
    for n, item in enumerate(photos):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        try:
            Photo.model_validate(item)
            continue
        except ValidationError as exc:
            if not any(e["loc"][:1] in (("width",), ("height",)) for e in exc.errors()):
                continue
        size = jpeg_size(photo_data(item["id"]) or b"")
        if size is not None:
            photos[n] = {**item, "width": size[0], "height": size[1]}
            mended += 1
    if not mended:
        return []
    note = (
        "1 photo had a damaged size in the draft; the size was read from the photo itself, "
        "so the photo is kept."
        if mended == 1
        else f"{mended} photos had a damaged size in the draft; the sizes were read from the "
        "photos themselves, so the photos are kept."
    )
    return [note]


def _first_of_each(items: list[Any], model: type[BaseModel]) -> list[Any]:
    """One item for each "id", where the first one held it; of items with the same id, the
    first that is a valid ``model`` is kept (a damaged copy does not push out a good one).
    Only a proper id (a word) counts: items without one, or not even objects, all stay, for
    ``validate_salvaging`` to keep as the patient's own or to leave out, with its note."""
    kept: list[Any] = []
    place: dict[str, int] = {}
    for item in items:
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str) or not item_id:
            kept.append(item)
        elif item_id not in place:
            place[item_id] = len(kept)
            kept.append(item)
        elif not _valid(model, kept[place[item_id]]) and _valid(model, item):
            kept[place[item_id]] = item
    return kept


def _merge_copies(kept: list[Any], items: list[Any]) -> bool:
    """Into each kept question, take what other good copies of it hold: their answers (each
    different one, after a blank line) and their ticks (asked, top three, on the list).
    Returns True if an answer was taken in (nothing typed is lost)."""
    by_id = {item["id"]: item for item in kept if isinstance(item, dict) and "id" in item}
    took_answer = False
    for item in items:
        if not isinstance(item, dict) or not _valid(ChecklistItem, item):
            continue
        into = by_id.get(item["id"])
        if into is None or into is item or not _valid(ChecklistItem, into):
            continue
        answer, more = str(into.get("answer") or ""), str(item.get("answer") or "").strip()
        if more and more not in answer:
            into["answer"] = f"{answer.rstrip()}\n\n{more}" if answer.strip() else more
            took_answer = True
        for tick in ("asked", "top", "included"):
            if item.get(tick) is True:
                into[tick] = True
    return took_answer


def _valid(model: type[BaseModel], data: Any) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


def _plan(data: dict[str, Any], errors: list[Any]) -> list[tuple[str, Loc]] | None:
    """What to do about each error: ("own" | "unknown" | "drop", where). None: cannot mend.

    Removals come last and deepest first, and list items from the end backwards, so that one
    removal never moves the place of another.
    """
    fixes: dict[Loc, str] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if not loc or loc[0] == "schema_version":
            return None
        found = _existing_prefix(data, loc)
        if _is_question_to_keep(data, loc):
            fixes[loc[:2]] = "own"
        elif found == loc and _required(loc) and isinstance(_parent(data, loc[:-1]), list):
            fixes[loc[:-1]] = "drop"  # the list item cannot be without it
        elif found == loc:
            fixes[loc] = "unknown" if error["type"] == "extra_forbidden" else "drop"
        elif found and isinstance(_parent(data, found), list):
            fixes[found] = "drop"  # a list item lacking something it must have
        else:
            return None
    if not fixes:
        return None
    # A removal inside something else that is removed is not needed.
    dropped = {loc for loc, kind in fixes.items() if kind != "own"}
    plan = [
        (kind, loc)
        for loc, kind in fixes.items()
        if not any(loc[:k] in dropped for k in range(1, len(loc)))
    ]
    owns = [item for item in plan if item[0] == "own"]
    removals = [item for item in plan if item[0] != "own"]
    removals.sort(key=lambda item: _sort_key(item[1]), reverse=True)
    return owns + removals


def _required(loc: Loc) -> bool:
    """True if the draft field at ``loc`` has no value to fall back on (such as a question's
    words or a photo's width), so leaving it out would leave out what holds it."""
    model: Any = Draft
    field = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(model, "model_fields", None)
        if not isinstance(fields, dict) or part not in fields:
            return False
        field = fields[part]
        model = _model_in(field.annotation)
    return field is not None and field.is_required()


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside ``list[X]``, ``X | None`` or ``X``; None if there is none."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _sort_key(loc: Loc) -> tuple[Any, ...]:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in loc)


def _existing_prefix(data: Any, loc: Loc) -> Loc:
    """The longest start of ``loc`` that names something present in ``data``."""
    node = data
    for depth, part in enumerate(loc):
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_dict or in_list):
            return loc[:depth]
        node = node[part]
    return loc


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def _parent(data: Any, loc: Loc) -> Any:
    return _at(data, loc[:-1])


def _remove(data: Any, loc: Loc) -> None:
    parent = _parent(data, loc)
    del parent[loc[-1]]


def _is_question_to_keep(data: dict[str, Any], loc: Loc) -> bool:
    """True if the error is in the name or kind of a question whose words can be read."""
    if len(loc) < 3 or loc[0] != "checklist" or loc[2] not in ("id", "source"):
        return False
    if _existing_prefix(data, loc[:2]) != loc[:2]:
        return False
    item = _at(data, loc[:2])
    return isinstance(item, dict) and isinstance(item.get("text"), str) and bool(item["text"])


def _free_own_ids(data: dict[str, Any]) -> Iterator[str]:
    """"own-1", "own-2" ... skipping the ids the checklist uses already."""
    checklist = data.get("checklist")
    items = checklist if isinstance(checklist, list) else []
    used = {i.get("id") for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
    return (f"own-{n}" for n in count(1) if f"own-{n}" not in used)


def _notes(left_out: list[Loc], unknown: list[Loc], kept_as_own: int) -> list[str]:
    notes = []
    if left_out:
        notes.append(
            f"Part of the draft could not be read, so it was left out ({_places(left_out)})."
        )
    if unknown:
        distinct = list(dict.fromkeys(str(loc[-1]) for loc in sorted(unknown, key=_sort_key)))
        names = [f"“{name}”" for name in distinct[:MAX_NAMED]]
        if len(distinct) > MAX_NAMED:
            names.append(f"{len(distinct) - MAX_NAMED} more")
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        notes.append(
            f"The draft held {'a part' if len(distinct) == 1 else 'parts'} named {listed}, "
            "which this version of ConsultPrep does not know, "
            f"so {'it was' if len(distinct) == 1 else 'they were'} left out."
        )
    if kept_as_own:
        notes.append(
            f"{kept_as_own} question{'s' if kept_as_own > 1 else ''} could not be matched to "
            f"the app's list, so {'they are' if kept_as_own > 1 else 'it is'} kept as your own, "
            "with any answers."
        )
    notes.append(UNCHANGED_NOTE)
    return notes


def _places(locs: list[Loc]) -> str:
    """ "in About your skin: how much it bothers you (itch), treatments you have tried
    (item 2); in photos: item 1"."""
    sections: dict[str, list[str]] = {}
    for loc in sorted(locs, key=_sort_key)[:MAX_NAMED]:
        section, _, detail = readable_place(loc).partition(": ")
        details = sections.setdefault(section, [])
        if detail and detail not in details:
            details.append(detail)
    named = [f"{s}: {', '.join(d)}" if d else s for s, d in sections.items()]
    more = len(locs) - MAX_NAMED
    return "; ".join(named) + (f"; and {more} more" if more > 0 else "")


def _true(value: object) -> bool:
    """True if the draft's model reads ``value`` as true ("yes", 1, "on" as well as true):
    a fourth top question written as "yes" was let through here, and the draft refused."""
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(bool).validate_python(value) is True
    except ValidationError:
        return False
