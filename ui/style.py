"""How the app looks: the bundled font, and applying the text size and theme (ui.appearance)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from resources import folder as resource_folder
from ui.theme import LIGHT, THEMES

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")

#: Colours of the light theme, for code that has no theme at hand. The colours of every theme
#: are in ``ui.theme``; the style sheet is made from them in ``ui.theme_qt``.
_LIGHT = THEMES[LIGHT]
TEXT = _LIGHT.text
HINT_TEXT = _LIGHT.hint
ERROR_TEXT = _LIGHT.error
ACCENT = _LIGHT.accent

#: Chinese, Japanese and Korean letters, for computers that have no font with them.
FALLBACK_FILE = "DroidSansFallback.ttf"
#: Emoji (in one colour), for computers that have no emoji font: a smiley typed in a name
#: showed as an empty box. A computer's own colour emoji font, if it has one, may still be used.
EMOJI_FILE = "NotoEmoji-Regular.ttf"
FALLBACK_FILES = (FALLBACK_FILE, EMOJI_FILE)

_registered = False
_fallback_registered: bool | None = None  # None: not tried yet


def register_fonts() -> str:
    """Register the bundled DejaVu Sans with Qt (once) and return the family name.

    Falls back to Qt's default family if the font files cannot be read.
    """
    global _registered
    family = FONT_FAMILY
    if not _registered:
        folder = resource_folder("fonts")
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(folder / name))  # -1 if unreadable
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                family = families[0]
        _registered = True
    return family


def register_fallback_font() -> bool:
    """Register the bundled Droid Sans Fallback and Noto Emoji with Qt (once); True if both
    could be read.

    Qt looks in them for letters the app's font has none of (Chinese, Japanese, Korean, and
    emoji), so a name typed with them shows as letters, not empty boxes, even on a computer
    with no such font. Done just after the first page is shown (a few milliseconds).
    """
    global _fallback_registered
    if _fallback_registered is None:
        folder = resource_folder("fonts")
        read = [QFontDatabase.addApplicationFont(str(folder / f)) >= 0 for f in FALLBACK_FILES]
        _fallback_registered = all(read)
    return _fallback_registered


def app_icon() -> QIcon:
    """ConsultPrep's icon, at every size in resources/icons (for windows and the task bar)."""
    folder = resource_folder("icons")
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(folder / f"consultprep-{size}.png"), QSize(size, size))
    return icon


def apply_app_style(app: QApplication, *, style_sheet_later: bool = False) -> None:
    """Use the Fusion style, the bundled font, and the remembered text size and theme.

    See ``ui.appearance``: the text size starts at the system's font size (at least 12 pt).
    The style is set once, before any window: changing it under a window that is showing
    makes Qt re-style every widget (and crashed this app's window). ``style_sheet_later``:
    the caller builds its first window and then calls ``apply_style_sheet`` before showing it
    (``ui.app.run_app``; see ``Appearance.apply``).
    """
    from ui.appearance import appearance
    from ui.indicator_style import IndicatorStyle

    app.setStyle(IndicatorStyle("Fusion"))  # Fusion, with tick boxes clear in every theme
    look = appearance(app)
    look.load()
    look.apply(style_sheet_later=style_sheet_later)


def apply_style_sheet(app: QApplication) -> None:
    """Set the style sheet left for later by ``apply_app_style(app, style_sheet_later=True)``."""
    from ui.appearance import appearance

    appearance(app).apply_style_sheet()
