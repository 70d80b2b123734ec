"""Comfort: the window remembers its place, settings stay out of home, PDF feedback and folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from tests.a11y_helpers import example_draft, open_window, walk_pages
from tests.ui_helpers import install_fake_dialogs
from ui import busy, comfort, settings
from ui.app import create_main_window
from ui.wizard import PageId


def test_settings_go_to_the_test_file_never_home(tmp_path: Path) -> None:
    store = settings.app_settings()
    assert settings.settings_file() is not None
    assert Path(store.fileName()) == settings.settings_file()
    assert not str(store.fileName()).startswith(str(Path.home() / ".config"))
    settings.use_settings_file(tmp_path / "other.ini")
    try:
        settings.write("x/y", 3)
        assert settings.read_int("x/y", 0) == 3
        assert settings.read_int("x/missing", 7) == 7
        assert (tmp_path / "other.ini").is_file()
    finally:
        settings.use_settings_file(None)


def test_the_window_remembers_its_size_and_place(qtbot, monkeypatch) -> None:
    install_fake_dialogs(monkeypatch)
    first = create_main_window()
    qtbot.addWidget(first)
    assert (first.width(), first.height()) == (1000, 760)  # the first time
    first.show()
    first.resize(800, 600)  # the offscreen screen is 800 x 600: Qt keeps windows on it
    first.close()  # nothing changed, so it closes without asking
    assert settings.app_settings().contains("window/geometry")
    second = create_main_window()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (first.width(), first.height())
    assert (second.width(), second.height()) != (1000, 760)


@pytest.mark.parametrize(
    "room, expected",
    [
        # A full-HD screen with a task bar: the comfortable size, centred.
        (QRect(0, 0, 1920, 1040), QRect(460, 66, 1000, 860)),
        # A 1366 x 768 laptop: shorter, so Back and Next stay above the task bar.
        (QRect(0, 0, 1366, 728), QRect(183, 0, 1000, 680)),
        # A second screen to the right, its task bar at the top.
        (QRect(1920, 30, 1280, 994), QRect(2060, 73, 1000, 860)),
        # Smaller than the window's smallest size: that size, from the top left.
        (QRect(0, 0, 800, 560), QRect(0, 0, 800, 600)),
    ],
    ids=["full-hd", "laptop", "second-screen", "tiny"],
)
def test_the_first_window_fits_the_screen(room: QRect, expected: QRect) -> None:
    place = comfort.first_geometry(room, QSize(800, 600))
    assert place == expected
    if room.height() - comfort.FRAME_ROOM.height() >= 600:  # it fits, frame and all
        assert place.bottom() + comfort.FRAME_ROOM.height() <= room.bottom() + 1


def test_a_window_on_a_real_screen_is_fitted_to_it(qtbot, monkeypatch) -> None:
    install_fake_dialogs(monkeypatch)
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    window = create_main_window()
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()  # the offscreen screen, smaller than 1000 wide
    assert window.geometry() == comfort.first_geometry(room, window.minimumSize())
    assert window.width() < 1000 and window.height() + comfort.FRAME_ROOM.height() <= max(
        room.height(), 600 + comfort.FRAME_ROOM.height()
    )


@pytest.mark.parametrize(
    "room, expected",
    [
        (QRect(0, 0, 1920, 1040), QSize(800, 600)),  # room enough: 800 x 600
        (QRect(0, 0, 1093, 582), QSize(800, 534)),  # a 1366 x 768 laptop at 125 %
        (QRect(0, 0, 911, 485), QSize(800, 437)),  # at 150 %
        (QRect(0, 0, 600, 300), QSize(640, 400)),  # never smaller than that
    ],
)
def test_the_smallest_window_fits_a_scaled_laptop_screen(room: QRect, expected: QSize) -> None:
    """At 800 x 600 the window could not be made to fit a 1366 x 768 laptop at 125 % or 150 %
    (Back and Next under the task bar: a review on scaled screens)."""
    assert comfort.smallest(room) == expected


def test_a_saved_window_is_kept_inside_the_screen() -> None:
    """A size and place saved on a bigger screen, or before the scaling went up."""
    room = QRect(0, 0, 1093, 582)
    place = comfort.kept_inside(QRect(40, 25, 1000, 632), room)
    assert place.width() == 1000 and place.height() == 582 - comfort.FRAME_ROOM.height()
    assert place.bottom() + comfort.FRAME_ROOM.height() <= room.bottom() + 1
    assert place.left() >= 0 and place.top() >= 0
    assert comfort.kept_inside(QRect(900, 20, 600, 400), room).right() < room.right()
    fits = QRect(50, 30, 700, 400)
    assert comfort.kept_inside(fits, room) == fits  # one that fits is left where it was


def test_a_saved_window_too_big_for_a_scaled_screen_is_made_to_fit(qtbot, monkeypatch) -> None:
    install_fake_dialogs(monkeypatch)
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    window = create_main_window()
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert window.minimumSize() == comfort.smallest(room)
    window.resize(room.width() + 300, room.height() + 300)  # as saved on a bigger screen
    window.comfort.save_geometry()
    again = create_main_window()
    qtbot.addWidget(again)
    assert again.height() + comfort.FRAME_ROOM.height() <= room.height()
    assert again.width() + comfort.FRAME_ROOM.width() <= room.width()


def _recording_open_url(monkeypatch) -> list[QUrl]:
    opened: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    return opened


def test_review_page_saves_with_feedback_then_shows_the_folder(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    install_fake_dialogs(monkeypatch)
    opened = _recording_open_url(monkeypatch)
    cursors = []
    real_busy = busy.busy

    def watching_busy(widget, message):
        cursors.append(message)
        return real_busy(widget, message)

    monkeypatch.setattr("ui.busy.busy", watching_busy)  # (ui.pdf_progress looks it up there)
    window = open_window(qtbot, example_draft(tmp_path))
    for page_id in walk_pages(window):
        pass
    assert page_id == window.wizard.pageIds()[-1] == PageId.REVIEW
    review = window.wizard.currentPage()
    assert not review.show_folder_button.isVisibleTo(window)
    review.pdf_path_edit.setText(str(tmp_path / "pack.pdf"))
    review.save_pdf_button.click()
    assert cursors == [busy.SAVING_PDF]
    assert QGuiApplication.overrideCursor() is None  # the busy pointer is gone again
    assert (tmp_path / "pack.pdf").is_file()
    assert review.show_folder_button.isVisibleTo(window)
    review.show_folder_button.click()
    review.open_pdf_button.click()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path), str(tmp_path / "pack.pdf")]


def test_export_from_the_menu_offers_the_folder(qtbot, tmp_path: Path, monkeypatch) -> None:
    dialogs = install_fake_dialogs(monkeypatch)
    window = open_window(qtbot, example_draft(tmp_path))
    dialogs.save_path = str(tmp_path / "menu.pdf")
    seen_status = []
    real_busy = busy.busy

    def watching_busy(widget, message):
        seen_status.append(message)
        return real_busy(widget, message)

    monkeypatch.setattr("ui.busy.busy", watching_busy)
    buttons: list[str] = []
    real_exec = QMessageBox.exec  # the recorder from install_fake_dialogs

    def record_buttons(box: QMessageBox) -> int:
        buttons.extend(b.text() for b in box.buttons())
        return real_exec(box)

    monkeypatch.setattr(QMessageBox, "exec", record_buttons)
    saved = window.export_pdf()
    assert saved == tmp_path / "menu.pdf" and saved.is_file()
    assert seen_status == [busy.SAVING_PDF]
    assert sorted(buttons) == ["&Close", "&Open PDF", "Show in &folder"]
    assert window.statusBar().currentMessage() != busy.SAVING_PDF


def test_the_app_has_its_name_and_icon(qapp) -> None:
    from ui.app import ensure_app

    app = ensure_app()
    assert (app.applicationName(), app.organizationName()) == ("ConsultPrep", "ConsultPrep")
    assert app.desktopFileName() == "consultprep"
    sizes = {s.width() for s in app.windowIcon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_launcher_passes_desktop_file_validate(tmp_path: Path) -> None:
    from ui.desktop import install_desktop_entry

    entry = install_desktop_entry(tmp_path)
    result = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_export_from_the_menu_uses_the_review_page_choices(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    dialogs = install_fake_dialogs(monkeypatch)
    window = create_main_window()
    qtbot.addWidget(window)
    controls = window.wizard.pages[PageId.REVIEW].pack_options
    controls.paper_box.setCurrentIndex(controls.paper_box.findData("Letter"))
    dialogs.save_path = str(tmp_path / "menu.pdf")
    saved = window.export_pdf()
    box = PdfReader(str(saved)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
