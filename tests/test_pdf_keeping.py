"""What belongs together is printed on one page: the rung key, each treatment, each clinic
check with its tick box (ticked on a computer, it is read back: tests/test_clinic_checks.py)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from consultprep.content import load_library
from consultprep.evidence import kind_note
from consultprep.storage import load_draft
from consultprep.vetting import load_vetting
from exports import export_pdf
from exports.answers import read_answers
from exports.fieldnames import clinic_field_name, parse_field_name
from exports.kind_marks import KIND_SWATCHES
from exports.offer_checks import TICK_WHEN_DONE, checks_count
from exports.options import PackOptions
from tests.pdf_helpers import flat, widgets

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.consultprep"))
LIBRARY = load_library()


def pages_of(draft, tmp_path: Path, options: PackOptions | None = None) -> PdfReader:
    return PdfReader(export_pdf(draft, tmp_path / "pack.pdf", LIBRARY, options))


def page_with(pages: list[str], text: str, after: int = 0) -> int:
    """The first page (from ``after`` on) whose text has ``text``."""
    for n in range(after, len(pages)):
        if text in pages[n]:
            return n
    raise AssertionError(f"{text!r} is on no page")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_rung_key_and_each_treatment_are_on_one_page(
    example: Path, paper: str, tmp_path: Path
) -> None:
    draft = load_draft(example)
    reader = pages_of(draft, tmp_path, PackOptions(paper))
    pages = [flat(page.extract_text()) for page in reader.pages]
    key = page_with(pages, "What the rungs mean")
    marker = LIBRARY.warning_marker.short
    assert page_with(pages, marker, key) == key, "the red mark is explained beside the rungs"
    # The cards come after the key (the ladder above it on its page names them too).
    pages[key] = pages[key].split("What the rungs mean", 1)[1]
    concern = LIBRARY.concern(draft.concern).for_subtype(draft.subtype)
    for treatment in concern.treatments:
        start = page_with(pages, flat(treatment.name)[:30], key)
        unknown = flat(treatment.uncertain)[:30]
        assert page_with(pages, unknown, start) == start, treatment.name


@pytest.mark.parametrize("options", ["A4", "Letter", "large"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_ladder_has_its_lead_and_note_on_its_page_and_follows_the_evidence_heading(
    example: Path, options: str, tmp_path: Path
) -> None:
    """In large print the section's text and the ladder are taller than a page: the text came
    first, and the ladder, never split, left half a page blank above it; the note on kinds
    left out then went on alone at the top of the next page."""
    draft = load_draft(example)
    chosen = PackOptions(large_print=True) if options == "large" else PackOptions(options)
    pages = [flat(p.extract_text()) for p in pages_of(draft, tmp_path, chosen).pages]
    start = page_with(pages, "What the evidence says")
    ladder = page_with(pages, "How strong the evidence is for each treatment", start)
    # On the section's first page, or the next where only the text about the skin fitted.
    assert ladder <= start + 1
    assert page_with(pages, "Stronger evidence", start) == ladder
    concern = LIBRARY.concern(draft.concern)
    if ladder > start:
        assert page_with(pages, f"About {concern.name.lower()}", start) == start
    note = kind_note(concern, draft.subtype, printed=True)
    if note:
        assert page_with(pages, flat(note)[-40:], start) == ladder
    if options == "large":
        assert page_with(pages, f"About {concern.name.lower()}", start) <= start + 1


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_last_question_alone_on_its_page_has_the_evidence_under_it(
    example: Path, paper: str
) -> None:
    """Priya's last question went over onto a page of its own, above a blank three
    quarters: the evidence section's opening (nearly a page) moved on whole. Its heading and
    the text about the skin now go under such a question; the ladder starts the next page."""
    draft = load_draft(example)
    made = export_bytes(draft, PackOptions(paper))
    pages = [flat(p.extract_text()) for p in PdfReader(BytesIO(made)).pages]
    questions = [flat(q.text)[:30] for q in draft.ordered_questions()]
    last = page_with(pages, questions[-1])
    if sum(q in pages[last] for q in questions) == 1:  # alone on its page
        assert "What the evidence says" in pages[last]


def export_bytes(draft, options: PackOptions | None = None) -> bytes:
    from exports.pdf import render_pack

    return bytes(render_pack(draft, LIBRARY, options=options))


class Block(Flowable):
    """A flowable of a set height that notes the page it is drawn on, in ``drawn``."""

    def __init__(self, name: str, height: float, drawn: dict[str, int]) -> None:
        super().__init__()
        self.name, self.tall, self.drawn = name, height, drawn

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, self.tall

    def draw(self) -> None:
        self.drawn[self.name] = self.canv.getPageNumber()


@pytest.mark.parametrize(
    ("used", "expected"),
    [
        (0, {"heading": 1, "text": 1, "ladder": 1}),  # all of it fits: together, in order
        (400, {"heading": 1, "ladder": 1, "text": 2}),  # the first order's first part fits
        (600, {"heading": 1, "text": 1, "ladder": 2}),  # only the second order's fits
        (800, {"heading": 2, "text": 2, "ladder": 2}),  # neither: all on the next page
    ],
)
def test_kept_together_or_in_another_order(used: int, expected: dict[str, int]) -> None:
    from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer

    from exports.continued import KeptOrOtherOrder

    drawn: dict[str, int] = {}
    heading, text, ladder = (
        Block(n, h, drawn) for n, h in (("heading", 50), ("text", 200), ("ladder", 400))
    )
    doc = SimpleDocTemplate(BytesIO(), pagesize=(400, 1000), **dict.fromkeys(MARGINS, 0))
    # 988 points to fill (the frame's own padding is 6 at the top and bottom): all three
    # together take 650, the heading and ladder 450, the heading and text 250.
    kept = KeptOrOtherOrder(
        [heading, text, ladder],
        ([heading, ladder], [text]),
        ([heading, text], [KeepTogether([ladder])]),
    )
    doc.build([Spacer(1, used), kept] if used else [kept])
    assert drawn == expected
    assert list(drawn) == list(expected), "drawn in that order"


@pytest.mark.parametrize("options", ["A4", "Letter", "large"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_warning_sign_or_general_point_that_starts_a_page_has_its_heading_over_it(
    example: Path, options: str, tmp_path: Path
) -> None:
    """Alone at the top of a page, the last warning sign or point "about stem-cell treatments
    in general" read as if it belonged to nothing (from a review of the printed packs)."""
    draft = load_draft(example)
    chosen = PackOptions(large_print=True) if options == "large" else PackOptions(options)
    pages = [flat(p.extract_text()) for p in pages_of(draft, tmp_path, chosen).pages]
    for mark in ("• ", "⚠ "):  # the lists' bullets
        pages = [page.replace(mark, "") for page in pages]
    flags = [LIBRARY.red_flag(i) for i in draft.offer.red_flags] if draft.offer.offered else []
    lists = {
        "Warning signs I noticed": [f.label for f in flags if f is not None][1:],
        "About stem-cell treatments in general": [f.text for f in LIBRARY.general_facts][2:],
    }
    over = 0
    for title, items in lists.items():
        for item in items:
            for page in pages:
                if page.startswith(flat(item)[:30]):
                    raise AssertionError(f"{item!r} starts a page with no heading over it")
                over += page.startswith(f"{title} (continued) {flat(item)[:30]}")
    if example.stem == "scars" and options == "A4":
        assert over >= 1  # at least one list goes over a page end in this pack


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_in_large_print_what_we_do_not_know_is_never_split(example: Path, tmp_path: Path) -> None:
    """A treatment card may go over a page end in large print, but not inside its last
    paragraph, "What we don't know yet"; on the next page, the card's name is over it."""
    draft = load_draft(example)
    split = 0
    for paper in ("A4", "Letter"):
        reader = pages_of(draft, tmp_path, PackOptions(paper, large_print=True))
        pages = [flat(page.extract_text()) for page in reader.pages]
        key = page_with(pages, "What the rungs mean")
        concern = LIBRARY.concern(draft.concern).for_subtype(draft.subtype)
        for treatment in concern.treatments:
            # Its card's heading, after its square (the first words alone may name another
            # treatment, such as one "left out" for a different kind of skin problem)
            swatch = KIND_SWATCHES[treatment.kind]
            name = page_with(pages, f"{swatch} " + flat(treatment.name)[:30], key)
            unknown = flat(treatment.uncertain)
            start = page_with(pages, unknown[:30], key)
            assert unknown[-30:] in pages[start], treatment.name
            continued = f"{flat(treatment.name)} (continued)"
            assert (continued in pages[start]) == (start != name), treatment.name
            split += start != name
    if example.stem == "chronic-wound":
        assert split  # (the grafts card goes over a page end, so the rule is tested)


@pytest.mark.parametrize("options", ["A4", "Letter", "large"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_clinic_checks_start_with_one_and_none_is_split(
    example: Path, options: str, tmp_path: Path
) -> None:
    """The heading never stands without a check under it; a check that starts a page has the
    heading's name with "(continued)" over it, and the intro says how many checks there are."""
    draft = load_draft(example)
    draft.offer.offered = True  # the checks come with an offer
    chosen = PackOptions(large_print=True) if options == "large" else PackOptions(options)
    pages = [flat(p.extract_text()) for p in pages_of(draft, tmp_path, chosen).pages]
    vetting = load_vetting()
    start = page_with(pages, vetting.title)
    assert checks_count(len(vetting.checks)) in pages[start]
    where = [page_with(pages, flat(check.title)[:30], start) for check in vetting.checks]
    assert where[0] == start
    continued = f"{vetting.title} (continued)"
    for n, (check, page) in enumerate(zip(vetting.checks, where, strict=True)):
        assert flat(check.where)[-30:] in pages[page], check.title  # each check whole
        went_over = n > 0 and page != where[n - 1]
        named = f"{continued} {flat(check.title)[:30]}" in pages[page]
        assert named == went_over, check.title
    assert sum(continued in page for page in pages) == len(set(where)) - 1


def test_the_count_of_clinic_checks_reads_as_words() -> None:
    assert checks_count(4) == "There are four checks."
    assert checks_count(1) == "There is one check."
    assert checks_count(12) == "There are 12 checks."


def test_each_clinic_check_has_a_tick_box_beside_it_that_is_not_a_question(
    tmp_path: Path,
) -> None:
    draft = load_draft(ROOT / "resources" / "examples" / "scars.consultprep")
    reader = pages_of(draft, tmp_path)
    pages = [flat(page.extract_text()) for page in reader.pages]
    boxes = {name: (page, obj) for page, name, obj in widgets(reader)}
    for check in load_vetting().checks:
        page, box = boxes[clinic_field_name(check.id)]
        assert flat(check.title) in pages[page]
        assert box["/FT"] == "/Btn" and box["/V"] == "/Off"
        assert box["/TU"] == f"Checked: {flat(check.title)}"
        assert parse_field_name(clinic_field_name(check.id)) is None  # not a question's
        assert f"☐ {check.title}" not in pages[page]  # a drawn box, as the questions have
    vetting = load_vetting()
    intro = f"{vetting.intro} {checks_count(len(vetting.checks))} {TICK_WHEN_DONE}"
    assert flat(intro) in " ".join(pages)
    answers = read_answers(tmp_path / "pack.pdf")
    assert set(answers) == {item.id for item in draft.ordered_questions()}


def test_the_gap_after_a_question_never_sends_it_to_the_next_page() -> None:
    """Kept together with its question, the gap after the answer lines counted at the foot
    of a page: in large print, a question went to the next page with room left for it. Two
    questions go on a page just tall enough for them and the gap between, not the gap after."""
    from datetime import date
    from io import BytesIO

    from reportlab.platypus import KeepTogether, SimpleDocTemplate

    from exports.fonts import register_fonts
    from exports.pack import Pack, stacked_height
    from exports.sections import question_block
    from exports.styles import FRAME_WIDTH

    register_fonts()
    draft = load_draft(ROOT / "resources" / "examples" / "scars.consultprep")
    pack = Pack(draft, LIBRARY, date(2026, 12, 7), PackOptions(large_print=True))
    blocks = [question_block(pack, n, item) for n, item in enumerate(draft.checklist[5:7], 6)]
    assert blocks[1][-1].spaceAfter > 10  # the questions are kept apart by a gap
    padding = 12  # a frame's own padding, top and bottom
    height = stacked_height(blocks[0] + blocks[1]) + padding + 0.5  # (rounding: half a point)
    doc = SimpleDocTemplate(
        BytesIO(), pagesize=(FRAME_WIDTH + padding, height), **dict.fromkeys(MARGINS, 0)
    )
    doc.build([KeepTogether(block) for block in blocks])
    assert doc.page == 1


MARGINS = ("leftMargin", "rightMargin", "topMargin", "bottomMargin")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_in_normal_print_every_treatment_card_is_kept_whole(paper: str) -> None:
    """Every treatment of every concern fits within ``CARD_WHOLE`` of a page, so its "What we
    don't know yet" can never be cut off from it, wherever a draft puts it: a card whose text
    grows past it fails here, not in some patient's pack (the stem-cell card for foot ulcers
    grew to 0.32 of a Letter page, past the 0.3 of before)."""
    from datetime import date

    from reportlab.platypus import KeepTogether

    from exports.fonts import register_fonts
    from exports.pack import Pack, stacked_height
    from exports.sections import CARD_WHOLE, treatment

    register_fonts()
    draft = load_draft(EXAMPLES[0])
    pack = Pack(draft, LIBRARY, date(2026, 12, 7), PackOptions(paper=paper))
    for concern in LIBRARY.concerns:
        for t in concern.treatments:
            made = treatment(pack, t)
            assert len(made) == 1 and isinstance(made[0], KeepTogether), t.id
            share = stacked_height(list(made[0]._content)) / pack.frame_height
            assert share <= CARD_WHOLE, (t.id, round(share, 3))
