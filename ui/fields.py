"""Text fields for the patient's words: one line, or a box of several lines.

Every field made here gets an accessible name (read out by screen readers).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QToolTip,
    QWidget,
)

from ui.growing import GrowWithText, box_height

#: A run of this many letters with no space in it (a pasted link, a garbled file) is wrapped
#: anywhere: Qt's search for word ends in one unbroken run of 200,000 letters froze the
#: window for seconds (a million: over a minute), every time the draft was opened.
LONG_RUN = 500
_LONG_RUN = re.compile(r"\S{" + str(LONG_RUN) + "}")
_WORDS = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere  # Qt's own choice for a text box
_ANYWHERE = QTextOption.WrapMode.WrapAnywhere


class _FastWrap:
    """For a text box: wrap at word ends, or anywhere while the text holds a long unbroken
    run, decided before Qt lays such a text out (set, pasted or dropped)."""

    def _fit_wrap(self, text: str) -> None:
        mode = _ANYWHERE if _LONG_RUN.search(text) else _WORDS
        if self.wordWrapMode() != mode:  # type: ignore[attr-defined]
            self.setWordWrapMode(mode)  # type: ignore[attr-defined]

    def setPlainText(self, text: str) -> None:
        """Show ``text`` (wrapped anywhere if it has a long unbroken run).

        Wrapping anywhere starts before a text with a long run goes in; wrapping at word ends
        comes back only after such a text has gone (with a long run still in the box, going
        back to word ends laid the run out again: minutes for 2 MB).
        """
        if _LONG_RUN.search(text):
            if self.wordWrapMode() != _ANYWHERE:  # type: ignore[attr-defined]
                self.setWordWrapMode(_ANYWHERE)  # type: ignore[attr-defined]
            super().setPlainText(text)  # type: ignore[misc]
        else:
            super().setPlainText(text)  # type: ignore[misc]
            if self.wordWrapMode() != _WORDS:  # type: ignore[attr-defined]
                self.setWordWrapMode(_WORDS)  # type: ignore[attr-defined]

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Called by Qt to paste or drop; looks at the text before it is laid out."""
        if source.hasText():
            self._fit_wrap(self.toPlainText() + source.text())  # type: ignore[attr-defined]
        super().insertFromMimeData(source)  # type: ignore[misc]

    def _typed(self) -> None:
        """Back to wrapping at word ends once the long run is gone (the cheap way round:
        typing never makes a run long enough to be slow)."""
        if self.wordWrapMode() == _ANYWHERE:  # type: ignore[attr-defined]
            self._fit_wrap(self.toPlainText())  # type: ignore[attr-defined]


class TextBox(_FastWrap, QPlainTextEdit):
    """A plain multi-line text field that stays quick with any text (see ``_FastWrap``)."""

    def __init__(self) -> None:
        super().__init__()
        self.textChanged.connect(self._typed)


#: Line breaks, with the spaces around them, in a text pasted into a ``NameBox``.
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\u2028\u2029\x85])[\s]*")


class NameBox(TextBox):
    """A name (of a treatment, say) in a box that wraps it, so a long one is read whole, but
    kept to one line: Enter does not start a new line but moves on to the next field, as
    Tab does (the box looks like a text box, where Enter never goes to the next step), and
    line breaks in a pasted text become spaces. A draft's text is shown as it is."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Called by Qt for a key pressed in the box."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Called by Qt to paste or drop: the text, its line breaks made spaces."""
        _paste_one_line(self, source, super().insertFromMimeData)


LINE_BOX = "lineBox"
_BAR, _NO_BAR = Qt.ScrollBarPolicy.ScrollBarAlwaysOn, Qt.ScrollBarPolicy.ScrollBarAlwaysOff
_one_line: dict[tuple[str, str, int, int], int] = {}


def one_line_height(widget: QWidget) -> int:
    """The height of a one-line field in ``widget``'s font and the app's font, style and sheet
    (without the style, a field 27 pixels tall was remembered for a style with 36)."""
    app = QApplication.instance()
    sheet = hash(app.styleSheet()) if app is not None else 0
    key = (widget.font().key(), QApplication.font().key(), id(QApplication.style()), sheet)
    if key not in _one_line:
        probe = QLineEdit()  # (never shown: only asked for its size, as the style has it now)
        probe.setFont(widget.font())
        probe.ensurePolished()
        _one_line[key] = probe.sizeHint().height()
        probe.deleteLater()
    return _one_line[key]


def _paste_one_line(box: QPlainTextEdit | QTextEdit, source: QMimeData, paste) -> None:
    """Paste or drop ``source`` into ``box`` on one line: its line breaks made spaces
    (``paste``: the box's own way, for what is not text)."""
    if not source.hasText():
        paste(source)
        return
    text = _LINE_BREAKS.sub(" ", source.text())
    box._fit_wrap(box.toPlainText() + text)  # type: ignore[union-attr]
    box.textCursor().insertText(text)
    box.ensureCursorVisible()


class PlainTextEdit(_FastWrap, QTextEdit):
    """A QTextEdit for plain text (it can show highlights) that stays quick with any text."""

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptRichText(False)
        self.textChanged.connect(self._typed)


class LineBox(PlainTextEdit):
    """A one-line answer (a place, a clinic, a cost) in a box that wraps it and grows, up to
    ``MAX_LINES`` lines, then scrolls: at large text sizes a one-line field showed only the
    part of a long answer that fitted.

    It acts as a one-line field: as tall as one while the answer fits, Tab moves on, Enter
    goes to the next step (left to the window). As in a ``NameBox``, pasted line breaks become
    spaces. ``text()`` and ``setText()`` stand in for a one-line field's. (A QTextEdit, not a
    QPlainTextEdit: its scroll bar counts pixels, so a box as tall as its text needs none.)
    """

    MAX_LINES = 4
    #: The text as the patient changed it (typing, pasting, undo), not by ``setText``.
    textEdited = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._setting = False
        self._example = ""  # the whole placeholder ("For example: …")
        self.setObjectName(LINE_BOX)  # (styled with the one-line fields' inner space)
        # The space around the text is the style sheet's padding, not the document's margin:
        # the text area is then exactly so many lines tall, and scrolling to the line being
        # typed leaves no sliver of the line above it.
        self.document().setDocumentMargin(0)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(_NO_BAR)
        self.textChanged.connect(self._fit_height)
        self.textChanged.connect(self._edited)

    def text(self) -> str:
        """The answer, as typed."""
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Show ``text`` from its start (and fit it, also while signals are blocked)."""
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False
        self._fit_height()

    def _edited(self) -> None:
        if not self._setting:
            self.textEdited.emit(self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Called by Qt for a key pressed in the box: Enter is left to the window."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Called by Qt to paste or drop: the text, its line breaks made spaces."""
        _paste_one_line(self, source, super().insertFromMimeData)

    def setPlaceholderText(self, text: str) -> None:
        """Qt draws a placeholder's first line only: one too long is shortened, ending in "…"."""
        self._example = text
        self._fit_example()

    def _fit_example(self) -> None:
        room = self.viewport().width()
        shown = self.fontMetrics().elidedText(self._example, Qt.TextElideMode.ElideRight, room)
        if self.placeholderText() != shown:
            super().setPlaceholderText(shown)

    def resizeEvent(self, event) -> None:
        """Called by Qt when the box is resized: its text may now take more or fewer lines."""
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event) -> None:
        """Called by Qt on a change of font or style (text size, focus ring): fit again."""
        super().changeEvent(event)
        self._fit_height()

    def _fit_height(self, *_args: object) -> None:
        self._fit_example()  # (on a change of width, font or style)
        document = self.document()
        if document.textWidth() != self.viewport().width():
            # Qt lays the text out again when the box's width changes, but not always when
            # its scroll bar comes or goes before it is shown: the text ran under the bar.
            document.setTextWidth(self.viewport().width())
        height = document.size().height()  # laid out at the box's width (no margin)
        lines = self.MAX_LINES * self._line_height()
        # The scroll bar is shown only for more than MAX_LINES lines (counted without it:
        # with it, the text is narrower and longer). Qt's own "as needed" could keep it
        # beside a text that fits, once it had appeared while the box was still small.
        longer = height > lines + 0.5
        bar = _BAR if longer else _NO_BAR
        if self.verticalScrollBarPolicy() != bar:
            self.setVerticalScrollBarPolicy(bar)
            QTimer.singleShot(0, self, self._fit_height)  # again, once laid out anew
        if longer:
            height = lines
        frame = self.contentsMargins()  # (the border and inner space above and below)
        natural = int(height + 0.999) + frame.top() + frame.bottom()
        extra = max(0, one_line_height(self) - natural)  # as tall as a one-line field, at least,
        top = extra // 2  # with the line in the middle, as there
        margins = self.viewportMargins()
        if (margins.top(), margins.bottom()) != (top, extra - top):
            self.setViewportMargins(0, top, 0, extra - top)
        if natural + extra != self.height() or self.minimumHeight() != natural + extra:
            self.setFixedHeight(natural + extra)

    def _line_height(self) -> float:
        line = self.document().firstBlock().layout().lineAt(0)
        return line.height() if line.isValid() else float(self.fontMetrics().lineSpacing())


#: Said when a text pasted into a one-line field was longer than the field holds.
CUT_NOTICE = (
    "This box holds up to {limit:,} letters, so the end of the text you pasted was left out."
)
#: Said when a draft holds more here than the field can show: nothing is lost unless changed.
KEPT_NOTICE = (
    "This box shows only the first {limit:,} letters of what your draft holds here. The rest "
    "is kept, unless you change what is in this box."
)
#: Said once the patient has changed such a field.
CHANGED_NOTICE = (
    "This box holds up to {limit:,} letters. Because you changed it, the rest of the text "
    "will be lost when you save. Press Ctrl+Z to undo your change and keep it."
)


class FieldNotice:
    """A note about a field's value, as its tip and, for screen readers, its description
    (the field's own description comes back when the note goes)."""

    def __init__(self, field: QWidget, *, pop_up: bool) -> None:
        self._field = field
        self._pop_up = pop_up  # also show the tip at once, if the field is on screen
        self._text: str | None = None
        self._description = ""  # while a note is shown: the description it stands in for

    def show(self, notice: str | None) -> None:
        """Show ``notice`` (None: no note)."""
        if notice == self._text:
            return  # as it was (the usual case)
        field = self._field
        if self._text is None:
            self._description = field.accessibleDescription()
        self._text = notice
        field.setToolTip(notice or "")
        field.setAccessibleDescription(notice if notice is not None else self._description)
        if notice is not None and self._pop_up and field.isVisible():
            QToolTip.showText(field.mapToGlobal(field.rect().bottomLeft()), notice, field)


def _units(text: str) -> int:
    """The length of ``text`` as Qt counts it (UTF-16 units: an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


class LineEdit(QLineEdit):
    """A single-line text field that shows the start of a text too long for it, and says so
    if a paste was cut to fit.

    A text from a draft that is longer than the field can hold (32,767 letters) is kept whole:
    ``text()`` returns all of it while the field shows its start unchanged (again, too, if
    the patient undoes a change).
    """

    def __init__(self) -> None:
        super().__init__()
        self._notice = FieldNotice(self, pop_up=True)
        self._kept: str | None = None  # a text set that is longer than the field holds
        self._shown: str | None = ""  # what ``setText`` showed (None: while it sets it)
        self._setting = False
        self.textChanged.connect(self._check_length)

    def _check_length(self, text: str) -> None:
        """Qt cuts a text longer than the field's limit without a word: say so, beside it."""
        if self._setting:
            return  # (``setText`` shows the notice once the text is in)
        self._notice.show(self._notice_for(text))

    def _notice_for(self, text: str) -> str | None:
        limit = self.maxLength()
        if self._kept is not None:  # (and undoing the change brings it all back)
            notice = KEPT_NOTICE if text == self._shown else CHANGED_NOTICE
            return notice.format(limit=limit)
        # Qt may stop one short of its limit rather than split an emoji. Counting the units
        # only when the text is long enough keeps this to one comparison a keystroke.
        if 2 * len(text) >= limit - 1 and text != self._shown and _units(text) >= limit - 1:
            return CUT_NOTICE.format(limit=limit)  # (a draft's text that just fits: no notice)
        return None

    def setText(self, text: str) -> None:
        """Show ``text`` from its start (Qt's own ``setText`` shows its end, where it puts the
        cursor, so a long answer read back from a draft showed only its last words)."""
        long = 2 * len(text) > self.maxLength() and _units(text) > self.maxLength()
        self._kept = text if long else None
        self._shown = None  # (``text()`` gives the whole text while Qt sets it)
        self._setting = True
        try:
            super().setText(text)
        finally:
            self._setting = False
        self._shown = super().text()
        self._notice.show(self._notice_for(self._shown))  # also when signals are blocked
        if not self.hasFocus():
            self.setCursorPosition(0)

    def text(self) -> str:
        """The field's text; all of a longer text from the draft, until it is changed."""
        shown = super().text()
        if self._kept is not None and (self._shown is None or shown == self._shown):
            return self._kept
        return shown


def line_edit(accessible_name: str, placeholder: str = "") -> QLineEdit:
    """A single-line text field with an accessible name."""
    edit = LineEdit()
    edit.setAccessibleName(accessible_name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(False)
    return edit


def line_box(accessible_name: str, placeholder: str = "") -> LineBox:
    """A one-line answer in a box that wraps and grows (``LineBox``), with an accessible name."""
    box = LineBox()
    box.setAccessibleName(accessible_name)
    if placeholder:
        box.setPlaceholderText(placeholder)
    return box


def text_box(
    accessible_name: str,
    lines: int = 4,
    placeholder: str = "",
    *,
    kind: type[TextBox] = TextBox,
    grow_to: int | None = None,
) -> QPlainTextEdit:
    """A multi-line text field about ``lines`` lines tall; Tab moves on to the next field.
    (``kind``: ``NameBox`` for a name that wraps but stays one line. ``grow_to``: the box
    grows with its text up to so many lines, ``ui.growing``.)"""
    box = kind()
    box.setAccessibleName(accessible_name)
    box.setTabChangesFocus(True)
    if placeholder:
        box.setPlaceholderText(placeholder)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if grow_to is not None and grow_to > lines:
        GrowWithText(box, lines, grow_to)
    else:
        box.setFixedHeight(box_height(box, lines))
    return box
