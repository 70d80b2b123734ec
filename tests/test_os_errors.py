"""The system's file errors are told in plain words, in every message a patient may read."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from consultprep.models import Draft
from consultprep.os_errors import in_plain_words
from consultprep.photos import PhotoError, clean_image
from consultprep.storage import DraftError, load_draft, save_draft


@pytest.mark.parametrize(
    "code, reading, saving",
    [
        (errno.ENAMETOOLONG, "the name is too long", "the name is too long"),
        (
            errno.EACCES,
            "ConsultPrep is not allowed to use it",
            "ConsultPrep is not allowed to save there",
        ),
        (
            errno.EIO,
            "the disk could not be read or written",
            "the disk could not be read or written",
        ),
        (errno.ENOSPC, "the disk is full", "the disk is full"),
        (  # e.g. a file where the autosave folder should be
            errno.EEXIST,
            "something else of that name is already there",
            "something else of that name is already there",
        ),
    ],
)
def test_common_errors_have_plain_words(code: int, reading: str, saving: str) -> None:
    exc = OSError(code, os.strerror(code))
    assert in_plain_words(exc).startswith(reading)
    assert in_plain_words(exc, saving=True).startswith(saving)


def test_an_unknown_error_keeps_the_systems_words() -> None:
    assert in_plain_words(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "invalid cross-device link"
    )
    assert in_plain_words(OSError("something odd")) == "something odd"


def test_a_name_too_long_is_said_plainly_when_opening_saving_and_adding_a_photo(
    tmp_path: Path,
) -> None:
    long_name = tmp_path / ("x" * 300 + ".consultprep")
    with pytest.raises(DraftError) as opened:
        load_draft(long_name)
    with pytest.raises(DraftError) as saved:
        save_draft(Draft(), long_name)
    with pytest.raises(PhotoError) as photo:
        clean_image(tmp_path / ("y" * 300 + ".jpg"))
    for error in (opened, saved, photo):
        message = str(error.value)
        assert "the name is too long" in message, message
        assert "File name too long" not in message
