"""Photos in the pack, embedded as the JPEG files they already are.

reportlab embeds JPEG data unchanged, but before that its canvas names every image by an MD5
hash of its *decoded* pixels, so each photo was decoded (and megabytes hashed) only to pick a
name: about 40 ms per photo. :class:`JpegReader` names a JPEG by its own bytes instead, so
nothing is decoded; the same photo drawn twice (a thumbnail on page 1 and the full photo
later) is then stored once.
"""

from __future__ import annotations

import io
import threading
import warnings

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from consultprep.models import Draft

# Pillow warns on stderr when it opens a very large picture (as reportlab does to read a
# photo's size). A photo in a draft was made small when it was added; one made elsewhere is
# printed, or left out with a note, and the warning is noise with a file path in it.
warnings.filterwarnings("ignore", message=r"Image size \(\d+ pixels\) exceeds limit")


class JpegReader(ImageReader):
    """An ImageReader whose "pixel data", used only to name the image, is the JPEG itself.

    Data that is not a JPEG is decoded as usual.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._jpeg = data

    def getRGBData(self) -> bytes:
        """Called by the canvas to name the image (a JPEG is never decoded for that)."""
        if self.jpeg_fh() is None:
            return super().getRGBData()
        self._dataA = None  # no transparency mask in a JPEG
        return self._jpeg


def photo_image(data: bytes, width: float, height: float, **kw: object) -> Image:
    """A platypus Image of JPEG (or other image) data, drawn ``width`` x ``height`` points."""
    image = Image(io.BytesIO(data), width, height, **kw)
    image._img = JpegReader(data)  # read by Image.draw; otherwise made lazily from the data
    return image


def embeddable(data: bytes, width: float, height: float) -> Image | None:
    """The photo as a platypus Image drawn ``width`` x ``height``, or None if reportlab cannot
    take it after all (a JPEG cut short, or one whose header claims a giant size: its header
    reads well, but Pillow refuses it when the Image is made)."""
    try:
        return photo_image(data, width, height, hAlign="LEFT")
    except Exception:  # noqa: BLE001 - an unreadable photo is left out, never fatal
        return None


#: What decoding each photo that is not a JPEG found (its size, or None), by the photo's data,
#: for the photos of the last draft checked: the pack decodes them once, and saying how many
#: were left out (``photos_left_out``, just after) does not decode them again. Each entry holds
#: the data itself, so an id cannot be taken over by other data.
_decoded: dict[int, tuple[bytes, tuple[int, int] | None]] = {}
_decoded_lock = threading.Lock()  # packs may be made in more than one thread at once


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of an image reportlab can embed, or None if it is unreadable."""
    from reportlab.pdfbase.pdfutils import readJPEGInfo

    if data.startswith(b"\xff\xd8"):  # JPEG data is embedded as it is: check its header
        try:
            width, height = readJPEGInfo(io.BytesIO(data))[:2]
        except Exception:  # noqa: BLE001 - an unreadable photo is left out, never fatal
            return None
        return (width, height) if width > 0 and height > 0 else None
    with _decoded_lock:
        known = _decoded.get(id(data))
    if known is not None and known[0] is data:
        return known[1]
    try:  # anything else is decoded now, so a broken file cannot fail later
        reader = ImageReader(io.BytesIO(data))
        reader.getRGBData()
        width, height = reader.getSize()
        size = (width, height) if width > 0 and height > 0 else None
    except Exception:  # noqa: BLE001 - an unreadable photo is left out, never fatal
        size = None
    with _decoded_lock:
        _decoded[id(data)] = (data, size)
    return size


def forget_decoded(draft: Draft) -> None:
    """Keep only ``draft``'s photos in what ``image_size`` remembers (before its pack)."""
    keep = {id(photo.data) for photo in draft.photos}
    with _decoded_lock:
        for key in [key for key in _decoded if key not in keep]:
            del _decoded[key]


def photos_left_out(draft: Draft) -> int:
    """How many of the draft's photos the pack leaves out because they cannot be read (it
    says so itself, under its photos). Asked just after the pack is made; what the pack
    remembered of the photos is then let go."""
    left_out = 0
    for photo in draft.photos:
        if photo.data:
            size = image_size(photo.data)
            left_out += size is None or embeddable(photo.data, *size) is None
    with _decoded_lock:
        _decoded.clear()
    return left_out


def left_out_note(count: int) -> str:
    """ "1 photo could not be put in the PDF and was left out." (the pack, the window, the
    command line: "printed" read like a fault of the printer)."""
    if count == 1:
        return "1 photo could not be put in the PDF and was left out. It is still in your draft."
    return (
        f"{count} photos could not be put in the PDF and were left out. They are still in your "
        "draft."
    )

