"""A draft is never saved larger than ConsultPrep can open again (a bad-input hunt: seven
pasted web pages saved, then the draft and its autosave could not be opened)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from consultprep import draft_container
from consultprep.autosave import Autosave
from consultprep.draft_size import TooLargeToSave
from consultprep.models import Draft
from consultprep.photos import add_photo
from consultprep.storage import DraftError, load_draft, save_draft


def _draft(tmp_path: Path) -> Draft:
    draft = Draft(concern="scars")
    draft.about.symptoms = "A pasted web page. " * 200
    picture = tmp_path / "photo.png"
    Image.new("RGB", (64, 48), (200, 150, 120)).save(picture)
    add_photo(draft, picture)
    return draft


def test_too_many_words_are_not_saved_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = _draft(tmp_path)
    path = tmp_path / "mine.consultprep"
    save_draft(draft, path)
    before = path.read_bytes()
    monkeypatch.setattr(draft_container, "MAX_JSON_BYTES", 2000)
    draft.about.goals = "More words. " * 100
    with pytest.raises(TooLargeToSave) as caught:
        save_draft(draft, path)
    assert "shorten the longest text" in str(caught.value)
    assert path.read_bytes() == before  # the last good save is kept
    monkeypatch.undo()
    assert load_draft(path).about.symptoms == draft.about.symptoms


def test_too_many_photos_are_not_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = _draft(tmp_path)
    monkeypatch.setattr(draft_container, "MAX_UNPACKED_BYTES", len(draft.photos[0].data))
    with pytest.raises(TooLargeToSave) as caught:
        save_draft(draft, tmp_path / "mine.consultprep")
    assert "remove some photos" in str(caught.value)
    assert not (tmp_path / "mine.consultprep").exists()


def test_what_can_be_saved_can_be_opened_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = _draft(tmp_path)
    path = tmp_path / "mine.consultprep"
    text = len(draft.model_dump_json(indent=2)) + 200
    monkeypatch.setattr(draft_container, "MAX_JSON_BYTES", text)
    save_draft(draft, path)
    assert load_draft(path).about.symptoms == draft.about.symptoms


def test_the_autosave_refuses_it_with_the_same_plain_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(The window shows an autosave's DraftError once, with "not autosaved": see
    test_autosave_ui.)"""
    draft = _draft(tmp_path)
    monkeypatch.setattr(draft_container, "MAX_JSON_BYTES", 100)
    autosave = Autosave(tmp_path / "autosave")
    with pytest.raises(DraftError) as caught:
        autosave.save(draft)
    assert str(caught.value).startswith("This draft is too large to save")
    assert not autosave.draft_path.exists()


def test_the_window_says_why_and_does_not_offer_another_place(
    window, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.draft.about.symptoms = "Words. " * 400
    monkeypatch.setattr(draft_container, "MAX_JSON_BYTES", 1000)
    dialogs.save_path = str(tmp_path / "mine")
    window.save_action.trigger()
    kinds = [kind for kind, _, _ in dialogs.messages]
    assert kinds == ["warning"], dialogs.messages
    assert "too large to save" in dialogs.messages[0][2]
    assert not (tmp_path / "mine.consultprep").exists()
    assert window.path is None and window.draft.about.symptoms.startswith("Words.")  # still open


def test_a_file_larger_than_opening_allows_is_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from consultprep import storage

    draft = _draft(tmp_path)
    monkeypatch.setattr(storage, "MAX_DRAFT_BYTES", len(draft.photos[0].data))
    with pytest.raises(TooLargeToSave) as caught:
        save_draft(draft, tmp_path / "mine.consultprep")
    assert "the file comes to over" in str(caught.value)
