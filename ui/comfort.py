"""What makes the main window comfortable: the View menu, help, and remembering the window.

``install_comfort(window)`` adds, to a MainWindow that already has its File and Help menus:

* View ▸ Larger text (Ctrl++), Smaller text (Ctrl+-), Reset text size (Ctrl+0),
  Appearance ▸ Same as my computer / Light / Dark / High contrast (dark or light), and Preferences… (Ctrl+,);
* Help ▸ How to use ConsultPrep (F1), above About;
* the keyboard helper (``ui.focus``) on the wizard, and jargon tooltips on each page;
* the window's size and position, restored at start and saved when it closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWizard

from ui import settings, theme
from ui.appearance import Appearance, appearance
from ui.focus import KeyboardHelper
from ui.preparation import PagePreparer
from ui.responsive import fold_header

if TYPE_CHECKING:
    from ui.preferences import PreferencesDialog

GEOMETRY_KEY = "window/geometry"
#: The window's first size, where the screen has room: wide enough for two columns of cards,
#: tall enough that most pages need little scrolling.
FIRST_SIZE = QSize(1000, 860)
#: Room left for the window's frame and title bar, which are not known before it is shown.
FRAME_ROOM = QSize(16, 48)
#: The smallest the window can be made, where the screen has room for it; on a smaller screen
#: (a 1366 × 768 laptop at 125 % or 150 %) as much as there is, never below ``SMALLEST_EVER``
#: (at 800 × 600 the window was taller than the screen, Back and Next under the task bar).
MINIMUM, SMALLEST_EVER = QSize(800, 600), QSize(640, 400)


def first_geometry(room: QRect, minimum: QSize) -> QRect:
    """Where the window opens the first time, on a screen whose free area is ``room``.

    ``FIRST_SIZE`` where it fits; on a small screen (a 1366 × 768 laptop) as much as there
    is, so Back and Next are never hidden under the task bar; never below ``minimum``.
    Centred in the free area.
    """
    width = max(minimum.width(), min(FIRST_SIZE.width(), room.width() - FRAME_ROOM.width()))
    height = max(minimum.height(), min(FIRST_SIZE.height(), room.height() - FRAME_ROOM.height()))
    left = room.left() + max(0, (room.width() - width) // 2)
    top = room.top() + max(0, (room.height() - FRAME_ROOM.height() - height) // 2)
    return QRect(left, top, width, height)


def smallest(room: QRect) -> QSize:
    """The window's smallest size on a screen whose free area is ``room``."""
    width = min(MINIMUM.width(), room.width() - FRAME_ROOM.width())
    height = min(MINIMUM.height(), room.height() - FRAME_ROOM.height())
    return QSize(max(SMALLEST_EVER.width(), width), max(SMALLEST_EVER.height(), height))


def kept_inside(place: QRect, room: QRect) -> QRect:
    """``place`` (a window's size and place, without its frame) made to fit in ``room``: a
    size saved on a bigger screen, or before the screen's scaling went up, put Next under
    the task bar."""
    width = min(place.width(), room.width() - FRAME_ROOM.width())
    height = min(place.height(), room.height() - FRAME_ROOM.height())
    left = max(room.left(), min(place.left(), room.right() + 1 - width - FRAME_ROOM.width()))
    top = max(room.top(), min(place.top(), room.bottom() + 1 - height - FRAME_ROOM.height()))
    return QRect(left, top, width, height)


class WindowComfort(QObject):
    """The View menu and friends of one main window (see the module docstring)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.look: Appearance = appearance()
        self.preferences: PreferencesDialog | None = None
        self._keyboard: KeyboardHelper | None = None
        self._make_actions()
        self._make_menus()
        self.look.changed.connect(self._show_choices)
        self._show_choices()
        self.restore_geometry()
        window.installEventFilter(self)

    # --- building ---------------------------------------------------------------------------
    def _action(self, text: str, slot, *shortcuts: QKeySequence | str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        look = self.look
        self.larger_action = self._action("&Larger text", look.larger, keys.ZoomIn, "Ctrl+=")
        self.smaller_action = self._action("&Smaller text", look.smaller, keys.ZoomOut)
        self.reset_text_action = self._action("&Reset text size", look.reset_scale, "Ctrl+0")
        self.preferences_action = self._action("&Preferences…", self.show_preferences, "Ctrl+,")
        self.how_to_action = self._action(
            "&How to use ConsultPrep", self.show_how_to, keys.HelpContents
        )
        self.theme_group = QActionGroup(self.window)
        self.theme_actions: dict[str, QAction] = {}
        for key, text in theme.THEME_MNEMONICS.items():
            action = QAction(text, self.window)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, key=key: self.look.set_theme(key))
            self.theme_group.addAction(action)
            self.theme_actions[key] = action

    def _make_menus(self) -> None:
        bar = self.window.menuBar()
        help_menu = _menu_of(getattr(self.window, "about_action", None))
        self.view_menu = QMenu("&View", self.window)
        self.view_menu.addAction(self.larger_action)
        self.view_menu.addAction(self.smaller_action)
        self.view_menu.addAction(self.reset_text_action)
        self.view_menu.addSeparator()
        self.appearance_menu = self.view_menu.addMenu("&Appearance")
        for action in self.theme_actions.values():
            self.appearance_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.preferences_action)
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.view_menu)
            first = help_menu.actions()[0] if help_menu.actions() else None
            help_menu.insertAction(first, self.how_to_action)
        else:
            bar.addMenu(self.view_menu)
            bar.addMenu("&Help").addAction(self.how_to_action)

    def watch_wizard(self, wizard: QWizard) -> None:
        """Keep a (new) wizard keyboard-friendly and its jargon explained."""
        self._keyboard = KeyboardHelper(wizard)
        PagePreparer(wizard, self._keyboard)  # the pages ahead made ready in idle time
        for page_id in wizard.pageIds():  # headers start in the scroll area, come out if room
            fold_header(wizard.page(page_id))
        wizard.currentIdChanged.connect(lambda _id: self._explain(wizard))
        if wizard.currentId() != -1:
            self._keyboard.page_entered()
            self._explain(wizard)

    def _explain(self, wizard) -> None:
        from ui.glossary_ui import add_tooltips  # loads the glossary: not needed at start

        if wizard.currentId() != -1:
            add_tooltips(wizard.currentPage())

    # --- actions ----------------------------------------------------------------------------
    def _show_choices(self) -> None:
        scale = self.look.scale
        self.larger_action.setEnabled(scale < 200)
        self.smaller_action.setEnabled(scale > 100)
        action = self.theme_actions.get(self.look.theme_choice)
        if action is not None:
            action.setChecked(True)

    def show_preferences(self) -> PreferencesDialog:
        """Show View ▸ Preferences (one window, kept)."""
        from ui.preferences import PreferencesDialog  # (not needed before the first page)

        if self.preferences is None:
            self.preferences = PreferencesDialog(self.look, self.window)
        self.preferences.show_choices()
        self.preferences.show()
        self.preferences.raise_()
        self.preferences.activateWindow()
        return self.preferences

    def step_titles(self) -> list[str]:
        """The wizard's page titles in order (for the help text)."""
        wizard = getattr(self.window, "wizard", None)
        if wizard is None:
            return []
        titles = []
        for page_id in wizard.pageIds():
            label = getattr(wizard.page(page_id), "title_label", None)
            if label is not None and page_id != wizard.startId():
                titles.append(label.text())
        return titles

    def show_how_to(self):
        """Show Help ▸ How to use ConsultPrep."""
        from ui.help import show_how_to

        finish_start = getattr(self.window, "finish_start", None)
        if finish_start is not None:
            finish_start()  # the steps are the wizard's pages: built once the window started
        return show_how_to(self.window, self.step_titles())

    # --- the window's size and place --------------------------------------------------------
    def restore_geometry(self) -> bool:
        """Put the window where it was last time, if that is known."""
        data = settings.read_value(GEOMETRY_KEY, QByteArray())
        restorable = isinstance(data, QByteArray) and not data.isEmpty()
        room = self._room()
        if room is not None:
            self.window.setMinimumSize(smallest(room))
        if restorable and self.window.restoreGeometry(data):
            # The screen it was restored onto (a second screen's, not the main one's).
            room = self._room(self.window.geometry().center())
            if room is not None and not self.window.isMaximized():
                self.window.setMinimumSize(smallest(room))
                place = kept_inside(self.window.geometry(), room)
                self.window.resize(place.size())
                self.window.move(place.topLeft())
            return True
        self.fit_to_screen()
        return False

    def _room(self, at: QPoint | None = None) -> QRect | None:
        """The free area of the screen at ``at`` (else the window's screen); None on the
        offscreen platform (see ``fit_to_screen``)."""
        if QGuiApplication.platformName() in ("offscreen", "minimal"):
            return None
        screen = QGuiApplication.screenAt(at) if at is not None else None
        screen = screen or self.window.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else None

    def fit_to_screen(self) -> None:
        """Size and place the window for its screen (the first time: see ``first_geometry``).

        Not on the offscreen platform (tests and pictures), whose pretend screen is only
        800 × 600: there the window keeps the size it was made with.
        """
        room = self._room()
        if room is None:
            return
        place = first_geometry(room, self.window.minimumSize())
        self.window.resize(place.size())
        self.window.move(place.topLeft())

    def save_geometry(self) -> None:
        """Remember the window's size and place for next time."""
        settings.write(GEOMETRY_KEY, self.window.saveGeometry())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the window's events: remember its geometry when it closes."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save_geometry()
        return False


def _menu_of(action: QAction | None) -> QMenu | None:
    if action is None:
        return None
    return next((o for o in action.associatedObjects() if isinstance(o, QMenu)), None)


def install_comfort(window: QMainWindow) -> WindowComfort:
    """Add the View menu, help and remembered geometry to ``window`` (see the module)."""
    if QApplication.instance() is None:
        raise RuntimeError("a QApplication must exist first")
    comfort = WindowComfort(window)
    wizard = getattr(window, "wizard", None)
    # A wizard still waiting for its pages (the window is starting) is watched once it has
    # them, and a new draft's new wizard when it is made: the window calls ``watch_wizard``.
    if isinstance(wizard, QWizard) and getattr(wizard, "attached", True):
        comfort.watch_wizard(wizard)
    return comfort
