"""A damaged draft file loses only what is damaged: one bad photo, a file cut short while it
was copied, a part far too large; parts ConsultPrep does not use are kept
(consultprep.draft_container)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from consultprep import draft_container
from consultprep.draft_container import CUT_SHORT, DAMAGED_TEXT
from consultprep.models import Draft
from consultprep.photos import add_photo
from consultprep.storage import DraftError, draft_to_bytes, load_draft


def _saved_draft(tmp_path: Path, photos: int = 2) -> tuple[Draft, bytes]:
    draft = Draft(concern="scars")
    draft.about.symptoms = "Raised and itchy"
    for n in range(photos):
        picture = tmp_path / f"photo{n}.png"
        Image.new("RGB", (64, 48), (200, 150 - 40 * n, 120)).save(picture)
        add_photo(draft, picture, caption=f"Photo {n + 1}")
    return draft, draft_to_bytes(draft)


def _part(raw: bytes, name: str) -> tuple[int, int]:
    """Where a part's bytes start in the file, and how many there are."""
    info = zipfile.ZipFile(io.BytesIO(raw)).getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    return start, info.compress_size


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "damaged.consultprep"
    path.write_bytes(data)
    return path


def test_a_damaged_photo_is_left_out_and_the_rest_is_kept(tmp_path: Path) -> None:
    draft, raw = _saved_draft(tmp_path)
    first, second = draft.photos
    start, size = _part(raw, f"photos/{first.id}.jpg")
    damaged = bytearray(raw)
    damaged[start + size // 2] ^= 0xFF  # one byte of the first photo
    path = _write(tmp_path, bytes(damaged))
    opened = load_draft(path)
    assert opened.about.symptoms == "Raised and itchy"
    assert [p.id for p in opened.photos] == [second.id]
    assert opened.photos[0].data == second.data
    assert opened.load_notes == ["1 photo inside the draft is damaged and was left out."]
    assert path.read_bytes() == bytes(damaged)  # the file is not changed until saved


def test_a_draft_cut_short_keeps_what_came_before_the_cut(tmp_path: Path) -> None:
    draft, raw = _saved_draft(tmp_path)
    first, second = draft.photos
    start, size = _part(raw, f"photos/{second.id}.jpg")
    opened = load_draft(_write(tmp_path, raw[: start + size // 2]))  # cut in the second photo
    assert opened.about.symptoms == "Raised and itchy" and opened.concern == "scars"
    assert [p.id for p in opened.photos] == [first.id]
    assert opened.photos[0].data == first.data
    assert opened.load_notes == [
        CUT_SHORT,
        "1 photo could not be found inside the draft and was left out.",
    ]
    # Cut just after the text: everything but the photos.
    start, _size = _part(raw, f"photos/{first.id}.jpg")
    opened = load_draft(_write(tmp_path, raw[: start - 1]))
    assert opened.about.symptoms == "Raised and itchy" and opened.photos == []


@pytest.mark.parametrize("where", ["cut", "flipped"])
def test_a_draft_whose_text_is_damaged_is_refused_plainly(tmp_path: Path, where: str) -> None:
    _draft, raw = _saved_draft(tmp_path, photos=1)
    start, size = _part(raw, "draft.json")
    if where == "cut":
        damaged = raw[: start + size // 2]
    else:
        flipped = bytearray(raw)
        flipped[start + size // 2] ^= 0xFF
        damaged = bytes(flipped)
    with pytest.raises(DraftError) as caught:
        load_draft(_write(tmp_path, damaged))
    assert str(caught.value) == "“damaged.consultprep” is damaged, so it could not be opened."


def test_text_that_fails_only_its_check_sum_opens_with_a_note(tmp_path: Path) -> None:
    _draft, raw = _saved_draft(tmp_path, photos=1)
    # The check sum kept in the list of parts at the end is damaged; the text is whole.
    entry = raw.rindex(b"PK\x01\x02", 0, raw.index(b"draft.json", raw.index(b"PK\x01\x02")))
    damaged = bytearray(raw)
    damaged[entry + 16] ^= 0x01  # the first byte of its CRC-32
    path = _write(tmp_path, bytes(damaged))
    opened = load_draft(path)
    assert opened.about.symptoms == "Raised and itchy" and len(opened.photos) == 1
    assert opened.load_notes == [DAMAGED_TEXT]
    assert path.read_bytes() == bytes(damaged)  # the file is not changed until saved


def test_text_with_a_changed_letter_opens_with_a_note(tmp_path: Path) -> None:
    draft = Draft(concern="scars")
    draft.about.symptoms = "Raised and itchy"
    raw = draft_to_bytes(draft)
    # Stored, not packed, so that one byte of the file is one letter of the text.
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            copy.writestr(info.filename, source.read(info), zipfile.ZIP_STORED)
    raw = buffer.getvalue()
    at = raw.index(b"Raised and itchy")
    damaged = raw[:at] + b"Raisad" + raw[at + 6 :]
    opened = load_draft(_write(tmp_path, damaged))
    assert opened.about.symptoms == "Raisad and itchy"  # the patient is asked to read it
    assert opened.load_notes == [DAMAGED_TEXT]


def test_a_part_far_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft, raw = _saved_draft(tmp_path)
    path = _write(tmp_path, raw)
    # A photo larger than any ConsultPrep keeps: that photo is left out.
    monkeypatch.setattr(draft_container, "MAX_PHOTO_BYTES", len(draft.photos[0].data) - 1)
    opened = load_draft(path)
    assert opened.about.symptoms == "Raised and itchy"
    assert len(opened.photos) < 2 and opened.load_notes
    # The draft's own text far too large: refused, saying which file.
    monkeypatch.setattr(draft_container, "MAX_JSON_BYTES", 10)
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert str(caught.value) == (
        "“damaged.consultprep” holds a part that is far too large, so it was not opened."
    )


def test_random_bytes_after_a_good_start_are_not_read_as_parts(tmp_path: Path) -> None:
    _draft, raw = _saved_draft(tmp_path, photos=0)
    start, size = _part(raw, "draft.json")
    # The text's part, then rubbish where the next part would be (no end, no list of parts).
    opened = load_draft(_write(tmp_path, raw[: start + size] + b"PK\x03\x04" + b"\xff" * 40))
    assert opened.about.symptoms == "Raised and itchy"
    assert opened.load_notes == [CUT_SHORT]


def test_parts_this_version_does_not_use_are_kept_and_saved_again(tmp_path: Path) -> None:
    from consultprep.storage import save_draft

    draft, raw = _saved_draft(tmp_path, photos=1)
    path = _write(tmp_path, raw)
    with zipfile.ZipFile(path, "a") as zf:  # as a newer version might have written it
        zf.writestr("voice/note1.m4a", b"a voice note")
        zf.writestr("photos/orphan.jpg", b"not listed in the draft")
    opened = load_draft(path)
    assert opened.other_parts == {
        "voice/note1.m4a": b"a voice note",
        "photos/orphan.jpg": b"not listed in the draft",
    }
    assert opened.load_notes == [
        (
            "The draft file holds 2 parts that this version of ConsultPrep does not use "
            "(perhaps from a newer version). They are kept as they are when you save."
        )
    ]
    assert [p.data for p in opened.photos] == [draft.photos[0].data]
    again = tmp_path / "again.consultprep"
    save_draft(opened, again)
    with zipfile.ZipFile(again) as zf:
        assert zf.read("voice/note1.m4a") == b"a voice note"
        assert zf.read("photos/orphan.jpg") == b"not listed in the draft"
    reopened = load_draft(again)
    assert reopened.other_parts == opened.other_parts
    assert reopened.model_dump() == opened.model_dump()


def test_a_damaged_photo_is_not_also_counted_as_an_unused_part(tmp_path: Path) -> None:
    draft, raw = _saved_draft(tmp_path, photos=1)
    start, size = _part(raw, f"photos/{draft.photos[0].id}.jpg")
    damaged = bytearray(raw)
    damaged[start + size // 2] ^= 0xFF
    opened = load_draft(_write(tmp_path, bytes(damaged)))
    assert opened.other_parts == {}
    assert opened.load_notes == ["1 photo inside the draft is damaged and was left out."]


def test_a_small_file_that_unpacks_to_gigabytes_opens_without_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A "zip bomb": parts that unpack to far more than any draft holds are left out, with a
    note, and the text and photos before them are kept (the limits are made small here)."""
    draft, raw = _saved_draft(tmp_path, photos=2)
    path = _write(tmp_path, raw)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        for n in range(20):
            zf.writestr(f"x/{n}", bytes(4000))  # 20 parts of 4 kB, a few bytes each packed
    with zipfile.ZipFile(path) as zf:
        text = zf.getinfo("draft.json").file_size
    monkeypatch.setattr(draft_container, "MAX_OTHER_BYTES", 10_000)  # room for 2 of them
    opened = load_draft(path)
    assert opened.about.symptoms == "Raised and itchy" and len(opened.photos) == 2
    assert list(opened.other_parts) == ["x/0", "x/1"]
    assert "The draft file holds 18 parts of extra data that were far too large, so they " \
        "were left out. Your answers are not changed." in opened.load_notes
    # All the parts together: the second photo is past the limit, and so are the others.
    first = len(draft.photos[0].data)
    monkeypatch.setattr(draft_container, "MAX_UNPACKED_BYTES", text + first + 100)
    opened = load_draft(path)
    assert opened.about.symptoms == "Raised and itchy" and len(opened.photos) == 1
    assert "1 photo inside the draft is far too large and was left out." in opened.load_notes
    # a file cut short (read part by part from the start) stops at the limit too
    cut = _write(tmp_path, path.read_bytes()[:-30])
    opened = load_draft(cut)
    assert opened.about.symptoms == "Raised and itchy"
    assert [p.data for p in opened.photos] == [draft.photos[0].data]


def test_a_draft_too_large_for_the_memory_is_refused_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _draft, raw = _saved_draft(tmp_path, photos=0)
    path = _write(tmp_path, raw)

    def no_memory(*_args: object) -> Draft:
        raise MemoryError

    monkeypatch.setattr(draft_container, "draft_from_container", no_memory)
    with pytest.raises(DraftError, match="too large to open on this computer"):
        load_draft(path)


def test_photos_whose_details_were_lost_are_put_back(tmp_path: Path) -> None:
    """The draft's text lost its list of photos (damaged, or changed by hand): the pictures
    in the file come back, at the end, without their captions and dates, with a note. They
    were kept only as unused parts, never to be seen again."""
    import json

    draft, raw = _saved_draft(tmp_path, photos=2)
    path = _write(tmp_path, raw)
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    text = json.loads(parts["draft.json"])
    text["photos"] = {"p1": text["photos"][0]}  # not a list: the list is lost
    parts["draft.json"] = json.dumps(text).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    opened = load_draft(path)
    assert opened.about.symptoms == "Raised and itchy"
    assert sorted(p.data for p in opened.photos) == sorted(p.data for p in draft.photos)
    assert {p.id for p in opened.photos} == {p.id for p in draft.photos}
    assert all(p.caption == "" and p.taken_on is None for p in opened.photos)
    assert opened.other_parts == {}
    assert "2 photos had lost their captions and dates in the draft file." in " ".join(
        opened.load_notes
    )
    assert not [n for n in opened.load_notes if "does not use" in n]


def test_each_part_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A part named like a photo that is not one is looked at as a photo, then kept as an
    unused part: read once (each read counts against the limit on all the parts)."""
    from collections import Counter

    _draft, raw = _saved_draft(tmp_path, photos=1)
    path = _write(tmp_path, raw)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("photos/notaphoto.jpg", b"not a picture")
    reads: Counter[str] = Counter()
    real = draft_container.read_part

    def counted(zf: zipfile.ZipFile, member: str, limit: int) -> bytes | None:
        reads[member] += 1
        return real(zf, member, limit)

    monkeypatch.setattr(draft_container, "read_part", counted)
    opened = load_draft(path)
    assert opened.other_parts == {"photos/notaphoto.jpg": b"not a picture"}
    assert reads and max(reads.values()) == 1, reads


def test_a_list_of_parts_claiming_a_newer_zip_version_is_read_part_by_part(
    tmp_path: Path,
) -> None:
    """One damaged byte in the list of parts at the end ("version needed to extract" 6.4,
    which Python does not read) stopped the app with NotImplementedError, and an autosave so
    damaged was offered, and stopped it, at every start (a helper's fuzzing)."""
    draft, raw = _saved_draft(tmp_path)
    damaged = bytearray(raw)
    listed = damaged.find(b"PK\x01\x02")  # the first entry of the list of parts
    damaged[listed + 6] = 64
    opened = load_draft(_write(tmp_path, bytes(damaged)))
    assert opened.about.symptoms == "Raised and itchy"
    assert [p.data for p in opened.photos] == [p.data for p in draft.photos]
    assert opened.load_notes == [CUT_SHORT]
