"""What the research shows for the chosen concern: the ladder, then each treatment in turn."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from consultprep.citations import short_citation, sources_line
from consultprep.content import Concern, Library, Subtype, Treatment
from consultprep.evidence import KIND_LABELS, KIND_ORDER, kind_note
from consultprep.links import web_address
from consultprep.models import Draft
from ui import glossary_ui
from ui.ladder import EvidenceLadder
from ui.pages.base import DraftPage
from ui.widgets import (
    ERROR,
    HEADING,
    HINT,
    NOTICE,
    SUBHEADING,
    ScrollContent,
    bullet_list,
    card,
    page_changed,
    plain_label,
    scrolling,
    term_list,
)

LADDER_HELP = (
    "Each treatment sits on a rung of the ladder. The higher the rung, the stronger the "
    "research or national guidance behind it for this problem. Waiting, or doing nothing, is "
    "shown below the ladder so you can compare."
)


class EvidencePage(DraftPage):
    """The chosen concern's evidence ladder, each treatment in equal detail, general facts.

    What is shown for a concern is built once (a piece at a time when prepared ahead, see
    ``prepare``) and kept: choosing another concern and coming back shows it again at once.
    """

    def __init__(self, draft: Draft, library: Library) -> None:
        super().__init__(
            draft,
            library,
            "What the research shows",
            "General information, not medical advice. Read at your own pace; you can copy any text.",
        )
        self._content = ScrollContent()
        self._body = QVBoxLayout(self._content)
        self._body.setSpacing(10)
        self._body.addStretch(1)
        outer = self.page_layout
        self.scroll_area = scrolling(self._content)
        # The evidence is longer than any window: a scroll bar that appeared only after the
        # first layout would make Qt lay out every paragraph twice (Next took 1.5x as long).
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        outer.addWidget(self.scroll_area)
        #: What each concern shows, by the concern, the treatments shown for the patient's kind
        #: of it, the note on what is left out and the kind's own note on the research (None:
        #: no concern chosen), built as needed.
        self._views: dict[tuple[str, tuple[str, ...], str, str] | None, _EvidenceView] = {}
        self._view: _EvidenceView | None = None

    @property
    def ladder(self) -> EvidenceLadder:
        """The evidence ladder shown (or to be shown) for the draft's concern."""
        return self._show_view().ladder

    def prepare(self) -> Iterator[None]:
        """Build what the page will show for the draft's concern, yielding after each piece
        (``ui.preparation`` lays each piece out in idle time)."""
        yield from self._show_view().build()

    def read_draft(self) -> None:
        """Show the evidence for the draft's concern (built now if it was not prepared)."""
        self._show_view().finish()

    def _show_view(self) -> _EvidenceView:
        """Put what the draft's concern shows on the page (making it if need be)."""
        full = self.library.concern(self.draft.concern)
        concern = note = None
        key: tuple[str, tuple[str, ...], str, str] | None = None
        if full is not None:
            concern = full.for_subtype(self.draft.subtype)
            note = kind_note(full, self.draft.subtype)
            kind = full.subtype(self.draft.subtype)
            # Kinds of a concern that are shown the same share what is built.
            key = (
                full.id,
                tuple(t.id for t in concern.treatments),
                note,
                kind.evidence_note if kind is not None else "",
            )
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = _EvidenceView(self.library, concern, note, self._content)
        view.set_subtype(concern.subtype(self.draft.subtype) if concern is not None else None)
        if view is not self._view:
            if self._view is not None:
                # Taken out, not removeWidget: that stopped the app, on an item made in Python
                # (``reaching_out`` below). The item taken is deleted with its last reference.
                self._body.takeAt(self._body.indexOf(self._view))
                self._view.hide()
            # First in the scroll area, after the page's header if that scrolls with it
            # (large text in a short window: ui.responsive.fold_header). It reaches out into
            # the page's margin, leaving room there for its source links' focus rings.
            from ui.sources import reaching_out

            self._body.insertItem(self._body.indexOf(self.header) + 1, reaching_out(view))
            view.show()
            self._view = view
            self.scroll_area.verticalScrollBar().setValue(0)
            page_changed(self)
        return view


class _EvidenceView(QWidget):
    """What the evidence page shows for one concern, built a piece at a time."""

    def __init__(
        self, library: Library, concern: Concern | None, note: str | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.hide()  # until the page puts it in its layout
        self.library = library
        self.concern = concern  # as shown for the patient's kind of it
        self.kind_note = note or ""  # what is left out for the patient's kind, or ""
        self.ladder = EvidenceLadder(library)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self._heading: QLabel | None = None
        self._kind_label: QLabel | None = None
        self._subtype: Subtype | None = None
        self._steps: Iterator[None] | None = self._pieces()

    def set_subtype(self, subtype: Subtype | None) -> None:
        """Name the kind of the concern in the heading, and describe it under it."""
        self._subtype = subtype
        if self._heading is not None and self.concern is not None:
            self._heading.setText(self._heading_text())
        if self._kind_label is not None:
            self._kind_label.setText(subtype.description if subtype else "")
            self._kind_label.setVisible(subtype is not None)

    def build(self) -> Iterator[None]:
        """Build what is not built yet, yielding after each piece."""
        while self._steps is not None:
            try:
                next(self._steps)
            except StopIteration:
                self._steps = None
                return
            yield

    def finish(self) -> None:
        """Build all that is not built yet, now."""
        for _ in self.build():
            pass

    def _heading_text(self) -> str:
        assert self.concern is not None
        return self.concern.name + (f": {self._subtype.name}" if self._subtype else "")

    def _add(self, text: str, role: str | None = None, selectable: bool = True) -> QLabel:
        label = plain_label(text, role=role, selectable=selectable)
        self._layout.addWidget(label)
        return label

    def _pieces(self) -> Iterator[None]:
        concern = self.concern
        lib = self.library
        if concern is None:
            self._add("Choose a skin problem first (press Back).", SUBHEADING)
            self.ladder.set_concern(None)
            return
        self._heading = self._add(self._heading_text(), HEADING)
        # The patient's own kind, described (acne scars are mostly dips, not lumps)
        self._kind_label = self._add(self._subtype.description if self._subtype else "")
        self._kind_label.setVisible(self._subtype is not None)
        kind = self._subtype
        if kind is not None and kind.evidence_note:  # what to know first, for this kind
            self._add(kind.evidence_note, NOTICE)
            self._add(sources_line(lib, kind.evidence_note_citations), HINT)
        self._add("What happens in the skin", SUBHEADING)  # healing, or ageing: one heading
        self._add(concern.normal_repair)
        if concern.citations:
            self._add(sources_line(lib, concern.citations), HINT)
        yield
        ladder_heading = glossary_ui.heading("The evidence ladder", SUBHEADING)
        if isinstance(ladder_heading, glossary_ui.ExplainedHeading):  # its button in line
            from ui.sources import reaching_out

            ladder_heading.setParent(self)  # a child first: a layout item does not adopt it
            self._layout.addItem(reaching_out(ladder_heading))
        else:
            self._layout.addWidget(ladder_heading)
        self._add(LADDER_HELP, HINT)
        self.ladder.set_concern(concern)
        self._layout.addWidget(self.ladder)
        if self.kind_note:
            self._add(self.kind_note, HINT)
        yield
        self._add("What the rungs mean", SUBHEADING)
        marker = lib.warning_marker
        meanings = [(f"{int(i.level)}. {i.short}:", i.meaning) for i in reversed(lib.levels)]
        self._layout.addWidget(
            term_list([*meanings, (f"Red “!” marker — {marker.short}:", marker.meaning)])
        )
        self._add("Each treatment in turn", SUBHEADING)
        yield
        for kind in KIND_ORDER:
            for treatment in concern.treatments_of(kind):
                self._layout.addWidget(self._treatment_card(treatment))
                yield

        if lib.general_facts:
            self._add("Good to know, whatever your skin problem", SUBHEADING)
            for fact in lib.general_facts:
                frame, box = card()
                box.addWidget(plain_label(fact.text, selectable=True))
                box.addWidget(
                    plain_label(self._sources(fact.citations), role=HINT, selectable=True)
                )
                self._layout.addWidget(frame)
                yield

        self._add("Sources in full", SUBHEADING)
        self._add(
            "The research and guidance this page is based on. They are also listed in your PDF.",
            HINT,
        )
        cited = lib.citations_for(concern, self._subtype.id if self._subtype else None)
        seen = {r.id for r in cited}
        cited += [
            lib.reference(c)
            for fact in lib.general_facts
            for c in fact.citations
            if c not in seen and not seen.add(c)
        ]
        from ui.sources import SourcesList, reaching_out

        sources = SourcesList(
            [(r.citation, r.link, web_address(r.link)) for r in cited],
            [short_citation(r.citation) for r in cited],
            self,  # a child first: a layout item does not adopt it
        )
        # Its links' text in line with the citations above them: each link's focus ring
        # reaches out to the left of the text, into room this view leaves (``ui.sources``).
        self._layout.addItem(reaching_out(sources))

    def _treatment_card(self, t: Treatment) -> QFrame:
        lib = self.library
        frame, box = card()
        frame.setProperty("kind", t.kind)  # the theme's style sheet colours the left edge
        frame.setAccessibleName(t.name)
        # Its jargon is explained by the one button at the foot of the card, with the other
        # words the card uses (two buttons on a card left people unsure which to press).
        box.addWidget(plain_label(t.name, role=SUBHEADING, selectable=True))
        if t.level is not None:
            info = lib.level_info(t.level)
            where = f"{KIND_LABELS[t.kind]}. Evidence: rung {int(t.level)} of 4 — {info.short}."
        else:
            where = "The point to compare other treatments against."  # its name says what
        box.addWidget(plain_label(where, role=HINT, selectable=True))
        if t.warning:
            warning = f"⚠ Warning: {t.warning_note}"  # the ladder marks it with a red "!"
            box.addWidget(plain_label(warning, role=ERROR, selectable=True))
            box.addWidget(
                plain_label(self._sources(t.warning_citations), role=HINT, selectable=True)
            )
        box.addWidget(plain_label(t.summary, selectable=True))
        if t.get_help:  # when to get help while waiting: a list, with its own sources
            box.addWidget(plain_label(t.get_help, role="strong", selectable=True))
            box.addWidget(bullet_list(t.get_help_signs))
            box.addWidget(
                plain_label(self._sources(t.get_help_citations), role=HINT, selectable=True)
            )
        box.addWidget(plain_label("What we don't know yet", role="strong"))
        box.addWidget(plain_label(t.uncertain, selectable=True))
        # The warning's sources are given with it.
        sources = list(dict.fromkeys([*t.citations, *t.uncertain_citations]))
        box.addWidget(plain_label(self._sources(sources), role=HINT, selectable=True))
        # Every line on the card, so no word is explained only by a mouse's tooltip.
        texts = [t.name, where, t.summary, t.uncertain, self._sources(sources)]
        if t.warning:
            texts += [t.warning_note, self._sources(t.warning_citations)]
        if t.get_help:
            texts += [t.get_help, *t.get_help_signs, self._sources(t.get_help_citations)]
        words = glossary_ui.words_explained(texts)
        if words is not None:  # its button's text in line with the card's text
            from ui.sources import reaching_out

            words.setParent(frame)  # a child first: a layout item does not adopt it
            box.addItem(reaching_out(words))
        return frame

    def _sources(self, citations: list[str]) -> str:
        return sources_line(self.library, citations)
