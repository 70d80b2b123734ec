"""Health-condition tick boxes: one thing per box, and boxes from older versions kept.

Older versions offered "Smoking now, or stopped in the last year" and "Pregnant, planning a
pregnancy, or breastfeeding" as single boxes, so the clinician could not tell which part
applied. They are now separate boxes. A draft saved with an old box ticked keeps it: the
About page shows it (with a note asking the patient to choose the new boxes) and the PDF
prints it as it was ticked (unless a box that replaces it is ticked too). Nothing is guessed.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from consultprep.content import Library, load_library
from consultprep.labels import conditions_text
from consultprep.models import Draft
from ui.pages.about_page import OLD_CONDITIONS_NOTICE, RETIRED_NOTE, AboutPage

LIBRARY = load_library()
OLD = {c.id: c for c in LIBRARY.conditions if c.replaced_by}


def _page(qtbot, conditions: list[str]) -> AboutPage:
    draft = Draft()
    draft.about.conditions = list(conditions)
    page = AboutPage(draft, LIBRARY)
    qtbot.addWidget(page)
    page.read_draft()
    return page


def _shown(page: AboutPage) -> list[str]:
    return [
        cid for cid, check in page.condition_checks.items() if not check.parentWidget().isHidden()
    ]


def test_the_two_old_boxes_are_split_into_one_thing_each() -> None:
    assert set(OLD) == {"smoking", "pregnancy"}
    assert OLD["smoking"].replaced_by == ["smoking-now", "smoking-stopped"]
    assert OLD["pregnancy"].replaced_by == ["pregnant", "planning-pregnancy", "breastfeeding"]
    labels = {c.id: c.label for c in LIBRARY.conditions}
    assert labels["smoking-now"] == "Smoking now"
    assert labels["breastfeeding"] == "Breastfeeding"


def test_a_box_replaced_by_an_unknown_one_is_refused() -> None:
    data = LIBRARY.model_dump()
    data["conditions"].append({"id": "x", "label": "X", "replaced_by": ["no-such-box"]})
    with pytest.raises(ValidationError, match="replaced by a box not offered now 'no-such-box'"):
        Library.model_validate(data)


def test_an_old_box_may_be_replaced_only_by_boxes_offered_now() -> None:
    data = LIBRARY.model_dump()
    for bad in (["smoking"], ["pregnancy"], ["smoking-now", "smoking"]):  # itself, or old
        data["conditions"][-1]["replaced_by"] = bad
        with pytest.raises(ValidationError, match="replaced by a box not offered now"):
            Library.model_validate(data)


def _rows(page: AboutPage) -> list[list[str]]:
    """The shown boxes by grid row, left to right (a box across both columns: alone)."""
    grid = page.conditions_grid._grid
    places: dict[int, list[tuple[int, str]]] = {}
    for cid in _shown(page):
        row, column, _, _ = grid.getItemPosition(
            grid.indexOf(page.condition_checks[cid].parentWidget())
        )
        places.setdefault(row, []).append((column, cid))
    return [[cid for _, cid in sorted(places[r])] for r in sorted(places)]


def test_old_boxes_get_a_row_each_under_their_group_and_the_pairs_stay(qtbot) -> None:
    page = _page(qtbot, ["smoking", "pregnancy"])
    page.resize(900, 800)
    page.conditions_grid.columns = 2
    page.conditions_grid._place()
    assert _rows(page) == [
        ["diabetes", "poor-circulation"],
        ["smoking-now", "smoking-stopped"],
        ["smoking"],
        ["weak-immunity", "bleeding"],
        ["keloid-history", "cancer"],
        ["pregnant", "planning-pregnancy"],
        ["breastfeeding"],
        ["pregnancy"],
    ]
    grid = page.conditions_grid._grid
    old = grid.indexOf(page.condition_checks["smoking"].parentWidget())
    assert grid.getItemPosition(old)[3] == 2  # across both columns


def test_a_new_draft_shows_only_the_current_boxes(qtbot) -> None:
    page = _page(qtbot, [])
    assert _shown(page) == [c.id for c in LIBRARY.conditions if not c.replaced_by]
    assert page.old_conditions_notice.isHidden()
    assert not any(check.isChecked() for check in page.condition_checks.values())


def test_an_old_ticked_box_is_shown_ticked_with_a_note_until_unticked(qtbot) -> None:
    page = _page(qtbot, ["diabetes", "pregnancy"])
    shown = page.conditions_grid._cards
    old_box = page.condition_checks["pregnancy"].parentWidget()
    last_new = page.condition_checks["breastfeeding"].parentWidget()
    assert shown.index(old_box) == shown.index(last_new) + 1  # just after the new boxes
    assert "smoking" not in _shown(page)
    assert not page.old_conditions_notice.isHidden()
    assert page.old_conditions_notice.text() == OLD_CONDITIONS_NOTICE
    first = page.condition_checks[LIBRARY.conditions[0].id]
    assert first.accessibleDescription() == OLD_CONDITIONS_NOTICE  # the notice is no Tab stop
    old = page.condition_checks["pregnancy"]
    assert old.isChecked()
    box = old.parentWidget()
    assert box.explanation_label is not None and box.explanation_label.text() == RETIRED_NOTE
    assert old.accessibleDescription() == RETIRED_NOTE

    # The patient follows the note: ticks the right new box, unticks the old one.
    page.condition_checks["breastfeeding"].setChecked(True)
    old.setChecked(False)
    page.write_draft()
    assert page.draft.about.conditions == ["diabetes", "breastfeeding"]
    page.read_draft()
    assert "pregnancy" not in _shown(page)  # gone once unticked
    assert page.old_conditions_notice.isHidden()
    assert first.accessibleDescription() == ""


def test_an_old_box_left_ticked_is_kept_and_printed_as_it_was(qtbot) -> None:
    page = _page(qtbot, ["smoking"])
    page.write_draft()
    assert page.draft.about.conditions == ["smoking"]
    assert conditions_text(LIBRARY, ["smoking"]) == "Smoking now, or stopped in the last year"


def test_new_boxes_print_one_thing_each() -> None:
    text = conditions_text(LIBRARY, ["smoking-stopped", "planning-pregnancy"])
    assert text == "Stopped smoking in the last year; planning a pregnancy"


def test_an_old_box_left_ticked_beside_its_new_ones_is_not_printed_twice() -> None:
    """The About page asks for the new boxes, then the old one unticked; one left ticked
    printed "pregnant; …; pregnant, planning a pregnancy, or breastfeeding"."""
    text = conditions_text(LIBRARY, ["pregnancy", "pregnant", "smoking"])
    assert text == "Pregnant; smoking now, or stopped in the last year"
    # Alone, the old box is printed as it was ticked: nothing is guessed.
    assert conditions_text(LIBRARY, ["pregnancy"]) == (
        "Pregnant, planning a pregnancy, or breastfeeding"
    )
