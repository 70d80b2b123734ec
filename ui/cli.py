"""The ``consultprep`` command.

``consultprep [DRAFT]``
    Open the wizard (optionally on a saved draft).
``consultprep export DRAFT -o OUT.pdf``
    Make the PDF pack without opening a window (does not load Qt).
``consultprep schema``
    Print the JSON Schema of a draft file.

Only the first form imports Qt. Errors a person can fix get one plain line on stderr and exit
code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

EXIT_OK = 0
EXIT_USER_ERROR = 2


def _fail(message: str) -> int:
    print(f"consultprep: {message}", file=sys.stderr)
    return EXIT_USER_ERROR


def _export(draft_path: str, out: str) -> int:
    from consultprep.content import ContentError, load_library
    from consultprep.storage import DraftError, load_draft
    from exports import ExportError, export_pdf

    try:
        draft = load_draft(draft_path)
        library = load_library()
        path = export_pdf(draft, out, library)
    except (DraftError, ExportError, ContentError) as exc:
        return _fail(str(exc))
    print(f"Saved the PDF pack to {path}")
    return EXIT_OK


def _schema() -> int:
    from consultprep.models import Draft

    print(json.dumps(Draft.model_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="consultprep",
        description=(
            "Prepare for a skin consultation about stem-cell or other regenerative "
            "treatment. Run with no arguments to open the app."
        ),
    )
    sub = parser.add_subparsers(dest="command")
    export = sub.add_parser("export", help="make the PDF pack from a saved draft")
    export.add_argument("draft", help="the .consultprep draft file")
    export.add_argument("-o", "--output", required=True, help="where to save the PDF")
    sub.add_parser("schema", help="print the JSON Schema of a draft file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("export", "schema", "-h", "--help"):
        parser = _parser()
        try:
            ns = parser.parse_args(args)
        except SystemExit as exc:  # argparse already printed a usage line
            return EXIT_OK if exc.code == 0 else EXIT_USER_ERROR
        if ns.command == "export":
            return _export(ns.draft, ns.output)
        return _schema()
    if len(args) > 1:
        return _fail("give at most one draft file to open (see consultprep --help).")
    from ui.app import run_app

    return run_app(args[0] if args else None)


if __name__ == "__main__":
    sys.exit(main())
