"""The clinician's first page is one page, whatever the patient typed; the rest follows."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from consultprep.content import load_library
from consultprep.models import Draft, Photo, ReadinessCheck, TriedTreatment
from consultprep.storage import load_draft
from exports.options import PackOptions
from exports.pack import CONTINUED, cut_text
from exports.page_one import BUDGETS, CONTINUATION_TITLE, attempts
from exports.pdf import render_pack
from exports.summary import readiness_line
from tests.pdf_helpers import flat, pdf_invariant  # noqa: F401
from tests.pdf_library import ABOUT_TEXT_FIELDS, EXAMPLES, ROOT

LIBRARY = load_library()
MADE = date(2026, 12, 1)
PAGE_ONE_HEADINGS = (
    "My skin consultation",
    "What matters most to me",
    "My top three questions",
    "Ready to decide",
    "The skin problem",
    "My health",
    "How much it bothers me",
    "Treatments I have tried",
    "Photos",
)


def _jpeg(width: int, height: int, shade: int = 0) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (180, 120, 20 * shade)).save(out, "JPEG")
    return out.getvalue()


def enormous_draft() -> Draft:
    """An example draft with 100,000 characters in every text field, and lots of everything."""
    draft = load_draft(ROOT / "resources" / "examples" / "scars.consultprep")
    words = ("itchy and sore " * 7_000)[:100_000]
    for name in ABOUT_TEXT_FIELDS:
        setattr(draft.about, name, f"{name} {words}")
    draft.about.treatments_tried = [
        TriedTreatment(name=f"Treatment {n} {words}", how_it_went=words) for n in range(12)
    ]
    for n, item in enumerate(draft.top_questions(), 1):
        item.text = f"Top question {n} {words}"
    draft.photos = [
        Photo(id=f"p{n}", caption=f"Photo {n}", width=300, height=200, data=_jpeg(300, 200, n))
        for n in range(6)
    ]
    draft.readiness.before = ReadinessCheck(
        sure="yes", understand="not_yet", values_clear="yes", support=None
    )
    return draft


def pages_of(draft: Draft, options: PackOptions | None = None) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(render_pack(draft, LIBRARY, MADE, options)))
    return reader, [flat(p.extract_text() or "") for p in reader.pages]


@pytest.mark.parametrize(
    "options",
    [PackOptions(), PackOptions(paper="Letter", large_print=True)],
    ids=["a4", "letter-large"],
)
def test_enormous_fields_keep_page_one_on_one_page(options: PackOptions) -> None:
    draft = enormous_draft()
    reader, pages = pages_of(draft, options)
    first, second = pages[0], pages[1]
    for heading in PAGE_ONE_HEADINGS:
        assert heading in first, heading
    for n in (1, 2, 3):
        assert f"Top question {n} itchy" in first
    assert f"({CONTINUED})" in first
    assert "Scars" in first and "7 / 10" in first
    assert "… and 11 more" in first  # the other tried treatments are on page 2
    assert len(reader.pages[0].images) == 2  # photo thumbnails, as many as fit
    assert "2 of 6 shown here" in first
    assert "1 of" in first and "page 1 of" in first
    # page 2 starts the continuation; nothing of page 1 spilled over
    assert second.startswith(CONTINUATION_TITLE)
    for heading in ("The skin problem", "My health", "How much it bothers me"):
        assert heading not in second
    everything = " ".join(pages)
    for name in ABOUT_TEXT_FIELDS:
        assert f"{name} itchy and sore itchy and sore itchy and sore" in everything
    for n in range(12):
        assert f"Treatment {n} itchy" in everything
    # the continuation is cut at the pack's usual limit, with its note
    assert "more characters are not printed here" in everything


def test_a_normal_draft_is_not_cut() -> None:
    for example in EXAMPLES:
        draft = load_draft(example)
        _, pages = pages_of(draft)
        assert CONTINUED not in pages[0], example.stem
        assert CONTINUATION_TITLE not in " ".join(pages), example.stem
        assert pages[1].startswith("My questions"), example.stem
        for item in draft.top_questions():
            assert flat(item.text) in pages[0]


def test_many_lines_are_cut_too() -> None:
    draft = load_draft(EXAMPLES[0])
    draft.about.medicines = "\n".join(f"Medicine number {n}" for n in range(400))
    _, pages = pages_of(draft)
    assert "Medicine number 0" in pages[0] and "Medicine number 399" not in pages[0]
    assert f"({CONTINUED})" in pages[0]
    assert pages[1].startswith(f"{CONTINUATION_TITLE} ") and "Medicines I take" in pages[1]
    assert "Medicine number 399" in " ".join(pages[1:])


def test_thumbnails_on_page_one_and_full_photos_later() -> None:
    draft = load_draft(EXAMPLES[0])
    draft.photos = [
        Photo(id=f"p{n}", caption=f"Photo {n}", width=200, height=300, data=_jpeg(200, 300, n))
        for n in range(2)
    ]
    reader, pages = pages_of(draft)
    assert len(reader.pages[0].images) == 2
    assert "Larger photos, with their dates, are later in this pack." in pages[0]
    assert any("Photos of my skin" in text for text in pages[1:])


# --- the parts ------------------------------------------------------------------------------
def test_cut_text_keeps_words_and_lines() -> None:
    assert cut_text("short", 10, 2) == "short"
    assert cut_text("one two three four", 12, 5) == "one two"
    assert cut_text("a\nb\nc\nd", 100, 2) == "a\nb"
    assert cut_text("x" * 50, 10, 3) == "x" * 10  # one long word is cut where it must
    assert cut_text("", 10, 1) == ""


def test_attempts_shrink_type_before_cutting_hard() -> None:
    normal = list(attempts(1.0))
    assert normal[0] == (1.0, BUDGETS[0])
    assert normal[-1] == (0.9, BUDGETS[-1])
    large = list(attempts(1.4))
    assert large[0] == (1.4, BUDGETS[0])
    scales = [s for s, _ in large]
    assert scales == sorted(scales, reverse=True) and min(scales) == 0.9
    assert all(b in BUDGETS[:2] for s, b in large if s > 0.9)


def test_readiness_line() -> None:
    from consultprep.readiness import summary_line

    draft = Draft()
    assert readiness_line(draft) is None
    draft.readiness.before = ReadinessCheck()
    assert readiness_line(draft) is None  # not taken
    check = ReadinessCheck(sure="not_yet", understand="yes", values_clear=None, support="yes")
    draft.readiness.before = check
    assert readiness_line(draft) == f"Ready to decide: {summary_line(check)}"
    draft.readiness.after = ReadinessCheck(sure="yes", understand="yes")  # not on page 1
    assert readiness_line(draft) == f"Ready to decide: {summary_line(check)}"
    _, pages = pages_of(draft)
    assert f"Ready to decide: {summary_line(check)}" in pages[0]
    draft.about.helper = "Susan, daughter"  # the answers may be the carer's view
    said = f"Ready to decide: {summary_line(check)} (filled in with a carer's help)"
    assert readiness_line(draft) == said


def test_only_the_patients_words_are_cut_never_consultprep_s_own() -> None:
    """Long words of the patient's make page 1 cut text hard; the top three questions from
    ConsultPrep's list and the names of ticked conditions are short, and stay whole."""
    draft = load_draft(ROOT / "resources" / "examples" / "scars.consultprep")
    words = ("itchy and sore " * 7_000)[:100_000]
    for name in ABOUT_TEXT_FIELDS:
        setattr(draft.about, name, f"{name} {words}")
    draft.about.conditions = [c.id for c in LIBRARY.conditions[:4]]
    top = draft.top_questions()
    assert top and all(item.source != "own" for item in top)
    _, pages = pages_of(draft)
    first = pages[0]
    assert f"({CONTINUED})" in first  # the patient's words were cut
    for item in top:
        assert flat(item.text) in first, item.text
    for condition in LIBRARY.conditions[:4]:
        assert condition.label.lower() in first.lower(), condition.label


def test_the_details_box_values_start_where_the_lines_under_it_do() -> None:
    """The patient's name, clinician and concern began a little left of "Where on the body"
    and the other values under the box (from a review of the printed packs)."""
    draft = load_draft(ROOT / "resources" / "examples" / "scars.consultprep")
    reader = PdfReader(io.BytesIO(render_pack(draft, LIBRARY)))
    starts: dict[str, float] = {}

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            starts.setdefault(text.strip(), round(tm[4] * cm[0] + cm[4], 1))

    reader.pages[0].extract_text(visitor_text=seen)
    box = [starts[v] for v in (draft.about.patient_name, draft.about.clinician)]
    under = [starts[v] for v in (draft.about.body_area, draft.about.duration)]
    assert len({*box, *under}) == 1, starts


def test_medicines_and_allergies_are_cut_last() -> None:
    """A busy but ordinary draft: four medicines, three allergies, long symptoms and offer,
    six treatments tried. Page 1 cut the medicines to two (the rest on page 2) while other
    text was still there: a clinician checks medicines and allergies before prescribing."""
    draft = load_draft(EXAMPLES[0])
    medicines = ["Bisoprolol 2.5 mg", "Aspirin 75 mg", "Atorvastatin 40 mg", "Omeprazole 20 mg"]
    allergies = ["Penicillin (rash)", "Elastoplast", "Latex"]
    draft.about.medicines = "\n".join(medicines)
    draft.about.allergies = "\n".join(allergies)
    long = "It itches at night and catches on my clothes, and it has spread past the line. "
    draft.about.symptoms = long * 6
    draft.about.goals = long * 6
    draft.about.treatments_tried = [
        TriedTreatment(name=f"Treatment {n}", how_it_went=long * 2) for n in range(6)
    ]
    _, pages = pages_of(draft)
    health = pages[0].split("Medicines I take", 1)[1].split("How much it bothers me", 1)[0]
    for text in [*medicines, *allergies]:
        assert text in health, text
    assert "Medicines I take" not in pages[1] and "Allergies" not in pages[1]
    assert f"({CONTINUED})" in pages[0]  # other text was cut instead


def test_the_safety_floor_still_cuts_an_endless_list() -> None:
    from exports.pack import SAFETY_CHARS

    draft = load_draft(EXAMPLES[0])
    draft.about.allergies = " ".join(f"allergy{n:03}" for n in range(300))
    _, pages = pages_of(draft)
    shown = [w for w in pages[0].split() if w.startswith("allergy")]
    assert SAFETY_CHARS // 20 < len(shown) < 300  # at least a few lines' worth, not all
    assert "allergy299" in " ".join(pages[1:])


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large-print"])
def test_a_score_of_ten_is_on_one_line(large_print: bool) -> None:
    """It printed as "10 /" with "10" on the next line."""
    from reportlab.platypus import Table

    from exports.pack import Pack
    from exports.styles import FRAME_WIDTH
    from exports.summary import scores

    draft = Draft()
    draft.about.scores.itch, draft.about.scores.pain = 10, 3
    pack = Pack(draft, LIBRARY, MADE, PackOptions(large_print=large_print))
    scores(pack)
    table = next(f for f in pack.story if isinstance(f, Table))
    table.wrap(FRAME_WIDTH, 1000)
    assert sum(table._colWidths) <= FRAME_WIDTH  # (in large print it ran past the edge)
    for row in table._cellvalues:
        cell = row[2]
        score = cell[0] if isinstance(cell, (list, tuple)) else cell
        assert "/ 10" in score.text
        assert len(score.blPara.lines) == 1, score.text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_date_of_birth_and_age_stay_on_one_line(paper: str) -> None:
    """The right-hand labels are short, so their values have the room: "17 Feb 1994
    (age 33)" put its age on a line of its own (a review)."""
    from exports.fonts import register_fonts
    from exports.pack import Pack
    from exports.summary import details_box

    register_fonts()
    draft = load_draft(ROOT / "resources" / "examples" / "inflammatory.consultprep")
    pack = Pack(draft, LIBRARY, date(2026, 12, 8), PackOptions(paper=paper))
    table = details_box(pack)
    widths = table._argW
    for row in table._cellvalues:
        for column, cell in enumerate(row):
            text = getattr(cell, "text", "")
            if "(age" in text or text in ("Date of birth", "Appointment"):
                cell.wrap(widths[column] - 12, 1000)  # (the box's cell padding)
                assert len(cell.blPara.lines) == 1, text
