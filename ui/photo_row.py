"""One photo on the Photos page: a thumbnail, the date it was taken, a caption, move and remove.

The thumbnail is decoded by Qt from the cleaned JPEG stored in the draft, at the small size it
is shown at (Qt's JPEG reader decodes at reduced scale), so the UI never needs Pillow.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from consultprep.models import Photo
from ui.date_field import EARLIEST, DateEdit
from ui.fields import line_box
from ui.flow_layout import FlowLayout
from ui.widgets import CARD, SUBHEADING, big_button, plain_label

#: The thumbnail box, in pixels (the photo is fitted inside, keeping its shape).
THUMB_SIZE = 180
#: The date shown when a photo has no date (the date box's lowest date stands for it).
NO_DATE = EARLIEST  # the box's lowest date, shown as "No date"
CAPTION_HINT = "For example: scar on my left knee, three months after the operation"


#: A picture said to be larger than this (pixels) is not drawn: ConsultPrep's own are far
#: smaller (``consultprep.photos``), and a damaged one claimed 65,500 × 65,500.
MAX_SOURCE_PIXELS = 200_000_000
#: In place of a photo whose picture cannot be read (a damaged draft).
CANNOT_SHOW = "This photo cannot be shown."  # (short: whole in the square at 200 % text)


def thumbnail(photo: Photo, box: int = THUMB_SIZE, ratio: float = 1.0) -> QPixmap | None:
    """The photo scaled to fit a ``box`` × ``box`` square, or None if it cannot be decoded.

    ``ratio`` is the screen's device pixel ratio, so the picture is sharp on HiDPI screens.
    """
    if not photo.data:
        return None
    side = max(1, round(box * ratio))
    scale = min(side / photo.width, side / photo.height, 1.0)
    data = QByteArray(photo.data)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    size = QSize(max(1, round(photo.width * scale)), max(1, round(photo.height * scale)))
    image = QImage()
    for kind in (QByteArray(b"jpeg"), None):
        # Not a JPEG (a draft made or changed elsewhere): any format Qt reads, as the PDF
        # prints any Pillow reads.
        buffer.seek(0)
        reader = QImageReader(buffer, kind) if kind is not None else QImageReader(buffer)
        claimed = reader.size()
        if claimed.isValid() and claimed.width() * claimed.height() > MAX_SOURCE_PIXELS:
            break  # a damaged header claiming gigapixels: half a gigabyte to draw a thumbnail
        reader.setScaledSize(size)
        image = reader.read()
        if not image.isNull():
            break
    buffer.close()
    if image.isNull():
        return None
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class PhotoRow(QFrame):
    """The widgets for one photo. ``changed`` fires when the caption or date is edited."""

    changed = Signal()
    #: The patient pressed Move earlier (-1) or Move later (+1).
    move_requested = Signal(str, int)
    remove_requested = Signal(str)

    def __init__(self, photo: Photo, *, number: int, count: int) -> None:
        super().__init__()
        self.photo_id = photo.id
        self.setObjectName(CARD)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._last_date = QDate.currentDate()
        self._kept_date: date | None = None  # a kept date put aside while "No date" is ticked

        self.image_label = QLabel()
        self.image_label.setTextFormat(Qt.TextFormat.PlainText)
        self.image_label.setFixedSize(THUMB_SIZE, THUMB_SIZE)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = thumbnail(photo, THUMB_SIZE, self.devicePixelRatioF())
        if pixmap is None:
            self.image_label.setText(CANNOT_SHOW)
            self.image_label.setWordWrap(True)
        else:
            self.image_label.setPixmap(pixmap)

        self.heading = plain_label(role=SUBHEADING)
        self.caption_edit = line_box("Caption", CAPTION_HINT)  # (grows as a long one wraps)
        caption_label = plain_label("&What does the photo show?")
        caption_label.setBuddy(self.caption_edit)

        self.date_edit = DateEdit(NO_DATE)
        self.date_edit.setSpecialValueText("No date")
        # No Alt+letter on a row's buttons: every row has the same ones, and a shortcut that
        # several buttons share only moves the focus among them (a keyboard audit).
        self.no_date = QCheckBox("No date")
        date_label = plain_label("&Date taken:", wrap=False)
        date_label.setBuddy(self.date_edit)
        # The flowing row puts items at the top: centre the label on the date box instead.
        date_label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        date_label.setMinimumHeight(self.date_edit.sizeHint().height())
        self.caption_edit.setText(photo.caption)
        self.set_taken_on(photo.taken_on)

        self.earlier_button = big_button("▲ Move earlier", "")
        self.later_button = big_button("▼ Move later", "")
        self.remove_button = big_button("Remove", "")
        self.earlier_button.setToolTip("Show this photo before the one above it")
        self.later_button.setToolTip("Show this photo after the one below it")
        self.remove_button.setToolTip("Take this photo out of your draft")

        details = QVBoxLayout()
        details.setSpacing(4)
        details.addWidget(self.heading)
        details.addWidget(caption_label)
        details.addWidget(self.caption_edit)
        # Rows that wrap, so large text never pushes a control off the edge.
        date_row = FlowLayout(spacing=8)
        date_row.addWidget(date_label)
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.no_date)
        details.addSpacing(4)
        details.addLayout(date_row)
        details.addStretch(1)
        buttons = FlowLayout(spacing=6)
        buttons.addWidget(self.earlier_button)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.remove_button)
        details.addLayout(buttons)

        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(14)
        grid.addWidget(self.image_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(details, 0, 1)
        grid.setColumnStretch(1, 1)

        self.set_number(number, count)
        self.caption_edit.textChanged.connect(self.changed)
        self.date_edit.dateChanged.connect(self._date_changed)
        self.no_date.toggled.connect(self._no_date_toggled)
        self.earlier_button.clicked.connect(lambda: self.move_requested.emit(self.photo_id, -1))
        self.later_button.clicked.connect(lambda: self.move_requested.emit(self.photo_id, 1))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.photo_id))

    # --- what the row shows -----------------------------------------------------------------
    def set_number(self, number: int, count: int) -> None:
        """Say which photo this is ("Photo 2 of 3") and enable the move buttons that apply."""
        self.heading.setText(f"Photo {number} of {count}")
        self.image_label.setAccessibleName(f"Photo {number}")
        self.caption_edit.setAccessibleName(f"Photo {number}: what it shows")
        self.date_edit.setAccessibleName(f"Photo {number}: date taken")
        self.no_date.setAccessibleName(f"Photo {number}: no date")
        self.earlier_button.setAccessibleName(f"Move photo {number} earlier")
        self.later_button.setAccessibleName(f"Move photo {number} later")
        self.remove_button.setAccessibleName(f"Remove photo {number}")
        self.earlier_button.setEnabled(number > 1)
        self.later_button.setEnabled(number < count)
        self.earlier_button.setVisible(count > 1)  # nothing to move past
        self.later_button.setVisible(count > 1)

    def show_values(self, photo: Photo) -> None:
        """Show the photo's caption and date (without signalling a change)."""
        if self.caption_edit.text() != photo.caption:
            self.caption_edit.blockSignals(True)
            self.caption_edit.setText(photo.caption)
            self.caption_edit.blockSignals(False)
        if self.taken_on() != photo.taken_on:
            self.set_taken_on(photo.taken_on)

    def set_taken_on(self, taken_on: date | None) -> None:
        """Show the date the photo was taken (None: "No date")."""
        blockers = (self.date_edit.blockSignals(True), self.no_date.blockSignals(True))
        self._kept_date = None
        if taken_on is None:
            self.date_edit.set_lowest()
        else:
            self.date_edit.set_value(taken_on)
            self._last_date = self.date_edit.date()
        self.no_date.setChecked(taken_on is None)
        self.date_edit.setEnabled(taken_on is not None)
        self.date_edit.blockSignals(blockers[0])
        self.no_date.blockSignals(blockers[1])

    def caption(self) -> str:
        """The caption as typed, without spaces at the ends."""
        return self.caption_edit.text().strip()

    def taken_on(self) -> date | None:
        """The date shown, or None for "No date"."""
        if self.no_date.isChecked():
            return None
        if self.date_edit.kept() is None and self.date_edit.date() <= NO_DATE:
            return None
        return self.date_edit.value()

    def buttons(self) -> dict[str, QPushButton]:
        """The row's buttons by role, to give the focus back after the list is rebuilt."""
        return {
            "earlier": self.earlier_button,
            "later": self.later_button,
            "remove": self.remove_button,
        }

    # --- changes ----------------------------------------------------------------------------
    def _date_changed(self, value: QDate) -> None:
        if value <= NO_DATE:  # stepped down to the lowest date: that means "No date"
            self.no_date.setChecked(True)
            return
        self._last_date = value
        self.changed.emit()

    def _no_date_toggled(self, on: bool) -> None:
        self.date_edit.blockSignals(True)
        if on:
            # A date from the draft that the box cannot show (before the year 100) comes back
            # if the tick is taken off again; meanwhile the box says "No date", as ticked.
            self._kept_date = self.date_edit.kept()
            self.date_edit.set_lowest()
        elif self._kept_date is not None:
            self.date_edit.set_value(self._kept_date)
            self._kept_date = None
        else:
            last = self._last_date
            self.date_edit.setDate(last if last > NO_DATE else QDate.currentDate())
        self.date_edit.blockSignals(False)
        self.date_edit.setEnabled(not on)
        if not on:
            self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
