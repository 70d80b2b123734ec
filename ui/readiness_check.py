"""The four readiness questions, each answered with a large "Yes" or "Not yet" button."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from consultprep.models import ReadinessAnswer, ReadinessCheck
from consultprep.readiness import Area, ReadinessContent, answers
from ui.widgets import HINT, NOTICE, card, plain_label

ADDED = "Added to your questions:"
SUGGESTED = "Suggested question:"
ANSWERS: tuple[tuple[ReadinessAnswer, str], ...] = (("yes", "Yes"), ("not_yet", "Not yet"))


@dataclass
class ReadinessRow:
    """The widgets of one question."""

    question: QLabel
    buttons: dict[ReadinessAnswer, QPushButton]
    suggestion: QLabel


class ReadinessCheckView(QWidget):
    """Four questions in cards. Clicking the chosen answer again clears it."""

    #: An answer changed (by the patient, not by :meth:`set_value`).
    changed = Signal()

    def __init__(self, content: ReadinessContent, when: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.setAccessibleName(f"Readiness check {when}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.rows: dict[Area, ReadinessRow] = {}
        self._prefix = ADDED
        for n, item in enumerate(content.items, 1):
            frame, box = card()
            question = plain_label(f"{n}.  {item.question}", role="strong")
            box.addWidget(question)
            box.addWidget(plain_label(item.why, role=HINT))
            line = QHBoxLayout()
            line.setSpacing(8)
            buttons: dict[ReadinessAnswer, QPushButton] = {}
            for value, text in ANSWERS:
                button = QPushButton(text)
                button.setCheckable(True)
                button.setAutoDefault(True)  # Enter presses the focused answer, not Next
                button.setMinimumWidth(120)
                button.setAccessibleName(f"{when}, question {n}: {text}")
                button.setAccessibleDescription(item.question)
                button.clicked.connect(lambda on, a=item.area, v=value: self._clicked(a, v, on))
                button.installEventFilter(self)
                buttons[value] = button
                line.addWidget(button)
            line.addStretch(1)
            box.addLayout(line)
            suggestion = plain_label(role=NOTICE, selectable=True)
            suggestion.hide()
            box.addWidget(suggestion)
            self.rows[item.area] = ReadinessRow(question, buttons, suggestion)
            layout.addWidget(frame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the answer buttons' events: Enter on the chosen answer keeps it
        (pressing it again would clear the answer unseen; a click or Space still clears)."""
        return (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QPushButton)
            and watched.isChecked()
        )

    def value(self) -> dict[Area, ReadinessAnswer | None]:
        """The answer shown for each area (None where neither button is pressed)."""
        out: dict[Area, ReadinessAnswer | None] = {}
        for area, row in self.rows.items():
            out[area] = next((v for v, b in row.buttons.items() if b.isChecked()), None)
        return out

    def set_value(self, check: ReadinessCheck | None) -> None:
        """Show the answers in ``check`` (None: nothing answered)."""
        for area, answer in answers(check).items():
            for value, button in self.rows[area].buttons.items():
                button.setChecked(value == answer)
        self._show_suggestions()

    def _clicked(self, area: Area, value: ReadinessAnswer, on: bool) -> None:
        if on:  # one answer at a time; clicking the pressed one again clears it
            for other, button in self.rows[area].buttons.items():
                if other != value:
                    button.setChecked(False)
        self._show_suggestions()
        self.changed.emit()

    def set_suggestion_prefix(self, prefix: str) -> None:
        """Say what happens to a "Not yet" suggestion (e.g. ``ADDED``)."""
        self._prefix = prefix
        self._show_suggestions()

    def _show_suggestions(self) -> None:
        for area, answer in self.value().items():
            label = self.rows[area].suggestion
            label.setText(f"{self._prefix} “{self.content.item(area).suggestion.text}”")
            label.setVisible(answer == "not_yet")
