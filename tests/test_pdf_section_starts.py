"""Where a section of the PDF starts: never its heading alone, never a word split.

From a review of printed packs (2026-12-07): "Weighing up a treatment (BRAN)" and "What the
clinic's advert says" stood alone at the foot of a page, their content on the next; the
same warning sign was quoted three times from a pasted advert that said the same thing three
times; in large print the readiness table's heading printed "1 January 20" over "27".
"""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.platypus import KeepTogether, Paragraph, Table

from consultprep.content import load_library
from consultprep.models import BranNotes, Draft, ReadinessCheck
from exports.deciding import BRAN_HEADING, bran, readiness
from exports.offer_checks import ADVERT_HEADING, advert_matches
from exports.options import PackOptions
from exports.pack import Pack
from exports.styles import FRAME_WIDTH

LIBRARY = load_library()
MADE = date(2026, 12, 7)


def _pack(draft: Draft, large_print: bool = False) -> Pack:
    return Pack(draft, LIBRARY, MADE, PackOptions(large_print=large_print))


def _texts(flowables) -> list[str]:
    return [f.getPlainText() for f in flowables if isinstance(f, Paragraph)]


def test_the_bran_heading_goes_with_the_first_treatments_notes() -> None:
    draft = Draft(bran=[BranNotes(treatment="Stem cells", benefits="Flatter"), BranNotes()])
    draft.bran.append(BranNotes(treatment="Silicone gel"))
    pack = _pack(draft)
    bran(pack)
    blocks = [f for f in pack.story if isinstance(f, KeepTogether)]
    first = _texts(blocks[0]._content)
    assert first[0] == BRAN_HEADING and first[2] == "Stem cells"  # heading, intro, name
    assert not any(BRAN_HEADING in t for b in blocks[1:] for t in _texts(b._content))
    assert not any(isinstance(f, Paragraph) for f in pack.story)  # nothing left loose


def test_the_advert_heading_goes_with_the_first_warning_sign_and_repeats_are_quoted_once() -> None:
    draft = Draft()
    draft.offer.offered = True
    filler = "Filler words here. " * 10  # far apart: three quotes, alike, printed once
    # (and long enough to be quoted, not printed whole: ``offer_checks.ADVERT_WHOLE``)
    draft.offer.advert_text = (filler + "Results guaranteed! ") * 3 + filler
    pack = _pack(draft)
    advert_matches(pack)
    blocks = [f for f in pack.story if isinstance(f, KeepTogether)]
    assert len(blocks) == len(pack.story)  # nothing left loose
    first = _texts(blocks[0]._content)
    assert first[0] == ADVERT_HEADING
    quotes = [t for b in blocks for t in _texts(b._content) if t.startswith("“")]
    assert quotes == ["“…here. Filler words here. Results guaranteed! Filler words here. Filler words…”"]
    assert not any("more place" in t for b in blocks for t in _texts(b._content))


def test_an_advert_with_nothing_found_keeps_its_heading_with_the_note() -> None:
    draft = Draft()
    draft.offer.advert_text = "We are open on weekdays."
    pack = _pack(draft)
    advert_matches(pack)
    assert len(pack.story) == 1 and isinstance(pack.story[0], KeepTogether)


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large-print"])
def test_the_readiness_table_splits_no_word_of_its_dates(large_print: bool) -> None:
    draft = Draft()
    draft.readiness.before = ReadinessCheck(taken_on=date(2027, 9, 1), sure="yes")
    draft.readiness.after = ReadinessCheck(taken_on=date(2027, 9, 30), sure="not_yet")
    pack = _pack(draft, large_print)
    readiness(pack)
    table = next(f for f in pack.story if isinstance(f, Table))
    table.wrap(FRAME_WIDTH, 10_000)
    for cell in table._cellvalues[0][1:]:
        para = cell[0] if isinstance(cell, (list, tuple)) else cell
        lines = [" ".join(getattr(w, "text", w) for w in line.words) for line in para.blPara.lines]
        words = " ".join(lines).replace("\u00a0", " ").split()
        assert "2027" in words and "September" in words, lines
