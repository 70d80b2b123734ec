"""Photos are turned upright, shrunk, stripped of all metadata, and travel inside the draft."""

from __future__ import annotations

import io
import os
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from consultprep.models import Draft
from consultprep.photos import PhotoError, add_photo, clean_image, move_photo, remove_photo
from consultprep.storage import load_draft, save_draft


def _jpeg_with_private_exif(path: Path, size=(3000, 1500), orientation=6) -> None:
    im = Image.new("RGB", size, "white")
    im.paste((200, 30, 30), (0, 0, size[0] // 2, size[1]))  # left half red
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0xA431] = "SERIAL-12345"  # body serial number (would live in the Exif IFD)
    exif.get_ifd(0x8769)[0x9003] = "2026:10:03 14:22:01"
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 0.0)  # GPS latitude
    im.save(path, "JPEG", exif=exif, quality=90)


def test_photo_is_upright_small_and_clean(tmp_path: Path) -> None:
    src = tmp_path / "arm.jpg"
    _jpeg_with_private_exif(src)
    draft = Draft()
    photo = add_photo(draft, src, caption="Left arm")
    assert draft.photos == [photo]
    assert photo.taken_on == date(2026, 10, 3)
    # orientation 6 = rotate 90°: the 3000x1500 landscape becomes portrait, long side 2000
    assert (photo.width, photo.height) == (1000, 2000)
    with Image.open(io.BytesIO(photo.data)) as im:
        assert im.format == "JPEG"
        assert im.size == (1000, 2000)
        assert not im.getexif()
        assert "exif" not in im.info and "icc_profile" not in im.info
        r, g, _b = im.convert("RGB").getpixel((500, 100))  # the red half is now on top
        assert r > 150 and g < 90
    assert b"SERIAL-12345" not in photo.data and b"PhoneMaker" not in photo.data


def test_given_date_wins_over_exif(tmp_path: Path) -> None:
    src = tmp_path / "a.jpg"
    _jpeg_with_private_exif(src, size=(400, 300), orientation=1)
    photo = add_photo(Draft(), src, taken_on=date(2025, 1, 2))
    assert photo.taken_on == date(2025, 1, 2)
    assert (photo.width, photo.height) == (400, 300)


def test_png_with_transparency(tmp_path: Path) -> None:
    src = tmp_path / "t.png"
    Image.new("RGBA", (50, 40), (0, 0, 0, 0)).save(src)
    photo = add_photo(Draft(), src)
    with Image.open(io.BytesIO(photo.data)) as im:
        assert im.getpixel((1, 1)) == (255, 255, 255)
    assert photo.taken_on is None


def _jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((400, 400), 60).convert("RGB").save(out, "JPEG")
    return out.getvalue()


def _png_header_only(path: Path, width: int, height: int) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_text("just some notes"), "not a photo"),
        (lambda p: p.write_bytes(_jpeg_bytes()[:2000]), "damaged"),
        (lambda p: _png_header_only(p, 12_000, 9_000), "too large"),
        (lambda p: None, "could not be found"),
        (lambda p: p.mkdir(), "is a folder, not a photo"),
        (lambda p: os.mkfifo(p), "is not an ordinary file"),  # it was called "empty"
    ],
    ids=["empty", "text", "corrupt-jpeg", "100-megapixel", "missing", "folder", "pipe"],
)
def test_bad_photos_get_a_sentence_and_leave_draft_alone(tmp_path: Path, make, words) -> None:
    src = tmp_path / "photo.png"
    make(src)
    draft = Draft()
    before = draft.model_copy(deep=True)
    with pytest.raises(PhotoError) as info:
        add_photo(draft, src)
    assert words in str(info.value)
    assert "\n" not in str(info.value)
    assert draft == before


def test_photos_travel_inside_the_draft_file(tmp_path: Path) -> None:
    draft = Draft()
    for n in range(3):
        src = tmp_path / f"{n}.jpg"
        _jpeg_with_private_exif(src, size=(300 + n, 200), orientation=1)
        add_photo(draft, src, caption=f"Photo {n} ✓", taken_on=date(2026, 1, 3 - n))
    move_photo(draft, draft.photos[2].id, -2)
    remove_photo(draft, draft.photos[1].id)
    path = tmp_path / "d.consultprep"
    save_draft(draft, path)
    for f in tmp_path.glob("*.jpg"):
        f.unlink()  # the originals are gone: the draft alone must carry the photos
    again = load_draft(path)
    assert again == draft
    assert [p.caption for p in again.photos] == ["Photo 2 ✓", "Photo 1 ✓"]
    assert [p.caption for p in again.photos_by_date()] == ["Photo 2 ✓", "Photo 1 ✓"]
    assert all(p.data[:2] == b"\xff\xd8" for p in again.photos)


@pytest.mark.parametrize(
    ("size", "decoded", "kept"),
    [
        ((4000, 3000), (2000, 1500), (2000, 1500)),  # 12 MP: decoded at half size
        ((8000, 2000), (2000, 500), (2000, 500)),  # very wide: a quarter
        ((3000, 2000), (3000, 2000), (2000, 1333)),  # cannot halve: decoded in full, shrunk
    ],
)
def test_a_big_jpeg_is_decoded_at_reduced_scale(
    tmp_path: Path, size: tuple[int, int], decoded: tuple[int, int], kept: tuple[int, int]
) -> None:
    from consultprep.photos import _draft_size

    src = tmp_path / "big.jpg"
    Image.new("RGB", size, (90, 140, 200)).save(src, "JPEG", quality=70)
    with Image.open(src) as im:
        im.draft("RGB", _draft_size(im.width, im.height))  # what clean_image asks for
        assert im.size == decoded
    _, width, height, _ = clean_image(src)
    assert (width, height) == kept


def test_a_photo_without_permission_says_so(tmp_path: Path, monkeypatch) -> None:
    """Not "damaged": the photo may be fine, the patient just cannot open it (the tests may
    run as root, who can read anything, so the refusal is simulated)."""
    from consultprep import photos

    src = tmp_path / "locked.jpg"
    src.write_bytes(_jpeg_bytes())

    def refuse(path: Path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(photos, "_open_quietly", refuse)
    with pytest.raises(PhotoError, match="do not have permission to open the photo"):
        add_photo(Draft(), src)


def test_a_photo_in_another_colour_profile_keeps_its_colours(tmp_path: Path) -> None:
    """An iPhone's photo is in Display P3; the clean copy has no profile, so its colours are
    turned into sRGB first (a red rash looked less red, a bad-input hunt)."""
    from PIL import ImageCms

    from tests.image_files import display_p3_profile

    profile = display_p3_profile()
    path = tmp_path / "p3.jpg"
    Image.new("RGB", (300, 200), (220, 60, 60)).save(path, icc_profile=profile, quality=95)
    data, *_ = clean_image(path)
    cleaned = Image.open(io.BytesIO(data))
    assert "icc_profile" not in cleaned.info
    red, green, blue = cleaned.getpixel((150, 100))
    assert red > 230 and green < 45, (red, green, blue)  # as sRGB shows that P3 red
    assert ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(profile)))


def test_a_large_16_bit_greyscale_picture_is_read(tmp_path: Path) -> None:
    """(Pillow could not shrink it, and "damaged" was said.)"""
    path = tmp_path / "scan.png"
    Image.new("I;16", (8000, 3000), 40000).save(path)
    data, width, height, _ = clean_image(path)
    assert (width, height) == (2000, 750)
    grey = Image.open(io.BytesIO(data)).getpixel((10, 10))
    assert abs(grey[0] - 40000 // 256) <= 2


def test_a_palette_picture_in_another_colour_profile_keeps_its_colours(tmp_path: Path) -> None:
    from tests.image_files import display_p3_profile

    path = tmp_path / "p3.png"
    picture = Image.new("RGB", (300, 200), (220, 60, 60)).convert("P", palette=Image.Palette.ADAPTIVE)
    picture.save(path, icc_profile=display_p3_profile())
    data, *_ = clean_image(path)
    red, green, _blue = Image.open(io.BytesIO(data)).getpixel((150, 100))
    assert red > 230 and green < 45, (red, green)  # as sRGB shows that P3 red
