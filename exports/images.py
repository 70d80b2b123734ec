"""Photos in the pack, embedded as the JPEG files they already are.

reportlab embeds JPEG data unchanged, but before that its canvas names every image by an MD5
hash of its *decoded* pixels, so each photo was decoded (and megabytes hashed) only to pick a
name: about 40 ms per photo. :class:`JpegReader` names a JPEG by its own bytes instead, so
nothing is decoded; the same photo drawn twice (a thumbnail on page 1 and the full photo
later) is then stored once.
"""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image


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
