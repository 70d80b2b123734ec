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


def display_p3_profile() -> bytes:
    """A colour profile like an iPhone's (Display P3 primaries, gamma 2.2), made here."""
    import struct

    def s15(x: float) -> bytes:
        return struct.pack(">i", round(x * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + s15(x) + s15(y) + s15(z)

    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256))
    name = b"Display P3 (test)\0"
    tags = [
        (b"desc", b"desc\0\0\0\0" + struct.pack(">I", len(name)) + name + b"\0" * 79),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.5151, 0.2412, -0.0011)),
        (b"gXYZ", xyz(0.2920, 0.6922, 0.0419)),
        (b"bXYZ", xyz(0.1571, 0.0666, 0.7841)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0none\0"),
    ]
    offset, table, data = 128 + 4 + 12 * len(tags), b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    body = struct.pack(">I", len(tags)) + table + data
    header = (
        struct.pack(">I", 128 + len(body)) + b"lcms" + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ " + b"\0" * 12 + b"acsp" + b"APPL" + b"\0" * 24
        + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 48
    )
    return header + body
