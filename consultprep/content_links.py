"""The content library's cross-references, checked when it is loaded: every citation names a
reference, every question a red flag, a health condition or a question's ``covers`` names
exists, a replaced condition points at boxes offered now, and no id is used twice."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consultprep.content import Library


def _unknown(owner: str, ids: list[str], known: set[str], what: str) -> list[str]:
    """A problem for each of ``ids`` not in ``known``: "red flag x: unknown question 'y'"."""
    return [f"{owner}: {what} {i!r}" for i in ids if i not in known]


def link_problems(library: Library) -> list[str]:
    """Every broken or doubled link in ``library``, as plain messages (none: all is well)."""
    ref_ids = {r.id for r in library.references}
    questions = library.all_questions()
    q_ids = {q.id for q in questions}
    current = {c.id for c in library.conditions if not c.replaced_by}  # boxes offered now
    problems: list[str] = []
    for where, cites in all_citations(library):
        problems += _unknown(where, cites, ref_ids, "unknown reference")
    for f in library.red_flags:
        problems += _unknown(f"red flag {f.id}", f.question_ids, q_ids, "unknown question")
    for q in questions:
        problems += _unknown(f"question {q.id}", q.covers, q_ids, "covers unknown question")
    for c in library.conditions:
        problems += _unknown(
            f"condition {c.id}", c.replaced_by, current, "replaced by a box not offered now"
        )
        problems += _unknown(f"condition {c.id}", c.question_ids, q_ids, "unknown question")
    for kind, ids in (
        ("reference", [r.id for r in library.references]),
        ("question", [q.id for q in questions]),
        ("red flag", [f.id for f in library.red_flags]),
        ("concern", [c.id for c in library.concerns]),
        ("condition", [c.id for c in library.conditions]),
    ):
        dupes = {i for i in ids if ids.count(i) > 1}
        problems += [f"duplicate {kind} id {i!r}" for i in sorted(dupes)]
    return problems


def all_citations(library: Library) -> list[tuple[str, list[str]]]:
    """(where, reference ids) for everything in ``library`` that cites."""
    out = [(f"red flag {f.id}", f.citations) for f in library.red_flags]
    out += [(f"fact {f.id}", f.citations) for f in library.general_facts]
    for c in library.concerns:
        out.append((f"concern {c.id}", c.citations))
        out += [(f"subtype {c.id}/{k.id}", k.evidence_note_citations) for k in c.subtypes]
        out += [(f"treatment {c.id}/{t.id}", t.all_citations) for t in c.treatments]
    out += [(f"question {q.id}", q.citations) for q in library.all_questions()]
    return out
