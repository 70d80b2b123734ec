""""Words used in this pack": the meaning of each glossary word the pack's text uses.

The app explains such words on screen (``ui.glossary_ui``); on paper there is nothing to
hover over, so the pack lists them before the references, in alphabetical order, each with
the sources of its meaning. The words are found in the text of the pack as built so far.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

from consultprep.content import ContentError
from consultprep.glossary import load_glossary
from exports.fonts import safe_text
from exports.pack import Pack

_TAG = re.compile(r"<[^>]*>")


def words_used(pack: Pack) -> None:
    """Add the list of glossary words the pack uses (nothing if it uses none)."""
    try:
        glossary = load_glossary()
    except ContentError:  # the app says so on screen; the pack is still worth printing
        return
    terms = glossary.terms_in(" ".join(_texts(pack.story)))
    if not terms:
        return
    s = pack.story
    s.append(CondPageBreak(pack.frame_height * 0.25))
    s.append(pack.heading("Words used in this pack"))
    s.append(pack.para("What some of the words in this pack mean.", "lead"))
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        entry = pack.para(
            f"<b>{safe_text(term.term)}</b>: {safe_text(term.meaning)}"
            f"{pack.cites.mark(term.citations)}",
            "body",
        )
        s.append(KeepTogether([entry]))


def _texts(flowables: Iterable[object]) -> Iterator[str]:
    """The plain text of the paragraphs in ``flowables``, inside kept-together groups and
    tables too."""
    for f in flowables:
        if isinstance(f, Paragraph):
            yield html.unescape(_TAG.sub(" ", f.text))
        elif isinstance(f, KeepTogether):
            yield from _texts(f._content)
        elif isinstance(f, Table):
            for row in f._cellvalues:
                for cell in row:
                    yield from _texts(cell if isinstance(cell, list | tuple) else [cell])
        elif isinstance(f, list | tuple):
            yield from _texts(f)
        elif isinstance(f, Flowable) and hasattr(f, "_content"):
            yield from _texts(f._content)
        elif isinstance(getattr(f, "paragraph", None), Paragraph):  # a badge beside its text
            yield from _texts([f.paragraph])
