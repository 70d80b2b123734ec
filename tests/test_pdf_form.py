"""The pack is a form: a tick box and an answer field for every question, with stable names."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from consultprep.checklist import add_own_question
from consultprep.content import load_library
from consultprep.models import ChecklistItem, Draft
from consultprep.storage import load_draft
from exports import export_pdf
from exports.fieldnames import (
    ANSWER_PREFIX,
    FOR_FIELD,
    PACK_FIELD,
    PACK_VALUE,
    decode_id,
    encode_id,
    field_name,
    parse_field_name,
)
from tests.pdf_helpers import flat, pdf_invariant, widgets  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "inflammatory.consultprep"
LIBRARY = load_library()
MULTILINE = 1 << 12
READ_ONLY = 1


def exported(draft: Draft, tmp_path: Path) -> PdfReader:
    return PdfReader(export_pdf(draft, tmp_path / "pack.pdf", LIBRARY))


def by_name(reader: PdfReader) -> dict[str, tuple[int, dict]]:
    """Field name -> (page index, the widget's dictionary)."""
    return {name: (page, obj) for page, name, obj in widgets(reader)}


# --- names ----------------------------------------------------------------------------------
IDS = ["core-risks", "own-1", "a_b", "a.b", "a b", "q:1", "Zoë", "皮肤", "🙂", "_41", "-", "A"]


@pytest.mark.parametrize("item_id", IDS)
def test_names_are_safe_and_reversible(item_id: str) -> None:
    for part in ("asked", "answer"):
        name = field_name(item_id, part)
        assert name.isascii() and "." not in name and " " not in name
        assert parse_field_name(name) == (item_id, part)
    assert decode_id(encode_id(item_id)) == item_id


def test_names_never_collide_and_odd_names_are_not_questions() -> None:
    names = {field_name(i, "answer") for i in IDS}
    assert len(names) == len(IDS)
    assert encode_id("_41") != encode_id("A")
    for other in ("q:_41:answer", "q::asked", "q:a:b:asked", "q:a:notes", "consultprep:pack", ""):
        assert parse_field_name(other) is None, other


def test_every_included_question_has_a_tick_box_and_an_answer_field(tmp_path: Path) -> None:
    draft = load_draft(EXAMPLE)
    draft.checklist[-1].included = False
    reader = exported(draft, tmp_path)
    found = by_name(reader)
    included = draft.ordered_questions()
    expected = {field_name(i.id, p) for i in included for p in ("asked", "answer")}
    assert set(found) == expected | {PACK_FIELD, FOR_FIELD}
    assert field_name(draft.checklist[-1].id, "asked") not in found
    fields = reader.get_fields()
    assert set(fields) == set(found)
    for item in included:
        page, tick = found[field_name(item.id, "asked")]
        _, answer = found[field_name(item.id, "answer")]
        assert tick["/FT"] == "/Btn" and tick["/V"] == "/Off" and tick["/DV"] == "/Off"
        assert answer["/FT"] == "/Tx" and answer["/Ff"] & MULTILINE
        assert "/MaxLen" not in answer  # answers of any length
        assert answer["/TU"] == ANSWER_PREFIX + flat(item.text)
        # The tick box sits on the question's page, next to its text
        assert flat(item.text)[:40] in flat(reader.pages[page].extract_text())
        # and the answer field lies over the ruled lines, below the question, inside the page.
        x0, y0, x1, y1 = (float(v) for v in answer["/Rect"])
        tx0, ty0, _, _ = (float(v) for v in tick["/Rect"])
        assert y1 - y0 > (80 if item.top else 40) and x1 - x0 > 400  # 4 or 2 lines
        assert y1 < ty0 and x0 < tx0 + 1
    # each field points at the page it is on
    refs = [p.indirect_reference.idnum for p in reader.pages]
    for name, (page, obj) in found.items():
        assert refs.index(obj.raw_get("/P").idnum) == page, name
    acro = reader.trailer["/Root"]["/AcroForm"]
    assert acro["/NeedAppearances"].value is True  # readers draw the fields: typed text wraps
    # Readers redrawing the fields find both fonts: Helvetica for text, ZapfDingbats for the
    # tick (in one /Font dictionary: reportlab alone writes one per font, and one is lost).
    fonts = acro["/DR"]["/Font"]
    assert set(fonts) == {"/Helv", "/ZaDb"}
    assert fonts["/ZaDb"]["/BaseFont"] == "/ZapfDingbats"
    assert fonts["/Helv"]["/BaseFont"] == "/Helvetica"
    written = (tmp_path / "pack.pdf").read_bytes()  # as written: a parsed /DR keeps one /Font
    resources = written[written.index(b"/DR <<") : written.index(b"/Fields")]
    assert resources.count(b"/Font") == 1, resources


def test_the_pack_is_marked_and_the_marker_is_hidden(tmp_path: Path) -> None:
    reader = exported(Draft(), tmp_path)
    page, marker = by_name(reader)[PACK_FIELD]
    assert page == 0
    assert marker["/V"] == PACK_VALUE
    assert marker["/F"] & 2  # hidden
    assert marker["/Ff"] & READ_ONLY
    assert reader.metadata["/Keywords"] == "ConsultPrep pack"
    assert PACK_VALUE not in reader.pages[0].extract_text()


def test_recorded_answers_are_printed_once_over_empty_fields(tmp_path: Path) -> None:
    draft = Draft(concern="scars")
    draft.checklist = [
        ChecklistItem(id="a", text="Latin answer?", source="core", answer="Café, twice a day"),
        ChecklistItem(id="b", text="Greek answer?", source="core", answer="Ελληνικά σημειώσεις"),
        ChecklistItem(id="c", text="Ticked?", source="core", asked=True),
    ]
    own = add_own_question(draft, "My own question with a long answer?")
    own.answer = "Line one\nLine two"
    reader = exported(draft, tmp_path)
    fields = reader.get_fields()
    # the fields are for new notes (the answer in them too was printed twice, cramped)
    assert fields["q:a:answer"]["/V"] == "" and fields["q:a:answer"]["/DV"] == ""
    assert fields["q:b:answer"]["/V"] == ""
    assert fields["q:c:asked"]["/V"] == "/Yes" and fields["q:c:asked"]["/DV"] == "/Yes"
    assert fields["q:a:asked"]["/V"] == "/Off"
    assert fields[field_name(own.id, "answer")]["/V"] == ""
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert "My notes: Café, twice a day" in text
    assert "My notes: Ελληνικά σημειώσεις" in text  # printed in the pack's own font
    assert "Line one Line two" in text


def test_long_own_question_tooltip_is_shortened(tmp_path: Path) -> None:
    draft = Draft()
    own = add_own_question(draft, "Why " * 400)
    fields = exported(draft, tmp_path).get_fields()
    tooltip = fields[field_name(own.id, "answer")]["/TU"]
    assert tooltip.startswith(ANSWER_PREFIX + "Why Why") and tooltip.endswith("…")
    assert len(tooltip) < 400


def test_large_print_keeps_the_same_fields(tmp_path: Path) -> None:
    from exports.options import PackOptions

    draft = load_draft(EXAMPLE)
    normal = set(exported(draft, tmp_path).get_fields())
    large = PdfReader(
        export_pdf(draft, tmp_path / "large.pdf", LIBRARY, PackOptions("Letter", True))
    )
    assert set(large.get_fields()) == normal



def test_every_writing_line_is_on_the_page_printed_without_its_fields() -> None:
    """Printed without its form fields, an answer area had a line too few (the field's
    border was its lowest line); a tick box draws no line of its own (a diff review)."""
    import re
    from io import BytesIO

    from pypdf import PdfReader
    from reportlab.platypus import SimpleDocTemplate

    from exports.fonts import register_fonts
    from exports.form import FormAnswerLines, TickBoxField

    register_fonts()
    out = BytesIO()
    doc = SimpleDocTemplate(out)
    doc.build([TickBoxField("q-asked", False, "Asked"), FormAnswerLines("q1", "A question?", 3)])
    content = PdfReader(BytesIO(out.getvalue())).pages[0].get_contents().get_data().decode()
    lines = re.findall(r"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l", content)
    drawn = [(float(x1), float(x2)) for x1, _, x2, _ in lines]
    assert len(drawn) == 3 and all(x2 - x1 > 100 for x1, x2 in drawn), drawn
