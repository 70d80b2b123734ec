"""Export, photo and scaling parts of the benchmark (in process, warm; photo import in a child).

See :mod:`tests.bench.run`.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from tests.bench.common import (
    EXAMPLES,
    FONT_FILE,
    PHOTO_SIZE,
    Row,
    interleaved,
    median_ms,
    run_bench_child,
    timed,
)
from tests.bench.startup_child import peak_rss_kb


# --- exports --------------------------------------------------------------------------------
def floor_pdf() -> bytes:
    """A bare three-page platypus document: 60 paragraphs, a table, the same TTF font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    if "BenchSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSans", str(FONT_FILE)))
    style = ParagraphStyle("bench", fontName="BenchSans", fontSize=11, leading=15)
    sentence = "What does the research say about this treatment for my skin, and how sure is it?"
    story: list = [Paragraph(f"{n + 1}. {sentence}", style) for n in range(60)]
    story.insert(20, Table([[f"Cell {r}.{c}" for c in range(4)] for r in range(12)]))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title="floor")
    doc.build(story)
    return buffer.getvalue()


def page_count(pdf: bytes) -> int:
    """Number of pages, read from the PDF's page objects (no PDF library needed)."""
    return pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>") + pdf.count(b"/Type /Page ")


def make_photo(path: Path, seed: int) -> None:
    """A 12-megapixel JPEG that compresses like a real photo (gradients and fine noise)."""
    from PIL import Image

    width, height = PHOTO_SIZE
    noise = Image.effect_noise((width // 4, height // 4), 40 + seed).resize((width, height))
    gradient = Image.linear_gradient("L").resize((width, height))
    red = Image.blend(noise, gradient, 0.5)
    rgb = Image.merge("RGB", (red, gradient.rotate(90 * seed), noise))
    rgb.save(path, "JPEG", quality=92)


def example_drafts():
    from consultprep.storage import load_draft

    return {p.stem: load_draft(p) for p in sorted(EXAMPLES.glob("*.consultprep"))}


def retyped(draft, n: int):
    """A copy of ``draft`` with " n" after every text the patient typed (fields, tried
    treatments, offer, BRAN notes, answers, own questions): none of it is in any pack made
    before, so only the content library's text can have been remembered from earlier packs."""
    from pydantic import BaseModel

    copy = draft.model_copy(deep=True)
    fixed = {"id", "concern", "subtype", "source", "location"}  # ids and choices, not typing

    def walk(model: BaseModel) -> None:
        for name, value in list(model.__dict__.items()):
            if isinstance(value, str) and value and name not in fixed:
                setattr(model, name, f"{value} {n}")
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, BaseModel):
                    walk(item)

    for part in (copy.about, copy.offer, *copy.bran):
        walk(part)
    for item in copy.checklist:
        item.answer = f"{item.answer} {n}" if item.answer else ""
        if item.source == "own":
            item.text = f"{item.text} {n}"
    return copy


def make_photos(folder: Path, count: int = 6) -> list[Path]:
    """``count`` 12-megapixel JPEGs in ``folder``."""
    paths = [folder / f"photo-{n}.jpg" for n in range(count)]
    for n, path in enumerate(paths):
        make_photo(path, n)
    return paths


def bench_exports(repeat: int, paths: list[Path]) -> list[Row]:
    from consultprep.content import load_library
    from consultprep.photos import add_photo
    from exports.pdf import render_pack

    library = load_library()
    floor_pages = page_count(floor_pdf())

    def against_floor(label: str, draft, make: Callable[[], object]) -> Row:
        """``make()`` against the floor; ``draft`` is a draft it exports, to count pages."""
        ex, fl = interleaved(make, floor_pdf, repeat)
        ratio = median_ms(ex) / median_ms(fl)
        pages = page_count(render_pack(draft, library))
        per_page = (median_ms(ex) / pages) / (median_ms(fl) / floor_pages)
        return Row(
            label.format(pages=pages),
            f"{median_ms(ex):.0f} ms",
            f"{median_ms(fl):.0f} ms ({floor_pages} pages)",
            f"{ratio:.2f}× ({per_page:.2f}× per page)",
            "≤ 2.5×",
            ratio <= 2.5,
        )

    rows: list[Row] = []
    for name, draft in example_drafts().items():
        draft.photos = []
        label = f"Export “{name}” ({{pages}} pages, no photos)"
        rows.append(against_floor(label, draft, lambda d=draft: render_pack(d, library)))
    # The same pack again, but everything typed is new each time (as after editing a draft).
    draft = example_drafts()["scars"]
    draft.photos = []
    fresh = iter([retyped(draft, n) for n in range(repeat + 2)])
    label = "Export “scars” ({pages} pages), all typed text new each time"
    rows.append(against_floor(label, draft, lambda: render_pack(next(fresh), library)))
    # Six 12 MP photos, added the way the app adds them.
    draft = example_drafts()["scars"]
    draft.photos = []
    with_photos = draft.model_copy(deep=True)
    for n, path in enumerate(paths):
        add_photo(with_photos, path, caption=f"Photo {n + 1}")
    plain, photos = interleaved(
        lambda: render_pack(draft, library), lambda: render_pack(with_photos, library), repeat
    )
    extra = median_ms(photos) - median_ms(plain)
    rows.append(
        Row(
            "Export with six 12 MP photos",
            f"{median_ms(photos):.0f} ms",
            f"{median_ms(plain):.0f} ms (no photos)",
            f"+{extra:.0f} ms",
            "≤ +50 ms",
            extra <= 50,
        )
    )
    return rows


def child_photo(path: str, repeat: int) -> dict:
    """Peak memory of one 12 MP import (in a fresh process), then its time."""
    from PIL import Image

    from consultprep.photos import clean_image

    small = Path(tempfile.mkdtemp()) / "small.jpg"
    Image.new("RGB", (64, 48), "white").save(small, "JPEG")
    clean_image(small)  # imports and first-use costs, not counted
    before = peak_rss_kb()
    tracemalloc.start()
    clean_image(path)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    after = peak_rss_kb()
    times = timed(lambda: clean_image(path), repeat, warmup=0)
    return {
        "rss_growth_kb": after - before,
        "rss_peak_kb": after,
        "traced_peak_kb": traced_peak // 1024,
        "median_ms": median_ms(times),
    }


def bench_photo(paths: list[Path], repeat: int, home: Path) -> list[Row]:
    mean_mb = statistics.mean(p.stat().st_size for p in paths) / 1e6
    reports = [run_bench_child("photo", str(p), str(repeat), home=home) for p in paths[:3]]
    ms = statistics.median(r["median_ms"] for r in reports)
    growth = statistics.median(r["rss_growth_kb"] for r in reports) / 1024
    peak = statistics.median(r["rss_peak_kb"] for r in reports) / 1024
    traced = statistics.median(r["traced_peak_kb"] for r in reports) / 1024
    return [
        Row(
            f"Photo import, 12 MP JPEG ({mean_mb:.1f} MB)",
            f"{ms:.0f} ms",
            "",
            "",
            "≤ 80 ms",
            ms <= 80,
        ),
        Row(
            "Photo import, peak memory",
            f"+{growth:.0f} MB RSS",
            f"{peak:.0f} MB process peak",
            f"{traced:.1f} MB Python heap",
            "",
            None,
        ),
    ]


# --- scaling ------------------------------------------------------------------------------
def scaled_draft(base, questions: int, photos: int, photo_data: bytes, size: tuple[int, int]):
    """``base`` with ``questions`` own questions (with answers) and ``photos`` photos."""
    from consultprep.models import ChecklistItem, Photo

    draft = base.model_copy(deep=True)
    draft.checklist = [
        ChecklistItem(
            id=f"own-{n}",
            text=f"Question {n + 1}: what would this treatment mean for my skin in a year?",
            source="own",
            top=n < 3,
            answer="The clinic said results vary." if n % 2 else "",
        )
        for n in range(questions)
    ]
    draft.photos = [
        Photo(
            id=f"p{n}",
            caption=f"Photo {n + 1}",
            width=size[0],
            height=size[1],
            data=distinct_jpeg(photo_data, n),
        )
        for n in range(photos)
    ]
    return draft


def distinct_jpeg(data: bytes, n: int) -> bytes:
    """The same JPEG with a comment saying ``n``: it looks the same but is not the same file,
    so the pack cannot store it only once."""
    comment = f"photo {n}".encode()
    return data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:]


def _linear(counts: list[int], values: list[float]) -> tuple[float, float]:
    """Least-squares slope per item, and how far the middle value is from the straight line
    through the two outer ones, as a share of the whole rise (0 is perfectly linear; a cost
    growing with the square of the count would give about -0.2 for 10/100/500).
    """
    slope = statistics.linear_regression(counts, values).slope
    rise = values[2] - values[0]
    on_line = values[0] + rise * (counts[1] - counts[0]) / (counts[2] - counts[0])
    return slope, (values[1] - on_line) / rise if rise else 0.0


def bench_scaling(repeat: int, photo: Path) -> list[Row]:
    from consultprep.content import load_library
    from consultprep.photos import clean_image
    from exports.pdf import render_pack

    library = load_library()
    base = example_drafts()["scars"]
    base.photos = []
    data, width, height, _ = clean_image(photo)
    rows: list[Row] = []
    for label, counts, kind in (
        ("questions", [10, 100, 500], "q"),
        ("photos", [0, 10, 50], "p"),
    ):
        times, peaks = [], []
        for count in counts:
            q, p = (count, 0) if kind == "q" else (20, count)
            draft = scaled_draft(base, q, p, data, (width, height))
            n = max(2, repeat // 2) if count >= 100 or (kind == "p" and count) else repeat
            times.append(median_ms(timed(lambda d=draft: render_pack(d, library), n)))
            tracemalloc.start()
            render_pack(draft, library)
            peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
            tracemalloc.stop()
        slope, off = _linear(counts, times)
        mem_slope, mem_off = _linear(counts, peaks)
        pairs = ", ".join(f"{c}: {t:.0f} ms / {m:.0f} MB" for c, t, m in zip(counts, times, peaks))
        rows.append(
            Row(
                f"Export, {label} {counts[0]}/{counts[1]}/{counts[2]}",
                pairs,
                "",
                f"{slope:.2f} ms and {mem_slope:.3f} MB per item; {counts[1]} is "
                f"{off:+.0%} (time) and {mem_off:+.0%} (memory) of the rise off the line "
                f"through {counts[0]} and {counts[2]}; t({counts[2]})/t({counts[1]}) = "
                f"{times[2] / times[1]:.1f}",
                "linear (within ±25%)",
                abs(off) <= 0.25,
            )
        )
    return rows
