"""The UK checks of a clinic: ticked as done on the offer step, kept in the draft, ticked in
the PDF, and read back from a PDF ticked on a computer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from consultprep.answers import FilledCheck, apply_answers
from consultprep.content import load_library
from consultprep.models import Draft
from consultprep.storage import load_draft, save_draft
from consultprep.summary import summary_lines
from consultprep.vetting import load_vetting
from exports import export_pdf
from exports.answers import read_pack
from exports.fieldnames import clinic_field_name, parse_clinic_field_name
from tests.pdf_helpers import fill, pdf_invariant  # noqa: F401
from ui.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "scars.consultprep"
LIBRARY = load_library()
CHECKS = [check.id for check in load_vetting().checks]


def test_field_names_of_the_checks_go_both_ways() -> None:
    for check_id in [*CHECKS, "odd id: ü/ß"]:
        assert parse_clinic_field_name(clinic_field_name(check_id)) == check_id
    for other in ("q:abc:asked", "clinic:", "clinic:a b", "clinic:_ZZ", "consultprep:pack"):
        assert parse_clinic_field_name(other) is None


def test_a_tick_changed_in_the_pdf_marks_a_check_done_or_not() -> None:
    draft = Draft()
    draft.offer.checks_done = [CHECKS[1], "from-a-newer-version"]
    draft.updated = before = datetime(2026, 1, 1, tzinfo=UTC)
    summary = apply_answers(
        draft,
        {},
        checks={
            CHECKS[0]: FilledCheck(True, False),  # ticked by the reader
            CHECKS[1]: FilledCheck(False, True),  # unticked by the reader
            CHECKS[2]: FilledCheck(True, True),  # left as printed: changes nothing
            "unknown": FilledCheck(True, False),  # not a check this app has
        },
    )
    assert draft.offer.checks_done == ["from-a-newer-version", CHECKS[0]]
    assert summary.checks_changed == 2 and summary.changed
    assert draft.updated > before
    assert summary.message() == (
        "0 answers were recorded, and 2 clinic checks marked as done or not done."
    )


def test_a_tick_left_as_printed_changes_nothing() -> None:
    draft = Draft()
    summary = apply_answers(draft, {}, checks={CHECKS[0]: FilledCheck(False, True)})
    assert draft.offer.checks_done == [] and not summary.changed
    assert "nothing was changed" in summary.message()


@pytest.fixture
def offered(tmp_path: Path) -> Path:
    """The scars example with its offer and the first check done, saved in tmp_path."""
    draft = load_draft(EXAMPLE)
    draft.offer.offered = True
    draft.offer.checks_done = [CHECKS[0]]
    path = tmp_path / "mine.consultprep"
    save_draft(draft, path)
    return path


def test_ticks_go_into_the_pdf_and_come_back(offered: Path, tmp_path: Path, capsys) -> None:
    pack = export_pdf(load_draft(offered), tmp_path / "pack.pdf", LIBRARY)
    fields = PdfReader(pack).get_fields()
    assert fields[clinic_field_name(CHECKS[0])]["/V"] == "/Yes"
    assert all(fields[clinic_field_name(c)]["/V"] == "/Off" for c in CHECKS[1:])

    ticked = {clinic_field_name(CHECKS[2]): "/Yes", clinic_field_name(CHECKS[0]): "/Off"}
    filled = fill(pack, ticked, tmp_path / "filled.pdf")
    checks = read_pack(filled).checks
    assert checks[CHECKS[2]] == FilledCheck(True, False)
    assert checks[CHECKS[0]] == FilledCheck(False, True)
    assert checks[CHECKS[1]] == FilledCheck(False, False)

    assert main(["import-answers", str(filled), str(offered)]) == 0
    assert "2 clinic checks marked as done or not done" in capsys.readouterr().out
    assert load_draft(offered).offer.checks_done == [CHECKS[2]]


def test_the_summary_names_the_checks_done(offered: Path) -> None:
    draft = load_draft(offered)
    text = dict(summary_lines(draft, LIBRARY))["Offer from a clinic"]
    first = load_vetting().checks[0].title
    assert f"Clinic checks done: 1 of {len(CHECKS)} ({first})" in text
    draft.offer.checks_done = ["gone-from-the-content"]
    text = dict(summary_lines(draft, LIBRARY))["Offer from a clinic"]
    assert "Clinic checks done" not in text


def test_the_offer_step_keeps_the_ticks(qtbot, offered: Path) -> None:
    from ui.pages.offer_page import OfferPage

    draft = load_draft(offered)
    draft.offer.checks_done.append("from-a-newer-version")
    page = OfferPage(draft, LIBRARY)
    qtbot.addWidget(page)
    page.read_draft()
    panel = page.vetting_panel
    assert panel.is_open()  # opened, so the tick is seen
    assert [c for c, box in panel.done_checks.items() if box.isChecked()] == [CHECKS[0]]

    box = panel.done_checks[CHECKS[3]]
    assert box.accessibleName().endswith(load_vetting().checks[3].title)
    with qtbot.waitSignal(panel.changed):
        box.setChecked(True)
    page.write_draft()
    # Ticked before: kept in their places (unknown ones too); newly ticked: after them.
    assert draft.offer.checks_done == [CHECKS[0], "from-a-newer-version", CHECKS[3]]

    fresh = OfferPage(Draft(), LIBRARY)
    qtbot.addWidget(fresh)
    fresh.read_draft()
    assert not fresh.vetting_panel.is_open() and fresh.vetting_panel.done() == []
