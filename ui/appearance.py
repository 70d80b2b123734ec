"""Text size and colours for the whole app, chosen in View or Preferences, and remembered.

``Appearance`` holds the two choices, the text size (100 % to 200 %) and the theme (follow
the system, Light, Dark or High contrast, dark or light), applies them to the QApplication (font, palette,
style sheet) and stores them with ``ui.settings``. There is one per QApplication:
``appearance()``.

The text size is a percentage of a base size: the system's own font size when the app starts,
but never less than ``MIN_BASE_POINT_SIZE``, so people who set large text in their desktop
get it here too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from ui import settings, theme
from ui.theme_qt import qt_palette, style_sheet

MIN_BASE_POINT_SIZE = 12.0
#: The text sizes offered, in per cent (View ▸ Larger text / Smaller text step through them).
SCALE_STEPS = (100, 115, 130, 150, 175, 200)
DEFAULT_SCALE = 100
SCALE_KEY = "view/text_scale"
THEME_KEY = "view/theme"


def _system_prefers_dark() -> bool:
    """True if the desktop says it uses a dark colour scheme (Qt 6.5 and later)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


class Appearance(QObject):
    """The text size and theme of one QApplication; ``changed`` fires after each change."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._original_font = QFont(app.font())
        self._original_palette = app.palette()
        self._original_sheet = app.styleSheet()
        self.base_point_size = max(MIN_BASE_POINT_SIZE, self._original_font.pointSizeF())
        self.scale = DEFAULT_SCALE
        self.theme_choice = theme.SYSTEM
        self.applied = False
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._system_scheme_changed)

    # --- choices ----------------------------------------------------------------------------
    def load(self) -> None:
        """Read the remembered text size and theme (unknown values give the defaults)."""
        self.scale = _clamp(settings.read_int(SCALE_KEY, DEFAULT_SCALE))
        choice = settings.read_str(THEME_KEY, theme.SYSTEM)
        self.theme_choice = choice if choice in theme.CHOICES else theme.SYSTEM

    def theme(self) -> theme.Theme:
        """The theme to show: the chosen one, or Light or Dark following the system."""
        if self.theme_choice == theme.SYSTEM:
            return theme.THEMES[theme.DARK if _system_prefers_dark() else theme.LIGHT]
        return theme.THEMES[self.theme_choice]

    def point_size(self) -> float:
        """The body text size in points at the current scale."""
        return self.base_point_size * self.scale / 100

    def set_scale(self, percent: int) -> None:
        """Show text at ``percent`` of the base size (kept between 100 and 200) and remember it."""
        percent = _clamp(percent)
        if percent != self.scale or not self.applied:
            self.scale = percent
            settings.write(SCALE_KEY, percent)
            self.apply()

    def larger(self) -> None:
        """One step larger (View ▸ Larger text)."""
        self.set_scale(next((s for s in SCALE_STEPS if s > self.scale), SCALE_STEPS[-1]))

    def smaller(self) -> None:
        """One step smaller (View ▸ Smaller text)."""
        self.set_scale(next((s for s in reversed(SCALE_STEPS) if s < self.scale), SCALE_STEPS[0]))

    def reset_scale(self) -> None:
        """Back to 100 % (View ▸ Reset text size)."""
        self.set_scale(DEFAULT_SCALE)

    def set_theme(self, choice: str) -> None:
        """Use theme ``choice`` (a key of ``theme.CHOICES``) and remember it."""
        if choice not in theme.CHOICES:
            raise ValueError(f"unknown theme {choice!r}")
        self.theme_choice = choice
        settings.write(THEME_KEY, choice)
        self.apply()

    # --- applying ---------------------------------------------------------------------------
    def apply(self, *, style_sheet_later: bool = False) -> None:
        """Set the app's font, palette and style sheet from the current choices.

        ``style_sheet_later`` leaves the style sheet to ``apply_style_sheet``, for the start
        (``ui.app.run_app``): the first window is built first and then styled once. Built under
        a style sheet, each control is styled again at each step of the building (as it is put
        in its box, the box in its page, the page in the wizard); about 8 ms of the start."""
        from ui.style import register_fonts

        chosen = self.theme()
        theme.set_current(chosen)
        font = QFont(register_fonts())
        font.setPointSizeF(self.point_size())
        # Qt measures a label with a mnemonic (&Yes) kerned but draws it unkerned, clipping the
        # last letter of radio buttons and tick boxes; without kerning both agree.
        font.setKerning(False)
        self._app.setFont(font)
        self._app.setPalette(qt_palette(chosen))
        if not style_sheet_later:
            self.apply_style_sheet()
        self.applied = True
        self.changed.emit()

    def apply_style_sheet(self) -> None:
        """Set the app's style sheet for the current choices (see ``apply``)."""
        self._app.setStyleSheet(style_sheet(self.theme(), self.point_size()))

    def restore(self) -> None:
        """Undo ``apply``: the app's own font, palette and no style sheet (used by tests)."""
        theme.set_current(theme.THEMES[theme.LIGHT])
        self._app.setStyleSheet(self._original_sheet)
        self._app.setPalette(self._original_palette)
        self._app.setFont(self._original_font)
        self.scale = DEFAULT_SCALE
        self.theme_choice = theme.SYSTEM
        self.applied = False
        self.changed.emit()

    def _system_scheme_changed(self, *_args: object) -> None:
        if self.applied and self.theme_choice == theme.SYSTEM:
            self.apply()


def _clamp(percent: int) -> int:
    return max(SCALE_STEPS[0], min(SCALE_STEPS[-1], int(percent)))


def appearance(app: QApplication | None = None) -> Appearance:
    """The Appearance of the running QApplication (made on first use)."""
    global _instance
    app = app or QApplication.instance()
    if app is None:
        raise RuntimeError("a QApplication must exist first")
    if _instance is None or _instance.parent() is not app:
        _instance = Appearance(app)
    return _instance


_instance: Appearance | None = None
