"""Nothing leaked: the whole journey, with a photo, makes no network connection, and the files
it writes carry no hidden personal details (paths, names, camera data)."""

from __future__ import annotations

import getpass
import re
import socket
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QLabel

from consultprep.content import load_library
from tests.image_files import CAMERA_MAKER, CAMERA_SERIAL, write_photo
from tests.test_wizard import choose, fill_about, go_next, page
from tests.ui_helpers import Dialogs
from ui.app import create_main_window
from ui.main_window import MainWindow
from ui.wizard import PageId

LIBRARY = load_library()
PATIENT = "Zoë Quietly-Private"
PHOTO_NAME = "holiday-in-secret-place.jpg"


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every try to reach the network, refused and recorded."""
    tried: list[str] = []

    def refuse(what: str):
        def blocked(*args: object, **kwargs: object):
            tried.append(f"{what}{args}")
            raise OSError("the network is blocked in this test")

        return blocked

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            tried.append(f"socket{args}")
            raise OSError("the network is blocked in this test")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return tried


@pytest.fixture
def window(qtbot, dialogs: Dialogs, attempts: list[str]) -> MainWindow:
    w = create_main_window(library=LIBRARY)
    qtbot.addWidget(w)
    return w


def test_the_blocker_really_blocks(attempts: list[str]) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))
    assert attempts == ["create_connection(('example.org', 80),)"]
    attempts.clear()


def test_from_welcome_to_pdf_with_a_photo_nothing_connects_or_leaks(
    window: MainWindow, dialogs: Dialogs, attempts: list[str], tmp_path: Path, qtbot
) -> None:
    wizard = window.wizard
    page(window, PageId.WELCOME).start_button.click()
    choose(window, "scars")
    go_next(window, PageId.ABOUT)
    fill_about(window)
    page(window, PageId.ABOUT).patient_name.setText(PATIENT)
    go_next(window, PageId.PHOTOS)
    photos_page = page(window, PageId.PHOTOS)
    dialogs.open_paths = [str(write_photo(tmp_path / PHOTO_NAME, (1200, 900)))]
    with qtbot.waitSignal(photos_page.import_finished, timeout=20_000):
        photos_page.add_button.click()
    assert len(window.draft.photos) == 1
    photos_page.rows[window.draft.photos[0].id].caption_edit.setText("Scar on the left knee")
    # Every page in turn, whatever pages there are, up to the last one.
    seen = [wizard.currentId()]
    while wizard.currentId() != PageId.REVIEW:
        wizard.next()
        assert wizard.currentId() not in seen, f"stuck on page {wizard.currentId()}"
        seen.append(wizard.currentId())
    review = page(window, PageId.REVIEW)
    summary = [label.text() for label in review.findChildren(QLabel)]
    assert "1 photo, printed in the PDF." in summary
    pdf = tmp_path / "pack.pdf"
    review.pdf_path_edit.setText(str(pdf))
    review.save_pdf_button.click()
    assert pdf.is_file(), review.error_label.text()
    dialogs.save_path = str(tmp_path / "draft.consultprep")
    assert window.save()
    window.autosave.save_now()
    qtbot.waitUntil(lambda: not window.autosave.busy(), timeout=10_000)

    assert attempts == [], "ConsultPrep tried to use the network"

    reader = pypdf.PdfReader(pdf)
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert PATIENT in text and "Scar on the left knee" in text  # the pack itself is complete
    assert any(p.images for p in reader.pages)  # with the photo in it
    metadata = {
        str(k): str(v)
        for k, v in (reader.metadata or {}).items()
        if not isinstance(v, pypdf.generic.NameObject)  # /Trapped /False is a name, not text
    }
    assert metadata, "the PDF says what it is (title, creator)"
    private = [PATIENT, "Zoë", str(tmp_path), PHOTO_NAME, CAMERA_MAKER, CAMERA_SERIAL]
    home = str(Path.home())
    if len(home) > 3:
        private.append(home)
    for key, value in metadata.items():
        for secret in private:
            assert secret not in value, f"{key} holds {secret!r}"
        assert not re.search(r"(/[^/\s]+){2,}|[A-Za-z]:\\", value), f"{key} holds a path"
        assert not re.search(rf"\b{re.escape(getpass.getuser())}\b", value), key
    raw = pdf.read_bytes()
    for secret in (str(tmp_path), PHOTO_NAME, CAMERA_MAKER, CAMERA_SERIAL):
        assert secret.encode() not in raw
    for secret in (str(tmp_path), PHOTO_NAME, CAMERA_MAKER, CAMERA_SERIAL):
        assert secret.encode() not in (tmp_path / "draft.consultprep").read_bytes()
