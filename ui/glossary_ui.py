"""Explaining jargon on screen: tooltips, and "What does this mean?" under headings.

The words and their meanings come from ``consultprep.glossary`` (resources/content/
glossary.toml). Headings get a small button that shows the meaning right under the heading,
for the keyboard and touch as well as the mouse; other text gets a tooltip.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from consultprep.content import ContentError
from consultprep.glossary import Glossary, Term, load_glossary
from ui.focus import has_property
from ui.widgets import HINT, plain_label

WHAT_DOES_THIS_MEAN = "What does this mean?"
HIDE_MEANING = "Hide the meaning"
#: Object name of link-looking buttons (styled in ui/theme.py).
LINK = "link"
_EXPLAINED = "glossaryTooltip"


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


def explanation_text(terms: list[Term]) -> str:
    """The meanings of ``terms`` as plain text, one paragraph each."""
    return "\n\n".join(t.explanation() for t in terms)


def tooltip_for(terms: list[Term]) -> str:
    """A tooltip giving the meanings (escaped, so it is shown as text and wraps)."""
    return "".join(f"<p>{html.escape(t.explanation())}</p>" for t in terms)


class ExplainedHeading(QWidget):
    """A heading, a "What does this mean?" button beside it, and the meaning when pressed."""

    def __init__(self, text: str, terms: list[Term], role: str, *, selectable: bool = False):
        super().__init__()
        self.heading = plain_label(text, role=role, selectable=selectable)
        self.heading.setToolTip(tooltip_for(terms))
        self.heading.setProperty(_EXPLAINED, self.heading.text())
        names = ", ".join(t.term for t in terms)
        self.button = QPushButton(WHAT_DOES_THIS_MEAN)
        self.button.setObjectName(LINK)
        self.button.setCheckable(True)
        self.button.setAccessibleName(f"What does {names} mean?")
        self.button.setToolTip(f"Show what {names} means")
        self.meaning = plain_label(explanation_text(terms), role=HINT, selectable=True)
        self.meaning.setAccessibleName(f"Meaning of {names}")
        self.meaning.hide()
        self.button.toggled.connect(self._toggled)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.heading, 1)
        row.addWidget(self.button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addLayout(row)
        outer.addWidget(self.meaning)

    def _toggled(self, on: bool) -> None:
        self.meaning.setVisible(on)
        self.button.setText(HIDE_MEANING if on else WHAT_DOES_THIS_MEAN)


def heading(text: str, role: str, *, selectable: bool = False) -> QWidget:
    """A heading label, explained with a button if it uses glossary terms."""
    terms = terms_in(text)
    if not terms:
        return plain_label(text, role=role, selectable=selectable)
    return ExplainedHeading(text, terms, role, selectable=selectable)


def add_tooltips(root: QWidget) -> int:
    """Give every label under ``root`` that uses glossary terms a tooltip with their meaning.

    Labels with a tooltip of their own keep it; a label whose text changed is looked at again.
    Returns how many labels were given a meaning.
    """
    g = glossary()
    if g is None:
        return 0
    count = 0
    for label in root.findChildren(QLabel):
        text = label.text()
        ours = label.property(_EXPLAINED) if has_property(label, _EXPLAINED) else None
        if (label.toolTip() and ours is None) or ours == text:
            continue  # someone else's tooltip, or already explained
        terms = g.terms_in(text) if text else []
        label.setToolTip(tooltip_for(terms))
        label.setProperty(_EXPLAINED, text)
        count += bool(terms)
    return count
