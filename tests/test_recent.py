"""Recent drafts on the welcome page, and opening drafts that cannot be opened."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from consultprep.models import SCHEMA_VERSION, Draft
from consultprep.storage import draft_to_bytes, save_draft
from tests.a11y_helpers import look, settle  # noqa: F401 - look is a fixture
from tests.test_wizard import page
from tests.ui_helpers import Dialogs
from ui import recent, settings
from ui.main_window import MainWindow
from ui.wizard import PageId


def a_draft(path: Path, name: str = "Ånna") -> Path:
    draft = Draft(concern="scars")
    draft.about.patient_name = name
    save_draft(draft, path)
    return path


def test_settings_are_kept_in_a_temporary_file_in_tests(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    recent.remember(tmp_path / "x.consultprep")
    kept = settings.settings_file()
    assert kept is not None and kept.is_file()
    assert kept.is_relative_to(tmp_path_factory.getbasetemp())  # never the real home
    assert "recent_drafts" in kept.read_text(encoding="utf-8")


def test_the_list_keeps_the_last_six_newest_first(tmp_path: Path) -> None:
    assert recent.recent_drafts() == []
    paths = [tmp_path / f"d{n}.consultprep" for n in range(8)]
    for path in paths:
        recent.remember(path)
    assert recent.recent_drafts() == paths[::-1][:6]
    recent.remember(paths[4])  # opened again: moves to the top, not listed twice
    assert recent.recent_drafts()[:2] == [paths[4], paths[7]]
    assert len(recent.recent_drafts()) == 6
    recent.forget(paths[7])
    assert paths[7] not in recent.recent_drafts()
    recent.remember("relative.consultprep")
    assert recent.recent_drafts()[0].is_absolute()


def test_a_name_that_is_not_utf8_is_remembered_byte_for_byte(tmp_path: Path) -> None:
    """Linux lets a file name hold any bytes; Python reads a stray one as a surrogate, which
    the settings file cannot keep as text (it came back as another name, not found)."""
    odd = tmp_path / os.fsdecode(b"caf\xe9 draft.consultprep")
    save_draft(Draft(), odd)
    plain = tmp_path / "Zoë.consultprep"
    recent.remember(odd, step=3)
    recent.remember(plain)
    assert recent.recent_drafts() == [plain, odd]
    assert recent.recent_drafts()[1].exists()
    assert recent.step_for(odd) == 3
    recent.forget(plain)
    assert recent.recent_drafts() == [odd]
    # A surrogate that stands for no byte (no file can have it): kept as text, no crash.
    strange = tmp_path / "a\ud800b.consultprep"
    recent.remember(strange)
    assert recent.recent_drafts()[1:] == [odd]


def test_opened_and_saved_drafts_appear_on_the_welcome_page(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    welcome = page(window, PageId.WELCOME)
    assert not welcome.recent_list.isVisibleTo(welcome)  # nothing yet: no empty heading
    opened = a_draft(tmp_path / "first & only.consultprep")
    assert window.open_path(opened)
    dialogs.save_path = str(tmp_path / "sub" / "second.consultprep")
    (tmp_path / "sub").mkdir()
    assert window.save_as()
    assert recent.recent_drafts() == [tmp_path / "sub" / "second.consultprep", opened]

    window.new_draft()
    welcome = page(window, PageId.WELCOME)
    assert welcome.recent_list.isVisibleTo(welcome)
    buttons = welcome.recent_list.buttons
    assert list(buttons) == recent.recent_drafts()
    button = buttons[opened]
    assert button.text() == "first && only"  # "&" is shown, not taken as a shortcut key
    assert button.accessibleName() == f"Open first & only.consultprep, in {tmp_path}"
    labels = [w.text() for w in welcome.recent_list.findChildren(type(welcome.title_label))]
    assert f"in {tmp_path}" in labels

    button.click()
    assert window.path == opened and window.draft.about.patient_name == "Ånna"
    assert recent.recent_drafts()[0] == opened


def test_a_recent_draft_that_has_gone_is_explained_and_taken_off(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    gone = a_draft(tmp_path / "gone.consultprep")
    kept = a_draft(tmp_path / "kept.consultprep")
    recent.remember(kept)
    recent.remember(gone)
    gone.unlink()
    window.new_draft()  # show the welcome page afresh
    welcome = page(window, PageId.WELCOME)
    welcome.recent_list.buttons[gone].click()
    [warning] = dialogs.texts("warning")
    assert warning == (
        "“gone.consultprep” could not be found. It may have been moved or deleted, "
        "so it has been taken off the list of recent drafts."
    )
    assert recent.recent_drafts() == [kept]
    assert list(welcome.recent_list.buttons) == [kept]
    assert window.path is None


def test_a_recent_draft_whose_folder_has_gone_stays_on_the_list(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    """(A draft on a memory stick not plugged in was taken off the list for good.)"""
    stick = tmp_path / "stick"
    stick.mkdir()
    away = a_draft(stick / "away.consultprep")
    recent.remember(away)
    away.unlink()
    stick.rmdir()  # as if unplugged
    window.new_draft()
    page(window, PageId.WELCOME).recent_list.buttons[away].click()
    [warning] = dialogs.texts("warning")
    assert "plug it in and try again" in warning and str(stick) in warning
    assert recent.recent_drafts() == [away]  # still there, for when it comes back


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


BROKEN = {
    "empty": (b"", "is empty"),
    "truncated": (draft_to_bytes(Draft(concern="scars"))[:120], "is damaged"),
    "binary": (bytes(range(256)) * 4, "is damaged or is not a ConsultPrep draft"),
    "wrong-typed": (
        _zip({"draft.json": b'{"schema_version": [3], "concern": 42, "photos": "many"}'}),
        "part of it is damaged",
    ),
    "future-version": (
        _zip({"draft.json": f'{{"schema_version": {SCHEMA_VERSION + 1}}}'.encode()}),
        "made by a newer version of ConsultPrep",
    ),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_draft_that_cannot_be_opened_gets_one_plain_sentence(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, kind: str
) -> None:
    data, words = BROKEN[kind]
    bad = tmp_path / f"{kind}.consultprep"
    bad.write_bytes(data)
    recent.remember(bad)
    current = a_draft(tmp_path / "current.consultprep", "Current")
    assert window.open_path(current)
    draft = window.draft
    welcome = page(window, PageId.WELCOME)
    welcome.recent_list.buttons[bad].click()  # from the welcome page …
    dialogs.open_path = str(bad)
    window.open_action.trigger()  # … and from File ▸ Open
    first, second = dialogs.texts("warning")
    assert first == second
    assert f"“{kind}.consultprep”" in first and words in first
    assert "Traceback" not in first and "\n" not in first and first.endswith(".")
    assert window.draft is draft and window.path == current  # the current draft is kept
    assert bad in recent.recent_drafts()  # a damaged file stays listed; only missing ones go
    assert bad.read_bytes() == data  # and it is never changed


def test_a_long_recent_name_at_large_text_keeps_the_page_inside_the_window(
    qtbot,
    window: MainWindow,
    dialogs: Dialogs,
    tmp_path: Path,
    look,  # noqa: F811 - the fixture
) -> None:
    """At 200 % text a long draft name is shortened in the middle on its button (whole in
    its name for screen readers and in its tip), and its folder is under it: the welcome
    page is no wider than the window (its text was cut at the right edge)."""
    from ui.recent_list import NameButton

    name = "my-skin-consultation-for-the-keloid-on-my-chest-notes-2026-12-05"
    long = a_draft(tmp_path / f"{name}.consultprep")
    recent.remember(long)
    look.set_scale(200)
    window.new_draft()
    window.resize(1000, 760)
    window.show()
    settle()
    welcome = page(window, PageId.WELCOME)
    button = welcome.recent_list.buttons[long]
    assert isinstance(button, NameButton)
    area = welcome.scroll_area if hasattr(welcome, "scroll_area") else None
    content = area.widget() if area is not None else welcome
    viewport = area.viewport().width() if area is not None else welcome.width()
    assert content.width() <= viewport, "nothing of the page is cut at the right edge"
    assert button.mapTo(content, button.rect().topRight()).x() < content.width()
    shown = button.text()
    assert "…" in shown and shown.startswith("my-skin") and shown.endswith("12-05")
    assert button.accessibleName() == f"Open {long.name}, in {tmp_path}"
    assert button.toolTip() == str(long)
    folder_label = next(
        w for w in welcome.recent_list.findChildren(type(welcome.title_label))
        if w.text() == f"in {tmp_path}"
    )
    # under the name, with the room to wrap (once the list is laid out: after some other
    # tests, in one process, that came a moment later than the settle above)
    qtbot.waitUntil(lambda: folder_label.y() > button.y(), timeout=2000)
    look.set_scale(100)
    settle()
    welcome = page(window, PageId.WELCOME)  # (the window restyled may have made it afresh)
    assert welcome.recent_list.buttons[long].text() == name  # room again for all of it


# --- "Carry on" goes back to the step a draft was left at ---------------------------------
def test_each_recent_draft_keeps_the_step_it_was_left_at(tmp_path: Path) -> None:
    a, b = tmp_path / "a.consultprep", tmp_path / "b.consultprep"
    recent.remember(a, 5)
    recent.remember(b)
    assert recent.step_for(a) == 5 and recent.step_for(b) is None
    recent.set_step(b, 3)
    recent.remember(a)  # opened again: keeps its step
    assert recent.step_for(a) == 5 and recent.step_for(b) == 3
    assert recent.recent_drafts() == [a, b]
    recent.set_step(tmp_path / "never opened.consultprep", 4)  # not added to the list
    assert recent.recent_drafts() == [a, b]
    recent.set_step(None, 6)  # work never saved to a file
    assert recent.step_for(None) == 6
    assert recent.step_for(tmp_path / "never opened.consultprep") is None


def test_a_damaged_remembered_step_is_ignored(tmp_path: Path) -> None:
    a = tmp_path / "a.consultprep"
    recent.remember(a)
    store = settings.app_settings()
    store.beginWriteArray(recent.ARRAY, 1)
    store.setArrayIndex(0)
    store.setValue("step", "not a number")
    store.endArray()
    store.sync()
    del store
    assert recent.step_for(a) is None and recent.recent_drafts() == [a]
    settings.write(recent.UNSAVED_STEP, "9" * 400)
    assert recent.step_for(None) is None


def test_carry_on_goes_back_to_the_step_the_draft_was_left_at(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot
) -> None:
    saved = tmp_path / "mine.consultprep"
    save_draft(Draft(concern="scars", subtype="acne"), saved)
    assert window.open_path(saved)
    welcome = page(window, PageId.WELCOME)
    assert welcome.carry_on_label.text().endswith("from step 1.")  # where it was: not known
    welcome.start_button.click()
    assert window.wizard.currentId() == PageId.CONCERN
    for _ in range(PageId.OFFER - PageId.CONCERN):
        window.wizard.next()
    assert window.wizard.currentId() == PageId.OFFER
    window.new_action.trigger()  # the step it was left at is remembered as it is left
    assert recent.step_for(saved) == PageId.OFFER

    assert window.open_path(saved)
    welcome = page(window, PageId.WELCOME)
    offer_title = window.wizard.pages[PageId.OFFER].title_label.text()
    assert f"step 5 of 8, “{offer_title}”" in welcome.carry_on_label.text()
    assert welcome.start_button.text() == "&Carry on"
    welcome.start_button.click()
    assert window.wizard.currentId() == PageId.OFFER
    # Every page on the way was entered, so Back goes back through them.
    window.wizard.back()
    assert window.wizard.currentId() == PageId.EVIDENCE

    # Back to the welcome page and "Carry on" again: to the step reached before going back.
    window.show()  # the welcome page's words are brought up to date as it is shown
    for _ in range(PageId.EVIDENCE):
        window.wizard.back()
    assert window.wizard.currentId() == PageId.WELCOME
    assert "step 5 of 8" in page(window, PageId.WELCOME).carry_on_label.text()
    page(window, PageId.WELCOME).start_button.click()
    assert window.wizard.currentId() == PageId.OFFER


def test_carry_on_stops_at_a_step_that_needs_an_answer(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    draft = Draft()  # no skin problem chosen, but something written
    draft.about.patient_name = "Sam"
    saved = tmp_path / "no problem chosen.consultprep"
    save_draft(draft, saved)
    recent.remember(saved, PageId.QUESTIONS)
    assert window.open_path(saved)
    welcome = page(window, PageId.WELCOME)
    assert welcome.carry_on_label.text().endswith("from step 1.")  # no promise it cannot keep
    welcome.start_button.click()
    assert window.wizard.currentId() == PageId.CONCERN  # Next needs a skin problem there


def test_a_new_draft_starts_at_step_one(window: MainWindow, dialogs: Dialogs) -> None:
    recent.set_step(None, PageId.REVIEW)  # left by earlier work that was never saved
    welcome = page(window, PageId.WELCOME)
    assert not welcome.carry_on_label.isVisibleTo(welcome)
    assert welcome.start_button.text() == "&Start a new draft"
    welcome.start_button.click()
    assert window.wizard.currentId() == PageId.CONCERN


def test_a_new_draft_does_not_take_the_last_unsaved_drafts_step(
    window: MainWindow, dialogs: Dialogs
) -> None:
    """The step kept for work never saved is that work's, for when it is recovered: File ▸
    New (or a new start) begins with no step, and "Carry on" goes where the new draft got to
    (it said step 8, and went there, for a draft on step 2: a walk-through with the keyboard)."""
    window.finish_start()
    recent.set_step(None, PageId.REVIEW)  # left by earlier work that was never saved
    window.new_action.trigger()
    assert window.wizard.resume_at is None
    page(window, PageId.WELCOME).start_button.click()
    assert window.wizard.currentId() == PageId.CONCERN
    assert window.wizard.resume_at == PageId.CONCERN


def test_going_back_and_on_again_keeps_the_furthest_step(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    saved = tmp_path / "mine.consultprep"
    save_draft(Draft(concern="scars", subtype="acne"), saved)
    recent.remember(saved, PageId.QUESTIONS)
    assert window.open_path(saved)
    page(window, PageId.WELCOME).start_button.click()
    assert window.wizard.currentId() == PageId.QUESTIONS
    for _ in range(3):
        window.wizard.back()
    window.wizard.next()  # to step 4, to look again
    assert window.wizard.currentId() == PageId.EVIDENCE
    assert window.wizard.resume_at == PageId.QUESTIONS


def test_a_damaged_count_of_recent_drafts_is_not_read_to_the_end(tmp_path: Path) -> None:
    """A settings file that says the list has two billion rows (damaged, or edited by hand):
    the window must still open (Qt would look up every row; only the first few are read)."""
    a = tmp_path / "a.consultprep"
    recent.remember(a)
    store = settings.app_settings()
    store.sync()
    file = Path(store.fileName())
    del store
    text = file.read_text(encoding="utf-8")
    assert "size=1" in text
    file.write_text(text.replace("size=1", "size=2000000000"), encoding="utf-8")
    assert recent.recent_drafts() == [a]


def test_settings_that_cannot_be_saved_are_said_once_quietly(
    window, read_only_folder: Path
) -> None:
    """A settings file that cannot be written (a read-only folder): text size, colours and
    recent drafts were not kept, with no word. A notice under the wizard says so, once."""
    from ui.keeping import SETTINGS_FAILED

    settings.use_settings_file(read_only_folder / "settings.ini")
    try:
        assert window._settings_notice is None
        settings.write("view/text_size", 150)
        recent.remember(read_only_folder / "a.consultprep")
        notice = window._settings_notice
        assert notice is not None and notice.text() == SETTINGS_FAILED
        assert str(read_only_folder) in notice.toolTip()
        assert window.notices.findChildren(type(notice)).count(notice) == 1
        assert notice.isVisibleTo(window) and notice.wordWrap()  # whole at any text size
    finally:
        settings.use_settings_file(None)
