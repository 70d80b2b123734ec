"""The PDF pack's photos, where it is saved (privately, atomically, or one plain sentence why
not), and every example draft exported."""

from __future__ import annotations

import io
import re
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from consultprep.content import Library, load_library
from consultprep.links import web_address
from consultprep.models import (
    Draft,
    Photo,
)
from consultprep.storage import load_draft
from exports import ExportError, export_pdf
from tests.pdf_helpers import flat, flat_pages, pdf_invariant  # noqa: F401
from tests.pdf_library import (
    EXAMPLES,
    GENERATED,
    ROOT,
    export,
    full_draft,
    mini_library,
    page_texts,
)


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


def _giant_jpeg() -> bytes:
    """A small JPEG whose header says 65000 x 65000 pixels: its header reads well, but
    Pillow refuses it as a decompression bomb."""
    data = bytearray(_jpeg(8, 8))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = (65000).to_bytes(2, "big") * 2  # height, then width
    return bytes(data)


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
        Photo(id="p7", caption="Giant", width=10, height=10, data=_giant_jpeg()),
    ]
    reader = export(draft, library, tmp_path)
    text = flat(" ".join(page_texts(reader)))
    assert "Photos of my skin" in text
    assert "Shoulder <in June> — taken 1 June 2026" in text
    assert "4 photos could not be put in the PDF and were left out" in text
    assert "Broken" not in text and "Giant" not in text and "A PNG" in text
    images = sum(len(page.images) for page in reader.pages)
    thumbnails = len(reader.pages[0].images)  # small ones on the clinician's page
    assert 1 <= thumbnails <= 3
    assert images == thumbnails + 3  # and each again, larger, with its caption
    from exports.images import left_out_note, photos_left_out

    assert photos_left_out(draft) == 4  # as the window and the command line say
    assert left_out_note(1) == (
        "1 photo could not be put in the PDF and was left out. It is still in your draft."
    )


def test_counting_photos_left_out_after_a_pack_decodes_nothing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A photo that is not a JPEG is decoded once for the pack; the count the window and
    the command line give just after uses what the pack found. The next pack, of another
    draft, forgets the photos of this one."""
    from reportlab.lib.utils import ImageReader

    from exports import images

    library = mini_library()
    draft = full_draft(library)
    draft.photos = [
        Photo(id="p1", caption="A PNG", width=30, height=20, data=_png(30, 20)),
        Photo(id="p2", caption="Half a PNG", width=30, height=20, data=_png(30, 20)[:60]),
    ]
    export(draft, library, tmp_path)
    decoded = []
    real = ImageReader.getRGBData
    monkeypatch.setattr(
        ImageReader, "getRGBData", lambda self: decoded.append(1) or real(self)
    )
    assert images.photos_left_out(draft) == 1
    assert decoded == []
    assert images._decoded == {}  # let go once counted
    other = full_draft(library)
    export(other, library, tmp_path, name="other.pdf")
    assert not any(entry[0] is draft.photos[0].data for entry in images._decoded.values())


# --- where it is saved ----------------------------------------------------------------------
def test_file_is_private_and_replaced_atomically(tmp_path: Path) -> None:
    library = mini_library()
    path = tmp_path / "pack.pdf"
    path.write_bytes(b"%PDF-1.4 an older pack")
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
    _assert_fails_cleanly(a_file / "pack.pdf", library, "is a file, not a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_read_only_folder(read_only_folder: Path) -> None:
    target = read_only_folder / "pack.pdf"
    with pytest.raises(ExportError, match=r"(cannot save|could not be saved).*\.$"):
        export_pdf(Draft(), target, mini_library())
    assert not target.exists()


def test_write_failure_becomes_export_error(tmp_path: Path, monkeypatch) -> None:
    import exports.pdf

    def full_disk(path: Path, data: bytes, mode: int = 0o600) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports.pdf, "atomic_write_bytes", full_disk)
    _assert_fails_cleanly(
        tmp_path / "pack.pdf", mini_library(), "the disk is full. Please choose another place."
    )


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
    kind = concern.subtype(draft.subtype)
    assert kind is not None and flat(kind.description) in flat_pages(pages)  # under "About"
    for item in draft.top_questions():
        assert flat(item.text) in first
    everything = flat_pages(pages)
    for item in draft.ordered_questions():
        assert flat(item.text) in everything
    assert f"page 1 of {len(pages)}" in first
    # each treatment's numbers stand beside the figures they back (its summary)
    for t in concern.for_subtype(draft.subtype).treatments:
        last_words = flat(t.summary)[-25:]
        assert re.search(re.escape(last_words) + r" \[\d", everything), t.id
    # every reference in the list opens its page: a DOI at doi.org, a PMID at PubMed
    listed = [r for r in library.references if flat(r.citation) in everything]
    addresses = {
        annot.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    }
    assert listed and all(web_address(r.link) in addresses for r in listed)


@pytest.mark.parametrize("location", ["abroad", "uk"])
def test_the_uk_only_note_comes_first_for_a_clinic_abroad(location: str, tmp_path: Path) -> None:
    from consultprep.vetting import load_vetting

    vetting = load_vetting()
    draft = load_draft(EXAMPLES[0].with_name("scars.consultprep"))
    draft.offer.location = location
    text = flat(" ".join(page_texts(export(draft, load_library(), tmp_path))))
    note = text.index(flat(vetting.abroad_note))
    first_check = text.index(flat(vetting.checks[0].title))
    assert (note < first_check) == (location == "abroad")
    assert text.count(flat(vetting.abroad_note)) == 1
