"""Photo files for the UI tests, made with Pillow (the app's UI itself never imports Pillow)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

#: Hidden details a phone puts in a photo; none of them may reach the draft or the PDF.
CAMERA_MAKER = "SecretPhoneMaker"
CAMERA_SERIAL = "SERIAL-987654"


def write_photo(
    path: Path,
    size: tuple[int, int] = (600, 400),
    *,
    taken: str | None = "2024:05:17 10:30:00",
    colour: tuple[int, int, int] = (210, 150, 140),
) -> Path:
    """Save a JPEG (or PNG, by the suffix) with a date and private EXIF details; return it."""
    im = Image.new("RGB", size, colour)
    im.paste((160, 60, 60), (size[0] // 4, size[1] // 4, 3 * size[0] // 4, 3 * size[1] // 4))
    if path.suffix.lower() == ".png":
        im.save(path)
        return path
    exif = Image.Exif()
    exif[0x010F] = CAMERA_MAKER
    exif[0xA431] = CAMERA_SERIAL
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 0.0)  # GPS latitude
    im.save(path, "JPEG", exif=exif, quality=85)
    return path
