"""Workers that report back after their window has gone stop quietly (ui/threads.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, Signal

from consultprep.models import Draft
from consultprep.photos import PhotoError
from ui import photo_import
from ui.autosave_controller import AutosaveController
from ui.threads import report


def delete_now(obj: QObject) -> None:
    """Delete ``obj`` (and its children) on the spot, as closing its window does."""
    obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class _Sender(QObject):
    said = Signal(str)


def test_report_says_whether_anyone_could_hear(qapp) -> None:
    owner = QObject()
    sender = _Sender(owner)
    heard: list[str] = []
    sender.said.connect(heard.append)
    assert report(sender.said, "hello") is True
    assert heard == ["hello"]
    delete_now(owner)
    assert report(sender.said, "anyone?") is False


def test_report_lets_other_errors_through(qapp) -> None:
    class Broken:
        def emit(self, *args: object) -> None:
            raise RuntimeError("something else went wrong")

    with pytest.raises(RuntimeError, match="something else"):
        report(Broken())


def test_an_autosave_finishing_after_its_window_closed_is_still_written_quietly(
    qapp, tmp_path: Path, capfd
) -> None:
    owner = QObject()
    controller = AutosaveController(tmp_path, lambda: (Draft(), None), owner)
    started, go_on = threading.Event(), threading.Event()
    save = controller.autosave.save

    def slow_save(*args):
        started.set()
        go_on.wait(5)
        save(*args)

    controller.autosave.save = slow_save
    controller.save_now()
    assert started.wait(5)
    timer = threading.Timer(0.2, go_on.set)  # the window is gone before the write ends
    timer.start()
    delete_now(owner)  # its thread pool waits for the write
    timer.join()
    assert controller.autosave.draft_path.exists()  # the work was still written
    assert "Traceback" not in capfd.readouterr().err


def test_photos_being_cleaned_when_the_window_closes_stop_quietly(qapp, monkeypatch, capfd) -> None:
    cleaned: list[str] = []
    started, go_on = threading.Event(), threading.Event()

    def slow_clean(path: str):
        cleaned.append(path)
        started.set()
        go_on.wait(5)
        raise PhotoError(f"{path} could not be added.")

    monkeypatch.setattr(photo_import, "clean_photo", slow_clean)
    owner = QObject()
    job = photo_import.PhotoImport(["a.jpg", "b.jpg", "c.jpg"], owner)
    pool = QThreadPool()
    job.start(pool)
    assert started.wait(5)
    delete_now(owner)
    go_on.set()
    assert pool.waitForDone(5000)
    assert cleaned == ["a.jpg"]  # no one is waiting for the others
    assert "Traceback" not in capfd.readouterr().err
