"""Shared by the PDF tests: byte-identical output, and looking at a PDF's text and fields."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter


@pytest.fixture(autouse=True)
def pdf_invariant() -> Iterator[None]:
    """reportlab's invariant mode (no dates or random ids in the file) for every test here.

    Import it into a test module to use it: ``from tests.pdf_helpers import pdf_invariant``.
    """
    from reportlab import rl_config

    old = rl_config.invariant
    rl_config.invariant = 1
    yield
    rl_config.invariant = old


def flat(text: str) -> str:
    """Text with line breaks and repeated spaces folded, for phrase checks."""
    return " ".join(text.split())


_FOOTER = re.compile(
    r"(?:ConsultPrep — not|Not) medical advice — page \d+ of \d+\s*"
    r"(?:Made on|For .{1,200}? —) \d+ \w+ \d{4}\s*$"
)


def flat_pages(pages: list[str]) -> str:
    """The pages' text as one flat text without their footers, so that a paragraph that runs
    on to the next page is still found whole by a phrase check."""
    return flat(" ".join(_FOOTER.sub("", flat(page)) for page in pages))


def widgets(reader: PdfReader) -> list[tuple[int, str, dict]]:
    """(page index, field name, widget dictionary) of every form field, page by page."""
    out = []
    for n, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") == "/Widget":
                out.append((n, str(obj["/T"]), obj))
    return out


def fill(pdf: Path, values: dict[str, str], out: Path) -> Path:
    """Fill form fields the way a PDF reader saves them (tick boxes take "/Yes" or "/Off")."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    for page in writer.pages:
        names = {str(a.get_object().get("/T")) for a in page.get("/Annots") or []}
        here = {k: v for k, v in values.items() if k in names}
        if here:
            writer.update_page_form_field_values(page, here, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with out.open("wb") as fh:
        writer.write(fh)
    return out
