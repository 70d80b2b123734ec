"""BRAN notes on screen: pick or type a treatment, then four boxes with a prompt for each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultprep.models import BranNotes
from consultprep.readiness import BranKey, ReadinessContent
from consultprep.summary import shorten
from ui import dialogs
from ui.fields import LineEdit, text_box
from ui.widgets import HINT, card, plain_label

PICK_HINT = "Choose or type a treatment"  # (short: it fits a narrow window)


class BranCard(QWidget):
    """One treatment being weighed: its name and the four BRAN boxes."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, content: ReadinessContent, choices: list[str], number: int) -> None:
        super().__init__()
        frame, box = card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        head = QHBoxLayout()
        self.treatment = QComboBox()
        self.treatment.setEditable(True)
        # The app's one-line field: a name longer than it can show is kept whole (ui.fields).
        self.name_edit = LineEdit()
        self.treatment.setLineEdit(self.name_edit)
        self.treatment.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.treatment.addItems(choices)
        self.treatment.setCurrentIndex(-1)
        self.treatment.lineEdit().setPlaceholderText(PICK_HINT)
        # Short, so the row fits a narrow window at large text: at 20 letters, 200% text made
        # the page wider than the window, its right edge cut off (a low-vision walk through).
        self.treatment.setMinimumContentsLength(8)
        self.treatment.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        name_label = plain_label("&Treatment:", role="strong", wrap=False)
        name_label.setBuddy(self.treatment)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAutoDefault(True)  # Enter presses it, not Next
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        box.addWidget(name_label)  # above the list: the list has the row's width
        head.addWidget(self.treatment, 1)
        head.addWidget(self.remove_button)
        box.addLayout(head)
        self.boxes: dict[BranKey, QPlainTextEdit] = {}
        self._labels = {p.key: p.label for p in content.bran}
        for prompt in content.bran:
            box.addSpacing(4)
            label = plain_label(prompt.label, role="strong")
            edit = text_box(prompt.label, 3)  # the guidance is shown above it
            edit.setAccessibleDescription(prompt.guidance)
            label.setBuddy(edit)
            box.addWidget(label)
            box.addWidget(plain_label(prompt.guidance, role=HINT))
            box.addWidget(edit)
            edit.textChanged.connect(self.changed)
            self.boxes[prompt.key] = edit
        self.treatment.currentTextChanged.connect(self.changed)
        self.set_number(number)

    def set_number(self, number: int) -> None:
        """Name the controls after the card's place in the list."""
        self.treatment.setAccessibleName(f"Treatment {number} to weigh up")
        self.remove_button.setAccessibleName(f"Remove treatment {number} from BRAN")
        for key, edit in self.boxes.items():
            edit.setAccessibleName(f"Treatment {number}: {self._labels[key]}")

    def value(self) -> BranNotes:
        """What the card shows."""
        return BranNotes(
            treatment=self.name_edit.text(),
            **{key: edit.toPlainText() for key, edit in self.boxes.items()},
        )

    def set_value(self, notes: BranNotes) -> None:
        """Show ``notes``."""
        self.name_edit.setText(notes.treatment)
        for key, edit in self.boxes.items():
            edit.setPlainText(getattr(notes, key))


class BranEditor(QWidget):
    """A list of BRAN cards with "Add a treatment to weigh up" below."""

    changed = Signal()

    def __init__(self, content: ReadinessContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.choices: list[str] = []
        self.cards: list[BranCard] = []
        self.setAccessibleName("BRAN notes")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self._cards_layout = QVBoxLayout()
        self._cards_layout.setSpacing(8)
        outer.addLayout(self._cards_layout)
        self.empty_label = plain_label("No treatment added yet.", role=HINT)
        outer.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add a treatment to weigh up")
        self.add_button.setAccessibleName("Add a treatment to weigh up")
        self.add_button.setAutoDefault(True)  # Enter presses it, not Next
        self.add_button.clicked.connect(self._add_clicked)
        row.addWidget(self.add_button)
        row.addStretch(1)
        outer.addLayout(row)

    def add_card(self, notes: BranNotes | None = None) -> BranCard:
        """Add a card (showing ``notes`` if given) and return it."""
        item = BranCard(self.content, self.choices, len(self.cards) + 1)
        if notes is not None:
            item.set_value(notes)
        item.changed.connect(self.changed)
        item.remove_requested.connect(self.remove_card)
        self.cards.append(item)
        self._cards_layout.addWidget(item)
        self.empty_label.setVisible(False)
        return item

    def remove_card(self, item: BranCard) -> None:
        """Remove one card (after asking, if anything is typed on it)."""
        if item not in self.cards:
            return
        notes = item.value()
        name = " ".join(notes.treatment.split())
        typed = any(str(v).strip() for v in notes.model_dump().values())
        if typed and not dialogs.confirm_remove(
            self,
            "Remove these notes?",
            f"Take your notes about {f'“{shorten(name, 80)}”' if name else 'this treatment'} "
            "off the page?",
        ):
            return
        if item not in self.cards:  # (the cards were replaced while the question was open)
            return
        self.cards.remove(item)
        self._cards_layout.removeWidget(item)
        item.hide()
        item.deleteLater()
        for n, other in enumerate(self.cards, 1):
            other.set_number(n)
        self.empty_label.setVisible(not self.cards)
        self.add_button.setFocus()
        self.changed.emit()

    def value(self) -> list[BranNotes]:
        """Every card's notes, in order (empty ones included; the page cleans them)."""
        return [c.value() for c in self.cards]

    def set_value(self, notes: list[BranNotes], choices: list[str]) -> None:
        """Show these notes, offering ``choices`` in each treatment list."""
        self.choices = choices
        for item in list(self.cards):
            self.cards.remove(item)
            self._cards_layout.removeWidget(item)
            item.hide()
            item.deleteLater()
        for n in notes:
            self.add_card(n)
        self.empty_label.setVisible(not self.cards)

    def _add_clicked(self) -> None:
        item = self.add_card()
        item.treatment.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
