"""Explaining jargon on screen: tooltips, and "What does this mean?" under headings.

The words and their meanings come from ``consultprep.glossary`` (resources/content/
glossary.toml). Headings get a small button that shows the meaning right under the heading,
for the keyboard and touch as well as the mouse; other text gets a tooltip.

The button sits beside the heading when there is room, and under it when the heading would be
squeezed (large text in a small window), as ``ui.card_grid`` does for its columns.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from shiboken6 import isValid

from consultprep.content import ContentError
from consultprep.glossary import Glossary, Term, load_glossary
from ui.focus import has_property, page_stamp
from ui.sources import LinkItem
from ui.widgets import LINK, MEANING, PlainLabel, changed_labels, plain_label, reveal

WHAT_DOES_THIS_MEAN = "What does this mean?"
HIDE_MEANING = "Hide the meaning"
WORDS_ON_CARD = "What do the words on this card mean?"
HIDE_MEANINGS = "Hide the meanings"  # of the words on a card
#: The question on a card's button when the one naming its words does not fit beside it.
SHORT_WORDS_QUESTION = "What do these words mean?"
#: Object name of link-looking buttons (styled in ui/theme.py).
_EXPLAINED = "glossaryTooltip"
#: The button goes under the heading when the heading would have less room beside it than
#: this many average characters (unless the whole heading fits on one line beside it).
MIN_HEADING_CHARS = 30
#: Pixels to go past the limit before the button comes back beside (no flicker at the edge).
SLACK = 12
_RELAYOUT = frozenset({QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange})


def glossary() -> Glossary | None:
    """The bundled glossary, or None if it cannot be read (then nothing is explained)."""
    try:
        return load_glossary()
    except ContentError:
        return None


def terms_in(text: str) -> list[Term]:
    """The glossary terms ``text`` uses (none if there is no glossary)."""
    g = glossary()
    return g.terms_in(text) if g is not None else []


def _explanation(term: Term) -> str:
    """ "Term: meaning", and its sources where a source backs the meaning."""
    if not term.citations:
        return term.explanation()
    from consultprep.citations import with_sources
    from consultprep.content import load_library

    try:
        return with_sources(term.explanation(), load_library(), term.citations)
    except ContentError:
        return term.explanation()


def explanation_text(terms: list[Term]) -> str:
    """The meanings of ``terms`` as plain text, one paragraph each, with their sources."""
    return "\n\n".join(_explanation(t) for t in terms)


def tooltip_for(terms: list[Term]) -> str:
    """A tooltip giving the meanings (escaped, so it is shown as text and wraps)."""
    return "".join(f"<p>{html.escape(_explanation(t))}</p>" for t in terms)


class _LooksAgain(QWidget):
    """A widget that looks again (``look_again``) when its width, text size or style changes:
    in resizeEvent and changeEvent, not ``event()``, which Python would see for every event
    of every card."""

    def look_again(self) -> None:
        raise NotImplementedError

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Called by Qt when the width changes."""
        self.look_again()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Called by Qt when the text size or style changes."""
        if event.type() in _RELAYOUT:
            self.look_again()
        super().changeEvent(event)


class ExplainedHeading(_LooksAgain):
    """A heading, a "What does this mean?" button beside it (or under it when the heading
    would be squeezed), and the meaning when pressed."""

    def __init__(self, text: str, terms: list[Term], role: str, *, selectable: bool = False):
        super().__init__()
        self.heading = plain_label(text, role=role, selectable=selectable)
        self.heading.setToolTip(tooltip_for(terms))
        _remember(self.heading, self.heading.text())
        names = self._names = ", ".join(t.term for t in terms)
        self.button = QPushButton(WHAT_DOES_THIS_MEAN)
        self.button.setObjectName(LINK)
        self.button.setCheckable(True)
        self.button.setAccessibleName(f"What does {names} mean?")
        self.button.setToolTip(f"Show what {names} means")
        self.meaning = plain_label(explanation_text(terms), role=MEANING, selectable=True)
        self.meaning.setAccessibleName(f"Meaning of {names}")
        self.meaning.hide()
        self.button.toggled.connect(self._toggled)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.heading, 1)
        # Under the heading, its text in line with the heading's when this is added with
        # ``ui.sources.reaching_out`` (as the words button at the foot of a card); beside
        # it, where it is (``update_place``).
        self.button.setParent(self)
        self._link = LinkItem(self.button)
        self._link.reaching = False
        self._row.addItem(self._link)
        #: True while the button is under the heading (too little room beside it).
        self.button_below = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addLayout(self._row)
        outer.addWidget(self.meaning)
        for part in (self.heading, self.button):  # their fonts come from the style sheet
            part.installEventFilter(self)

    def below_for(self, width: int) -> bool:
        """True if, at ``width`` pixels, the button should go under the heading."""
        button = self.button
        metrics = button.fontMetrics()
        widest = max(metrics.horizontalAdvance(t) for t in (WHAT_DOES_THIS_MEAN, HIDE_MEANING))
        button_width = button.sizeHint().width() - metrics.horizontalAdvance(button.text())
        room = width - button_width - widest - max(0, self._row.spacing())
        heading = self.heading.fontMetrics()
        one_line = heading.horizontalAdvance(self.heading.text()) + 2 * self.heading.margin()
        need = min(one_line, MIN_HEADING_CHARS * heading.averageCharWidth())
        if self.button_below:
            need += SLACK
        return room < need

    def update_place(self) -> None:
        """Put the button beside the heading or under it, for the current width and text size."""
        if not hasattr(self, "button_below") or self.width() <= 0:
            return  # not made yet, or not laid out
        below = self.below_for(self.width())
        if below != self.button_below:
            self.button_below = below
            self._link.reaching = below
            self._row.setDirection(
                QBoxLayout.Direction.TopToBottom if below else QBoxLayout.Direction.LeftToRight
            )
            self._row.setSpacing(2 if below else -1)  # -1: the style's spacing, as before

    def look_again(self) -> None:
        """The width, text size or style changed (``_LooksAgain``)."""
        self.update_place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the heading's and button's events: their fonts changed."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.update_place()
        return False

    def _toggled(self, on: bool) -> None:
        self.meaning.setVisible(on)
        if on:
            reveal(self.meaning, self.button)
        self.button.setText(HIDE_MEANING if on else WHAT_DOES_THIS_MEAN)
        # A screen reader says what pressing it will do now, and while open, the meaning
        name = f"Hide what {self._names} means" if on else f"What does {self._names} mean?"
        self.button.setAccessibleName(name)
        self.button.setToolTip(f"{'Hide' if on else 'Show'} what {self._names} means")
        self.button.setAccessibleDescription(self.meaning.text() if on else "")  # as cards'


class ExplainedWords(_LooksAgain):
    """"What do the words on this card mean?": a button, and the meanings when pressed, for
    the glossary words in a block of text (a tooltip alone serves only a mouse)."""

    def __init__(self, terms: list[Term]) -> None:
        super().__init__()
        self._names = _joined([t.term for t in terms])  # "keloid and Cochrane"
        self._quoted = _joined([f"“{t.term}”" for t in terms])
        self._question = words_question(terms)
        self.button = _FittingButton([self._question, SHORT_WORDS_QUESTION])
        self.button.setObjectName(LINK)
        self.button.setCheckable(True)
        self.button.setToolTip(f"Show what {self._names} {'means' if len(terms) == 1 else 'mean'}")
        self.meaning = plain_label(explanation_text(terms), role=MEANING, selectable=True)
        self.meaning.setAccessibleName(f"Meanings of {self._names}")
        self.meaning.hide()
        self.button.toggled.connect(self._toggled)
        self.button.fitted.connect(self._name_button)
        self._name_button()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # Its text in line with the card's text when added with ``ui.sources.reaching_out``
        # (its focus ring then goes out into the room that leaves on the left).
        self.button.setParent(self)
        layout.addItem(LinkItem(self.button))
        layout.addWidget(self.meaning)

    def _room(self) -> int:
        """The width the button may take: this one's, less any room left on the left."""
        return self.width() - self.layout().contentsMargins().left()

    def look_again(self) -> None:
        """The width, text size or style changed (``_LooksAgain``): fit the question again."""
        if self.width() > 0:
            self.button.fit(self._room())

    def _toggled(self, on: bool) -> None:
        self.meaning.setVisible(on)
        if on:
            reveal(self.meaning, self.button)
        texts = [HIDE_MEANINGS] if on else [self._question, SHORT_WORDS_QUESTION]
        self.button.set_texts(texts, self._room())
        self._name_button()
        # Read out with the button while open: a screen reader tabbing on hears the meanings.
        self.button.setAccessibleDescription(self.meaning.text() if on else "")

    def _name_button(self) -> None:
        """A name that starts with the words shown (for voice control) and says which words."""
        shown = self.button.text()
        if shown == HIDE_MEANINGS:
            name = f"{HIDE_MEANINGS} of {self._names}"
        elif shown == self._question and shown != WORDS_ON_CARD:  # it names the words
            name = shown
        else:
            name = f"{shown} {self._quoted}"
        if self.button.accessibleName() != name:
            self.button.setAccessibleName(name)


def _joined(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


class _FittingButton(QPushButton):
    """A button showing the first of its texts that fits the width its holder gives it (the
    longest first), so a long question never makes the page wider than the window at large
    text. The holder calls ``fit`` when its width changes."""

    #: The text shown changed.
    fitted = Signal()

    def __init__(self, texts: list[str]) -> None:
        super().__init__(texts[0])
        self._texts = texts
        # A button's own policy keeps it at least as wide as its text: this one may shrink.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_texts(self, texts: list[str], width: int) -> None:
        """Offer these texts, the longest first."""
        self._texts = texts
        self.fit(width)

    def _width_for(self, text: str) -> int:
        frame = super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())
        return frame + self.fontMetrics().horizontalAdvance(text)

    def minimumSizeHint(self) -> QSize:
        """Called by Qt layouts: room for the shortest text (or the one shown, if shorter:
        a button wider than its text would show it centred, out of line with the card)."""
        width = min(self._width_for(self._texts[-1]), super().sizeHint().width())
        return QSize(width, super().minimumSizeHint().height())

    def fit(self, width: int) -> None:
        """Show the longest text that fits in ``width`` pixels."""
        fits = (t for t in self._texts if self._width_for(t) <= width)
        text = next(fits, self._texts[-1])
        if self.text() != text:
            self.setText(text)
            self.fitted.emit()


def words_question(terms: list[Term]) -> str:
    """ "What does “keloid” mean?", "What do “keloid” and “Cochrane” mean?"; for more than
    three words, "What do the words on this card mean?"."""
    if len(terms) > 3:
        return WORDS_ON_CARD
    names = _joined([f"“{t.term}”" for t in terms])
    return f"What does {names} mean?" if len(terms) == 1 else f"What do {names} mean?"


def words_explained(texts: list[str]) -> QWidget | None:
    """An ``ExplainedWords`` for the glossary words ``texts`` use, in the order they first
    appear; None if there are none."""
    found: dict[str, Term] = {}
    for text in texts:
        for term in terms_in(text):
            found.setdefault(term.id, term)
    return ExplainedWords(list(found.values())) if found else None


def heading(text: str, role: str, *, selectable: bool = False) -> QWidget:
    """A heading label, explained with a button if it uses glossary terms."""
    terms = terms_in(text)
    if not terms:
        return plain_label(text, role=role, selectable=selectable)
    return ExplainedHeading(text, terms, role, selectable=selectable)


def add_tooltips(root: QWidget) -> int:
    """Give every label under ``root`` that uses glossary terms a tooltip with their meaning.

    Labels with a tooltip of their own keep it; a label whose text changed is looked at again.
    On a wizard page that gained or lost no widgets since (``ui.focus.page_stamp``), only the
    labels whose text changed are looked at.
    Returns how many labels were given a meaning.
    """
    g = glossary()
    if g is None:
        return 0
    stamp = page_stamp(root) if isinstance(root, QWizardPage) else None
    if stamp is not None and getattr(root, "_explained_stamp", None) == stamp:
        labels = [label for label in changed_labels(root) if isValid(label)]
    else:
        labels = root.findChildren(QLabel)
    if stamp is not None:
        changed_labels(root).clear()
    count = 0
    named: dict[int, QWidget] = {}  # the controls the changed labels name (each once)
    for label in labels:
        text = label.text()
        ours = _explained_for(label)
        if (ours is None and label.toolTip()) or ours == text:
            continue  # someone else's tooltip, or already explained
        found, tooltip = _explained(g, text) if text else (False, "")
        label.setToolTip(tooltip)
        _remember(label, text)
        count += found
        if label.buddy() is not None:
            named[id(label.buddy())] = label.buddy()
    for control in named.values():
        _explain_buddy(g, control)
    if stamp is not None:
        root._explained_stamp = page_stamp(root)
    return count


def _explain_buddy(g: Glossary, control: QWidget) -> None:
    """Shift+F1 on a tick box, choice or field explains the words of the labels that name it
    (What's This): a tooltip on the words alone served only a mouse."""
    owner = control.parentWidget()
    labels = owner.findChildren(QLabel) if owner is not None else []
    text = " ".join(label.text() for label in labels if label.buddy() is control)
    control.setWhatsThis(_explained(g, text)[1] if text else "")


def _explained_for(label: QLabel) -> str | None:
    """The text ``label`` was last explained for (None: never, or not by us)."""
    if isinstance(label, PlainLabel):  # made in Python: kept on the object, quicker to ask
        return getattr(label, _EXPLAINED, None)
    return label.property(_EXPLAINED) if has_property(label, _EXPLAINED) else None


def _remember(label: QLabel, text: str) -> None:
    """Note that ``label`` was explained for ``text``."""
    if isinstance(label, PlainLabel):
        setattr(label, _EXPLAINED, text)
    else:
        label.setProperty(_EXPLAINED, text)


_explanations: dict[tuple[int, str], tuple[bool, str]] = {}


def _explained(g: Glossary, text: str) -> tuple[bool, str]:
    """Whether ``text`` uses glossary terms, and its tooltip (remembered: texts repeat)."""
    key = (id(g), text)
    known = _explanations.get(key)
    if known is None:
        if len(_explanations) > 4096:
            _explanations.clear()
        terms = g.terms_in(text)
        known = _explanations[key] = (bool(terms), tooltip_for(terms))
    return known
