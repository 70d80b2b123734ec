"""How to print the PDF pack: paper size and large print (two controls in one row)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from exports.options import PAPERS, PackOptions, Paper, default_paper
from ui import settings
from ui.appearance import DEFAULT_SCALE, SCALE_KEY
from ui.widgets import plain_label

#: The app's text size (per cent) from which the PDF's large print is ticked to start with.
LARGE_PRINT_FROM = 150

PAPER_NAMES: dict[Paper, str] = {"A4": "A4", "Letter": "US Letter"}


class PackChoices(QObject):
    """A paper size list (starting on the usual size for this computer) and "Large print".

    ``widgets`` are for the page to lay out: the review page puts them in one wrapping row
    with its Save buttons (on their own row they took a line of a short window's height).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        paper_row = QWidget()  # the label stays beside its list
        row = QHBoxLayout(paper_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.paper_box = QComboBox()
        self.paper_box.setAccessibleName("Paper size")
        for name in PAPERS:
            self.paper_box.addItem(PAPER_NAMES[name], name)
        self.paper_box.setCurrentIndex(PAPERS.index(default_paper()))
        label = plain_label("Pape&r size:")
        label.setWordWrap(False)
        label.setBuddy(self.paper_box)
        self.large_print_check = QCheckBox("&Large print")
        self._chosen = False  # ticked or unticked by the patient: then left as they chose
        self.large_print_check.clicked.connect(lambda: setattr(self, "_chosen", True))
        self.follow_text_size()
        self.large_print_check.setAccessibleName("Large print")
        self.large_print_check.setToolTip(
            "Bigger type, tick boxes and lines to write on. Page 1, the summary for your "
            "specialist, may use smaller type so that it fits on one page."
        )
        row.addWidget(label)
        row.addWidget(self.paper_box)
        # A wider gap after each of the two than between the buttons that follow them, so the
        # choices and the buttons read as two groups when they share a line.
        row.setContentsMargins(0, 0, 8, 0)
        check_box = QWidget()
        check_row = QHBoxLayout(check_box)
        check_row.setContentsMargins(0, 0, 8, 0)
        check_row.addWidget(self.large_print_check)
        self.widgets: list[QWidget] = [paper_row, check_box]

    def follow_text_size(self) -> None:
        """Tick large print for someone who has made the app's text big (a first-use walk-
        through at 150 % found it unticked), also when they did so since, unless they chose."""
        if not self._chosen:
            scale = settings.read_int(SCALE_KEY, DEFAULT_SCALE)
            self.large_print_check.setChecked(scale >= LARGE_PRINT_FROM)

    def options(self) -> PackOptions:
        """The choices as the PDF export takes them."""
        paper: Paper = "Letter" if self.paper_box.currentData() == "Letter" else "A4"
        return PackOptions(paper=paper, large_print=self.large_print_check.isChecked())
