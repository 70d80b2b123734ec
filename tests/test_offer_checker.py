"""The offer page's advert checker and UK checks, driven through the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QScrollArea

from consultprep.claims import find_claims, load_claim_rules
from consultprep.content import load_library
from consultprep.vetting import load_vetting
from tests.test_readiness_page import go_to
from ui import advert_checker
from ui.advert_checker import (
    EMPTY,
    NONE_FOUND,
    NOT_ENGLISH,
    NOT_TICKED,
    ONLY_ENGLISH,
    STALE,
    TICKED,
    utf16_offsets,
)
from ui.main_window import MainWindow
from ui.pages.offer_page import OfferPage
from ui.vetting_panel import CLOSED, OPEN
from ui.wizard import PageId

LIBRARY = load_library()
ADVERT = (
    "🙂 NEW! Our exosome facial gives PERMANENT\nresults, guaranteed.\n"
    "Limited places — book today. Read our testimonials!"
)
FOUND = [
    "exosome",
    "PERMANENT\nresults",
    "guaranteed",
    "Limited places",
    "book today",
    "testimonials",
]
FLAGS = ["rf-exosome-facial", "rf-big-promises", "rf-pressure", "rf-stories-not-studies"]


@pytest.fixture
def offer(window: MainWindow) -> tuple[MainWindow, OfferPage]:
    """The offer page, answered "Yes", on a draft about skin ageing."""
    window.wizard.next()
    concern = window.wizard.pages[PageId.CONCERN]
    concern.concern_radios["ageing"].setChecked(True)
    concern.subtype_radios[LIBRARY.concern("ageing").subtypes[0].id].setChecked(True)
    go_to(window, PageId.OFFER)
    page = window.wizard.pages[PageId.OFFER]
    page.yes_radio.setChecked(True)
    return window, page


def highlighted(page: OfferPage) -> list[str]:
    # Qt gives a paragraph break inside a selection as U+2029.
    return [
        s.cursor.selectedText().replace("\u2029", "\n")
        for s in page.advert.text_edit.extraSelections()
    ]


def test_checking_highlights_lists_and_ticks(offer: tuple[MainWindow, OfferPage]) -> None:
    window, page = offer
    page.advert.text_edit.setPlainText(ADVERT)
    assert highlighted(page) == []
    page.advert.check_button.click()
    # The emoji before the first match takes two places in Qt: highlights still line up.
    assert highlighted(page) == FOUND
    assert set(page.advert.found_labels()) == set(FLAGS)
    assert "“guaranteed”" in page.advert.found_labels()["rf-big-promises"].text()
    assert page.advert.summary_label.text().startswith("Found 6 phrases that often go with 4 warning")
    ticked = [f for f, c in page.red_flag_checks.items() if c.isChecked()]
    assert sorted(ticked) == sorted(FLAGS)
    # The questions for the ticked warning signs are on the list already.
    d = window.draft
    assert d.offer.advert_text == ADVERT.strip()
    assert sorted(d.offer.red_flags) == sorted(FLAGS)
    flag_questions = {q for f in FLAGS for q in LIBRARY.red_flag(f).question_ids}
    covered = set(LIBRARY.question("age-q-ingredients").covers)  # asked by ageing's own
    assert flag_questions - covered <= {i.id for i in d.checklist}
    assert window.isWindowModified()

    # The patient can untick a warning sign the check ticked.
    page.red_flag_checks["rf-pressure"].setChecked(False)
    go_to(window, PageId.QUESTIONS)
    assert "rf-pressure" not in d.offer.red_flags
    assert "offer-time-to-decide" not in {i.id for i in d.checklist}


def test_editing_the_text_clears_the_highlights(offer: tuple[MainWindow, OfferPage]) -> None:
    _, page = offer
    page.advert.text_edit.setPlainText("Results guaranteed.")
    page.advert.check_button.click()
    assert highlighted(page) == ["guaranteed"]
    page.advert.text_edit.insertPlainText(" More.")
    assert highlighted(page) == []
    assert page.advert.summary_label.text() == STALE
    assert page.advert.found_labels() == {}
    page.advert.text_edit.setPlainText("We will talk you through the risks.")
    page.advert.check_button.click()
    assert page.advert.summary_label.text() == NONE_FOUND
    # An advert in another language is not answered "none found": the rules are English only
    page.advert.text_edit.setPlainText("علاج نهائي مضمون بدون آثار جانبية")
    page.advert.check_button.click()
    assert page.advert.summary_label.text() == NOT_ENGLISH
    page.advert.text_edit.setPlainText("علاج نهائي مضمون 100% بدون آثار جانبية")
    page.advert.check_button.click()  # "100%" is found, and the rest is not read
    assert page.advert.summary_label.text().endswith(" " + ONLY_ENGLISH)
    page.advert.text_edit.clear()
    page.advert.check_button.click()
    assert "paste some text first" in page.advert.summary_label.text()


def test_pasted_formatting_is_dropped(offer: tuple[MainWindow, OfferPage]) -> None:
    _, page = offer
    mime = QMimeData()
    mime.setHtml("<p><b>Miracle</b> cure &amp; <i>more</i></p><script>x()</script>")
    mime.setText("Miracle cure & more")
    # Insert as a paste does, without the system clipboard (which would own the data and
    # free it again at shutdown).
    page.advert.text_edit.setFocus()
    page.advert.text_edit.insertFromMimeData(mime)
    text = page.advert.text()
    assert "<b>" not in text and "Miracle cure & more" in text
    page.advert.check_button.click()
    assert highlighted(page) == ["Miracle", "cure"]


def test_an_opened_draft_shows_its_matches_without_ticking(
    offer: tuple[MainWindow, OfferPage],
) -> None:
    window, page = offer
    page.advert.text_edit.setPlainText("Book today, results guaranteed.")
    go_to(window, PageId.QUESTIONS)
    window.wizard.back()  # the page reads the draft again when entered going forward …
    window.wizard.back()
    go_to(window, PageId.OFFER)
    assert page.advert.text() == "Book today, results guaranteed."
    assert highlighted(page) == ["Book today", "guaranteed"]
    assert not any(c.isChecked() for c in page.red_flag_checks.values())  # … but ticks nothing


def test_the_uk_checks_unfold_on_request(offer: tuple[MainWindow, OfferPage]) -> None:
    _, page = offer
    panel = page.vetting_panel
    assert not panel.body.isVisibleTo(page)
    assert panel.toggle_button.text().startswith(CLOSED)
    panel.toggle_button.click()
    assert panel.is_open() and panel.body.isVisibleTo(page)
    assert panel.toggle_button.text().startswith(OPEN)
    shown = " ".join(label.text() for label in panel.body.findChildren(type(page.title_label)))
    for n, check in enumerate(load_vetting().checks, 1):
        assert f"{n}.  {check.title}" in shown
    assert "☐" not in shown  # no box that looks tickable and is not
    assert "Source: General Medical Council" in shown
    panel.toggle_button.click()
    assert not panel.body.isVisibleTo(page)
    # It is there even when no clinic has offered anything.
    page.no_radio.setChecked(True)
    assert panel.isVisibleTo(page)


def test_unfolded_checks_are_scrolled_into_view_with_their_button(
    qtbot, offer: tuple[MainWindow, OfferPage]
) -> None:
    """Unfolded below the window's edge, the checks would look as if nothing happened."""
    window, page = offer
    window.show()
    qtbot.waitExposed(window)
    panel = page.vetting_panel
    area = page.findChildren(QScrollArea)[0]
    bar = area.verticalScrollBar()
    bar.setValue(0)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    # The button just in view at the bottom of the page, as a patient scrolling down sees it.
    area.ensureWidgetVisible(panel.toggle_button, 0, 0)
    panel.toggle_button.click()
    viewport = area.viewport()

    def in_view(widget) -> tuple[int, int]:
        top = widget.mapTo(viewport, widget.rect().topLeft()).y()
        return top, top + widget.height()

    def unfolded_in_view() -> bool:
        button_top, button_bottom = in_view(panel.toggle_button)
        body_top, body_bottom = in_view(panel.body)
        seen = min(body_bottom, viewport.height()) - max(body_top, 0)
        return button_top >= 0 and button_bottom <= viewport.height() and seen > 200

    qtbot.waitUntil(unfolded_in_view)


def test_a_clinic_in_the_uk_is_asked_for_its_part_of_the_uk(
    offer: tuple[MainWindow, OfferPage],
) -> None:
    """Each part of the UK has its own regulator, so "In the UK" asks which part; abroad or
    not sure asks for the country. The answer is kept in the same place either way."""
    window, page = offer
    assert page.country_label.text() == "Which coun&try is it in?"
    page.location_radios["uk"].setChecked(True)
    assert page.country_label.text() == "Which par&t of the UK is it in?"
    assert page.country.accessibleName() == "Part of the UK"
    assert page.country_label.buddy() is page.country
    page.country.setText("Scotland")
    page.write_draft()
    assert (window.draft.offer.location, window.draft.offer.country) == ("uk", "Scotland")
    page.location_radios["abroad"].setChecked(True)
    assert page.country_label.text() == "Which coun&try is it in?"
    assert page.country.accessibleName() == "Country of the clinic"
    page.location_radios["uk"].setChecked(True)
    page.read_draft()  # a draft opened with a UK clinic asks the same
    assert page.country_label.text() == "Which par&t of the UK is it in?"


def test_each_warning_sign_shows_its_sources(offer: tuple[MainWindow, OfferPage]) -> None:
    """A warning sign's explanation states facts (the FDA's warnings, reported harms): its
    sources are named beside it, as everywhere else in the app."""
    from consultprep.citations import short_citation

    _, page = offer
    for flag in LIBRARY.red_flags:
        described = page.red_flag_checks[flag.id].accessibleDescription()
        assert described.startswith(flag.explanation), flag.id
        for ref in flag.citations:
            assert short_citation(LIBRARY.reference(ref).citation) in described, (flag.id, ref)


def test_each_sign_found_in_an_advert_shows_its_sources(
    offer: tuple[MainWindow, OfferPage],
) -> None:
    from PySide6.QtWidgets import QLabel

    from consultprep.citations import short_citation

    _, page = offer
    page.advert.text_edit.setPlainText(ADVERT)
    page.advert.check_button.click()
    texts = [label.text() for label in page.advert.findChildren(QLabel)]
    for flag_id in FLAGS:
        flag = LIBRARY.red_flag(flag_id)
        shown = [t for t in texts if t.startswith(flag.explanation)]
        assert shown, flag_id
        for ref in flag.citations:
            assert short_citation(LIBRARY.reference(ref).citation) in shown[0], (flag_id, ref)


def test_utf16_offsets() -> None:
    text = "a🙂b𝄞c"
    assert utf16_offsets(text, [0, 1, 2, 3, 4, 5]) == [0, 1, 3, 4, 6, 7]
    assert utf16_offsets(text, [5, 2, 2]) == [7, 3, 3]
    matches = find_claims("🙂🙂 guaranteed", load_claim_rules())
    assert utf16_offsets("🙂🙂 guaranteed", [matches[0].start]) == [5]


def test_one_phrase_is_counted_in_the_singular(offer: tuple[MainWindow, OfferPage]) -> None:
    _window, page = offer
    page.advert.text_edit.setPlainText("Results guaranteed.")
    page.advert.check_button.click()
    summary = page.advert.summary_label.text()
    assert summary.startswith("Found 1 phrase that often goes with 1 warning sign (highlighted")


def test_what_they_said_is_checked_too(offer: tuple[MainWindow, OfferPage]) -> None:
    """Claims written in "What did they say it would do for you?" are checked with the
    pasted text: a patient who typed them there need not paste them again."""
    window, page = offer
    page.claims.setPlainText("They said my wrinkles would be gone for good, guaranteed.")
    page.advert.check_button.click()  # nothing pasted
    found = page.advert.found_labels()
    assert "rf-big-promises" in found
    said_label = "“guaranteed” (in what you wrote above)"
    assert said_label in found["rf-big-promises"].text()
    assert "in what you wrote above" in page.advert.summary_label.text()
    assert "highlighted" not in page.advert.summary_label.text()
    assert page.red_flag_checks["rf-big-promises"].isChecked()
    assert "rf-big-promises" in window.draft.offer.red_flags  # and its questions are added
    assert highlighted(page) == []  # nothing to highlight in the empty box

    # Both: the pasted text is highlighted, what they said is named as such.
    page.advert.text_edit.setPlainText("Book today!")
    page.advert.check_button.click()
    summary = page.advert.summary_label.text()
    assert "highlighted in the pasted text, and in what you wrote above" in summary
    assert highlighted(page) == ["Book today"]

    # A change to what they said makes the results out of date, as a pasted change does.
    page.claims.setPlainText("Nothing much.")
    assert page.advert.summary_label.text() == STALE
    assert page.advert.found_labels() == {}
    assert page.advert.flags() == []  # nothing found is kept until checked again


def test_the_cost_is_checked_too(offer: tuple[MainWindow, OfferPage]) -> None:
    """"£1,800 for 6 if I book today", typed as the cost, is pressure to decide: the check
    finds it there as in what they said, and a change to the cost makes the results out of
    date. Opening the draft again finds it without checking anything twice."""
    window, page = offer
    page.cost.setText("£1,800 for 6 sessions if I book today")
    page.advert.check_button.click()  # nothing pasted, nothing in what they said
    found = page.advert.found_labels()
    assert "rf-pressure" in found, found
    assert "“book today” (in what you wrote above)" in found["rf-pressure"].text()
    assert page.red_flag_checks["rf-pressure"].isChecked()
    page.write_draft()
    assert window.draft.offer.cost == "£1,800 for 6 sessions if I book today"
    assert "rf-pressure" in window.draft.offer.red_flags

    page.cost.setText("£1,800 for 6 sessions")
    assert page.advert.summary_label.text() == STALE
    page.advert.check_button.click()
    assert "rf-pressure" not in page.advert.found_labels()

    page.cost.setText("£900, book now")
    page.claims.setPlainText("Guaranteed results.")
    page.write_draft()
    page.read_draft()  # as opened: both found, in what was written about the offer
    assert {"rf-pressure", "rf-big-promises"} <= set(page.advert.found_labels())


def test_a_draft_opened_with_signs_found_but_not_ticked_says_how_to_tick(
    offer: tuple[MainWindow, OfferPage],
) -> None:
    """Opening a draft shows what is found without ticking anything: the summary must not
    say the signs are ticked (a draft from before what they said was checked, say)."""
    window, page = offer
    window.draft.offer = window.draft.offer.model_copy(
        update={"offered": True, "claims": "They said results are guaranteed."}
    )
    page.read_draft()
    assert "rf-big-promises" in page.advert.found_labels()
    assert not page.red_flag_checks["rf-big-promises"].isChecked()
    assert page.advert.summary_label.text().endswith(NOT_TICKED)
    page.red_flag_checks["rf-big-promises"].setChecked(True)
    page.write_draft()
    page.read_draft()  # ticked now: the summary says so
    assert page.advert.summary_label.text().endswith(TICKED)


def test_with_nothing_to_check_the_button_says_what_to_do(
    offer: tuple[MainWindow, OfferPage],
) -> None:
    _window, page = offer
    page.advert.check_button.click()
    assert page.advert.summary_label.text() == EMPTY
    assert page.advert.summary_label.isVisibleTo(page)


def test_what_they_said_is_checked_ahead_a_rule_at_a_time(qtbot, monkeypatch) -> None:
    """A page being prepared checks both texts in small steps (ui.preparation), so showing
    them later finds nothing left to do."""
    from ui.advert_checker import AdvertChecker

    checker = AdvertChecker(LIBRARY)
    qtbot.addWidget(checker)
    steps = list(checker.check_steps(ADVERT, "Guaranteed results."))
    assert len(steps) == 2 * len(checker.rules.rules)

    def no_more(*_args, **_kwargs):
        raise AssertionError("checked again when shown")

    monkeypatch.setattr(advert_checker, "find_claims", no_more)
    checker.set_said("Guaranteed results.")
    checker.set_text(ADVERT)
    assert set(checker.flags()) == set(FLAGS)
    label = checker.found_labels()["rf-big-promises"].text()
    assert "in what you wrote above)" in label  # ("also in …": in the advert too)


@pytest.mark.parametrize("answer", [None, False, True])
def test_yes_no_or_not_answered_is_shown_again_as_it_was_left(qtbot, answer) -> None:
    """A "No" saved and opened again shows No (it showed neither: No and "not answered" were
    saved alike), and an unanswered question stays unanswered."""
    from consultprep.models import Draft

    draft = Draft()
    draft.offer.offered = answer
    page = OfferPage(draft, LIBRARY)
    qtbot.addWidget(page)
    page.read_draft()
    assert page.yes_radio.isChecked() is (answer is True)
    assert page.no_radio.isChecked() is (answer is False)
    page.write_draft()
    assert draft.offer.offered is answer
