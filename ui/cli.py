"""The ``consultprep`` command.

``consultprep [DRAFT]``
    Open the wizard (optionally on a saved draft).
``consultprep export DRAFT -o OUT.pdf [--paper a4|letter] [--large-print] [--replace]``
    Make the PDF pack without opening a window (does not load Qt). The paper size follows
    the computer's language setting unless ``--paper`` is given.
``consultprep import-answers FILLED.pdf DRAFT``
    Record the ticks and answers typed into a PDF pack in the draft it was made from.
``consultprep schema``
    Print the JSON Schema of a draft file.
``consultprep --install-desktop-entry`` / ``--uninstall-desktop-entry``
    Add or remove a launcher and icon in the desktop's application menu (current user).

Only the first form imports Qt. Errors a person can fix get one plain line on stderr and exit
code 2, never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

# json, shlex and argparse are imported where a subcommand needs them: opening the window,
# the usual case, needs none of them (json alone is about 2 ms).

EXIT_OK = 0
EXIT_USER_ERROR = 2
SUBCOMMANDS = ("export", "schema", "import-answers")


def _fail(message: str) -> int:
    print(f"consultprep: {message}", file=sys.stderr)
    return EXIT_USER_ERROR


def _notes(draft) -> None:
    """Say what was mended or left out when the draft was opened (as the app does; a page
    of the app is named as one, away from its window)."""
    from consultprep.checklist import CONCERN_PAGE

    in_app = CONCERN_PAGE.replace("on the", "in the ConsultPrep app, on its", 1)
    for note in draft.load_notes:
        _note(note.replace(CONCERN_PAGE, in_app))


def _note(text: str) -> None:
    """Say ``text`` on stderr if it can be written: a note is not worth the work it goes
    with (with stderr on a full disk, the notes before an export stopped it: a hunt)."""
    with contextlib.suppress(OSError):
        print(f"consultprep: note: {text}", file=sys.stderr)


def _export(
    draft_path: str,
    out: str,
    paper: str | None = None,
    large_print: bool = False,
    replace: bool = False,
) -> int:
    from consultprep.content import ContentError, load_library
    from consultprep.storage import DraftError, load_draft
    from exports import ExportError, UnrecordedAnswers, export_pdf
    from exports.options import PackOptions, default_paper

    options = PackOptions(
        paper="Letter" if paper == "letter" else "A4" if paper == "a4" else default_paper(),
        large_print=large_print,
    )
    from consultprep.checklist import fit_to_library

    named = Path(out)
    if (
        out.strip()
        and named.suffix.lower() != ".pdf"
        and not out.endswith(("/", os.sep))
        and not named.exists()  # a file of that name is refused as it is ("not a PDF")
    ):
        out += ".pdf"  # as the window does: "-o pack" saves pack.pdf
    try:
        draft = load_draft(draft_path)
        library = load_library()
        fit_to_library(draft, library)
        _notes(draft)
        path = export_pdf(draft, out, library, options, keep_answers=not replace)
    except (DraftError, ExportError, ContentError) as exc:
        if isinstance(exc, UnrecordedAnswers) and not exc.importable:
            return _fail(f"{exc} (Or add --replace to replace it anyway.)")
        if isinstance(exc, UnrecordedAnswers):
            command = _command(["consultprep", "import-answers", out, draft_path])
            return _fail(
                f"{exc} To import them: {command} (or add --replace to replace it anyway)."
            )
        return _fail(str(exc))
    print(f"Saved the PDF pack to {path}")
    from exports.images import left_out_note, photos_left_out

    left_out = photos_left_out(draft)
    if left_out:
        _note(left_out_note(left_out))
    return EXIT_OK


def _command(words: list[str]) -> str:
    """A command line to type, quoted for this computer's shell."""
    if os.name == "nt":
        import subprocess

        return subprocess.list2cmdline(words)
    import shlex

    return " ".join(shlex.quote(w) for w in words)


def _import_answers(pdf_path: str, draft_path: str) -> int:
    from consultprep.answers import NotThisDraft, apply_answers
    from consultprep.salvage import UNCHANGED_NOTE
    from consultprep.storage import DraftError, load_draft, save_draft
    from exports.answers import AnswersError, read_pack

    swapped = pdf_path.lower().endswith(".consultprep") and draft_path.lower().endswith(".pdf")
    if swapped:  # (nothing is read or written: the draft might be taken for the PDF)
        command = _command(["consultprep", "import-answers", draft_path, pdf_path])
        return _fail(f"The filled-in PDF comes first, then the draft: {command}")
    try:
        draft = load_draft(draft_path)
        _notes(draft)
        if draft.load_notes:  # saving now would lose what was mended or could not be read
            what = "could not be read" if UNCHANGED_NOTE in draft.load_notes else "was mended"
            return _fail(
                f"Part of this draft {what} (see the notes above), so the answers were not "
                "recorded and the draft file is as it was. Please open the draft in "
                "ConsultPrep, check it and save it, then import the answers again."
            )
        pack = read_pack(pdf_path)
        summary = apply_answers(
            draft, pack.answers, made_for=pack.made_for, pdf_name=pack.name, checks=pack.checks
        )
    except (DraftError, AnswersError, NotThisDraft) as exc:
        return _fail(str(exc))
    if summary.changed:
        try:
            save_draft(draft, draft_path)
        except DraftError as exc:  # (its "choose another name" is for a Save dialog)
            reason = re.sub(r" Please choose another (name|place)\.$", "", str(exc))
            return _fail(f"{reason} The answers were not recorded.")
    print(summary.message())
    if summary.changed:
        print(f"Saved the draft {draft_path}")
    return EXIT_OK


def _schema() -> int:
    import json

    from consultprep.models import Draft

    print(json.dumps(Draft.model_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _desktop(install: bool) -> int:
    from ui.desktop import install_desktop_entry, uninstall_desktop_entry

    try:
        if install:
            print(f"Added ConsultPrep to your applications menu ({install_desktop_entry()}).")
        else:
            removed = uninstall_desktop_entry()
            print("Removed ConsultPrep from your applications menu." if removed else
                  "ConsultPrep was not in your applications menu.")
    except OSError as exc:
        from consultprep.os_errors import in_plain_words

        why = in_plain_words(exc, saving=True)
        return _fail(f"the applications menu could not be changed ({why}).")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="consultprep",
        description=(
            "Prepare for a skin consultation about stem-cell or other regenerative "
            "treatment. Run with no arguments to open the app."
        ),
    )
    from ui import theme

    parser.add_argument(  # (read before argparse: see _start_options; here for --help)
        "--text-size", metavar="PERCENT", help="start with the text this size (100 to 200), and keep it"
    )
    parser.add_argument(
        "--theme", choices=list(theme.CHOICES), help="start in these colours, and keep them"
    )
    sub = parser.add_subparsers(dest="command")
    export = sub.add_parser("export", help="make the PDF pack from a saved draft")
    export.add_argument("draft", help="the .consultprep draft file")
    export.add_argument(
        "-o", "--output", required=True, help="where to save the PDF (.pdf is added if it does not end so)"
    )
    export.add_argument(
        "--paper", choices=("a4", "letter"), type=str.lower,
        help="paper size (default: the usual one for this computer's language setting)",
    )
    export.add_argument(
        "--replace",
        action="store_true",
        help="replace a filled-in PDF even if answers typed into it are not in the draft yet",
    )
    export.add_argument(
        "--large-print", action="store_true", help="bigger type, tick boxes and writing lines"
    )
    answers = sub.add_parser(
        "import-answers", help="record the answers typed into a PDF pack in its draft"
    )
    answers.add_argument("pdf", help="the filled-in PDF pack")
    answers.add_argument("draft", help="the .consultprep draft the pack was made from")
    sub.add_parser("schema", help="print the JSON Schema of a draft file")
    parser.add_argument(
        "--install-desktop-entry", action="store_true",
        help="add ConsultPrep to your desktop's applications menu",
    )
    parser.add_argument(
        "--uninstall-desktop-entry", action="store_true",
        help="remove ConsultPrep from your desktop's applications menu",
    )
    return parser


def _printable_output() -> None:
    """A file name with a byte that is not UTF-8 (kept by Python as a lone surrogate) is
    printed with "?" in its place, not as a traceback after the work was done."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a stream that cannot be changed: leave it
                pass


def _subcommand(ns, parser) -> int:
    """Run the subcommand ``ns`` names (see ``main``)."""
    if ns.install_desktop_entry or ns.uninstall_desktop_entry:
        return _desktop(install=ns.install_desktop_entry)
    if ns.command == "export":
        return _export(ns.draft, ns.output, ns.paper, ns.large_print, ns.replace)
    if ns.command == "import-answers":
        return _import_answers(ns.pdf, ns.draft)
    if ns.command == "schema":
        return _schema()
    parser.print_usage(sys.stderr)
    return EXIT_USER_ERROR


#: Errors of writing what the command line prints (the files it writes report their own).
_OUTPUT_ERRORS = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EPIPE", "EIO", "EBADF", "EDQUOT", "EFBIG")
    if hasattr(errno, name)
)


def _unwritable_output(exc: OSError) -> int:
    """Say (if it can) that the output could not be written, with no traceback: "> /dev/full"
    gave one after the PDF was saved. Files already written are kept."""
    with contextlib.suppress(OSError, ValueError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more goes to the old one
    with contextlib.suppress(OSError, ValueError):
        reason = exc.strerror or str(exc)
        print(f"consultprep: its messages could not be shown ({reason}).", file=sys.stderr)
    return EXIT_USER_ERROR


#: Options of the app itself (not of a command): the text size and colours to start with.
START_OPTIONS = frozenset({"--text-size", "--theme"})


def _start_options(args: list[str]) -> tuple[list[str], dict[str, str], str]:
    """``args`` without the app's own options, those options, and "" or what is wrong with
    them. Read by hand: the usual start needs no argparse (a few milliseconds)."""
    rest: list[str] = []
    found: dict[str, str] = {}
    items = iter(args)
    for arg in items:
        name, equals, value = arg.partition("=")
        if name not in START_OPTIONS:
            rest.append(arg)
            continue
        value = value if equals else next(items, "")
        found[name] = value.strip().lower()
    size = found.get("--text-size")
    if size is not None and (not size.isdigit() or not 100 <= int(size) <= 200):
        return rest, found, f"--text-size takes a percentage from 100 to 200, not “{size}”."
    theme_name = found.get("--theme")
    if theme_name is not None:
        from ui import theme

        if theme_name not in theme.CHOICES:
            choices = ", ".join(theme.CHOICES)
            return rest, found, f"--theme takes one of {choices}, not “{theme_name}”."
    return rest, found, ""


def _remember_start_options(found: dict[str, str]) -> None:
    """Keep the text size and colours asked for, as View ▸ Appearance would (and so for the
    next start too): a low-vision user need not find the menu at normal size first."""
    if not found:
        return
    from ui import settings
    from ui.appearance import SCALE_KEY, THEME_KEY

    if "--text-size" in found:  # (already checked to be 100 to 200)
        settings.write(SCALE_KEY, int(found["--text-size"]))
    if "--theme" in found:
        settings.write(THEME_KEY, found["--theme"])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _printable_output()
    args = list(sys.argv[1:] if argv is None else argv)
    if any(a.partition("=")[0] in START_OPTIONS for a in args):
        args, found, wrong = _start_options(args)
        if wrong:
            return _fail(wrong)
        _remember_start_options(found)
    if args and (args[0] in SUBCOMMANDS or args[0].startswith("-")):
        parser = _parser()
        try:
            ns = parser.parse_args(args)
        except SystemExit as exc:  # argparse already printed a usage line
            return EXIT_OK if exc.code == 0 else EXIT_USER_ERROR
        try:
            return _subcommand(ns, parser)
        except OSError as exc:  # what it says could not be written: a full disk, a closed pipe
            if exc.errno not in _OUTPUT_ERRORS:
                raise  # (anything else is a fault of ours: its traceback is wanted)
            return _unwritable_output(exc)
    if len(args) > 1:
        if not Path(args[0]).exists():
            return _fail(f"“{args[0]}” is not a ConsultPrep command (see consultprep --help).")
        return _fail("give at most one draft file to open (see consultprep --help).")
    # Start-up makes many objects and no garbage worth looking for: the collector is paused
    # until the window has started (ui.app.run_app), a few milliseconds sooner on screen.
    gc.disable()
    from ui.app import run_app

    return run_app(args[0] if args else None)


if __name__ == "__main__":
    sys.exit(main())
