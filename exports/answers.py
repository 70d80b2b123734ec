"""Reading the answers back from a filled-in PDF pack (pypdf is imported only when used).

A pack is recognised by its hidden ``consultprep:pack`` field. Anything else — not a PDF, a
damaged or cut-off file, a PDF locked with a password, another PDF, or a pack whose fields were
changed into something else — is refused with :class:`AnswersError` and one plain sentence.
"""

from __future__ import annotations

import io
import logging
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from consultprep.answers import FilledAnswer, FilledCheck
from exports.fieldnames import (
    ANSWER_PREFIX,
    FOR_FIELD,
    KEYWORDS,
    PACK_FIELD,
    PACK_VALUE,
    parse_clinic_field_name,
    parse_field_name,
)

if TYPE_CHECKING:
    from consultprep.models import Draft

MAX_PDF_BYTES = 200 * 1024 * 1024


class AnswersError(Exception):
    """The answers could not be read. ``str(error)`` is one plain sentence."""


class UncheckablePack(AnswersError):
    """A PDF that may hold typed answers but cannot be read: locked with a password, damaged,
    or a pack from a different version. ``why`` says which, as "it is damaged"."""

    def __init__(self, message: str, why: str) -> None:
        super().__init__(message)
        self.why = why


@contextmanager
def _quiet() -> Iterator[None]:
    """Keep pypdf's warnings about damaged files off the screen (we say it once, plainly)."""
    logger = logging.getLogger("pypdf")  # pypdf's modules log through children of this one
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


class FilledPack(NamedTuple):
    """What a filled-in pack holds: each question's fields by checklist item id, whom it was
    made for (``consultprep.answers.made_for``; None from a pack too old to say), the
    file's name as messages give it, and the clinic checks' tick boxes by check id."""

    answers: dict[str, FilledAnswer]
    made_for: str | None
    name: str
    checks: dict[str, FilledCheck]


def read_answers(pdf_path: str | os.PathLike[str]) -> dict[str, FilledAnswer]:
    """The tick and answer of every question in a filled-in pack, by checklist item id
    (``read_pack`` also says whom it was made for)."""
    return read_pack(pdf_path).answers


def read_pack(pdf_path: str | os.PathLike[str]) -> FilledPack:
    """The answers in a filled-in pack and whom it was made for.

    Raises
    ------
    AnswersError
        With one plain sentence if the file cannot be read or is not a ConsultPrep pack.
    """
    from consultprep.storage import DraftError, chosen_path

    try:
        path = chosen_path(pdf_path)
    except DraftError as exc:
        raise AnswersError(str(exc)) from None
    data = _read_bytes(path)
    name = f"“{path.name}”"
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise AnswersError(f"{name} is not a PDF file, so no answers could be read from it.")
    try:
        with _quiet():
            fields = _fields(data, name)
            owner = fields.get(FOR_FIELD)
            value = owner.get("/V") if owner is not None else None
            return FilledPack(
                _answers(fields, name),
                value if isinstance(value, str) else None,
                name,
                _checks(fields, name),
            )
    except AnswersError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on damaged files
        message = f"{name} is damaged, so no answers could be read from it."
        if _looks_like_a_pack(data):
            raise UncheckablePack(message, "it is damaged") from exc
        raise AnswersError(message) from exc


def _read_bytes(path: Path) -> bytes:
    from consultprep.storage import DraftError, read_chosen_file

    try:
        data = read_chosen_file(path, "PDF file", "a ConsultPrep pack", MAX_PDF_BYTES)
    except DraftError as exc:
        raise AnswersError(str(exc)) from None
    if not data.strip():
        raise AnswersError(f"“{path.name}” is empty, so there are no answers in it.")
    return data


def _fields(data: bytes, name: str) -> dict[str, Any]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    # A PDF protected only against changes opens with an empty password, as PDF viewers do.
    if reader.is_encrypted and not _opens_without_password(reader):
        raise UncheckablePack(
            f"{name} is locked with a password, so ConsultPrep cannot read the answers in it.",
            "it is locked with a password",
        )
    fields = reader.get_fields() or {}
    marker = fields.get(PACK_FIELD)
    no_marker = marker is None or not isinstance(marker.get("/V"), str)
    if no_marker and _looks_like_a_pack(data, read=True):
        raise UncheckablePack(  # cut off, say, where its form is listed
            f"{name} is damaged, so no answers could be read from it.", "it is damaged"
        )
    if no_marker:
        raise AnswersError(
            f"ConsultPrep could not read any answers from {name}. Either ConsultPrep did not "
            "make this PDF, or its answer boxes were taken out when it was saved."
        )
    if str(marker["/V"]) != PACK_VALUE:
        raise UncheckablePack(
            f"{name} was made by a different version of ConsultPrep, so its answers cannot be "
            "read. Please type them into your draft instead.",
            "it was made by a different version of ConsultPrep",
        )
    return fields


def _looks_like_a_pack(data: bytes, *, read: bool = False) -> bool:
    """True if ``data`` bears a pack's marks: the name of its hidden field, or (for a file
    that could not be ``read``) its keywords. A pack saved without its form keeps its
    keywords, and holds no answers: read, it is known by its field alone."""
    return PACK_FIELD.encode() in data or (not read and KEYWORDS.encode() in data)


def _opens_without_password(reader: Any) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of error (or lacks a cipher)
        return False


#: Why replacing a PDF would lose answers typed into it (``answers_at_risk``).
NOT_IMPORTED = "not imported"  # answers for this draft's questions, not in it yet
SOMEONE_ELSE = "someone else"  # a pack filled in for another draft
GONE = "gone"  # answers for questions no longer in the draft, or reworded since
UNREADABLE = "unreadable"  # it may hold answers, but cannot be read to check


class AtRisk(NamedTuple):
    """What replacing a filled-in PDF would lose (``reason``: one of the names above), and
    for ``UNREADABLE`` why it cannot be read ("it is damaged")."""

    reason: str
    why: str = ""


def answers_at_risk(pdf_path: str | os.PathLike[str], draft: Draft) -> AtRisk | None:
    """What replacing the PDF at ``pdf_path`` with a new pack for ``draft`` would lose: None
    if nothing (no file, not a pack, or every answer typed into it is in the draft)."""
    from consultprep.answers import NotThisDraft, check_made_for

    try:
        pack = read_pack(pdf_path)
    except UncheckablePack as exc:
        return AtRisk(UNREADABLE, exc.why)
    except AnswersError:
        return None
    try:
        check_made_for(draft, pack.made_for, pack.name)
    except NotThisDraft:
        filled = sum(
            a.answer.strip() != a.printed.strip() or a.asked != a.asked_printed
            for a in pack.answers.values()
        ) + sum(c.done != c.printed for c in pack.checks.values())
        return AtRisk(SOMEONE_ELSE) if filled else None
    not_imported, gone = not_in_draft(pack, draft)
    if not_imported:
        return AtRisk(NOT_IMPORTED)
    return AtRisk(GONE) if gone else None


def not_in_draft(pack: FilledPack, draft: Draft) -> tuple[int, int]:
    """What a pack made for ``draft`` holds that the draft does not: (answers and clinic
    check ticks importing would record, answers typed for questions no longer in the draft
    or reworded since, which importing cannot keep)."""
    from consultprep.answers import check_ticks_to_apply, merged_answer, same_question

    items = {item.id: item for item in draft.checklist}
    not_imported = gone = 0
    for item_id, filled in pack.answers.items():
        item = items.get(item_id)
        if item is None:
            gone += " ".join(filled.answer.split()) != " ".join(filled.printed.split())
            continue
        # what importing would do to the draft's answer (nothing typed, or words it already
        # holds, change nothing); reworded since, importing cannot take it in
        new_words = merged_answer(item.answer, filled) != item.answer
        if same_question(filled.question, item):
            not_imported += new_words
        else:
            gone += new_words
    done = draft.offer.checks_done
    ticks = check_ticks_to_apply(pack.checks)
    not_imported += sum((check_id in done) != ticked for check_id, ticked in ticks.items())
    return not_imported, gone


def _answers(fields: dict[str, Any], name: str) -> dict[str, FilledAnswer]:
    damaged = _damaged(name)
    found: dict[str, dict[str, Any]] = {}
    for full_name, field in fields.items():
        parsed = parse_field_name(str(full_name))
        if parsed is None:
            continue
        item_id, part = parsed
        kind = field.get("/FT")
        if part == "asked":
            if kind != "/Btn":
                raise damaged
            value = _tick(field.get("/V"))
            printed = _tick(field.get("/DV"))
            if value is None or printed is None:
                raise damaged
            found.setdefault(item_id, {})["asked"] = (value, printed)
        else:
            if kind != "/Tx":
                raise damaged
            value, printed = field.get("/V", ""), field.get("/DV", "")
            tooltip = field.get("/TU", "")
            if not all(isinstance(x, str) for x in (value, printed, tooltip)):
                raise damaged
            wording = tooltip[len(ANSWER_PREFIX) :] if tooltip.startswith(ANSWER_PREFIX) else ""
            found.setdefault(item_id, {})["answer"] = (str(value), str(printed), str(wording))
    answers: dict[str, FilledAnswer] = {}
    for item_id, parts in found.items():
        if set(parts) != {"asked", "answer"}:
            raise damaged  # every question has both fields
        asked, asked_printed = parts["asked"]
        answer, printed, wording = parts["answer"]
        answers[item_id] = FilledAnswer(asked, answer, printed, asked_printed, wording)
    return answers


def _damaged(name: str) -> AnswersError:
    """A pack (it has the hidden field) whose question fields make no sense: nothing is
    imported, and it is not replaced unasked (``answers_at_risk``)."""
    return UncheckablePack(
        f"{name} has a form that was changed or damaged, so no answers could be read from it.",
        "its form was changed or damaged",
    )


def _checks(fields: dict[str, Any], name: str) -> dict[str, FilledCheck]:
    """The clinic checks' tick boxes, by check id (none in a pack made without an offer)."""
    checks: dict[str, FilledCheck] = {}
    for full_name, field in fields.items():
        check_id = parse_clinic_field_name(str(full_name))
        if check_id is None:
            continue
        done, printed = _tick(field.get("/V")), _tick(field.get("/DV"))
        if field.get("/FT") != "/Btn" or done is None or printed is None:
            continue  # one odd box (a reader's own idea of a tick) does not stop the answers
        checks[check_id] = FilledCheck(done, printed)
    return checks


def _tick(value: object) -> bool | None:
    """A tick box's state from its value: ticked, not ticked, or None if it makes no sense."""
    if value is None:
        return False
    text = str(value)
    if text in ("/Off", "Off", ""):
        return False
    if text.startswith("/"):
        return True  # readers may name the "on" state anything but /Off
    return None
