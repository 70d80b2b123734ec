"""The offer step checks what the clinic said, and the cost, after a pause in typing: it
shows what it found (ticking nothing), says so under the box and to a screen reader."""

from __future__ import annotations

from tests.test_offer_checker import offer  # noqa: F401 - a fixture
from ui import advert_checker
from ui.advert_checker import NOT_TICKED, STALE
from ui.main_window import MainWindow
from ui.pages.offer_page import SAID_FOUND, OfferPage


def test_what_they_said_is_checked_after_a_pause_in_typing(
    offer: tuple[MainWindow, OfferPage],  # noqa: F811 - the fixture
    qtbot,
    monkeypatch,
) -> None:
    """"Guaranteed to heal", typed as what they said, showed nothing unless the button under
    the (optional) box for pasting was pressed. After a pause the page shows what it found,
    and ticks nothing: the button does that. A screen reader is told, once."""
    from ui.pages import offer_page

    window, page = offer
    window.show()  # (a page not on screen is not checked: it may have been left or closed)
    qtbot.waitExposed(window)
    said: list[str] = []
    monkeypatch.setattr(offer_page, "announce", lambda _source, text: said.append(text))
    monkeypatch.setattr(page.claims, "hasFocus", lambda: True)  # typing there
    page.claims.setPlainText("They said it will make my skin look better.")
    qtbot.wait(2 * advert_checker.QUIET_CHECK_MS)
    assert page.advert.summary_label.isHidden()  # nothing found: nothing said unasked
    assert page.said_found_label.isHidden()
    page.claims.setPlainText("They said it is guaranteed to heal in two weeks.")
    qtbot.waitUntil(lambda: "rf-big-promises" in page.advert.found_labels())
    assert page.advert.summary_label.text().endswith(NOT_TICKED)
    # said under the box typed in too: the results are far below it on the page
    assert page.said_found_label.isVisibleTo(page) and page.said_found_label.text() == SAID_FOUND
    assert said == [SAID_FOUND]
    # the list of what was found is not a Tab stop: the sign's tick box says it too
    check = page.red_flag_checks["rf-big-promises"]
    assert "Found: “guaranteed" in check.accessibleDescription()
    assert check.accessibleDescription().startswith("A clinic cannot know")
    assert not page.red_flag_checks["rf-big-promises"].isChecked()
    page.advert.check_button.click()
    assert page.red_flag_checks["rf-big-promises"].isChecked()
    page.claims.setPlainText("They said it may help.")  # the note goes with the words
    qtbot.waitUntil(lambda: page.said_found_label.isHidden())
    assert "Found:" not in check.accessibleDescription()
    # a long text is checked only when asked (it takes seconds)
    page.claims.setPlainText("guaranteed " * (advert_checker.QUIET_CHECK_MOST // 5))
    assert page.advert.summary_label.text() == STALE
    qtbot.wait(2 * advert_checker.QUIET_CHECK_MS)
    assert page.advert.summary_label.text() == STALE


def test_a_phrase_found_in_both_places_is_named_once(
    offer: tuple[MainWindow, OfferPage],  # noqa: F811 - the fixture
) -> None:
    """"Found: “cured”, “cured” (in what you wrote above)" read as a repeat."""
    _, page = offer
    page.claims.setPlainText("They said it cured their psoriasis.")
    page.advert.text_edit.setPlainText("Hundreds of patients CURED.")
    page.advert.check_button.click()
    found = page.advert.found_labels()["rf-big-promises"].text()
    assert found == f"Found: “CURED” (also {advert_checker.IN_SAID})"


def test_an_offer_abroad_brings_its_questions_and_says_the_checks_are_for_the_uk(
    offer: tuple[MainWindow, OfferPage],  # noqa: F811 - the fixture
) -> None:
    """A patient offered treatment in Mexico, who had not ticked "Treatment abroad with no
    named regulator", had no question about going abroad; the note that the clinic checks
    are for the UK was in small grey type at the end of them, folded away."""
    window, page = offer
    panel = page.vetting_panel
    assert panel.abroad_notice.isHidden()
    page.location_radios["abroad"].setChecked(True)
    assert not panel.abroad_notice.isHidden() and not panel.is_open()  # seen, folded or not
    assert panel.uk_note.isHidden()  # said once
    page.write_draft()
    ids = [i.id for i in window.draft.checklist]
    assert {"offer-abroad-regulator", "offer-abroad-aftercare"} <= set(ids)
    assert "rf-abroad-no-regulator" not in window.draft.offer.red_flags  # nothing ticked
    from ui.question_row import SOURCE_NOTES  # so their note does not speak of a tick

    assert SOURCE_NOTES["red_flag"] == "Added because of your answers about the clinic's offer."
    page.location_radios["uk"].setChecked(True)
    page.write_draft()
    assert "offer-abroad-aftercare" not in [i.id for i in window.draft.checklist]
    assert panel.abroad_notice.isHidden() and not panel.uk_note.isHidden()
    page.location_radios["abroad"].setChecked(True)
    page.no_radio.setChecked(True)  # no offer after all: nothing about it
    assert panel.abroad_notice.isHidden()


def test_a_price_typed_for_stem_cells_is_found_and_something_found_says_look_further(
    offer: tuple[MainWindow, OfferPage],  # noqa: F811 - the fixture
) -> None:
    """Helen typed "Stem cell wound therapy" as the treatment and "€8,400" as the cost: the
    two are read as one phrase, so paying for stem cells is found (the cost alone was not);
    and when something is found, the summary says the check cannot find every sign."""
    _window, page = offer
    page.treatment.setText("Stem cell wound therapy")
    page.cost.setText("€8,400 with flights")
    page.advert.check_button.click()
    found = page.advert.found_labels()
    assert "rf-pay-for-trial" in found, found
    assert page.red_flag_checks["rf-pay-for-trial"].isChecked()
    assert "cannot find every sign" in page.advert.summary_label.text()
    page.treatment.setText("Laser")
    assert page.advert.summary_label.text() == STALE  # the treatment is part of the check
    page.advert.check_button.click()
    assert "rf-pay-for-trial" not in page.advert.found_labels()
