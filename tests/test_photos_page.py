"""The Photos page: add photos off the UI thread, skip bad files, caption, date, move, remove."""

from __future__ import annotations

import ast
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from consultprep.models import Photo
from consultprep.photos import PhotoError
from tests.image_files import write_photo
from tests.test_wizard import choose, go_next, page
from tests.ui_helpers import Dialogs
from ui import photo_import
from ui.main_window import MainWindow
from ui.pages.photos_page import PhotosPage
from ui.photo_row import CANNOT_SHOW, THUMB_SIZE, PhotoRow
from ui.wizard import PageId

ROOT = Path(__file__).resolve().parents[1]


def to_photos(window: MainWindow) -> PhotosPage:
    go_next(window, PageId.CONCERN)
    choose(window, "scars")
    go_next(window, PageId.ABOUT)
    go_next(window, PageId.PHOTOS)
    return page(window, PageId.PHOTOS)


def add(qtbot, photos_page: PhotosPage, dialogs: Dialogs, paths: list[Path]) -> None:
    """Press "Add photos…", choose ``paths`` and wait until every file is dealt with."""
    dialogs.open_paths = [str(p) for p in paths]
    with qtbot.waitSignal(photos_page.import_finished, timeout=20_000):
        photos_page.add_button.click()


def test_photos_come_right_after_about_and_are_optional(window: MainWindow) -> None:
    photos_page = to_photos(window)
    assert photos_page.title_label.text() == "Photos of your skin (optional)"
    assert photos_page.empty_label.isVisibleTo(photos_page)
    assert "optional" in photos_page.empty_label.text()
    go_next(window, PageId.EVIDENCE)  # nothing is needed to go on
    assert window.draft.photos == []


def test_one_photo_added_beside_one_left_out_is_said_plainly(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    photos_page = to_photos(window)
    good = write_photo(tmp_path / "arm.jpg", (300, 200))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff not really a photo")
    add(qtbot, photos_page, dialogs, [good, broken])
    message = photos_page.message_label.text()
    assert message.startswith("This file was not added:")
    assert message.endswith("The other photo was added.")  # not "the other 1 photo were"
    assert len(window.draft.photos) == 1


def test_adding_photos_shows_progress_and_lists_the_files_left_out(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    photos_page = to_photos(window)
    landscape = write_photo(tmp_path / "landscape.jpg", (900, 600))
    portrait = write_photo(tmp_path / "portrait.png", (400, 800))
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo")
    dialogs.open_paths = [str(p) for p in (landscape, empty, portrait, text)]
    with qtbot.waitSignal(photos_page.import_finished, timeout=20_000):
        photos_page.add_button.click()
        # The work happens in another thread: the page says so and waits.
        assert photos_page.busy()
        assert photos_page.progress_label.isVisibleTo(photos_page)
        assert photos_page.progress_label.text() == "Adding 4 photos…"
        assert not photos_page.add_button.isEnabled()
    assert dialogs.file_dialogs[-1].startswith("open many:Add photos")

    assert not photos_page.busy() and photos_page.add_button.isEnabled()
    assert not photos_page.progress_label.isVisibleTo(photos_page)
    draft = window.draft
    assert [(p.width, p.height) for p in draft.photos] == [(900, 600), (400, 800)]
    assert window.isWindowModified()
    message = photos_page.message_label.text()
    assert photos_page.message_label.isVisibleTo(photos_page)
    assert message.startswith("These 2 files were not added:")
    assert "“empty.jpg” is empty" in message
    assert "“notes.jpg” is not a photo ConsultPrep can read" in message
    assert "The other 2 photos were added." in message
    assert "Traceback" not in message

    first, second = (photos_page.rows[p.id] for p in draft.photos)
    # The JPEG's date came from its EXIF data; the PNG had none.
    assert first.taken_on() == date(2024, 5, 17) and not first.no_date.isChecked()
    assert second.taken_on() is None and second.no_date.isChecked()
    assert second.date_edit.text() == "No date" and not second.date_edit.isEnabled()
    # Thumbnails are decoded by Qt from the stored JPEG, fitted in the box, shape kept.
    wide = first.image_label.pixmap()
    tall = second.image_label.pixmap()
    assert (wide.width(), wide.height()) == (THUMB_SIZE, THUMB_SIZE * 2 // 3)
    assert (tall.width(), tall.height()) == (THUMB_SIZE // 2, THUMB_SIZE)
    assert first.heading.text() == "Photo 1 of 2"
    assert photos_page.count_label.text().startswith("2 photos added.")


def test_a_bad_file_alone_leaves_the_draft_untouched(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    photos_page = to_photos(window)
    before = window.draft.model_dump_json()
    edited = []
    window.wizard.edited.connect(lambda: edited.append(1))
    add(qtbot, photos_page, dialogs, [tmp_path / "gone.jpg"])
    assert window.draft.model_dump_json() == before
    assert not edited
    assert photos_page.message_label.text() == (
        "This file was not added:\n•  The photo “gone.jpg” could not be found."
    )
    assert photos_page.add_button.hasFocus() or not window.isActiveWindow()


def test_caption_and_date_are_written_to_the_draft(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    photos_page = to_photos(window)
    files = [write_photo(tmp_path / "a.jpg"), write_photo(tmp_path / "b.jpg")]
    add(qtbot, photos_page, dialogs, files)
    a, b = window.draft.photos
    edited = []
    window.wizard.edited.connect(lambda: edited.append(1))
    row_a, row_b = photos_page.rows[a.id], photos_page.rows[b.id]
    row_a.caption_edit.setText("  Left knee, 3 months after <b>surgery</b> 🙂  ")
    assert edited  # every change counts as an edit
    row_b.no_date.setChecked(True)
    row_a.date_edit.setDate(QDate(2023, 12, 24))

    go_next(window, PageId.EVIDENCE)
    a, b = window.draft.photos
    assert a.caption == "Left knee, 3 months after <b>surgery</b> 🙂"
    assert a.taken_on == date(2023, 12, 24)
    assert b.taken_on is None
    # Unticking "No date" brings back the last date shown.
    window.wizard.back()
    row_b = page(window, PageId.PHOTOS).rows[b.id]
    assert row_b.no_date.isChecked()
    row_b.no_date.setChecked(False)
    assert row_b.date_edit.isEnabled() and row_b.taken_on() == date(2024, 5, 17)
    window.wizard.write_current_page()
    assert window.draft.photos[1].taken_on == date(2024, 5, 17)


def test_photos_can_be_moved_and_removed(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    photos_page = to_photos(window)
    files = [write_photo(tmp_path / f"{n}.jpg", (300 + n, 200)) for n in range(3)]
    add(qtbot, photos_page, dialogs, files)
    one, two, three = (p.id for p in window.draft.photos)
    assert not photos_page.rows[one].earlier_button.isEnabled()
    assert not photos_page.rows[three].later_button.isEnabled()
    photos_page.rows[one].caption_edit.setText("typed before the move")

    photos_page.rows[three].earlier_button.click()
    assert [p.id for p in window.draft.photos] == [one, three, two]
    assert photos_page.rows[three].heading.text() == "Photo 2 of 3"
    assert window.draft.photos[0].caption == "typed before the move"  # kept through the move
    photos_page.rows[one].later_button.click()
    assert [p.id for p in window.draft.photos] == [three, one, two]

    dialogs.question_answer = QMessageBox.StandardButton.No
    photos_page.rows[one].remove_button.click()
    assert len(window.draft.photos) == 3
    assert "not deleted" in dialogs.texts("question")[-1]
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    photos_page.rows[one].remove_button.click()
    assert [p.id for p in window.draft.photos] == [three, two]
    assert set(photos_page.rows) == {three, two}
    assert all(f.is_file() for f in files)  # the patient's own files are never touched
    # With one photo left there is nothing to move past.
    photos_page.rows[two].remove_button.click()
    assert not photos_page.rows[three].earlier_button.isVisibleTo(photos_page)
    assert photos_page.rows[three].heading.text() == "Photo 1 of 1"


def test_photos_are_saved_in_the_draft_and_shown_again_when_opened(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    photos_page = to_photos(window)
    add(qtbot, photos_page, dialogs, [write_photo(tmp_path / "a.jpg", (500, 700))])
    photos_page.rows[window.draft.photos[0].id].caption_edit.setText("Right cheek")
    dialogs.save_path = str(tmp_path / "with-photo.consultprep")
    assert window.save()
    dialogs.open_path = dialogs.save_path
    window.new_action.trigger()
    window.open_action.trigger()
    assert [p.caption for p in window.draft.photos] == ["Right cheek"]
    window.wizard.restart()
    for expected in (PageId.CONCERN, PageId.ABOUT, PageId.PHOTOS):
        go_next(window, expected)
    row = page(window, PageId.PHOTOS).rows[window.draft.photos[0].id]
    assert row.caption_edit.text() == "Right cheek"
    assert row.image_label.pixmap().height() == THUMB_SIZE
    assert not window.is_modified()


def test_a_picture_that_is_not_a_jpeg_is_shown_and_a_damaged_one_says_so(
    qtbot, tmp_path: Path
) -> None:
    """A draft made or changed elsewhere may hold a PNG where ConsultPrep keeps JPEGs: it is
    shown, as the PDF prints it. Bytes that are no picture at all say so in its place."""
    png = write_photo(tmp_path / "a.png", (300, 200)).read_bytes()
    shown = PhotoRow(Photo(id="p1", width=300, height=200, data=png), number=1, count=2)
    damaged = Photo(id="p2", width=300, height=200, data=b"not a picture " * 20)
    unshown = PhotoRow(damaged, number=2, count=2)
    qtbot.addWidget(shown)
    qtbot.addWidget(unshown)
    assert shown.image_label.pixmap().width() == THUMB_SIZE
    assert unshown.image_label.pixmap().isNull()
    assert unshown.image_label.text() == CANNOT_SHOW


def test_the_ui_never_imports_pillow() -> None:
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] == "PIL" for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_closing_while_photos_are_added_waits_for_them_and_offers_to_save(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot, monkeypatch
) -> None:
    photos_page = to_photos(window)
    dialogs.save_path = str(tmp_path / "mine.consultprep")
    assert window.save() and not window.is_modified()
    go_on = threading.Event()
    clean = photo_import.clean_photo

    def slow_clean(path):
        go_on.wait(5)
        return clean(path)

    monkeypatch.setattr(photo_import, "clean_photo", slow_clean)
    dialogs.open_paths = [str(write_photo(tmp_path / f"arm{n}.jpg", (300, 200))) for n in (1, 2)]
    photos_page.add_button.click()
    assert photos_page.busy()
    threading.Timer(0.3, go_on.set).start()
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    assert not window.close()  # it waited for both photos, then asked about them
    assert not photos_page.busy()
    assert len(window.draft.photos) == 2
    assert dialogs.messages[-1][1] == "Save your changes?"


def test_a_photo_that_never_finishes_does_not_hang_closing(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot, monkeypatch
) -> None:
    from ui.pages import photos_page as module

    photos_page = to_photos(window)
    go_on = threading.Event()

    def stuck(path):
        go_on.wait(10)
        raise PhotoError("It could not be read.")

    monkeypatch.setattr(photo_import, "clean_photo", stuck)
    monkeypatch.setattr(module, "FINISH_WAIT_MS", 300)
    dialogs.open_paths = [str(write_photo(tmp_path / "arm.jpg", (300, 200)))]
    photos_page.add_button.click()
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    assert not window.close()  # it gave up waiting, then asked as usual
    assert photos_page.busy() and dialogs.messages[-1][1] == "Save your changes?"
    go_on.set()
    qtbot.waitUntil(lambda: not photos_page.busy(), timeout=5000)


def test_a_photo_whose_header_claims_gigapixels_is_not_drawn(qtbot) -> None:
    """A 700-byte damaged photo that said it was 65,500 × 65,500 took half a gigabyte to draw
    its thumbnail (a helper's hunt). It is shown as one that cannot be shown."""
    import io

    from PIL import Image

    from ui.photo_row import thumbnail

    out = io.BytesIO()
    Image.new("RGB", (16, 16), (120, 80, 40)).save(out, "JPEG")
    data = bytearray(out.getvalue())
    sof = data.find(b"\xff\xc0")  # its frame header: height and width after 5 bytes
    data[sof + 5 : sof + 9] = (65500).to_bytes(2, "big") * 2
    photo = Photo(id="p1", caption="Damaged", width=16, height=16, data=bytes(data))
    assert thumbnail(photo) is None
    whole = Photo(id="p2", caption="Fine", width=16, height=16, data=out.getvalue())
    assert thumbnail(whole) is not None
