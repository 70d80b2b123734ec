"""Photos of your skin (optional): add, date, caption, order and remove photos for the PDF.

Photos are cleaned as they are added (``consultprep.photos``): turned upright, made smaller and
stripped of hidden data such as the place they were taken. That happens off the UI thread
(``ui.photo_import``); the page shows progress and lists any file it could not use. Captions
and dates are written to the draft in ``write_draft()``; adding, moving and removing change the
draft at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEventLoop, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QProgressBar, QVBoxLayout

from consultprep import photos
from consultprep.content import Library
from consultprep.models import Draft, Photo
from ui import dialogs
from ui.busy import busy as busy_pointer
from ui.pages.base import DraftPage
from ui.photo_import import PhotoImport
from ui.photo_row import PhotoRow
from ui.widgets import (
    HINT,
    NOTICE,
    ScrollContent,
    big_button,
    page_changed,
    plain_label,
    scrolling,
)

_ENDINGS = ("jpg", "jpeg", "png", "heic", "heif")
#: Cameras often write capitals ("IMG_0042.JPG"), so both cases are listed.
PHOTO_FILTER = "Photos (" + " ".join(f"*.{e} *.{e.upper()}" for e in _ENDINGS) + ");;All files (*)"
WHY = (
    "Photos can help the specialist see how your skin looked at its worst, or how it has "
    "changed. You do not have to add any."
)
PRIVACY = (
    "Photos stay in your draft file on this computer. When you add a photo, ConsultPrep turns "
    "it the right way up and makes it smaller. It also removes hidden details, such as where "
    "the photo was taken."
)
ORDER = "In the PDF, photos are shown oldest first. Photos with no date come last."
NO_PHOTOS = "No photos added. That is fine: photos are optional."
FINISHING = "Finishing adding your photos…"
FINISH_WAIT_MS = 120_000  # the longest to wait for photos being added when the window closes


def _count(n: int) -> str:
    return f"{n} photo" if n == 1 else f"{n} photos"


def pictures_folder() -> str:
    """Where the Add photos dialog opens: the Pictures folder, or the home folder."""
    from ui.export_helpers import usable_folder

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return str(usable_folder(Path(folder) if folder else None))


class PhotosPage(DraftPage):
    """The photos in the draft, one card each, and a button to add more."""

    #: Every photo of the last "Add photos…" has been added or left out.
    import_finished = Signal()

    def __init__(self, draft: Draft, library: Library) -> None:
        super().__init__(draft, library, "Photos of your skin (optional)", WHY)
        self.rows: dict[str, PhotoRow] = {}
        self._laid_out: list[str] = []  # the photo ids of the cards in the layout, in order
        self._import: PhotoImport | None = None
        self._import_total = 0
        self._import_done = 0
        self._skipped: list[tuple[int, str]] = []
        self._first_added: str | None = None

        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(8)
        layout.addWidget(plain_label(PRIVACY, role=HINT))

        add_row = QHBoxLayout()
        self.add_button = big_button("&Add photos…", "Add photos", primary=True)
        self.add_button.clicked.connect(self.choose_photos)
        add_row.addWidget(self.add_button)
        self.progress_label = plain_label(wrap=False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Adding photos")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(220)
        add_row.addSpacing(8)
        add_row.addWidget(self.progress_label)
        add_row.addWidget(self.progress_bar)
        add_row.addStretch(1)
        layout.addLayout(add_row)
        self._show_progress(False)

        self.message_label = plain_label(role=NOTICE, selectable=True)
        self.message_label.hide()
        layout.addWidget(self.message_label)

        self.count_label = plain_label(role=HINT)
        layout.addWidget(self.count_label)
        self.empty_label = plain_label(NO_PHOTOS, role=HINT)
        layout.addWidget(self.empty_label)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(8)
        layout.addLayout(self._rows_layout)
        layout.addStretch(1)
        self.scroll_area = scrolling(content, "Photos of your skin")
        self.page_layout.addWidget(self.scroll_area)
        self._rebuild()

    # --- draft ------------------------------------------------------------------------------
    def read_draft(self) -> None:
        """Show the draft's photos."""
        self._rebuild()

    def prepare(self) -> Iterator[None]:
        """Make the cards for the draft's photos ahead of time, one at a time
        (``ui.preparation``); entering the page then only puts them in place."""
        count = len(self.draft.photos)
        for n, photo in enumerate(self.draft.photos, start=1):
            if photo.id not in self.rows:
                self.rows[photo.id] = self._new_row(photo, n, count)
                yield
        self.initializePage()
        yield

    def write_draft(self) -> None:
        """Store each photo's caption and date in the draft."""
        changed = False
        updated: list[Photo] = []
        for photo in self.draft.photos:
            row = self.rows.get(photo.id)
            if row is not None and (row.caption(), row.taken_on()) != (
                photo.caption,
                photo.taken_on,
            ):
                photo = photo.model_copy(
                    update={"caption": row.caption(), "taken_on": row.taken_on()}
                )
                changed = True
            updated.append(photo)
        if changed:
            self.draft.photos = updated

    # --- adding -----------------------------------------------------------------------------
    def busy(self) -> bool:
        """True while photos are being added."""
        return self._import is not None

    def finish_import(self) -> None:
        """Wait until photos being added are in the draft (before closing or opening another
        draft, so none is lost). The window shows a busy pointer meanwhile."""
        if self._import is None:
            return
        loop = QEventLoop()
        self.import_finished.connect(loop.quit)
        limit = QTimer()  # a photo that never ends must not hang the window
        limit.setSingleShot(True)
        limit.timeout.connect(loop.quit)
        limit.start(FINISH_WAIT_MS)
        with busy_pointer(self, FINISHING):
            if self._import is not None:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        limit.stop()
        self.import_finished.disconnect(loop.quit)

    def choose_photos(self) -> None:
        """Ask which photos to add (the system's Open dialog), then add them."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Add photos of your skin", pictures_folder(), PHOTO_FILTER
        )
        if paths:
            self.add_photos(paths)

    def add_photos(self, paths: list[str]) -> None:
        """Clean and add these photo files in a worker thread, showing progress."""
        if self.busy() or not paths:
            return
        self.write_draft()
        self.message_label.hide()
        self._skipped = []
        self._first_added = None
        self._import_total = len(paths)
        self._import_done = 0
        self.progress_label.setText(f"Adding {_count(len(paths))}…")
        self.progress_bar.setRange(0, len(paths))
        self.progress_bar.setValue(0)
        self._show_progress(True)
        self.add_button.setEnabled(False)
        job = PhotoImport(paths)
        job.added.connect(self._photo_added)
        job.skipped.connect(self._photo_skipped)
        job.finished.connect(self._import_ended)
        self._import = job
        job.start()

    def _photo_added(self, _index: int, photo: Photo) -> None:
        self.write_draft()  # keep captions typed while the import runs
        self.draft.photos = [*self.draft.photos, photo]
        self._first_added = self._first_added or photo.id
        self._step()
        self._rebuild()
        self.mark_edited()

    def _photo_skipped(self, index: int, reason: str) -> None:
        self._skipped.append((index, reason))
        self._step()

    def _step(self) -> None:
        self._import_done += 1
        self.progress_bar.setValue(self._import_done)

    def _import_ended(self) -> None:
        self._import = None
        self._show_progress(False)
        self.add_button.setEnabled(True)
        if self._skipped:
            self._skipped.sort()
            added = self._import_total - len(self._skipped)
            if len(self._skipped) == 1:
                head = "This file was not added:"
            else:
                head = f"These {len(self._skipped)} files were not added:"
            lines = [head, *(f"•  {reason}" for _, reason in self._skipped)]
            if added == 1:
                lines.append("The other photo was added.")
            elif added:
                lines.append(f"The other {_count(added)} were added.")
            self.message_label.setText("\n".join(lines))
            self.message_label.show()
        first = self.rows.get(self._first_added or "")
        if first is not None and not self._skipped:
            # Invite a caption for the first new photo (and bring it into view).
            self.scroll_area.ensureWidgetVisible(first)
            first.caption_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # the message about the files left out is beside the button
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.import_finished.emit()

    def _show_progress(self, on: bool) -> None:
        self.progress_label.setVisible(on)
        self.progress_bar.setVisible(on)

    # --- moving and removing ----------------------------------------------------------------
    def move(self, photo_id: str, delta: int) -> None:
        """Move a photo earlier (-1) or later (+1)."""
        self.write_draft()
        try:
            photos.move_photo(self.draft, photo_id, delta)
        except photos.PhotoError:
            return
        self._rebuild(focus=(photo_id, "earlier" if delta < 0 else "later"))
        self.mark_edited()

    def remove(self, photo_id: str) -> None:
        """Take a photo out of the draft, after asking (the file it came from is not touched)."""
        row = self.rows.get(photo_id)
        name = row.heading.text() if row is not None else "this photo"
        # "Remove" and "Keep it", as for a treatment (Yes and No said less; a low-vision walk)
        if not dialogs.confirm_remove(
            self,
            "Remove the photo?",
            f"Take {name.lower()} out of your draft? The photo on your computer is not deleted.",
        ):
            return
        self.write_draft()
        photos.remove_photo(self.draft, photo_id)
        self._rebuild()
        self.mark_edited()
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ---------------------------------------------------------------------------
    def _new_row(self, photo: Photo, number: int, count: int) -> PhotoRow:
        row = PhotoRow(photo, number=number, count=count)
        row.changed.connect(self.mark_edited)
        row.move_requested.connect(self.move)
        row.remove_requested.connect(self.remove)
        return row

    def _rebuild(self, focus: tuple[str, str] | None = None) -> None:
        """Show one card per photo, in the draft's order (cards are kept, not made again)."""
        old = self.rows
        self.rows = {}
        count = len(self.draft.photos)
        for n, photo in enumerate(self.draft.photos, start=1):
            row = old.pop(photo.id, None)
            if row is None:
                row = self._new_row(photo, n, count)
            else:
                row.set_number(n, count)
                row.show_values(photo)
            self.rows[photo.id] = row
        if list(self.rows) != self._laid_out:  # cards added, removed or moved
            while self._rows_layout.count():
                self._rows_layout.takeAt(0)
            for row in self.rows.values():
                self._rows_layout.addWidget(row)
            self._laid_out = list(self.rows)
            page_changed(self)  # the tab order follows the cards
        for row in old.values():
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.empty_label.setVisible(count == 0)
        self.count_label.setVisible(count > 1)
        self.count_label.setText(f"{_count(count)} added. {ORDER}")
        if focus is not None:
            photo_id, role = focus
            row = self.rows.get(photo_id)
            if row is not None:
                button = row.buttons()[role]
                if not button.isEnabled():  # at the end now: the other way still works
                    button = row.buttons()["later" if role == "earlier" else "earlier"]
                button.setFocus(Qt.FocusReason.OtherFocusReason)
