"""One question on the checklist: include it, mark it top three, move it, remove your own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QHBoxLayout, QPushButton

from consultprep.models import ChecklistItem
from ui.widgets import CARD, HINT, ClickLabel, plain_label

SOURCE_NOTES = {
    "own": "Your own question.",
    "red_flag": "Added because of a warning sign you ticked.",
}


def _small_button(text: str, accessible_name: str, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    button.setAutoDefault(False)
    if tip:
        button.setToolTip(tip)
    return button


class QuestionRow(QFrame):
    """The widgets for one checklist item. The page connects the signals."""

    def __init__(
        self, item: ChecklistItem, why: str, *, first: bool, last: bool, number: int
    ) -> None:
        super().__init__()
        self.item_id = item.id
        self.setObjectName(CARD)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("selected", "true" if item.top and item.included else "false")
        short = item.text if len(item.text) <= 80 else item.text[:77] + "…"

        self.include = QCheckBox()
        self.include.setChecked(item.included)
        self.include.setAccessibleName(f"Include question {number}: {item.text}")
        if why:
            self.include.setAccessibleDescription(why)
        self.text_label = ClickLabel(item.text, self.include)
        self.text_label.setObjectName("question" if item.included else "question_off")
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if why:
            self.text_label.setToolTip(why)

        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.include, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.text_label, 0, 1)
        notes = [n for n in (why, SOURCE_NOTES.get(item.source, "")) if n]
        self.why_label = None
        if notes:
            self.why_label = plain_label("  ".join(notes), role=HINT)
            grid.addWidget(self.why_label, 1, 1)
        grid.setColumnStretch(1, 1)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.top_button = _small_button(
            "★ In top 3" if item.top else "☆ Top 3",
            f"Top three: {short}",
            "Take this question out of your top three"
            if item.top
            else "Put this question in your top three",
        )
        self.top_button.setCheckable(True)
        self.top_button.setChecked(item.top)
        self.up_button = _small_button("▲ Up", f"Move up: {short}", "Move this question up")
        self.down_button = _small_button("▼ Down", f"Move down: {short}", "Move this question down")
        self.up_button.setEnabled(not first)
        self.down_button.setEnabled(not last)
        buttons.addWidget(self.top_button)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        self.remove_button: QPushButton | None = None
        if item.source == "own":
            self.remove_button = _small_button(
                "Remove", f"Remove your question: {short}", "Remove this question"
            )
            buttons.addWidget(self.remove_button)
        grid.addLayout(buttons, 0, 2, 2, 1, Qt.AlignmentFlag.AlignTop)

    def buttons(self) -> dict[str, QPushButton | QCheckBox]:
        """This row's controls by role (used to keep keyboard focus after a rebuild)."""
        out: dict[str, QPushButton | QCheckBox] = {
            "include": self.include,
            "top": self.top_button,
            "up": self.up_button,
            "down": self.down_button,
        }
        if self.remove_button is not None:
            out["remove"] = self.remove_button
        return out
