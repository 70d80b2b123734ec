"""Render the pack to a PDF file: build in memory, then save atomically (mode 0600)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from consultprep.content import ContentError, Library, load_library
from consultprep.models import Draft
from consultprep.storage import DraftError, atomic_write_bytes, why_not_saved, writable_target
from exports import ExportCancelled, ExportError, Progress, UnrecordedAnswers
from exports.answers import GONE, NOT_IMPORTED, SOMEONE_ELSE, UNREADABLE
from exports.fieldnames import KEYWORDS
from exports.options import PackOptions

TITLE = "ConsultPrep consultation pack"
SUBJECT = "Questions and notes for a dermatology appointment, with an evidence summary"


def render_pack(
    draft: Draft,
    library: Library,
    generated: date | None = None,
    options: PackOptions | None = None,
    progress: Progress | None = None,
) -> RenderedPack:
    """The PDF pack for ``draft`` as bytes (nothing is written to disk).

    ``options`` chooses the paper size and large print (A4, normal print if None).
    ``progress`` is told the page being laid out, now and then (``export_pdf``).

    Raises
    ------
    ExportError
        With one plain sentence if the pack could not be laid out; ``ExportCancelled`` if
        ``progress`` stopped it.
    """
    from reportlab import rl_config
    from reportlab.platypus.doctemplate import LayoutError

    from exports.images import forget_decoded
    from exports.page_frame import PackTemplate, canvas_maker
    from exports.story import build_pack

    forget_decoded(draft)  # other drafts' photos are not kept in memory
    rl_config.useA85 = 0  # photos are embedded as they are: much faster, hardly larger
    generated = generated or date.today()
    options = options or PackOptions()
    buffer = io.BytesIO()
    tell = progress or _carry_on
    # Metadata never holds the patient's name or any file path.
    doc = PackTemplate(
        buffer,
        paper=options.paper,
        title=TITLE,
        keywords=KEYWORDS,
        author="ConsultPrep",
        subject=SUBJECT,
        creator="ConsultPrep",
        lang="en-GB",
        displayDocTitle=1,
        pageCompression=1,
        progress=tell,
    )
    try:
        tell(0)
        pack = build_pack(draft, library, generated, options)
        doc.build(
            pack.story,
            canvasmaker=canvas_maker(
                generated, options.paper, options.scale, draft.about.patient_name
            ),
        )
    except LayoutError as exc:
        raise ExportError(
            "The PDF could not be made because one of your answers is too large to fit on a "
            "page. Please shorten very long answers and try again."
        ) from exc
    except ExportCancelled:
        raise
    except Exception as exc:  # a bug must still reach the patient as one plain sentence
        raise ExportError(
            "The PDF could not be made because of an unexpected problem in ConsultPrep. Your "
            "answers are safe: please save your draft and try again."
        ) from exc
    made = RenderedPack(buffer.getvalue())
    made.substituted = pack.substituted
    return made


class RenderedPack(bytes):
    """A pack's PDF, and whether some typed characters were printed as the substitute mark."""

    substituted = False


#: For each place a pack was written (as a string): whether some typed characters in it were
#: printed as the substitute mark (``exports.had_substitutes``).
_SUBSTITUTED: dict[str, bool] = {}


def _carry_on(page: int) -> None:
    """The progress of a pack no one is waiting on: nothing to tell, never stopped."""


#: Why a filled-in PDF is not replaced, by ``exports.answers.AtRisk.reason``.
_WOULD_LOSE = {
    NOT_IMPORTED: (
        "“{name}” has answers typed into it that are not in your draft yet, so ConsultPrep "
        "will not replace it. Import its answers into your draft first, or save the new PDF "
        "under another name."
    ),
    SOMEONE_ELSE: (
        "“{name}” was filled in for another draft, and has answers typed into it, so "
        "ConsultPrep will not replace it. Please save the new PDF under another name."
    ),
    GONE: (
        "“{name}” has answers typed into it. Some are for questions no longer in your draft, "
        "or whose words changed. So ConsultPrep will not replace it. Please save the new PDF "
        "under another name."
    ),
    UNREADABLE: (
        "“{name}” may have answers typed into it, but ConsultPrep cannot read it to check "
        "({why}), so it will not replace it. Please save the new PDF under another name."
    ),
}


def _not_replaceable(target: Path) -> str | None:
    """Why the file at ``target`` must not be replaced by a pack: None if nothing is there yet,
    or a PDF is (never a draft or another file, nor one that cannot be opened to check)."""
    try:
        with open(target, "rb") as existing:
            if existing.read(5) == b"%PDF-":
                return None
    except FileNotFoundError:
        return None
    except PermissionError:  # it may be a filled-in pack, or something else of the patient's
        return (
            f"You do not have permission to open “{target.name}”, so ConsultPrep cannot check "
            "what it is and will not replace it. Please choose another name, ending in .pdf."
        )
    except OSError:
        pass
    return (
        f"“{target.name}” is not a PDF, so ConsultPrep will not replace it with one "
        "(it may be your draft). Please choose another name, ending in .pdf."
    )


def write_pack(
    draft: Draft,
    path: Path,
    library: Library | None = None,
    options: PackOptions | None = None,
    *,
    keep_answers: bool = True,
    progress: Progress | None = None,
) -> Path:
    """Write the PDF pack for ``draft`` to ``path`` and return the path.

    Parameters
    ----------
    draft
        The patient's draft (an empty one gives a valid, mostly empty pack).
    path
        Where to save the PDF. It is replaced atomically and created readable only by the
        patient (0600).
    library
        The content library; the bundled one if None.
    options
        Paper size and large print; A4 in normal print if None.
    keep_answers
        Refuse to replace a filled-in pack holding answers the draft does not have yet
        (``UnrecordedAnswers``): they would be lost.
    progress
        Told the page being laid out, now and then; it may raise ``ExportCancelled`` to stop
        (then nothing is written).

    Raises
    ------
    ExportError
        With one plain sentence if the place cannot be written or the pack cannot be made.
        Nothing is left behind then.
    """
    try:
        target = writable_target(path, "PDF pack")
    except DraftError as exc:
        raise ExportError(str(exc)) from None
    refused = _not_replaceable(target)
    if refused:
        raise ExportError(refused)
    if keep_answers and target.exists():
        from exports.answers import answers_at_risk

        risk = answers_at_risk(target, draft)
        if risk is not None:
            message = _WOULD_LOSE[risk.reason].format(name=target.name, why=risk.why)
            raise UnrecordedAnswers(message, reason=risk.reason, why=risk.why)
    if library is None:
        try:
            library = load_library()
        except ContentError as exc:
            raise ExportError(
                "The PDF could not be made because ConsultPrep's built-in health information "
                "could not be read. Your saved drafts are safe. Please install ConsultPrep again, or ask whoever set it up for you to help."
            ) from exc
    data = render_pack(draft, library, options=options, progress=progress)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise ExportError(
            f"The PDF could not be saved to “{target}”: {why_not_saved(exc)}. "
            "Please choose another place."
        ) from None
    _SUBSTITUTED[str(target)] = getattr(data, "substituted", False)
    return target
