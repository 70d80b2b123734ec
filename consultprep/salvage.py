"""Opening a draft that has a few bad values in it, rather than refusing the whole draft.

A hand-edited draft, or one a disk or another program damaged, may hold a score of 11, a date
that cannot be, a list where a word should be, or a name ConsultPrep does not know. One such
value used to make the whole draft unopenable. Here each bad value is left out instead (its
field then takes its usual empty value), or, where it sits in a list, the one list item that
holds it; and the patient is told, in plain words, where. Everything else is kept.

A question with readable words but a damaged name or kind is kept as one of the patient's own
questions, with its tick, top-three place and answer, rather than left out.

What cannot be mended this way is refused as before: a bad version number, or a rule about the
whole draft (such as the same question twice) that ``storage.mend`` could not put right.
The file itself is not changed until the patient saves it. Pure: no Qt, no file access.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from itertools import count
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from consultprep.draft_places import readable_place
from consultprep.models import Draft

#: Validation rounds before giving up (a left-out item may reveal one more level of problem).
MAX_ROUNDS = 6
#: Places named one by one in the note; beyond this, the note gives a count.
MAX_NAMED = 4

Loc = tuple[Any, ...]

#: The last note after anything was left out (the command line looks for it before saving).
UNCHANGED_NOTE = "Your draft file is not changed until you save it."


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
            f"The draft held {listed}, which this version of ConsultPrep does not know, "
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
    """ "in About your skin: scores, itch; treatments tried, item 2 and in photos: item 1"."""
    sections: dict[str, list[str]] = {}
    for loc in sorted(locs, key=_sort_key)[:MAX_NAMED]:
        section, _, detail = readable_place(loc).partition(": ")
        details = sections.setdefault(section, [])
        if detail and detail not in details:
            details.append(detail)
    named = [f"{s}: {'; '.join(d)}" if d else s for s, d in sections.items()]
    more = len(locs) - MAX_NAMED
    return " and ".join(named) + (f", and {more} more" if more > 0 else "")
