"""How the app looks: the bundled font and one style sheet for large, calm, clear controls."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
BODY_POINT_SIZE = 12

#: Colours for text beside the evidence colours (ui/ladder.py uses consultprep.evidence).
TEXT = "#1A1A1A"
HINT_TEXT = "#4A4A4A"  # grey, still 8.9:1 on white
ERROR_TEXT = "#9A0018"
NOTICE_FILL = "#FFF4D6"
NOTICE_BORDER = "#C89B00"
CARD_BORDER = "#C9CED6"
ACCENT = "#1F4E8C"

STYLE_SHEET = f"""
QWidget {{ color: {TEXT}; }}
QPushButton {{
    min-height: 36px;
    padding: 4px 16px;
}}
QPushButton#primary {{
    background-color: {ACCENT};
    color: white;
    border: 1px solid {ACCENT};
    border-radius: 4px;
    font-weight: bold;
}}
QPushButton#primary:hover {{ background-color: #2A63AE; }}
QPushButton#primary:focus {{ border: 2px solid #0B2447; }}
QPushButton:checked {{
    background-color: {ACCENT};
    color: white;
    border: 1px solid {ACCENT};
    border-radius: 4px;
}}
QLineEdit, QDateEdit {{ min-height: 34px; padding: 0 6px; }}
QCheckBox, QRadioButton {{ spacing: 10px; min-height: 30px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 22px; height: 22px; }}
QLabel#hint {{ color: {HINT_TEXT}; font-size: 11pt; }}
QLabel#title {{ font-size: 17pt; font-weight: bold; color: {ACCENT}; }}
QLabel#heading {{ font-size: 15pt; font-weight: bold; }}
QLabel#subheading {{ font-size: 13pt; font-weight: bold; }}
QLabel#strong {{ font-weight: bold; }}
QLabel#question_off {{ color: {HINT_TEXT}; }}
QPushButton#score {{ padding: 4px 6px; min-width: 36px; }}
QLabel#error {{ color: {ERROR_TEXT}; font-weight: bold; }}
QLabel#notice {{
    background-color: {NOTICE_FILL};
    border: 1px solid {NOTICE_BORDER};
    border-radius: 4px;
    padding: 8px;
}}
QFrame#card {{
    background-color: white;
    border: 1px solid {CARD_BORDER};
    border-radius: 6px;
}}
QFrame#card QLabel {{ background: transparent; border: none; }}
QFrame#card[selected="true"] {{ border: 2px solid {ACCENT}; background-color: #EEF3FA; }}
"""

_registered = False


def register_fonts() -> str:
    """Register the bundled DejaVu Sans with Qt (once) and return the family name.

    Falls back to Qt's default family if the font files cannot be read.
    """
    global _registered
    family = FONT_FAMILY
    if not _registered:
        folder = resources.files("resources") / "fonts"
        for name in FONT_FILES:
            try:
                data = (folder / name).read_bytes()
            except OSError:
                continue
            font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                family = families[0]
        _registered = True
    return family


def apply_app_style(app: QApplication) -> None:
    """Use the Fusion style and the bundled font at a comfortable reading size."""
    app.setStyle("Fusion")
    font = QFont(register_fonts())
    font.setPointSize(BODY_POINT_SIZE)
    # Qt measures a label with a mnemonic (&Yes) kerned but draws it unkerned, clipping the
    # last letter of radio buttons and tick boxes; without kerning both agree.
    font.setKerning(False)
    app.setFont(font)
