"""View ▸ Preferences: text size and colours in one small window. Changes apply at once.

There is no Cancel: what you see is what you chose, and Escape or Close keeps it (use View ▸
Reset text size or choose another theme to go back).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.appearance import SCALE_STEPS, Appearance
from ui.choices import one_tab_stop
from ui.screen_room import capped
from ui.widgets import HINT, SUBHEADING, ScrollContent, plain_label, scrolling

SAMPLE = "This is how text will look. You can change it at any time."


def scale_label(percent: int) -> str:
    """How a text size is named in the list: "100 % (normal)", "200 % (twice as big)"."""
    words = {100: " (normal)", 200: " (twice as big)"}
    return f"{percent} %{words.get(percent, '')}"


class PreferencesDialog(QDialog):
    """Text size and theme; each change is applied and remembered straight away."""

    def __init__(self, look: Appearance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.setWindowTitle("Preferences")
        # The choices scroll, Close stays below them: at 200 % text the window was taller
        # than a laptop's screen, Close out of reach (a review on a 1366 x 768 screen).
        outer = QVBoxLayout(self)
        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(8)
        self.area = scrolling(content, "Preferences")
        outer.addWidget(self.area, 1)

        layout.addWidget(plain_label("Text size", role=SUBHEADING))
        self.size_box = QComboBox()
        self.size_box.setAccessibleName("Text size")
        for percent in SCALE_STEPS:
            self.size_box.addItem(scale_label(percent), percent)
        size_label = plain_label("&Text size:", wrap=False)
        size_label.setBuddy(self.size_box)
        row = QHBoxLayout()
        row.addWidget(size_label)
        row.addWidget(self.size_box)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(
            plain_label("Ctrl and + or Ctrl and - also change it, Ctrl and 0 resets it.", role=HINT)
        )

        layout.addWidget(plain_label("Colours", role=SUBHEADING))
        self.theme_group = QButtonGroup(self)
        self.theme_radios: dict[str, QRadioButton] = {}
        for key, text in theme.THEME_MNEMONICS.items():
            radio = QRadioButton(text)
            radio.setAccessibleName(f"Colours: {theme.CHOICES[key]}")
            self.theme_group.addButton(radio)
            self.theme_radios[key] = radio
            layout.addWidget(radio)
        one_tab_stop(self.theme_group)
        self.sample = plain_label(SAMPLE)
        self.sample.setAccessibleName("Sample text")
        layout.addSpacing(6)
        layout.addWidget(self.sample)
        layout.addStretch(1)

        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("&Close")
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.close)
        outer.addWidget(buttons)

        self.show_choices()
        self.size_box.currentIndexChanged.connect(self._size_chosen)
        for key, radio in self.theme_radios.items():
            radio.toggled.connect(lambda on, key=key: on and self.look.set_theme(key))
        look.changed.connect(self.show_choices)
        look.changed.connect(self.fit_to_screen)
        self.fit_to_screen()
        self.size_box.setFocus()  # the first choice, not the scroll area around it

    def fit_to_screen(self) -> None:
        """As big as its choices need, never bigger than most of the screen (they scroll).
        (Its own margins, and Close's row, left out, it scrolled even at 100 %: a review.)"""
        content = self.area.widget()
        edges = self.layout().contentsMargins()
        frame = 2 * self.area.frameWidth()
        inner = content.sizeHint().width()
        width = inner + self.area.verticalScrollBar().sizeHint().width() + frame
        width += edges.left() + edges.right()
        tall = content.heightForWidth(inner) if content.hasHeightForWidth() else -1
        height = max(tall, content.sizeHint().height()) + frame + self.buttons.sizeHint().height()
        height += edges.top() + edges.bottom() + self.layout().spacing() + 4
        if self.isVisible():  # (never narrower than the patient made it)
            width = max(width, self.width())
        self.resize(*capped(self, width, height, down=0.8))

    def show_choices(self) -> None:
        """Show the current text size and theme (also after a change from the View menu)."""
        index = self.size_box.findData(self.look.scale)
        if index >= 0 and index != self.size_box.currentIndex():
            self.size_box.blockSignals(True)
            self.size_box.setCurrentIndex(index)
            self.size_box.blockSignals(False)
        radio = self.theme_radios.get(self.look.theme_choice)
        if radio is not None and not radio.isChecked():
            radio.blockSignals(True)
            radio.setChecked(True)
            radio.blockSignals(False)

    def _size_chosen(self, index: int) -> None:
        self.look.set_scale(int(self.size_box.itemData(index)))
