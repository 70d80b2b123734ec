"""Help ▸ How to use ConsultPrep (F1) and Help ▸ About: plain text in a scrolling window.

Both windows are not modal: the patient can keep them open beside the wizard. Escape or
Close shuts them; nothing in them can be lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consultprep.content import Library
from consultprep.links import web_address
from ui.glossary_ui import explanation_text, glossary
from ui.screen_room import capped
from ui.widgets import HEADING, SUBHEADING, ScrollContent, plain_label, scrolling

HOW_TO_TITLE = "How to use ConsultPrep"
HOW_TO: list[tuple[str, str]] = [
    (
        "What ConsultPrep is for",
        (
            "ConsultPrep helps you get ready to see a skin specialist. Use it when you are "
            "thinking about stem-cell or other regenerative treatment. It is not "
            "medical advice. Your doctor knows your health and can advise you."
        ),
    ),
    (
        "Filling it in for someone else",
        (
            "You can fill it in for a child, a parent or someone you care for. Write about them "
            "wherever it says “you” or “my”, and put your own name under “Carer or helper” on "
            "the “About your skin” step. The questions are written as they would ask them. Page 1 "
            "of the PDF says that a carer helped."
        ),
    ),
    (
        "Saving your work",
        (
            "Use File ▸ Save (Ctrl+S) to keep your answers in a draft file and come back to "
            "them later with File ▸ Open. Nothing is lost when you go Back or Next. Save your "
            "PDF on the last step, “Check and save”, or at any time with File ▸ Save PDF "
            "(Ctrl+E)."
        ),
    ),
    (
        "After your appointment",
        (
            "To write down what you were told, choose File ▸ Write down answers from your "
            "appointment. There is also a button at the end of “Your questions” and on “Are you "
            "ready to decide?”. Tick the questions you asked and type the answers. Did you "
            "write on the printed pack? Copy your answers in the same way. Did you fill in the "
            "PDF on the computer? Use File ▸ Import answers from a filled-in PDF."
        ),
    ),
    (
        "Using the keyboard",
        (
            "Tab moves to the next thing on the page and Shift+Tab goes back. Space ticks a "
            "box or presses a button. In a 0 to 10 row, Tab goes to your choice and the arrow "
            "keys change it; Tab again goes on to the next row. Between “Yes” and “Not yet”, "
            "the arrow keys move and Space chooses. Enter presses the selected button. "
            "Otherwise it goes to the next step (but not while you type in a large box); Back "
            "then takes you to the box you were in. Hold "
            "Alt and press an underlined letter to go straight to that item. Escape never "
            "throws away your answers."
        ),
    ),
    (
        "Bigger text and other colours",
        (
            "View ▸ Larger text (Ctrl and +) and View ▸ Smaller text (Ctrl and -) change the "
            "text size, up to twice the normal size. Ctrl and 0 sets it back. View ▸ "
            "Appearance offers light, dark and high-contrast colours (white on black, or black "
            "on white), or follows your "
            "computer's setting. View ▸ Preferences (Ctrl and comma) shows both in one window, "
            "with a sample of the text. ConsultPrep remembers your choice."
        ),
    ),
    (
        "Words explained",
        (
            "Some headings have a “What does this mean?” button beside them. Treatment cards "
            "with words like “MSC” have a button at the bottom that explains them. Rest the "
            "mouse pointer on a word to see its meaning too, or press Shift+F1 on a tick box "
            "or choice to read the meanings of its words. The list below explains them all."
        ),
    ),
    (
        "Your privacy",
        (
            "Everything stays on this computer. ConsultPrep never sends anything over the "
            "internet. Anyone who uses this computer account can open your drafts and see "
            "their names in the list of recent drafts on the welcome page. To take a draft off "
            "that list, right-click it, or choose “Clear this list”; the drafts themselves are "
            "not deleted. The PDF also holds, unseen, the name and skin problem it was made "
            "for, so that answers typed into it go back into the right draft."
        ),
    ),
]


def fit_to_text(window: QWidget, letters_lines: tuple[int, int], most: tuple[int, int]) -> None:
    """Size ``window`` to so many letters across and lines down of its text, at most ``most``
    pixels, and never taller or wider than most of the screen (a laptop at 200 %)."""
    metrics = window.fontMetrics()
    width = min(letters_lines[0] * metrics.averageCharWidth(), most[0])
    height = min(letters_lines[1] * metrics.lineSpacing(), most[1])
    window.resize(*capped(window, width, height))


class TextWindow(QDialog):
    """A window of headed sections of plain, selectable text, and a Close button.

    ``sources`` (citation, link, web address), if given, are listed after the last section,
    each with a button that opens its address in the web browser (``ui.sources``).
    """

    def __init__(
        self,
        title: str,
        sections: list[tuple[str, str]],
        parent: QWidget | None = None,
        sources: list[tuple[str, str, str | None]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.sections = sections
        self.sources = sources or []
        content = ScrollContent()
        layout = QVBoxLayout(content)
        layout.setSpacing(6)
        layout.addWidget(plain_label(title, role=HEADING))
        for heading, text in sections:
            layout.addSpacing(6)
            layout.addWidget(plain_label(heading, role=SUBHEADING))
            layout.addWidget(plain_label(text, selectable=True))
        if self.sources:
            from ui.sources import SourcesList, reaching_out

            # each named by its short citation; its links' text in line with the citations
            sources = SourcesList(self.sources, parent=content)
            layout.addSpacing(6)  # apart from the words above it, as a section is
            layout.addItem(reaching_out(sources))
        layout.addStretch(1)
        self.scroll_area: QScrollArea = scrolling(content, title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("&Close")
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.close)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(buttons)
        fit_to_text(self, (70, 30), (1100, 900))
        self.scroll_area.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        """Everything the window says, as plain text (for tests and copying)."""
        text = "\n\n".join(f"{h}\n{t}" for h, t in self.sections)
        listed = "\n".join(f"{citation} — {link}" for citation, link, _ in self.sources)
        return f"{text}\n{listed}" if listed else text


def steps_text(step_titles: list[str]) -> str:
    """The "The steps" section: the wizard's own page titles, in order."""
    bullets = "\n".join(f"•  {title}" for title in step_titles)
    return (
        "Go through the steps in order with Next and Back. Only your skin problem must be "
        "chosen; everything else is optional, so fill in as much or as little as you like."
        f"\n{bullets}"
    )


def how_to_sections(step_titles: list[str]) -> list[tuple[str, str]]:
    """The help text (with the wizard's steps), then every glossary word with its meaning."""
    sections = list(HOW_TO)
    if step_titles:
        sections.insert(1, ("The steps", steps_text(step_titles)))
    g = glossary()
    if g is not None:
        words = sorted(g.terms, key=lambda t: t.term.casefold())
        # With their sources, as where the words are shown (a content review, 2026-12-08).
        sections.append(("Words you may meet", explanation_text(words)))
    return sections


SOURCES_INTRO = (
    "The research and guidance ConsultPrep's health information is based on. Each one is "
    "listed in full on the evidence page and in your PDF."
)


def about_sections(library: Library, intro: str) -> list[tuple[str, str]]:
    """Help ▸ About: version and review dates, how the ladder is defined, the sources (listed
    by ``about_sources``)."""
    levels = "\n".join(
        f"{int(info.level)}. {info.short}: {info.meaning}" for info in reversed(library.levels)
    )
    marker = library.warning_marker
    levels += f"\n\nRed “!” marker — {marker.short}: {marker.meaning}"
    return [
        ("This version", intro),
        ("How the evidence levels are defined", levels),
        (
            "Sources",
            SOURCES_INTRO,
        ),
    ]


def about_sources(library: Library) -> list[tuple[str, str, str | None]]:
    """Help ▸ About's list of sources: each one's short name, link and web address."""
    from consultprep.citations import short_citation

    return [
        (short_citation(r.citation), r.link, web_address(r.link)) for r in library.references
    ]


def show_window(owner: QWidget, attribute: str, make) -> TextWindow:
    """Show the window kept on ``owner.<attribute>``, making it first if needed."""
    window = getattr(owner, attribute, None)
    if not isinstance(window, TextWindow):
        window = make()
        setattr(owner, attribute, window)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def show_how_to(owner: QWidget, step_titles: list[str]) -> TextWindow:
    """Show Help ▸ How to use ConsultPrep (``step_titles``: the wizard's pages in order)."""
    return show_window(
        owner,
        "how_to_window",
        lambda: TextWindow(HOW_TO_TITLE, how_to_sections(step_titles), owner),
    )


def show_about(owner: QWidget, library: Library, intro: str) -> TextWindow:
    """Show Help ▸ About ConsultPrep (``intro``: the version and review dates)."""
    return show_window(
        owner,
        "about_window",
        lambda: TextWindow(
            "About ConsultPrep", about_sections(library, intro), owner, about_sources(library)
        ),
    )
