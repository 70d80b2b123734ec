"""Paste a clinic's advert and check it: matching phrases are highlighted and explained.

The text box holds plain text only (pasted formatting is dropped). Highlights are drawn as
"extra selections" over the text, so the text itself is never changed or read as markup.
Nothing is fetched or sent: the check runs on this computer (``consultprep.claims``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from consultprep.citations import with_sources
from consultprep.claims import (
    ClaimMatch,
    ClaimRules,
    find_claims,
    flags_found,
    load_claim_rules,
    not_in_latin_letters,
)
from consultprep.content import Library
from ui import theme
from ui.announce import announce
from ui.fields import PlainTextEdit
from ui.growing import box_height
from ui.text_scroll import fit_scroll_bar
from ui.widgets import HINT, NOTICE, big_button, card, clear_layout, plain_label, reveal

MATCHES_PER_RULE = 300  # enough for any real advert; keeps a silly paste quick to show
PHRASES_SHOWN = 6
#: Shown in the empty box. Short, so that it fits on one line at 200 % text in the narrowest
#: window: Qt draws only the first line of a box's placeholder, and it goes away on pasting.
PLACEHOLDER = "Paste the clinic's words here."
#: Shown above the box, so the whole of it can always be read.
HELP = (
    "Copy the words from the clinic's advert, email, leaflet or web page, and paste them into "
    "the box. ConsultPrep looks for English phrases that often go with the warning signs "
    "below. It looks in the text you paste, and in what you wrote above about the treatment, "
    "its cost and what they said. It checks the text on this computer: nothing is sent anywhere."
)
#: Where a phrase was found, when it was in what the patient wrote above about the offer.
IN_SAID = "in what you wrote above"
EMPTY = (
    "Please paste some text first, or write about the offer in the boxes above, then press "
    "“Check this text”."
)
#: Its last sentence: only "nothing found" said the check cannot find every sign (a carer's
#: walk-through found an advert's price, deposit and country missed).
TICKED = (
    "The matching warning signs below are ticked: untick any that do not apply. Read the "
    "other warning signs in the list too: the check cannot find every sign."
)
#: A draft opened with phrases found that are not ticked (only the button ticks them).
NOT_TICKED = (
    "Press “Check this text”. It checks the pasted text and what you wrote above, then ticks "
    "the warning signs it finds."
)
STALE = "The text has changed. Press “Check this text” again to see what it finds."
#: A pause in typing this long (ms) shows what the texts hold, without ticking anything: what
#: the patient wrote the clinic said was checked only if they pressed the button under the
#: (optional) box for pasting, and "guaranteed to heal" went by unremarked.
QUIET_CHECK_MS = 700
#: Texts longer than this together (characters) are checked only when the button is pressed
#: (a check takes about 2.5 s a megabyte: never while the patient types).
QUIET_CHECK_MOST = 20_000
NONE_FOUND = (
    "No phrases were found that often go with warning signs. That does not make the offer "
    "safe: the warning signs and checks on this page still apply."
)
#: Said (instead, or after what was found) when most of the pasted text is not in Latin letters.
ONLY_ENGLISH = "ConsultPrep can only look for phrases in English, and most of this text is not."
NOT_ENGLISH = f"{ONLY_ENGLISH} Please read the warning signs below and tick any that fit the offer."


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_offsets(text: str, positions: list[int]) -> list[int]:
    """Qt's positions (UTF-16 code units) for Python string indices into ``text``.

    Characters beyond U+FFFF (most emoji) take two units in Qt and one in Python. The text
    is read once, by the regular expression engine (a character at a time in Python took
    seconds for a long paste).
    """
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return list(positions)
    return [pos + bisect_left(astral, pos) for pos in positions]


class AdvertChecker(QWidget):
    """The advert box, the "Check this text" button and the list of what was found."""

    #: The patient pressed "Check this text": the red flag ids found, in order.
    flags_checked = Signal(list)
    #: The text was edited by the patient.
    changed = Signal()
    #: Shown again: whether what they said (the page's own boxes) holds a warning sign.
    said_found = Signal(bool)
    #: Shown again: for each warning sign found, what was found ("Found: “book today”").
    found = Signal(dict)

    def __init__(
        self, library: Library, rules: ClaimRules | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.rules = rules or load_claim_rules()
        self.matches: list[ClaimMatch] = []  # in the pasted text (highlighted there)
        #: What the patient wrote the clinic said (the offer page's own box), checked too.
        self.said = ""
        #: Whether the warning sign with this id is ticked on the page (set by the page).
        self.ticked: Callable[[str], bool] = lambda _flag_id: False
        self.said_matches: list[ClaimMatch] = []
        self._found: dict[str, QLabel] = {}
        self._showing = False
        #: For the pasted text ("text") and what they said ("said"): the text last checked and
        #: what was found in it (a long text is checked once).
        self._found_in: dict[str, tuple[str, list[ClaimMatch]]] = {}
        #: How the matches on screen were shown, and for which text (None: not shown).
        self._shown: tuple[tuple, str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.text_edit = PlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setAccessibleName("The clinic's advert, email or web page text")
        self.text_edit.setPlaceholderText(PLACEHOLDER)
        self.text_edit.installEventFilter(self)  # the placeholder is dropped if it cannot fit
        self._box_view = self.text_edit.viewport()  # its width is the room for the text
        self._box_view.installEventFilter(self)
        self.text_edit.setFixedHeight(box_height(self.text_edit, 7))
        label = plain_label("Paste the clinic's advert, email or web page te&xt (optional)")
        label.setBuddy(self.text_edit)
        layout.addWidget(label)
        layout.addWidget(plain_label(HELP, role=HINT))
        layout.addWidget(self.text_edit)
        row = QHBoxLayout()
        self.check_button = big_button(
            "Chec&k this text", "Check this text, and what they said, for warning signs"
        )
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary_label = plain_label(role=NOTICE, selectable=True)
        self.summary_label.hide()
        layout.addWidget(self.summary_label)
        self.results = QVBoxLayout()
        self.results.setSpacing(6)
        layout.addLayout(self.results)
        self.text_edit.textChanged.connect(self._text_changed)
        self._quiet_check = QTimer(self)
        self._quiet_check.setSingleShot(True)
        self._quiet_check.setInterval(QUIET_CHECK_MS)
        self._quiet_check.timeout.connect(self._check_quietly)

    # --- ours -----------------------------------------------------------------------------
    def text(self) -> str:
        """The pasted text (plain)."""
        return self.text_edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Show ``text`` and what a check of it finds (without ticking anything)."""
        if self.text() != text:
            fit_scroll_bar(self.text_edit, len(text))  # a long text is laid out once
            self._showing = True
            try:
                self.text_edit.setPlainText(text)
            finally:
                self._showing = False
        self.show_matches()

    def set_said(self, text: str) -> None:
        """What the patient wrote the clinic said would happen: checked with the pasted text.
        A change makes what is shown out of date, as an edit of the pasted text does."""
        if text == self.said:
            return
        self.said = text
        if not self._showing:
            self._mark_stale()

    def check(self) -> list[ClaimMatch]:
        """Check the text (the button): show the matches and report the warning signs."""
        matches = self.show_matches(checked=True)
        self.flags_checked.emit(self.flags())
        announce(self.summary_label, self.summary_label.text())  # (not a Tab stop)
        # What was found, in sight (below the view): as many warning signs as fit under it
        found = self.results.itemAt(0).widget() if self.results.count() else None
        reveal(found or self.summary_label, self.summary_label)
        return matches

    def flags(self) -> list[str]:
        """The warning signs found, in the pasted text first, then in what they said."""
        return list(dict.fromkeys(flags_found(self.matches) + flags_found(self.said_matches)))

    def show_matches(self, checked: bool = False) -> list[ClaimMatch]:
        """Highlight and list what the rules find in the text; return the matches.

        A text is checked once (all of it): shown again unchanged (the page entered again),
        what is on screen already is kept; checked again, the matches found are reused.
        """
        text = self.text()
        ticks = tuple(self.ticked(f.id) for f in self.library.red_flags)  # the summary says
        look = (checked, theme.current().mark, theme.current().on_mark, ticks)
        seen = (text, self.said)
        if self._shown is not None and self._shown[0] == look and self._shown[1] == seen:
            return self.matches
        self.matches = self._find(text)
        self.said_matches = self._find(self.said, "said")
        self._shown = (look, seen)
        self.said_found.emit(bool(flags_found(self.said_matches)))
        self._highlight(text)
        clear_layout(self.results)
        self._found: dict[str, QLabel] = {}
        if not text.strip() and not self.said.strip():
            self.summary_label.setVisible(checked)
            self.summary_label.setText(EMPTY)
            self._emit_found()
            return self.matches
        flags = [f for f in self.flags() if self.library.red_flag(f) is not None]
        foreign = not_in_latin_letters(text)
        if not flags:
            self.summary_label.setText(NOT_ENGLISH if foreign else NONE_FOUND)
        else:
            in_text = sum(1 for m in self.matches if m.red_flag in flags)
            in_said = sum(1 for m in self.said_matches if m.red_flag in flags)
            n = in_text + in_said
            signs = "warning sign" if len(flags) == 1 else "warning signs"
            phrases = "phrase that often goes" if n == 1 else "phrases that often go"
            where = [
                w for w, k in (("highlighted in the pasted text", in_text), (IN_SAID, in_said)) if k
            ]
            ticked = checked or all(self.ticked(f) for f in flags)
            # Where they are, in brackets: "…warning signs: in what you wrote above." read
            # as if the signs were in what they wrote (a helper's review).
            self.summary_label.setText(
                f"Found {n} {phrases} with {len(flags)} {signs} "
                f"({', and '.join(where)}). " + (TICKED if ticked else NOT_TICKED)
                + (f" {ONLY_ENGLISH}" if foreign else "")
            )
        self.summary_label.show()
        if flags:
            frame, box = card()
            frame.setAccessibleName("Warning signs found")
            for n, flag_id in enumerate(flags):
                if n:
                    box.addSpacing(8)
                self._add_flag(box, flag_id, text)
            self.results.addWidget(frame)
        self._emit_found()
        return self.matches

    def check_steps(self, text: str, said: str = "") -> Iterator[None]:
        """Check ``text`` and what they said (``said``) ahead of showing them, a rule at a
        time, yielding after each (``ui.preparation``: ten million letters took seconds in
        one go). ``set_text`` then shows what was found."""
        for which, checked in (("text", text), ("said", said)):
            known = self._found_in.get(which)
            if (known is None or known[0] != checked) and checked.strip():
                found: list[ClaimMatch] = []
                yield from self._find_steps(checked, found)
                self._found_in[which] = (checked, found)

    def _find_steps(self, text: str, found: list[ClaimMatch]) -> Iterator[None]:
        """Fill ``found`` as ``find_claims`` would, a rule at a time."""
        for rule in self.rules.rules:
            found += find_claims(text, [rule], limit=MATCHES_PER_RULE)
            yield
        order = {rule.id: n for n, rule in enumerate(self.rules.rules)}
        found.sort(key=lambda m: (m.start, order[m.rule_id]))  # as find_claims orders them

    def _find(self, text: str, which: str = "text") -> list[ClaimMatch]:
        """What the rules find in ``text``: the pasted text, or what they said (``which`` is
        "said"); remembered for the last one checked of each."""
        known = self._found_in.get(which)
        if known is None or known[0] != text:
            found = find_claims(text, self.rules, limit=MATCHES_PER_RULE) if text.strip() else []
            known = self._found_in[which] = (text, found)
        return list(known[1])

    def found_labels(self) -> dict[str, QLabel]:
        """The "Found: …" line shown for each warning sign, by red flag id."""
        return dict(self._found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Called by Qt for the text box's events: check the placeholder still fits."""
        kind = event.type()
        if (watched is self.text_edit and kind == QEvent.Type.FontChange) or (
            kind == QEvent.Type.Resize and watched is self._box_view
        ):
            self._fit_placeholder()
        return False

    # --- helpers --------------------------------------------------------------------------
    def _fit_placeholder(self) -> None:
        """Show the placeholder only if it fits on one line (Qt cuts off any more): the
        hint above the box says the same, so nothing is lost with very large text."""
        box = self.text_edit
        margin = int(box.document().documentMargin())
        room = self._box_view.width() - 2 * margin
        wanted = PLACEHOLDER if box.fontMetrics().horizontalAdvance(PLACEHOLDER) <= room else ""
        if box.placeholderText() != wanted:
            box.setPlaceholderText(wanted)

    def _add_flag(self, box: QVBoxLayout, flag_id: str, text: str) -> None:
        flag = self.library.red_flag(flag_id)
        box.addWidget(plain_label(f"⚠  {flag.label}", role="strong"))
        # The same explanation as under Warning signs, with its source (it states a fact).
        box.addWidget(plain_label(with_sources(flag.explanation, self.library, flag.citations)))
        # Each phrase once: one found in both places is said to be in both ("“cured”,
        # “cured” (in what you wrote above)" read as a repeat).
        pasted = {
            m.phrase(text).casefold(): m.phrase(text) for m in self.matches if m.red_flag == flag_id
        }
        said = {
            m.phrase(self.said).casefold(): m.phrase(self.said)
            for m in self.said_matches
            if m.red_flag == flag_id
        }
        phrases = [
            f"“{p}”" + (f" (also {IN_SAID})" if k in said else "") for k, p in pasted.items()
        ]
        phrases += [f"“{p}” ({IN_SAID})" for k, p in said.items() if k not in pasted]
        shown = ", ".join(phrases[:PHRASES_SHOWN])
        more = len(phrases) - PHRASES_SHOWN
        found = plain_label(
            f"Found: {shown}" + (f" and {more} more" if more > 0 else ""),
            role=HINT,
            selectable=True,
        )
        box.addWidget(found)
        self._found[flag_id] = found

    def _highlight(self, text: str) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(theme.current().mark))  # matches are underlined as well
        fmt.setForeground(QColor(theme.current().on_mark))
        fmt.setFontUnderline(True)
        starts = utf16_offsets(text, [m.start for m in self.matches])
        ends = utf16_offsets(text, [m.end for m in self.matches])
        selections = []
        document = self.text_edit.document()
        for start, end in zip(starts, ends, strict=True):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.text_edit.setExtraSelections(selections)

    def _emit_found(self) -> None:
        """Say what is found for each sign, as the list below shows it (the page puts it in
        the sign's tick box, for a screen reader: the list is not a Tab stop)."""
        self.found.emit({flag_id: label.text() for flag_id, label in self._found.items()})

    def check_soon(self) -> None:
        """The patient typed in one of the texts: check them after a pause in typing."""
        self._quiet_check.start()

    def _text_changed(self) -> None:
        if self._showing:
            return
        self._mark_stale()
        self.check_soon()
        self.changed.emit()

    def _check_quietly(self) -> None:
        """After a pause in typing: show what the texts hold (ticking nothing; the button
        ticks). Nothing is said where nothing was shown and nothing is found."""
        text = self.text()
        if not self.isVisible() or len(text) + len(self.said) > QUIET_CHECK_MOST:
            return  # (a page closed or left since: nothing to show)
        if self.summary_label.isHidden() and not (
            flags_found(self._find(text)) or flags_found(self._find(self.said, "said"))
        ):
            return
        self.show_matches()

    def _mark_stale(self) -> None:
        """What is on screen no longer goes with the texts: say so, until checked again (or
        after a pause in typing, ``_check_quietly``)."""
        self._shown = None
        self.said_matches = []
        if self.matches or not self.summary_label.isHidden():
            self.matches = []
            self.text_edit.setExtraSelections([])
            clear_layout(self.results)
            self._found = {}
            self._emit_found()
            self.summary_label.setText(STALE)
            self.summary_label.show()
