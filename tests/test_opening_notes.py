"""Opening with a note: work recovered with a part left out is kept whole, and a draft opened
later is fitted to this version's content as one opened at start is (from a bad-input review)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from consultprep.models import Draft
from consultprep.storage import load_draft, save_draft
from tests.test_autosave_ui import LIBRARY, crashed_run, wait_until_autosaved
from tests.ui_helpers import Dialogs
from ui.app import create_main_window
from ui.main_window import MainWindow

Button = QMessageBox.StandardButton


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "autosave"


def test_work_recovered_with_a_part_left_out_is_kept_whole_under_another_name(
    qtbot, dialogs: Dialogs, folder: Path
) -> None:
    """Recovering it must not delete what could not be read (it once did, a moment later,
    while the note said the draft file was unchanged: there was none)."""
    left = crashed_run(folder, Draft())
    data = json.loads(Draft(concern="scars").model_dump_json())
    data["about"]["patient_name"] = "Ada"
    data["about"]["scores"]["itch"] = 11  # not a score: left out
    data["from_a_newer_version"] = {"important": "kept"}
    original = json.dumps(data).encode()
    left.draft_path.write_bytes(original)
    recovered = create_main_window(library=LIBRARY, autosave_folder=folder)
    recovered.autosave.timer.setInterval(0)
    qtbot.addWidget(recovered)
    dialogs.question_answer = Button.Yes
    assert recovered.offer_recovery()
    assert recovered.draft.about.patient_name == "Ada"
    [kept] = folder.glob("damaged-*.consultprep")
    assert kept.read_bytes() == original  # whole, with what could not be read
    [note] = [t for t in dialogs.texts("information") if "left out" in t]
    assert f"called “{kept.name}”" in note and "not changed until you save" not in note
    wait_until_autosaved(qtbot, recovered)
    assert kept.read_bytes() == original  # not deleted once our own autosave is written
    assert load_draft(recovered.autosave.autosave.draft_path).about.patient_name == "Ada"
    assert not recovered.offer_recovery()  # and not offered again


def test_a_draft_opened_later_is_fitted_to_the_content_as_at_start(
    qtbot, dialogs: Dialogs, tmp_path: Path
) -> None:
    """File ▸ Open keeps a newer version's question as the patient's own, with a note, as
    opening the same draft at start does (it was dropped without a word)."""
    from consultprep.models import ChecklistItem

    newer = Draft(concern="a-newer-concern")
    newer.checklist = [ChecklistItem(id="scars-q-newer", text="Will the new laser help?",
                                     source="concern")]
    save_draft(newer, tmp_path / "newer.consultprep")
    window: MainWindow = create_main_window(library=LIBRARY, autosave_folder=tmp_path / "a")
    qtbot.addWidget(window)
    assert window.open_path(tmp_path / "newer.consultprep")
    notes = " ".join(dialogs.texts("information"))
    assert "kept as your own" in notes and "choose your skin problem again" in notes
    assert [i.text for i in window.draft.checklist if i.source == "own"] == [
        "Will the new laser help?"]
    assert not window.is_modified()  # fitting is not an edit
