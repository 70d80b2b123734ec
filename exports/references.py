"""The end of the pack: "About this pack" and the numbered references, with web addresses
broken over lines where a reader would expect."""

from __future__ import annotations

import re

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from consultprep.dates import long_date
from consultprep.links import web_address
from exports.fonts import SUBSTITUTE, safe_text
from exports.pack import SHORT_LIMIT, Pack
from exports.styles import FRAME_WIDTH, NOTICE_BORDER, NOTICE_FILL


def references(pack: Pack) -> None:
    lib, s = pack.library, pack.story
    meta = lib.meta
    about: list[Flowable] = [pack.heading("About this pack", "h2", bookmark=False)]
    about.append(
        pack.para(
            f"Content version {safe_text(meta.content_version)}, reviewed on "
            f"{long_date(meta.reviewed_on)}; next review due by {long_date(meta.review_by)}.",
            "small",
        )
    )
    if meta.review_by < pack.generated:
        about.append(
            pack.para(
                "<b>This information is past its review date</b> and may be out of date.",
                "small",
            )
        )
    about.append(pack.para(safe_text(meta.disclaimer), "body"))
    if pack.substituted:
        about.append(
            pack.para(
                f"Some characters I typed (such as letters of some alphabets) cannot be "
                f"printed with this pack's fonts. Where they were, one “{SUBSTITUTE}” is shown "
                f"for each group of them, so some of my words may look shorter. They are kept "
                f"in my draft.",
                "small",
            )
        )
    # Before the references, so the pack ends with the list: this box, which cannot be split,
    # had been left alone on a last page (the date it was made is in every page's footer).
    s.append(KeepTogether([pack.box([[about]], fill=NOTICE_FILL, border=NOTICE_BORDER)]))
    s.append(CondPageBreak(pack.frame_height * 0.3))
    s.append(pack.heading("References"))
    numbered = sorted(pack.cites.numbers.items(), key=lambda kv: kv[1])
    if not numbered:
        s.append(pack.para("No sources are cited in this pack.", "small"))
    for ref_id, n in numbered:
        ref = lib.reference(ref_id)
        entry = pack.para(
            f"{safe_text(ref.citation)}<br/>{_link(ref.link, pack)}",
            "reference",
            bulletText=f"[{n}]",
        )
        s.append(KeepTogether([entry]))  # a reference is never split over two pages


def _link(link: str, pack: Pack) -> str:
    """A reference's link, clickable if it leads to a web page (a DOI or PMID, to doi.org or
    PubMed). It is printed as written; a web address is broken over lines after a "/"."""
    text = safe_text(link, SHORT_LIMIT)
    address = web_address(link)
    if address is None:
        return text
    href = safe_text(address, SHORT_LIMIT)
    if address != link.strip():  # a DOI or PMID: short, printed as it is cited
        return f'<a href="{href}" color="#1F4E8C">{text}</a>'
    style = pack.st["reference"]
    width = FRAME_WIDTH - style.leftIndent - style.rightIndent - 2
    lines = address_lines(link, width, style.fontName, style.fontSize)
    shown = "<br/>".join(safe_text(line, SHORT_LIMIT) for line in lines)
    return f'<a href="{href}" color="#1F4E8C">{shown}</a>'


def address_lines(address: str, width: float, font: str, size: float) -> list[str]:
    """A web address in lines no wider than ``width``: broken after a "/" where possible,
    else before "-", "_", ".", "?", "&" or "=", else anywhere. Nothing is added or left out.

    Before, not after: a line ending in "-" reads as a word broken over two lines, and a
    reader typing the address would leave the hyphen out (the usual rule for printed web
    addresses)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def fits(piece: str) -> bool:
        return stringWidth(piece, font, size) <= width

    lines: list[str] = []

    def place(pieces: list[str], finer: list[str]) -> str:
        """Fill lines with ``pieces``; a piece too long for a line alone is broken finer.
        Returns the unfinished last line."""
        line = ""
        for piece in pieces:
            if fits(line + piece):
                line += piece
                continue
            if line:
                lines.append(line)
            if fits(piece) or not finer:
                line = piece if fits(piece) else _by_character(piece, fits, lines)
            else:
                line = place(_split_before(piece, finer[0]), finer[1:])
        return line

    last = place(_split_after(address, "/"), ["-_.?&=", ""])
    return [*lines, last] if last else lines


def _split_after(text: str, separators: str) -> list[str]:
    return [p for p in re.split(f"(?<=[{re.escape(separators)}])", text) if p]


def _split_before(text: str, separators: str) -> list[str]:
    if not separators:
        return list(text)
    return [p for p in re.split(f"(?=[{re.escape(separators)}])", text) if p]


def _by_character(piece: str, fits, lines: list[str]) -> str:
    line = ""
    for ch in piece:
        if line and not fits(line + ch):
            lines.append(line)
            line = ""
        line += ch
    return line
