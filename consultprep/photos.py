"""Adding photos of the skin to a draft, cleaned for privacy.

Every photo is decoded (JPEG at reduced scale, which makes a 12 MP photo fast), turned upright
from its EXIF orientation, shrunk to at most 2000 px on the long side and re-encoded as a JPEG
with no metadata at all: no GPS position, no camera serial numbers, no thumbnails. Only the
date it was taken is read from EXIF, as a suggestion the patient can change.

Pillow is imported only when a photo is added, so starting the app stays fast.
"""

from __future__ import annotations

import io
import os
import stat
import uuid
import warnings
from datetime import date, datetime
from pathlib import Path

from consultprep.models import Draft, Photo
from consultprep.os_errors import in_plain_words

MAX_SIDE = 2000
MAX_FILE_BYTES = 80 * 1024 * 1024
# A JPEG is decoded at 1/2, 1/4 or 1/8 scale, so very large ones stay cheap; other formats
# are decoded in full, so they get a lower ceiling.
MAX_PIXELS_JPEG = 250_000_000
MAX_PIXELS_OTHER = 64_000_000
JPEG_QUALITY = 85
SUPPORTED = "JPEG, PNG or HEIC"
#: How to get a smaller copy of a photo too large to open.
SMALLER_COPY = "Most phones and photo apps can share or save a photo at a smaller size."

_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 0x9003
_DATE_TIME = 0x0132


class PhotoError(Exception):
    """A photo could not be added. ``str(error)`` is one plain sentence."""


_heif_checked = False


def _enable_heif() -> None:
    """Let Pillow read HEIC photos when the optional pillow-heif package is installed."""
    global _heif_checked
    if _heif_checked:
        return
    _heif_checked = True
    from PIL import Image

    # Our own limits below are the real guard; Pillow's is set to match so it neither warns
    # about a big JPEG we can decode cheaply at reduced scale nor refuses it.
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS_JPEG
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return
    register_heif_opener()


def _exif_date(exif) -> date | None:
    values = [exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL), exif.get(_DATE_TIME)]
    for value in values:
        if isinstance(value, bytes):
            value = value.decode("ascii", "replace")
        if not isinstance(value, str):
            continue
        try:
            return datetime.strptime(value.strip()[:19], "%Y:%m:%d %H:%M:%S").date()
        except ValueError:
            continue
    return None


#: JPEG markers that start a frame and give the image's size (SOF0 to SOF15, less DHT, JPG, DAC).
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a JPEG's frame header, without decoding it; None if ``data`` is
    not a JPEG whose header can be read."""
    if not data.startswith(b"\xff\xd8"):
        return None
    i, end = 2, len(data)
    while i + 4 <= end:
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers with no length
            i += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, or the image data before any frame header
            return None
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if length < 2:
            return None
        if marker in _SOF_MARKERS:
            if i + 9 > end:
                return None
            height = int.from_bytes(data[i + 5 : i + 7], "big")
            width = int.from_bytes(data[i + 7 : i + 9], "big")
            return (width, height) if width > 0 and height > 0 else None
        i += 2 + length
    return None


def clean_image(image_path: str | os.PathLike[str]) -> tuple[bytes, int, int, date | None]:
    """Read an image file and return (clean JPEG bytes, width, height, EXIF date or None).

    Raises
    ------
    PhotoError
        With one plain sentence if the file is missing, empty, not an image or too large.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    _enable_heif()
    path = Path(image_path)
    name = f"“{path.name}”"
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PhotoError(f"The photo {name} could not be found.") from None
    except OSError as exc:
        raise PhotoError(f"The photo {name} could not be read ({in_plain_words(exc)}).") from None
    except UnicodeEncodeError:  # (as for drafts: consultprep.storage.LETTERS_NOT_USABLE)
        from consultprep.storage import LETTERS_NOT_USABLE

        raise PhotoError(f"The photo {name} cannot be opened: {LETTERS_NOT_USABLE}.") from None
    size = info.st_size
    if stat.S_ISDIR(info.st_mode):
        raise PhotoError(f"{name} is a folder, not a photo.")
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device: reading it might never end
        raise PhotoError(f"{name} is not an ordinary file, so it cannot be a photo.")
    if size == 0:
        raise PhotoError(f"The file {name} is empty, so it is not a photo.")
    if size > MAX_FILE_BYTES:
        raise PhotoError(f"The file {name} is too large to be added (over 80 MB).")
    try:
        with _open_quietly(path) as im:
            pixels = im.width * im.height
            limit = MAX_PIXELS_JPEG if im.format == "JPEG" else MAX_PIXELS_OTHER
            if pixels > limit:
                raise PhotoError(
                    f"The photo {name} is too large for ConsultPrep to open. Please use a "
                    f"smaller copy of it. {SMALLER_COPY}"
                )
            exif = im.getexif()
            taken_on = _exif_date(exif)
            if im.format == "JPEG":
                im.draft("RGB", _draft_size(im.width, im.height))
            im.load()
            upright = ImageOps.exif_transpose(im)
            if upright.mode in _SIXTEEN_BIT:  # (Pillow cannot shrink these: "damaged", it said)
                upright = _eight_bit(upright)
            upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            upright = _in_srgb(upright)
            if upright.mode != "RGB":
                upright = _flatten(upright)
            # A fresh image carries no info/EXIF/ICC/XMP, so nothing private can leak.
            clean = Image.new("RGB", upright.size)
            clean.paste(upright)
            out = io.BytesIO()
            clean.save(out, "JPEG", quality=JPEG_QUALITY)
            return out.getvalue(), clean.width, clean.height, taken_on
    except PhotoError:
        raise
    except UnidentifiedImageError:
        raise PhotoError(
            f"{name} is not a photo ConsultPrep can read. Please use a {SUPPORTED} file."
        ) from None
    except Image.DecompressionBombError:
        raise PhotoError(
            f"The photo {name} is too large for ConsultPrep to open. Please use a smaller copy "
            f"of it. {SMALLER_COPY}"
        ) from None
    except PermissionError:
        raise PhotoError(f"You do not have permission to open the photo {name}.") from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise PhotoError(f"The photo {name} is damaged and could not be read.") from None
    except MemoryError:
        raise PhotoError(f"The photo {name} is too large to open on this computer.") from None


def _open_quietly(path: Path):
    """``Image.open``, without Pillow's warning on stderr about a very large image (the size
    check after it tells the patient plainly)."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(path)


def _draft_size(width: int, height: int) -> tuple[int, int]:
    """The smallest size to decode a JPEG at that still gives MAX_SIDE on the long side.

    Pillow decodes at the largest 1/2, 1/4 or 1/8 scale that keeps *both* sides at least this
    big, so asking for (MAX_SIDE, MAX_SIDE) would decode a 4000 x 3000 photo in full.
    """
    scale = min(1.0, MAX_SIDE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


_SIXTEEN_BIT = ("I;16", "I;16B", "I;16L", "I")


def _eight_bit(im):
    """A greyscale image of 16 bits a pixel (a scan, a medical camera) as 8 bits."""
    return im.point(lambda v: v / 256).convert("L")


def _in_srgb(im):
    """``im`` with its colours turned into sRGB if it has another colour profile (an
    iPhone's Display P3, say). The clean copy keeps no profile: without this, a red rash
    looked less red than it was (a bad-input hunt). A profile that cannot be used leaves the
    photo as it was."""
    icc = im.info.get("icc_profile")
    if icc and im.mode in ("P", "PA", "LA"):  # (a palette's colours are in the profile too)
        im = im.convert("RGBA")
    if not icc or im.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return im
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(
            im, source, ImageCms.createProfile("sRGB"), outputMode="RGBA" if im.mode == "RGBA" else "RGB"
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return im


def _flatten(im):
    """Convert any mode to RGB, putting transparent parts on white."""
    from PIL import Image

    if im.mode in ("RGBA", "LA", "P", "PA"):
        im = im.convert("RGBA")
        background = Image.new("RGB", im.size, "white")
        background.paste(im, mask=im.getchannel("A"))
        return background
    if im.mode in _SIXTEEN_BIT:
        im = _eight_bit(im)
    return im.convert("RGB")


def add_photo(
    draft: Draft,
    image_path: str | os.PathLike[str],
    caption: str = "",
    taken_on: date | None = None,
) -> Photo:
    """Clean a photo and add it to the end of the draft's photos.

    Parameters
    ----------
    draft
        The draft to add to. It is changed only if the photo is read successfully.
    image_path
        A JPEG, PNG or HEIC file (and most other formats Pillow reads).
    caption
        What the photo shows, in the patient's words.
    taken_on
        The date the photo was taken. If None, the date in the photo's EXIF data is used,
        if it has one.

    Raises
    ------
    PhotoError
        With one plain sentence; the draft is then unchanged.
    """
    data, width, height, exif_date = clean_image(image_path)
    photo = Photo(
        id=uuid.uuid4().hex[:12],
        caption=caption,
        taken_on=taken_on or exif_date,
        width=width,
        height=height,
        data=data,
    )
    draft.photos = [*draft.photos, photo]
    return photo


def remove_photo(draft: Draft, photo_id: str) -> None:
    """Remove a photo from the draft."""
    draft.photos = [p for p in draft.photos if p.id != photo_id]


def move_photo(draft: Draft, photo_id: str, delta: int) -> int:
    """Move a photo earlier (negative delta) or later; return its new index."""
    photos = list(draft.photos)
    old = next((n for n, p in enumerate(photos) if p.id == photo_id), None)
    if old is None:
        raise PhotoError("That photo is no longer in the draft.")
    new = max(0, min(len(photos) - 1, old + delta))
    photos.insert(new, photos.pop(old))
    draft.photos = photos
    return new
