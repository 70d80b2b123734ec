"""The PDF pack: right content in the right place, any text prints literally, bad places fail.

Every content test runs twice: against a small in-memory library (so the layout code is
tested on its own, with awkward names) and against the real bundled content.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from consultprep.checklist import add_own_question, set_top, sync_checklist
from consultprep.content import Library, load_library
from consultprep.models import (
    AboutSkin,
    ChecklistItem,
    ClinicOffer,
    Draft,
    Photo,
    Scores,
    TriedTreatment,
)
from consultprep.storage import load_draft
from exports import ExportError, export_pdf
from tests.pdf_helpers import flat, pdf_invariant  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.consultprep"))
GENERATED = date(2026, 12, 1)
HOSTILE = {
    "script": "<script>alert(1)</script>",
    "entity": "&amp; &lt;",
    "markup": "<b>bold</b> <para> <font name='x'>",
    "scripts": "Zoë Ελληνικά Кириллица",
    "emoji": "🙂 👩🏽‍⚕️ 🇬🇧",
    "cjk": "皮肤",
    "arabic": "مرحبا بالعالم",
    "combining": "e\u0301 a\u0308\u0323",
    "controls": "a\x00b\x07c\x1b[31m\u202eevil\u202c",
}


# --- libraries ------------------------------------------------------------------------------
def _questions(prefix: str, n: int = 6) -> list[dict]:
    return [
        {"id": f"{prefix}-q{i}", "text": f"{prefix} question {i}?", "why": f"{prefix} reason {i}."}
        for i in range(1, n + 1)
    ]


def _treatments(cid: str) -> list[dict]:
    long_name = "A treatment with an exceedingly long name " * 4 + "Supercalifragilistic" * 6
    return [
        {
            "id": "msc",
            "name": f"{cid} stem cells",
            "kind": "regenerative",
            "level": 1,
            "warning": True,
            "warning_note": "Not approved.",
            "summary": "Tried in mice.",
            "uncertain": "Whether it works in people.",
            "citations": ["r1"],
        },
        {
            "id": "long",
            "name": long_name,
            "kind": "regenerative",
            "level": 2,
            "summary": "A few small studies.",
            "uncertain": "Most things.",
            "citations": ["r2"],
        },
        {
            "id": "std",
            "name": f"{cid} standard care",
            "kind": "established",
            "level": 4,
            "summary": "Recommended first.",
            "uncertain": "Long-term effects.",
            "citations": ["r1", "r3"],
        },
        {
            "id": "wait",
            "name": "Waiting / doing nothing",
            "kind": "waiting",
            "summary": "Many improve by themselves.",
            "uncertain": "Who will.",
            "citations": ["r3"],
        },
    ]


def mini_library() -> Library:
    """Four concerns, awkward names, markup-like characters in the content too."""
    concerns = [
        {
            "id": cid,
            "name": f"Concern {cid.upper()} & <co>",
            "description": f"About {cid}.",
            "normal_repair": "Skin repairs itself.",
            "citations": ["r2"],
            "subtypes": [{"id": f"{cid}-a", "name": f"Subtype of {cid}", "description": "A kind."}],
            "treatments": _treatments(cid),
            "questions": _questions(cid),
        }
        for cid in ("scars", "chronic-wound", "inflammatory", "ageing")
    ]
    return Library.model_validate(
        {
            "meta": {
                "content_version": "test-1",
                "reviewed_on": "2026-01-01",
                "review_by": "2026-06-01",
                "disclaimer": "Test disclaimer: not medical advice.",
                "privacy": "Private.",
            },
            "levels": [
                {"level": n, "short": f"Rung {n} short label", "meaning": f"Meaning {n}."}
                for n in (1, 2, 3, 4)
            ],
            "warning_marker": {"short": "Warnings issued", "meaning": "A regulator warned."},
            "core_questions": _questions("core", 3),
            "offer_questions": _questions("offer", 2),
            "red_flags": [
                {
                    "id": "rf-promise",
                    "label": "Big promises",
                    "explanation": "Too good.",
                    "question_ids": ["offer-q1"],
                    "citations": ["r3"],
                }
            ],
            "references": [
                {
                    "id": f"r{n}",
                    "citation": f"Author{n} et al. (2020). Study number {n}.",
                    "link": f"https://doi.org/10.1000/{n}",
                }
                for n in (1, 2, 3, 4)
            ],
            "conditions": [{"id": "diabetes", "label": "Diabetes"}],
            "concerns": concerns,
            "general_facts": [
                {"id": "f1", "text": "Most uses are research only.", "citations": ["r4"]}
            ],
        }
    )


@pytest.fixture(scope="module", params=["mini", "real"])
def library(request: pytest.FixtureRequest) -> Library:
    return mini_library() if request.param == "mini" else load_library()


# --- helpers --------------------------------------------------------------------------------
def full_draft(library: Library, concern_id: str = "scars") -> Draft:
    concern = library.concern(concern_id)
    draft = Draft(concern=concern_id, subtype=concern.subtypes[0].id)
    draft.about = AboutSkin(
        patient_name="Margaret O'Neill",
        body_area="Left shoulder",
        duration="Two years",
        symptoms="Raised and itchy, worse at night.",
        scores=Scores(itch=7, sleep=4),
        treatments_tried=[TriedTreatment(name="Silicone gel", how_it_went="Helped a little")],
        medicines="Ramipril 5 mg",
        allergies="Penicillin",
        conditions=[library.conditions[0].id],
        other_conditions="Mild asthma",
        goals="To sleep through the night.",
        appointment_date=date(2026, 12, 3),
        clinician="Dr Patel",
    )
    flag = library.red_flags[0]
    draft.offer = ClinicOffer(
        offered=True,
        treatment="Stem cell injections",
        clinic="Renew Clinic",
        location="abroad",
        country="Turkey",
        cost="£4,500",
        claims="Guaranteed results",
        red_flags=[flag.id],
    )
    sync_checklist(draft, library)
    for item in draft.checklist[1:3]:
        set_top(draft, item.id, True)
    own = add_own_question(draft, "Can I see photos of your own patients' results?")
    set_top(draft, own.id, True)
    draft.checklist[0].included = False
    draft.checklist[4].answer = "She said the studies are small."
    return draft


def export(draft: Draft, library: Library, tmp_path: Path, name: str = "pack.pdf") -> PdfReader:
    path = export_pdf(draft, tmp_path / name, library)
    assert path == tmp_path / name
    return PdfReader(path)


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


# --- the content --------------------------------------------------------------------------
def test_full_pack_has_everything_in_order(library: Library, tmp_path: Path) -> None:
    draft = full_draft(library)
    reader = export(draft, library, tmp_path)
    pages = page_texts(reader)
    n = len(pages)
    first = flat(pages[0])
    everything = flat(" ".join(pages))
    concern = library.concern("scars")
    assert concern.name in first
    assert concern.subtypes[0].name in first
    assert "not medical advice" in first.lower()
    assert f"page 1 of {n}" in first
    for item in draft.top_questions():
        assert item.text in first, item.text
    for label in (
        "Margaret O'Neill",
        "3 December 2026",
        "Dr Patel",
        "Left shoulder",
        "Ramipril 5 mg",
        "Penicillin",
        "Mild asthma",
        "7 / 10",
        "4 / 10",
        "Silicone gel",
        "To sleep through the night.",
    ):
        assert label in first, label
    assert library.conditions[0].label in first
    for k, text in enumerate(pages, 1):
        assert f"page {k} of {n}" in text
    questions = draft.ordered_questions()
    for item in questions:
        assert item.text in everything, item.text
        info = library.question(item.id)
        if info is not None:
            assert f"Why ask: {info.why}" in everything
    assert draft.checklist[0].text not in everything  # not included
    assert "She said the studies are small." in everything
    # the evidence: every treatment, its summary, and a warning where there is one
    for t in concern.treatments:
        assert flat(t.summary) in everything, t.id
        assert flat(t.uncertain) in everything, t.id
        if t.warning:
            assert flat(t.warning_note) in everything
    for fact in library.general_facts:
        assert flat(fact.text) in everything
    # the offer and its red flag
    flag = library.red_flags[0]
    assert "The clinic's offer" in everything and "Abroad — Turkey" in everything
    assert flag.label in everything and flat(flag.explanation) in everything
    # references, numbered in the order cited, and the content's version and disclaimer
    refs = everything[everything.rindex("References") :]
    for ref in library.citations_for(concern):
        assert flat(ref.citation)[:40] in refs
    assert "[1]" in refs
    assert flat(library.meta.disclaimer) in everything
    assert f"Content version {library.meta.content_version}" in everything
    # order of the sections
    order = [
        "My top three questions",
        "My questions",
        "What the evidence says",
        "The clinic's offer",
        "References",
    ]
    positions = [everything.index(h) for h in order]
    assert positions == sorted(positions)


def test_metadata_names_the_pack_not_the_patient(library: Library, tmp_path: Path) -> None:
    reader = export(full_draft(library), library, tmp_path)
    meta = reader.metadata
    assert meta.title == "ConsultPrep consultation pack"
    assert meta.author in ("", "ConsultPrep")
    raw = " ".join(str(v) for v in meta.values())
    assert "Margaret" not in raw and str(tmp_path) not in raw
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    assert outline == [
        "Summary for the clinician",
        "My questions",
        "What the evidence says",
        "The clinic's offer",
        "References",
    ]


@pytest.mark.parametrize("concern_id", ["scars", "chronic-wound", "inflammatory", "ageing"])
def test_every_concern_prints_its_ladder(library: Library, concern_id: str, tmp_path) -> None:
    reader = export(full_draft(library, concern_id), library, tmp_path)
    text = flat(" ".join(page_texts(reader)))
    assert library.concern(concern_id).name in text
    assert "Stronger evidence" in text and "Comparison point" in text
    for level in library.levels:
        assert level.short in text
    assert library.warning_marker.short in text


def test_offer_section_only_when_offered(library: Library, tmp_path: Path) -> None:
    draft = full_draft(library)
    draft.offer.offered = False
    text = flat(" ".join(page_texts(export(draft, library, tmp_path))))
    assert "The clinic's offer" not in text
    assert "Renew Clinic" not in text


def test_empty_draft_makes_a_valid_pack(library: Library, tmp_path: Path) -> None:
    reader = export(Draft(), library, tmp_path)
    pages = page_texts(reader)
    assert "No concern chosen" in pages[0]
    assert "Not given" in pages[0]
    assert f"page 1 of {len(pages)}" in pages[0]
    assert "No questions were chosen." in " ".join(pages)


def test_unknown_ids_are_ignored(library: Library, tmp_path: Path) -> None:
    draft = Draft(concern="no-such-concern", subtype="nope")
    draft.about.conditions = ["no-such-condition"]
    draft.offer = ClinicOffer(offered=True, red_flags=["no-such-flag"])
    draft.checklist = [
        ChecklistItem(
            id="gone", text="A question no longer in the library", source="concern", top=True
        )
    ]
    text = flat(" ".join(page_texts(export(draft, library, tmp_path))))
    assert "No concern chosen" in text
    assert "A question no longer in the library" in text
    assert "I did not tick any warning signs." in text


# --- any text prints literally ------------------------------------------------------------
def test_hostile_text_prints_literally(library: Library, tmp_path: Path) -> None:
    nasty = " | ".join(HOSTILE.values())
    draft = full_draft(library)
    about = draft.about
    for field in (
        "patient_name",
        "body_area",
        "duration",
        "symptoms",
        "medicines",
        "allergies",
        "other_conditions",
        "goals",
        "clinician",
    ):
        setattr(about, field, f"{field}: {nasty}")
    about.treatments_tried = [TriedTreatment(name=nasty, how_it_went=nasty)]
    draft.offer.claims = nasty
    draft.checklist[-1].text = f"Own: {nasty}"
    draft.checklist[-1].answer = nasty
    reader = export(draft, library, tmp_path)
    pages = page_texts(reader)
    text = " ".join(pages)
    assert "<script>alert(1)</script>" in text
    assert "&amp; &lt;" in text
    assert "<b>bold</b> <para> <font name='x'>" in flat(text)  # it may wrap at a space
    assert "Zoë Ελληνικά Кириллица" in text
    assert "<script>alert(1)</script>" in pages[0]  # in the top three, on page 1
    assert "\ufffd" in text  # emoji and CJK are shown as the substitute mark
    assert "🙂" not in text and "皮肤" not in text
    assert "\x00" not in text and "\x07" not in text and "\u202e" not in text
    assert "cannot be printed with this pack's font" in flat(text)


def test_long_text_flows_over_pages_and_is_cut_with_a_note(library: Library, tmp_path) -> None:
    draft = full_draft(library)
    words = ("itchy " * 20_000)[:100_000]
    draft.about.symptoms = words
    draft.about.goals = "x" * 100_000  # one enormous word
    draft.about.patient_name = "N" * 100_000
    draft.checklist[-1].text = "Q" * 100_000
    draft.checklist[-1].answer = "answer " * 15_000
    started = time.perf_counter()
    reader = export(draft, library, tmp_path)
    assert time.perf_counter() - started < 8
    pages = page_texts(reader)
    assert len(pages) < 60
    text = " ".join(pages)
    assert "more characters are not printed here" in text
    assert "itchy itchy" in text


def test_safe_text_escapes_and_cleans() -> None:
    from exports.fonts import SUBSTITUTE, plain_text, safe_text

    assert safe_text("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert safe_text("&amp;") == "&amp;amp;"
    assert safe_text("a\x00b\x07c") == "abc"
    assert safe_text("one\r\ntwo\n\n\n\nthree\n") == "one<br/>two<br/><br/>three"
    assert safe_text("🙂🙂 ok 皮肤") == f"{SUBSTITUTE} ok {SUBSTITUTE}"
    assert safe_text("👍🏽\u200d") == SUBSTITUTE
    assert safe_text("e\u0301") == "é"
    assert safe_text(None) == "" and safe_text("") == ""
    assert "more characters are not printed" in safe_text("a" * 50, limit=10)
    assert plain_text("<b>\nx") == "<b> x"
    # right-to-left text is put in visual order; Arabic letters take their joined forms
    assert safe_text("שלום") == "םולש"
    shaped = safe_text("مرحبا")
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in shaped)
    assert safe_text("Name: أحمد 2024").startswith("Name: 2024 ")


# --- photos ---------------------------------------------------------------------------------
def _jpeg(width: int, height: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 110)).save(out, "JPEG")
    return out.getvalue()


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (width, height), (10, 200, 10, 128)).save(out, "PNG")
    return out.getvalue()


def test_photos_are_printed_and_broken_ones_left_out(tmp_path: Path) -> None:
    library = mini_library()
    draft = full_draft(library)
    draft.photos = [
        Photo(
            id="p1",
            caption="Shoulder <in June>",
            taken_on=date(2026, 6, 1),
            width=400,
            height=300,
            data=_jpeg(400, 300),
        ),
        Photo(id="p2", caption="Tall one", width=100, height=900, data=_jpeg(100, 900)),
        Photo(id="p3", caption="Broken", width=10, height=10, data=b"not a jpeg"),
        Photo(id="p4", caption="Cut", width=10, height=10, data=b"\xff\xd8\xff\xe0 cut"),
        Photo(id="p5", caption="A PNG", width=30, height=20, data=_png(30, 20)),
        Photo(id="p6", caption="Half a PNG", width=30, height=20, data=_png(30, 20)[:60]),
    ]
    reader = export(draft, library, tmp_path)
    text = flat(" ".join(page_texts(reader)))
    assert "Photos of my skin" in text
    assert "Shoulder <in June> — taken 1 June 2026" in text
    assert "3 photo(s) could not be printed" in text
    assert "Broken" not in text and "A PNG" in text
    images = sum(len(page.images) for page in reader.pages)
    thumbnails = len(reader.pages[0].images)  # small ones on the clinician's page
    assert 1 <= thumbnails <= 3
    assert images == thumbnails + 3  # and each again, larger, with its caption


# --- where it is saved ----------------------------------------------------------------------
def test_file_is_private_and_replaced_atomically(tmp_path: Path) -> None:
    library = mini_library()
    path = tmp_path / "pack.pdf"
    path.write_bytes(b"old")
    export_pdf(Draft(), path, library)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


def test_same_draft_same_bytes() -> None:
    from exports.pdf import render_pack

    library = mini_library()
    draft = full_draft(library)
    assert render_pack(draft, library, GENERATED) == render_pack(draft, library, GENERATED)


def _assert_fails_cleanly(target: Path, library: Library, *words: str) -> None:
    with pytest.raises(ExportError) as info:
        export_pdf(Draft(), target, library)
    message = str(info.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    for word in words:
        assert word in message


def test_bad_places_give_one_plain_sentence(tmp_path: Path) -> None:
    library = mini_library()
    _assert_fails_cleanly(tmp_path, library, "is a folder")
    _assert_fails_cleanly(tmp_path / "missing" / "pack.pdf", library, "does not exist")
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    _assert_fails_cleanly(a_file / "pack.pdf", library, "does not exist")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        _assert_fails_cleanly(folder / "pack.pdf", mini_library(), "cannot save")
    finally:
        folder.chmod(0o700)


def test_write_failure_becomes_export_error(tmp_path: Path, monkeypatch) -> None:
    import exports.pdf

    def full_disk(path: Path, data: bytes, mode: int = 0o600) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports.pdf, "atomic_write_bytes", full_disk)
    _assert_fails_cleanly(tmp_path / "pack.pdf", mini_library(), "No space left on device")


# --- packaging and examples -----------------------------------------------------------------
def test_importing_exports_does_not_load_reportlab() -> None:
    code = "import exports, sys; assert 'reportlab' not in sys.modules, 'reportlab loaded'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_exports(example: Path, tmp_path: Path) -> None:
    library = load_library()
    draft = load_draft(example)
    reader = export(draft, library, tmp_path)
    pages = page_texts(reader)
    first = flat(pages[0])
    concern = library.concern(draft.concern)
    assert concern is not None and concern.name in first
    for item in draft.top_questions():
        assert flat(item.text) in first
    everything = flat(" ".join(pages))
    for item in draft.ordered_questions():
        assert flat(item.text) in everything
    assert f"page 1 of {len(pages)}" in first


@pytest.mark.parametrize("width", [180.0, 300.0, 481.0])
def test_ladder_pills_stay_inside_the_picture(library: Library, width: float) -> None:
    from exports.flowables import PAD, EvidenceLadder
    from exports.styles import FRAME_HEIGHT

    for concern in library.concerns:
        ladder = EvidenceLadder(concern, library)
        w, h = ladder.wrap(width, FRAME_HEIGHT)
        assert w == width and 0 < h <= FRAME_HEIGHT
        inner = width / ladder._scale - PAD
        pills = [p for row in ladder._rows for p in row.pills]
        assert len(pills) == len(concern.treatments)
        assert all(p.x + p.w <= inner + 0.01 for p in pills), concern.id
        for x, _, label, _, _ in ladder._legend:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            assert x + 16 + stringWidth(label, "DejaVuSans", 8.5) <= inner + 0.01
