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
    assert summary.message() == ("2 clinic checks were marked as done or not done.")


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
    assert "2 clinic checks were marked as done or not done" in capsys.readouterr().out
    assert load_draft(offered).offer.checks_done == [CHECKS[2]]


def test_a_tick_not_imported_yet_keeps_the_pdf_from_being_replaced(
    offered: Path, tmp_path: Path
) -> None:
    """A check ticked in the PDF and not yet in the draft would be lost, as a typed answer
    would: making the PDF again over it asks first (it replaced it without a word)."""
    from exports.answers import NOT_IMPORTED, answers_at_risk

    pack = export_pdf(load_draft(offered), tmp_path / "pack.pdf", LIBRARY)
    filled = fill(pack, {clinic_field_name(CHECKS[2]): "/Yes"}, tmp_path / "filled.pdf")
    draft = load_draft(offered)
    assert answers_at_risk(filled, draft).reason == NOT_IMPORTED
    draft.offer.checks_done.append(CHECKS[2])  # ticked in the app as well: nothing to lose
    assert answers_at_risk(filled, draft) is None


def _set_field(pdf: Path, name: str, key: str, value: object, out: Path) -> Path:
    """``pdf`` with one field's ``key`` set to ``value``, as a changed or odd PDF has it."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(pdf))
    for page in writer.pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if str(obj.get("/T")) == name:
                obj[NameObject(key)] = value
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def test_an_odd_clinic_box_is_left_out_and_a_changed_question_field_keeps_the_pdf(
    offered: Path, tmp_path: Path
) -> None:
    """One clinic box holding text, not a tick, no longer stops every answer being read; a
    question's field of the wrong kind makes the form unreadable, and such a PDF is not
    replaced unasked."""
    from pypdf.generic import NameObject, TextStringObject

    from exports.answers import UNREADABLE, UncheckablePack, answers_at_risk
    from exports.fieldnames import field_name

    draft = load_draft(offered)
    item = draft.ordered_questions()[0]
    pack = export_pdf(draft, tmp_path / "pack.pdf", LIBRARY)
    filled = fill(pack, {field_name(item.id, "answer"): "Typed"}, tmp_path / "filled.pdf")
    odd = _set_field(
        filled, clinic_field_name(CHECKS[1]), "/V", TextStringObject("Yes"), tmp_path / "odd.pdf"
    )
    read = read_pack(odd)
    assert read.answers[item.id].answer == "Typed" and CHECKS[1] not in read.checks
    changed = _set_field(
        filled, field_name(item.id, "answer"), "/FT", NameObject("/Btn"), tmp_path / "changed.pdf"
    )
    with pytest.raises(UncheckablePack, match="form that was changed or damaged"):
        read_pack(changed)
    assert answers_at_risk(changed, draft) == (UNREADABLE, "its form was changed or damaged")


def test_clinic_ticks_imported_stay_when_going_back_to_the_offer_step(
    qtbot, monkeypatch, offered: Path, tmp_path: Path
) -> None:
    """Back does not read a page again: the offer step still showed the ticks from before
    the import, and leaving it wrote them back over the imported ones."""
    from tests.ui_helpers import install_fake_dialogs
    from ui.app import create_main_window
    from ui.wizard import PageId

    dialogs = install_fake_dialogs(monkeypatch)
    window = create_main_window(library=LIBRARY)
    qtbot.addWidget(window)
    assert window.open_path(offered)
    window.wizard.go_to(PageId.REVIEW)
    assert window.wizard.currentId() == PageId.REVIEW
    pack = export_pdf(window.draft, tmp_path / "pack.pdf", LIBRARY)
    dialogs.open_path = str(fill(pack, {clinic_field_name(CHECKS[1]): "/Yes"}, tmp_path / "f.pdf"))
    assert window.import_answers()
    assert window.draft.offer.checks_done == [CHECKS[0], CHECKS[1]]
    while window.wizard.currentId() != PageId.OFFER:
        window.wizard.back()
    window.wizard.next()  # leaving the offer step writes what it shows
    assert window.draft.offer.checks_done == [CHECKS[0], CHECKS[1]]


def test_the_summary_names_the_checks_done(offered: Path) -> None:
    draft = load_draft(offered)
    text = dict(summary_lines(draft, LIBRARY))["Offer from a clinic"]
    first = load_vetting().checks[0].title
    assert f"Clinic checks done: 1 of {len(CHECKS)} ({first})" in text
    draft.offer.offered = None  # checks done before any offer: said too
    text = dict(summary_lines(draft, LIBRARY))["Offer from a clinic"]
    assert text == f"None noted.\nClinic checks done: 1 of {len(CHECKS)} ({first})"
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
