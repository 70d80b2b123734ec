"""Paper size (A4 or Letter, from the locale unless chosen) and large print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from consultprep.content import load_library
from consultprep.storage import load_draft
from exports import export_pdf
from exports.options import PackOptions, default_paper, paper_for_locale
from tests.pdf_helpers import flat, flat_pages, pdf_invariant, widgets  # noqa: F401
from ui.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "scars.consultprep"
LIBRARY = load_library()
A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)


def page_size(reader: PdfReader, n: int = 0) -> tuple[float, float]:
    box = reader.pages[n].mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def widget_rects(reader: PdfReader) -> list[tuple[int, str, list[float]]]:
    """(page index, field name, [x0, y0, x1, y1]) of every form field."""
    return [(n, name, [float(v) for v in obj["/Rect"]]) for n, name, obj in widgets(reader)]


def export(tmp_path: Path, options: PackOptions | None, name: str = "pack.pdf") -> PdfReader:
    draft = load_draft(EXAMPLE)
    return PdfReader(export_pdf(draft, tmp_path / name, LIBRARY, options))


# --- the paper for a locale -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US.UTF-8", "Letter"),
        ("en_CA.UTF-8", "Letter"),
        ("fr_CA", "Letter"),
        ("es_MX.utf8", "Letter"),
        ("en-US", "Letter"),
        ("en_GB.UTF-8", "A4"),
        ("de_DE@euro", "A4"),
        ("en_AU", "A4"),
        ("en", "A4"),
        ("C.UTF-8", "A4"),
        ("POSIX", "A4"),
        ("", "A4"),
        (None, "A4"),
    ],
)
def test_paper_for_locale(name: str | None, paper: str) -> None:
    assert paper_for_locale(name) == paper


def test_default_paper_reads_lc_all_then_lc_paper_then_lang() -> None:
    assert default_paper({"LANG": "en_US.UTF-8"}) == "Letter"
    assert default_paper({"LC_PAPER": "en_GB.UTF-8", "LANG": "en_US.UTF-8"}) == "A4"
    assert default_paper({"LC_ALL": "en_CA.UTF-8", "LC_PAPER": "en_GB.UTF-8"}) == "Letter"
    assert default_paper({"LC_ALL": "", "LANG": "es_MX.UTF-8"}) == "Letter"
    assert default_paper({}) == "A4"


def test_options_reject_unknown_paper_and_scale_large_print() -> None:
    with pytest.raises(ValueError):
        PackOptions(paper="A5")  # type: ignore[arg-type]
    assert PackOptions().scale == 1.0
    assert 1.3 <= PackOptions(large_print=True).scale <= 1.5


# --- the PDF --------------------------------------------------------------------------------
def test_default_is_a4_normal_print(tmp_path: Path) -> None:
    reader = export(tmp_path, None)
    assert all(page_size(reader, n) == A4 for n in range(len(reader.pages)))


def test_letter_pages_and_everything_inside_them(tmp_path: Path) -> None:
    reader = export(tmp_path, PackOptions(paper="Letter"))
    assert all(page_size(reader, n) == LETTER for n in range(len(reader.pages)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert f"page 1 of {len(reader.pages)}" in text
    for _, name, (x0, y0, x1, y1) in widget_rects(reader):
        assert 0 <= x0 < x1 <= LETTER[0] and 0 <= y0 < y1 <= LETTER[1], name


def test_large_print_makes_boxes_and_lines_bigger(tmp_path: Path) -> None:
    normal = export(tmp_path, PackOptions(), "normal.pdf")
    large = export(tmp_path, PackOptions(large_print=True), "large.pdf")
    assert len(large.pages) > len(normal.pages)

    def sizes(reader: PdfReader, part: str) -> set[float]:
        return {
            round(y1 - y0, 1) for _, name, (_, y0, _, y1) in widget_rects(reader) if part in name
        }

    scale = PackOptions(large_print=True).scale
    (tick,) = sizes(normal, ":asked")
    (big_tick,) = sizes(large, ":asked")
    assert big_tick == pytest.approx(tick * scale, abs=0.2)
    lines = sorted(sizes(normal, ":answer"))  # (two heights: under a top-three question, more)
    big_lines = sorted(sizes(large, ":answer"))
    assert len(lines) == len(big_lines) == 2
    assert all(big > small * 1.3 for small, big in zip(lines, big_lines, strict=True))
    for _, name, (x0, _, x1, _) in widget_rects(large):
        assert 0 <= x0 < x1 <= A4[0], name


def text_sizes(reader: PdfReader, n: int) -> dict[float, str]:
    """The type sizes (in points, as printed) on page ``n``, each with some text set in it."""
    found: dict[float, str] = {}

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.setdefault(round(size * tm[3] * cm[3], 1), text.strip())

    reader.pages[n].extract_text(visitor_text=seen)
    return found


@pytest.mark.parametrize("example", ["scars", "chronic-wound"])
def test_large_print_text_is_16_pt_or_more(example: str, tmp_path: Path) -> None:
    """All text after page 1 is at 16 pt or more, but the footer and the evidence ladder,
    which is drawn as large as its page allows (small text was 14 pt, the body 15.4). Page 1
    may step down to fit."""
    from exports.styles import FOOTER_MAX_SCALE, FOOTER_SIZE

    draft = load_draft(ROOT / "resources" / "examples" / f"{example}.consultprep")
    reader = PdfReader(
        export_pdf(draft, tmp_path / "large.pdf", LIBRARY, PackOptions(large_print=True))
    )
    footer = round(FOOTER_SIZE * FOOTER_MAX_SCALE, 1)
    checked = 0
    for n in range(1, len(reader.pages)):
        if "Stronger evidence" in reader.pages[n].extract_text():
            continue  # the ladder's page
        sizes = text_sizes(reader, n).items()
        # The "!" of a red warning badge is a mark in a circle as tall as the text beside it.
        small = {size: text for size, text in sizes if size < 16 and text != "!"}
        assert set(small) <= {footer}, (n + 1, small)
        checked += 1
    assert checked >= len(reader.pages) - 3


def test_large_print_letter_keeps_page_one_and_every_question(tmp_path: Path) -> None:
    draft = load_draft(EXAMPLE)
    reader = export(tmp_path, PackOptions(paper="Letter", large_print=True))
    pages = [page.extract_text() for page in reader.pages]
    first = flat(pages[0])
    for item in draft.top_questions():
        assert flat(item.text) in first
    assert "My questions" not in first
    everything = flat_pages(pages)
    for item in draft.ordered_questions():
        assert flat(item.text) in everything


def test_same_options_same_bytes() -> None:
    from exports.pdf import render_pack

    draft = load_draft(EXAMPLE)
    options = PackOptions(paper="Letter", large_print=True)
    made = date(2026, 12, 1)
    first = render_pack(draft, LIBRARY, made, options)
    assert first == render_pack(draft, LIBRARY, made, options)
    assert first != render_pack(draft, LIBRARY, made)


# --- the command line -----------------------------------------------------------------------
def test_cli_paper_and_large_print_flags(tmp_path: Path, capsys) -> None:
    out = tmp_path / "letter.pdf"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--paper", "letter", "--large-print"]) == 0
    reader = PdfReader(out)
    assert page_size(reader) == LETTER
    out = tmp_path / "a4.pdf"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--paper", "A4"]) == 0
    assert page_size(PdfReader(out)) == A4
    assert main(["export", str(EXAMPLE), "-o", str(out), "--paper", "a5"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "size"), [("en_US.UTF-8", LETTER), ("en_GB.UTF-8", A4)])
def test_cli_paper_follows_the_locale(tmp_path: Path, monkeypatch, lang: str, size) -> None:
    for variable in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", lang)
    out = tmp_path / "pack.pdf"
    assert main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    assert page_size(PdfReader(out)) == size


# --- the review page ------------------------------------------------------------------------
def test_review_page_passes_paper_and_large_print(qtbot, tmp_path: Path, monkeypatch) -> None:
    from tests.ui_helpers import install_fake_dialogs
    from ui.pages.review_page import ReviewPage

    install_fake_dialogs(monkeypatch)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # the paper list starts on the locale's paper
    review = ReviewPage(load_draft(EXAMPLE), LIBRARY)
    qtbot.addWidget(review)
    controls = review.pack_options
    assert controls.paper_box.currentData() == "Letter"
    assert not controls.large_print_check.isChecked()
    assert controls.paper_box.accessibleName() == "Paper size"

    review.pdf_path_edit.setText(str(tmp_path / "big.pdf"))
    controls.large_print_check.setChecked(True)
    saved = review.save_pdf()
    assert saved == tmp_path / "big.pdf"
    reader = PdfReader(saved)
    assert page_size(reader) == LETTER
    ticks = {round(y1 - y0, 1) for _, n, (_, y0, _, y1) in widget_rects(reader) if ":asked" in n}
    assert ticks == {round(13 * PackOptions(large_print=True).scale, 1)}

    controls.paper_box.setCurrentIndex(controls.paper_box.findData("A4"))
    controls.large_print_check.setChecked(False)
    assert controls.options() == PackOptions(paper="A4", large_print=False)
    review.pdf_path_edit.setText(str(tmp_path / "a4.pdf"))
    assert page_size(PdfReader(review.save_pdf())) == A4


def question_lines(reader: PdfReader, n: int) -> list[tuple[float, float]]:
    """(baseline, type size) of each numbered question's first line on page ``n``, in points
    up from the foot of the page."""
    found: list[tuple[float, float]] = []

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        bold = "Bold" in str((font or {}).get("/BaseFont", ""))
        if bold and text[:1].isdigit() and ". " in text[:5]:
            found.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], size * tm[3] * cm[3]))

    reader.pages[n].extract_text(visitor_text=seen)
    return found


@pytest.mark.parametrize("large", [False, True])
def test_a_question_tick_box_is_level_with_its_first_line(large: bool, tmp_path: Path) -> None:
    """Each box's middle is level with the middle of the capitals of its question's first line,
    under "TOP THREE" too (in large print that line's type is raised to 16 pt, and the box
    was drawn 5 pt too high)."""
    reader = export(tmp_path, PackOptions(large_print=large))
    pages = {n for n, name, _ in widget_rects(reader) if name.endswith(":asked")}
    checked = 0
    for n in sorted(pages):
        lines = question_lines(reader, n)
        for page, name, (_, y0, _, y1) in widget_rects(reader):
            if page != n or not name.endswith(":asked"):
                continue
            middle = (y0 + y1) / 2
            baseline, size = min(lines, key=lambda line: abs(line[0] - middle))
            capitals = baseline + 0.729 * size / 2  # DejaVu Sans Bold's capitals: 0.729 em
            assert abs(middle - capitals) <= 1.5, (n + 1, name, middle, capitals)
            checked += 1
    assert checked == len(load_draft(EXAMPLE).ordered_questions())


def test_large_print_starts_ticked_for_someone_with_the_app_text_made_big(qtbot) -> None:
    """A first-use walk-through at 150 % text found the PDF's large print unticked."""
    from ui import settings
    from ui.appearance import SCALE_KEY
    from ui.pack_options import LARGE_PRINT_FROM, PackChoices

    for scale, ticked in ((100, False), (LARGE_PRINT_FROM - 10, False), (LARGE_PRINT_FROM, True)):
        settings.write(SCALE_KEY, scale)
        assert PackChoices().large_print_check.isChecked() is ticked, scale
    row = PackChoices()  # the text made bigger since: followed, until the patient chooses
    settings.write(SCALE_KEY, 100)
    row.follow_text_size()
    assert not row.large_print_check.isChecked()
    row.large_print_check.click()  # chosen: kept, whatever the text size
    settings.write(SCALE_KEY, 100)
    row.follow_text_size()
    assert row.large_print_check.isChecked()
