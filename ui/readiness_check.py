"""The four readiness questions, each answered with a large "Yes" or "Not yet" button."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from consultprep.models import ReadinessAnswer, ReadinessCheck
from consultprep.readiness import Area, ReadinessContent, answers
from ui.announce import announce
from ui.widgets import HINT, NOTICE, KeyButton, card, page_changed, plain_label

ADDED = "Added to your questions:"
SUGGESTED = "Suggested question:"
ANSWERS: tuple[tuple[ReadinessAnswer, str], ...] = (("yes", "Yes"), ("not_yet", "Not yet"))
#: Said with each answer button: Tab stops at one answer a question.
ANSWER_KEYS = "The left and right arrow keys move between Yes and Not yet; Space chooses."
_ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


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
                button = KeyButton(text, self)  # Enter and the arrow keys: key_pressed
                button.setCheckable(True)
                button.setAutoDefault(True)  # Enter presses the focused answer, not Next
                button.setMinimumWidth(120)
                # "When" in the name: before and after the appointment ask the same questions.
                button.setAccessibleName(f"{text}: {item.question} ({when.lower()})")
                button.setAccessibleDescription(
                    f"Question {n} of {len(content.items)}. {ANSWER_KEYS} {item.why}"
                )
                button.clicked.connect(lambda on, a=item.area, v=value: self._clicked(a, v, on))
                buttons[value] = button
                line.addWidget(button)
            line.addStretch(1)
            box.addLayout(line)
            suggestion = plain_label(role=NOTICE, selectable=True)
            suggestion.hide()
            box.addWidget(suggestion)
            self.rows[item.area] = ReadinessRow(question, buttons, suggestion)
            self._tab_stop(item.area)
            layout.addWidget(frame)

    def key_pressed(self, button: QPushButton, event: QKeyEvent) -> bool:
        """A key pressed on an answer button; True if it was handled here.

        Enter on the chosen answer keeps it (pressing it again would clear the answer unseen;
        a click or Space still clears). The arrow keys move between "Yes" and "Not yet"
        without choosing ("Not yet" adds a question): each question is one Tab stop.
        """
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return button.isChecked()
        if event.key() in _ARROWS and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            row = next((r for r in self.rows.values() if button in r.buttons.values()), None)
            if row is None:
                return False
            other = next(b for b in row.buttons.values() if b is not button)
            self._make_stop(row, other)
            other.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False

    def _tab_stop(self, area: Area) -> None:
        """The chosen answer (else "Yes") is the question's one Tab stop."""
        row = self.rows[area]
        chosen = next((b for b in row.buttons.values() if b.isChecked()), row.buttons["yes"])
        self._make_stop(row, chosen)

    def _make_stop(self, row: ReadinessRow, stop: QPushButton) -> None:
        """Only ``stop`` takes Tab, in the place of the one that did (as ``ui.inputs``'
        score rows); the other still takes a click."""
        taking = [b for b in row.buttons.values() if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if taking == [stop]:
            return
        for button in row.buttons.values():
            policy = Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)
        if len(taking) == 1:
            QWidget.setTabOrder(taking[0], stop)  # at once; the page redoes its order later
        page_changed(self)

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
            self._tab_stop(area)
        self._show_suggestions()

    def _clicked(self, area: Area, value: ReadinessAnswer, on: bool) -> None:
        if on:  # one answer at a time; clicking the pressed one again clears it
            for other, button in self.rows[area].buttons.items():
                if other != value:
                    button.setChecked(False)
        self._tab_stop(area)
        self._show_suggestions()
        suggestion = self.rows[area].suggestion
        if on and not suggestion.isHidden():  # "Not yet" added a question: say so, as the
            announce(suggestion, suggestion.text())  # questions page does (a keyboard audit)
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
