"""Help ▸ How to use (F1), Help ▸ About, and jargon explained on the evidence page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from consultprep.citations import short_citation
from consultprep.dates import long_date
from consultprep.glossary import load_glossary
from tests.a11y_helpers import (  # noqa: F401 - look is a fixture
    LIBRARY,
    example_draft,
    look,
    open_window,
    walk_pages,
)
from tests.ui_helpers import install_fake_dialogs
from ui.app import create_main_window
from ui.glossary_ui import (
    HIDE_MEANINGS,
    WHAT_DOES_THIS_MEAN,
    WORDS_ON_CARD,
    ExplainedHeading,
    ExplainedWords,
    words_question,
)
from ui.wizard import PageId


@pytest.fixture
def window(qtbot, monkeypatch):
    install_fake_dialogs(monkeypatch)
    w = create_main_window()
    qtbot.addWidget(w)
    return w


def test_f1_opens_how_to_use_with_the_real_steps(window) -> None:
    action = window.comfort.how_to_action
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    help_menu = next(m for m in window.menuBar().actions() if m.text() == "&Help").menu()
    assert help_menu.actions()[0] is action
    action.trigger()
    text = window.how_to_window.text()
    assert window.how_to_window.isVisible()
    wizard = window.wizard
    for page_id in wizard.pageIds()[1:]:
        assert wizard.page(page_id).title_label.text() in text  # every step, in order
    assert "Ctrl and +" in text and "Escape" in text and "not medical advice" in text
    for term in load_glossary().terms:
        assert term.meaning in text
    action.trigger()  # a second press shows the same window again
    assert window.findChildren(type(window.how_to_window)).count(window.how_to_window) == 1


def test_about_says_versions_evidence_levels_and_sources(window) -> None:
    window.about_action.trigger()
    text = window.about_window.text()
    meta = LIBRARY.meta
    assert meta.content_version in text
    assert f"{long_date(meta.review_by)}." in text  # "5 May", not "05 May"
    for info in LIBRARY.levels:
        assert info.short in text and info.meaning in text
    assert LIBRARY.warning_marker.meaning in text
    for ref in LIBRARY.references:
        assert short_citation(ref.citation) in text
    # each source opens in the web browser from the window (tests/test_sources.py: how)
    from consultprep.links import web_address
    from ui.sources import SourcesList

    [listed] = window.about_window.findChildren(SourcesList)
    assert [address for _, address in listed.buttons] == [
        web_address(r.link) for r in LIBRARY.references
    ]


def test_about_and_help_fit_the_screen_at_large_text_and_say_their_title_once(
    window, look  # noqa: F811 - the fixture
) -> None:
    look.set_scale(200)
    window.about_action.trigger()
    window.comfort.how_to_action.trigger()
    for shown in (window.about_window, window.how_to_window):
        room = shown.screen().availableGeometry()
        assert shown.width() <= room.width() and shown.height() <= room.height()
        assert [h for h, _ in shown.sections].count(shown.windowTitle()) == 0
    assert "View ▸ Preferences" in window.how_to_window.text()


def test_help_says_how_to_fill_it_in_for_someone_else(window) -> None:
    """(A daughter filling it in for her mother found nothing in Help about it: a carer's
    walk-through.) It names the step and the box as the app shows them."""
    from ui.wizard import PageId

    window.comfort.how_to_action.trigger()
    text = window.how_to_window.text()
    part = text.split("Filling it in for someone else", 1)[1].split("Saving your work", 1)[0]
    about = window.wizard.page(PageId.ABOUT)
    assert f"“{about.title_label.text()}”" in part
    assert "Carer or helper" in part and about.helper.accessibleName() == "Carer or helper"


def test_help_text_is_plain(window) -> None:
    window.comfort.how_to_action.trigger()
    labels = window.how_to_window.findChildren(QLabel)
    assert labels and all(label.textFormat().name == "PlainText" for label in labels)


def _evidence_page(qtbot, tmp_path: Path, monkeypatch):
    """The window on the scars example, walked forward to its evidence page."""
    install_fake_dialogs(monkeypatch)
    window = open_window(qtbot, example_draft(tmp_path))
    for page_id in walk_pages(window):
        if page_id == PageId.EVIDENCE:
            break
    return window, window.wizard.currentPage()


def test_jargon_headings_can_be_explained(qtbot, tmp_path: Path, monkeypatch) -> None:
    window, page = _evidence_page(qtbot, tmp_path, monkeypatch)  # the scars example
    explained = page.findChildren(ExplainedHeading)
    ladder = next(e for e in explained if e.heading.text() == "The evidence ladder")
    assert ladder.button.text() == WHAT_DOES_THIS_MEAN
    assert "mean" in ladder.button.accessibleName()
    assert not ladder.meaning.isVisibleTo(window)
    ladder.button.click()
    assert ladder.meaning.isVisibleTo(window)
    assert ladder.button.accessibleName().startswith("Hide what ")  # what pressing it does now
    assert ladder.button.toolTip().startswith("Hide what ")  # (it said "Show" still)
    assert ladder.meaning.text().startswith("evidence ladder: ")
    assert ladder.meaning.objectName() == "meaning"  # set apart (it read as the text under it)
    assert ladder.button.accessibleDescription() == ladder.meaning.text()  # read out with it
    assert "evidence ladder" in ladder.heading.toolTip()
    ladder.button.click()
    assert not ladder.meaning.isVisibleTo(window)
    assert ladder.button.accessibleName().startswith("What does ")
    assert ladder.button.toolTip().startswith("Show what ") and not ladder.button.accessibleDescription()
    # A treatment's name is explained by its card's one button, with the card's other words;
    # the name has the meaning as a tooltip, as other text with jargon does.
    assert not any("MSC" in e.heading.text() for e in explained)
    card = next(
        w for w in page.findChildren(ExplainedWords) if "MSC" in w.button.accessibleName()
    )
    assert "Mesenchymal stem cells, also called mesenchymal stromal cells" in card.meaning.text()
    names = [label for label in page.findChildren(QLabel) if label.text().startswith("Stem-cell (MSC)")]
    assert names and "Mesenchymal" in names[0].toolTip()
    with_tips = [label for label in page.findChildren(QLabel) if "exosome" in label.toolTip()]
    assert with_tips


def test_the_words_on_a_card_can_be_explained_from_the_keyboard(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """A tooltip serves only a mouse: each treatment card whose text uses glossary words has
    one button naming them, its name's words first, which shows their meanings (with sources
    where a source backs one)."""
    window, page = _evidence_page(qtbot, tmp_path, monkeypatch)  # the scars example
    cards = {w._question: w for w in page.findChildren(ExplainedWords)}
    steroid = cards["What does “keloid” mean?"]
    assert "What do “keloid”, “Cochrane” and “hypertrophic scar” mean?" in cards  # silicone
    # The stem-cell card names the FDA in its warning too: four words, asked about together.
    msc = next(
        w for w in page.findChildren(ExplainedWords) if "MSC" in w.button.accessibleName()
    )
    assert msc._question == WORDS_ON_CARD
    assert msc.meaning.text().startswith("stem cells: ")  # the words of its name come first
    assert "FDA: " in msc.meaning.text()
    # The SVF card has more than three words: its button asks about them together, and its
    # accessible name names them, its name's words first.
    svf = next(
        w for w in page.findChildren(ExplainedWords) if "stromal" in w.button.accessibleName()
    )
    assert svf._question == WORDS_ON_CARD
    assert steroid.button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not svf.meaning.isVisibleTo(window)
    svf.button.click()
    assert svf.meaning.isVisibleTo(window)
    assert svf.meaning.text().startswith("stem cells: ")  # its name's words first
    assert "\n\nstromal vascular fraction (SVF): " in svf.meaning.text()
    assert "FDA: " in svf.meaning.text()
    assert svf.meaning.text().endswith("Source: US Food and Drug Administration 2021.")
    assert svf.button.text() == HIDE_MEANINGS
    assert svf.button.accessibleName() == (
        "Hide the meanings of stem cells, stromal vascular fraction (SVF), regenerative "
        "treatment and FDA"
    )
    assert svf.button.accessibleDescription() == svf.meaning.text()  # read out with it
    svf.button.click()
    assert svf.button.accessibleDescription() == ""


def test_a_card_with_many_words_asks_about_them_together(qtbot) -> None:
    from consultprep.glossary import load_glossary

    terms = load_glossary().terms[:4]
    assert words_question(terms) == WORDS_ON_CARD
    words = ExplainedWords(terms)
    qtbot.addWidget(words)
    assert words.button.accessibleName().startswith(f"{WORDS_ON_CARD} “{terms[0].term}”")
    assert words_question(terms[:2]) == f"What do “{terms[0].term}” and “{terms[1].term}” mean?"


def test_meanings_unfolded_at_the_windows_edge_are_scrolled_into_view(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Meanings unfolded below the window's edge would look as if the button did nothing."""
    from PySide6.QtWidgets import QScrollArea

    _, page = _evidence_page(qtbot, tmp_path, monkeypatch)  # the scars example
    area = page.findChildren(QScrollArea)[0]
    viewport = area.viewport()
    words = [w for w in page.findChildren(ExplainedWords) if w.isVisible()]
    heading = next(e for e in page.findChildren(ExplainedHeading) if e.isVisible())
    for unfold in (words[1], heading):
        area.verticalScrollBar().setValue(0)
        area.ensureWidgetVisible(unfold.button, 0, 0)  # the button at the bottom edge
        unfold.button.click()

        def in_view(unfold=unfold) -> bool:
            button = unfold.button.mapTo(viewport, unfold.button.rect().bottomLeft()).y()
            meaning = unfold.meaning.mapTo(viewport, unfold.meaning.rect().bottomLeft()).y()
            return 0 <= button and meaning <= viewport.height() + 1

        qtbot.waitUntil(in_view)
        unfold.button.click()
