"""Keyboard use: tab order that follows the page, focus shown on cards, Enter and Escape.

Qt's tab order is the order in which widgets were created, which goes wrong when a page adds
widgets later (question rows, tried treatments, the review summary). ``layout_order`` reads the
order from the page's layouts instead (top to bottom, then left to right, as they are laid
out), and ``KeyboardHelper`` applies it whenever a page is entered or changed.

Walking a page's widgets takes a few milliseconds on the longer pages, too long to do on every
Next. So each page counts the changes to its widgets (``ui.widgets.page_changed``, called by the
pages that add, remove or move widgets, and for every edit) and how many widgets it holds
(``page_stamp``); the walk is done only when these moved on: in idle time for the pages ahead
(``ui.preparation``), else when the page is entered.

Keyboard rules kept here:

* Tab goes through the page in reading order, then Back and Next.
* Moving to another page leaves the focus on Back or Next, as Qt does; when the focused
  control disappears (Next on the last page) or at start, the page's first control gets it.
  A page's scroll area is a Tab stop named after the page, so a screen reader says where
  you are and the arrow keys scroll.
* Enter means Next, except in multi-line text and in a single-line field that does something
  itself on Enter (such as "Add your own question"): there Enter belongs to the field.
* Escape never closes the wizard or drops what was typed (``ConsultWizard.done`` ignores it).
* A card (a choice, a question) shows the focus ring while anything inside it has focus.
* When Next or Back is clicked with the mouse, Qt gives the new page's scroll area the focus;
  its focus bar is then hidden (``focusShown`` false), as a browser hides the focus ring of a
  clicked control, since it would read as decoration. It shows again once the focus moves
  there by keyboard (Tab, or Enter on Next).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMetaMethod, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
    QWidgetItem,
    QWizard,
)
from shiboken6 import isValid

from ui import heading_roles
from ui.edge_fade import scroll_to
from ui.tab_order import apply_order
from ui.widgets import CARD, generation, page_changed

FOCUS_WITHIN = "focusWithin"
FOCUS_SHOWN = "focusShown"
ENTER_STAYS = "enterStays"
_WIZARD_BUTTONS = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton)
# Note: PySide6 6.11/6.12 on Python 3.11 lose a reference to None each time a Qt call
# returns a null pointer (item.widget() on a spacer, parentWidget() of a window, an unset
# property, a focusChanged signal with no old widget), which eventually crashes Python.
# So this module never asks Qt anything that can answer "nothing".


def takes_tab(widget: QWidget) -> bool:
    """True if Tab can move the focus to ``widget`` (ignoring whether it is shown)."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()


def own_layout(widget: QWidget) -> QLayout | None:
    """The widget's layout, found without ``QWidget.layout()`` (see the note above)."""
    return next((c for c in widget.children() if isinstance(c, QLayout)), None)


def layout_order(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that take Tab, in the order its layouts place them.

    A widget that takes Tab is not looked inside (its parts are its own business), except a
    scroll area, whose content follows it.
    """
    out: list[QWidget] = []

    def visit_widget(w: QWidget) -> None:
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            out.append(w)
            if not isinstance(w, QScrollArea):
                return
        if isinstance(w, QScrollArea):
            inner = next((c for c in w.viewport().children() if isinstance(c, QWidget)), None)
            if inner is not None:
                visit_widget(inner)
            return
        layout = own_layout(w)
        if layout is not None:
            visit_layout(layout)

    def visit_layout(layout: QLayout) -> None:
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if isinstance(item, QWidgetItem):
                visit_widget(item.widget())
            elif isinstance(item, QLayout):
                visit_layout(item)

    layout = own_layout(root)
    if layout is not None:
        visit_layout(layout)
    return out


def apply_layout_order(root: QWidget) -> list[QWidget]:
    """Make Tab follow ``layout_order(root)``; return that order."""
    order = layout_order(root)
    _apply_order(order)
    return order


def _apply_order(order: list[QWidget]) -> None:
    apply_order(order)  # with as few moves as can be: see ui.tab_order


def has_property(obj: QObject, name: str) -> bool:
    """True if the dynamic property ``name`` was set on ``obj`` (asked without a null answer)."""
    return name.encode() in [bytes(n) for n in obj.dynamicPropertyNames()]


def _listens_for_enter(edit: QLineEdit) -> bool:
    signal = QMetaMethod.fromSignal(edit.returnPressed)
    return edit.isSignalConnected(signal)


class _EnterStaysInField(QObject):
    """Event filter: Enter in a field that acts on Enter does not also press Next."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for each event of a watched field."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            watched.returnPressed.emit()
            return True
        return False


def cards_around(widget: QWidget) -> list[QWidget]:
    """The cards (``#card`` frames) that hold ``widget``, innermost first."""
    cards = []
    while not widget.isWindow():
        widget = widget.parentWidget()
        if widget.objectName() == CARD:
            cards.append(widget)
    return cards


def _restyle(widget: QWidget, name: str, value: str) -> None:
    """Set a property the style sheet looks at, and apply the style again if it changed."""
    if has_property(widget, name) and widget.property(name) == value:
        return  # (asked only once set: see the note at the top)
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class _FocusWithin(QObject):
    """The card (``#card`` frame) that holds the focused control shows the focus ring; a page's
    scroll area shows its focus bar unless a click on Next or Back gave it the focus.

    Qt's style sheets have no ``:focus-within``; the card's ``focusWithin`` property stands in.
    One Python call for each move of the focus (``QApplication.focusChanged``): an event
    filter on every control in a card saw all their events (hundreds at each Next).
    """

    def __init__(self, parent: QObject, moved_to: Callable[[QWidget], None]) -> None:
        super().__init__(parent)
        #: True only while a mouse click on Next or Back is being handled (``KeyboardHelper``).
        self.page_button_clicked = False
        self._moved_to = moved_to  # told of each widget the focus moves to
        QApplication.instance().focusChanged.connect(self._moved)

    def _moved(self, old: QWidget | None, new: QWidget | None) -> None:
        new = new if new is not None and isValid(new) else None
        old = old if old is not None and isValid(old) else None
        after = cards_around(new) if new is not None else []
        before = cards_around(old) if old is not None else []
        changes = [(c, False) for c in before if c not in after] + [(c, True) for c in after]
        for card, on in changes:  # (unchanged when the focus moved within the card)
            _restyle(card, FOCUS_WITHIN, "true" if on else "false")
        if isinstance(old, QScrollArea):
            _restyle(old, FOCUS_SHOWN, "true")
        if isinstance(new, QScrollArea):
            _restyle(new, FOCUS_SHOWN, "false" if self.page_button_clicked else "true")
        if new is not None:
            # Moved within the window from the keyboard (also with an Alt key, for which Qt
            # does not scroll): into view. Not a click, nor coming back to the window, where
            # the page stays as the patient scrolled it.
            if old is not None and QApplication.mouseButtons() == Qt.MouseButton.NoButton:
                scroll_to(new)
            self._moved_to(new)


def _one_line_field(widget: QWidget) -> bool:
    """A one-line text field (``QLineEdit``, or a ``LineBox`` that wraps)."""
    from ui.fields import LineBox  # (ui.fields is heavier than this module needs at start)

    return isinstance(widget, (QLineEdit, LineBox))


def page_stamp(page: QWidget) -> tuple[int, int]:
    """Changes counted on ``page`` and how many widgets it holds (which also catches
    widgets added or removed by code that does not count its changes)."""
    return generation(page), len(page.findChildren(QWidget))


class KeyboardHelper(QObject):
    """Keeps a wizard's pages keyboard-friendly (see the module docstring)."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        heading_roles.install()  # and for a screen reader, the pages' headings are headings
        self._enter_filter = _EnterStaysInField(self)
        # (One Python call for each move of the focus serves both: see the note on None.)
        self._focus_within = _FocusWithin(self, self._keep_next_default)
        #: Per page: its ``page_stamp`` when its order was last applied, and that order.
        self._orders: dict[QWidget, tuple[tuple[int, int], list[QWidget]]] = {}
        #: The last few widgets the focus moved to, and the page shown (its id).
        self._recent: list[QWidget] = []
        self._shown_id = -1
        #: Per page id: the field Enter left the page from (Back puts the focus there again).
        self._return_to: dict[int, QWidget] = {}
        #: After an edit, the page is looked at again once the edit has been handled.
        self._after_edit = QTimer(self)
        self._after_edit.setSingleShot(True)
        self._after_edit.setInterval(0)
        self._after_edit.timeout.connect(self.refresh)
        wizard.setOption(QWizard.WizardOption.NoDefaultButton, False)
        wizard.currentIdChanged.connect(self.page_entered)
        wizard.installEventFilter(self)
        self._page_buttons = [wizard.button(b) for b in _WIZARD_BUTTONS]
        for button in self._page_buttons:
            button.installEventFilter(self)
        if hasattr(wizard, "edited"):
            wizard.edited.connect(self._edited)

    def _keep_next_default(self, new: QWidget) -> None:
        """Enter in a field presses Next, also after the focus went through Back or Next (a
        button that has the focus is Enter's while it has it; Qt left none after it)."""
        self._recent = [*self._recent[-3:], new]
        if isinstance(new, QPushButton):
            return
        page = self._page()
        next_button = self._wizard.button(QWizard.WizardButton.NextButton)
        if page is None or not page.isAncestorOf(new) or not next_button.isVisible():
            return
        if not next_button.isDefault():
            next_button.setDefault(True)

    def _page(self) -> QWidget | None:
        if self._wizard.currentId() == -1:
            return None
        return self._wizard.currentPage()

    def _edited(self) -> None:
        page = self._page()
        if page is not None:
            page_changed(page)  # an edit may have added or removed controls
        self._after_edit.start()

    def refresh(self) -> None:
        """Bring the current page's tab order, Enter handling and focus rings up to date."""
        page = self._page()
        if page is not None:
            self.refresh_page(page)

    def refresh_page(self, page: QWidget) -> list[QWidget]:
        """Bring ``page``'s tab order, Enter handling and focus rings up to date, if it
        changed since this was last done; return its controls in tab order."""
        stamp = page_stamp(page)
        known = self._orders.get(page)
        if known is not None and known[0] == stamp:
            return known[1]
        order = layout_order(page)
        if known is None or known[1] != order:
            _apply_order(order)
        for edit in page.findChildren(QLineEdit):
            if not has_property(edit, ENTER_STAYS) and _listens_for_enter(edit):
                edit.installEventFilter(self._enter_filter)
                edit.setProperty(ENTER_STAYS, True)
        self._orders[page] = (page_stamp(page), order)
        return order

    def name_scroll_areas(self, page: QWidget) -> None:
        """Name the page's scroll areas after its title (once), for screen readers."""
        if getattr(page, "_scroll_areas_named", False):
            return
        title = getattr(page, "title_label", None)
        for area in page.findChildren(QScrollArea):
            if not area.accessibleName() and title is not None:
                area.setAccessibleName(f"{title.text()}: page content")
        page._scroll_areas_named = True

    def page_entered(self, *_args: object) -> None:
        """Called when a page is shown: name its scroll area, fix Tab, keep a focus."""
        page = self._page()
        if page is None:
            return
        self.name_scroll_areas(page)
        order = self.refresh_page(page)
        if not self._back_to_field(page) and not self._focus_in_view(order):
            self._focus_first(order)
        # Next is the button Enter presses again: Qt had made the clicked Next stop being
        # the default as the focus left it, so Enter in a field then did nothing.
        next_button = self._wizard.button(QWizard.WizardButton.NextButton)
        if next_button.isVisible() and not next_button.isDefault():
            next_button.setDefault(True)

    def _back_to_field(self, page: QWidget) -> bool:
        """Enter in a one-line field (a name, a clinic) goes to the next page; Back then puts
        the focus in that field again (it went to the top of the page, and from a BRAN name
        the boxes below it were skipped: a walk-through with the keyboard). True if so."""
        old_id, new_id = self._shown_id, self._wizard.currentId()
        self._shown_id = new_id
        if new_id > old_id >= 0:  # left from the last widget before this page's: a field?
            recent = [w for w in self._recent if isValid(w)]
            left = next((w for w in reversed(recent) if not page.isAncestorOf(w)), None)
            old_page = self._wizard.page(old_id)
            in_old = left is not None and old_page is not None and old_page.isAncestorOf(left)
            if in_old and _one_line_field(left):
                self._return_to[old_id] = left
            return False
        field = self._return_to.pop(new_id, None)
        if field is None or not isValid(field) or not field.isVisibleTo(page):
            return False
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        scroll_to(field)
        return True

    def _focus_in_view(self, order: list[QWidget]) -> bool:
        buttons = [self._wizard.button(b) for b in _WIZARD_BUTTONS]
        return any(isValid(w) and w.hasFocus() and w.isVisible() for w in buttons + order)

    def _focus_first(self, order: list[QWidget]) -> None:
        """Focus the page's first control (a scroll area only if it has nothing else)."""
        page = self._page()
        if page is None:
            return
        controls = [w for w in order if isValid(w) and w.isVisibleTo(page) and takes_tab(w)]
        first = next((w for w in controls if not isinstance(w, QScrollArea)), None)
        first = first or next(iter(controls), None)
        if first is not None and self._wizard.isVisible():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _click_handled(self) -> None:
        self._focus_within.page_button_clicked = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the wizard's events (on first show, focus the page's first control)
        and for those of Next and Back (note a mouse click while Qt handles it)."""
        if any(watched is button for button in self._page_buttons):
            if event.type() == QEvent.Type.MouseButtonRelease:
                self._focus_within.page_button_clicked = True  # the click comes after this
                QTimer.singleShot(0, self, self._click_handled)
            return False
        if watched is self._wizard and event.type() == QEvent.Type.Show:
            page = self._page()
            if page is not None:
                order = self.refresh_page(page)
                if not self._focus_in_view(order):
                    self._focus_first(order)
        return False
