"""A PDF is made on a thread of its own: the window keeps responding, and a PDF that takes a
while shows how far it has got and can be stopped, leaving nothing behind."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

import exports
import ui.export_helpers
import ui.pdf_progress
from tests.test_review_page import to_review
from ui.main_window import MainWindow
from ui.pdf_progress import STOPPING, ProgressWindow, made_in_background


def _progress_window() -> ProgressWindow | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressWindow)]
    return next((w for w in shown if w.isVisible()), None)


def _slow_pdfs(monkeypatch: pytest.MonkeyPatch, pause: float = 0.01) -> list[int]:
    """Make every PDF slow (a pause after each flowable) and the window with Stop appear at
    once; the pages the export reported, in order."""
    real = ui.export_helpers.make_pdf
    pages: list[int] = []

    def slow_make_pdf(*args, progress, **kwargs):
        def slowly(page: int) -> None:
            time.sleep(pause)
            pages.append(page)
            progress(page)

        return real(*args, progress=slowly, **kwargs)

    monkeypatch.setattr(ui.export_helpers, "make_pdf", slow_make_pdf)
    monkeypatch.setattr(ui.pdf_progress, "SHOW_AFTER", 0.01)
    monkeypatch.setattr(ui.pdf_progress, "LOOK_EVERY", 10)
    return pages


def _when_shown(act) -> list[ProgressWindow]:
    """Call ``act(window)`` once the progress window is up; the windows it was called with."""
    seen: list[ProgressWindow] = []

    def look() -> None:
        window = _progress_window()
        if window is None:
            QTimer.singleShot(5, look)
        elif "Working on page" in window.label.text() and not seen:  # pages are under way
            seen.append(window)
            act(window)
        elif not seen:
            QTimer.singleShot(5, look)

    QTimer.singleShot(0, look)
    return seen


def test_stop_leaves_no_pdf_and_says_so_plainly(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    pages = _slow_pdfs(monkeypatch)
    review = to_review(window, "scars")
    target = tmp_path / "pack.pdf"
    review.pdf_path_edit.setText(str(target))
    seen = _when_shown(lambda w: w.stop_button.click())
    started = time.perf_counter()
    assert review.save_pdf() is None
    assert time.perf_counter() - started < 5  # stopped part way, not run to the end
    assert len(seen) == 1
    assert pages and pages[-1] >= 2
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no part-made file either
    assert not review.error_label.isVisibleTo(review)  # stopping is not a fault
    assert "because you stopped it" in review.status_label.text()
    assert not review.open_pdf_button.isVisibleTo(review)
    assert QGuiApplication.overrideCursor() is None
    assert _progress_window() is None  # the small window has gone
    # and the next PDF is made in full
    monkeypatch.setattr(ui.pdf_progress, "SHOW_AFTER", 60)
    assert review.save_pdf() == target
    assert target.read_bytes().startswith(b"%PDF-")


def test_stop_keeps_the_pdf_that_was_there(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "pack.pdf"
    review = to_review(window, "inflammatory")
    review.pdf_path_edit.setText(str(target))
    assert review.save_pdf() == target
    before = target.read_bytes()
    _slow_pdfs(monkeypatch)
    _when_shown(lambda w: w.reject())  # Escape
    assert review.save_pdf() is None
    assert target.read_bytes() == before


def test_the_window_says_how_far_it_has_got_and_closing_it_stops(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    _slow_pdfs(monkeypatch)
    review = to_review(window, "ageing")
    review.pdf_path_edit.setText(str(tmp_path / "pack.pdf"))
    words: list[str] = []

    def close(progress: ProgressWindow) -> None:
        words.append(progress.label.text())
        assert progress.windowModality() == Qt.WindowModality.WindowModal
        assert progress.stop_button.isEnabled()
        assert progress.close() is False  # the close button stops the PDF, then waits
        assert progress.isVisible()
        words.append(progress.label.text())
        assert not progress.stop_button.isEnabled()

    _when_shown(close)
    assert review.save_pdf() is None
    assert words[0].startswith("Working on page ")
    assert words[1] == STOPPING
    assert not (tmp_path / "pack.pdf").exists()


def test_the_window_keeps_responding_while_a_pdf_is_made(qtbot) -> None:
    """Timers (so painting, typing, autosave) go on while the work runs."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    main_thread = threading.current_thread()
    threads: list[threading.Thread] = []

    def make(progress) -> Path:
        threads.append(threading.current_thread())
        # Well past SHOW_AFTER (the window waits that long before its own loop runs): with
        # 0.6 s of work, a busy machine (tests in two processes) left too little after it.
        for page in range(1, 150):
            time.sleep(0.01)
            progress(page)
        return Path("made.pdf")

    parent = QWidget()
    qtbot.addWidget(parent)
    assert made_in_background(parent, make) == Path("made.pdf")
    timer.stop()
    assert threads and threads[0] is not main_thread
    assert len(ticks) >= 10  # the window's own timers ran while the work went on


def test_a_quick_pdf_shows_no_window_and_errors_arrive_as_they_were(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[object] = []
    QTimer.singleShot(0, lambda: shown.append(_progress_window()))
    assert made_in_background(parent, lambda progress: Path("quick.pdf")) == Path("quick.pdf")

    def fails(progress) -> Path:
        raise exports.ExportError("The PDF could not be saved: the disk is full.")

    with pytest.raises(exports.ExportError, match="disk is full"):
        made_in_background(parent, fails)
    assert shown in ([], [None])
    assert QGuiApplication.overrideCursor() is None


def test_export_pdf_stops_when_progress_says_so(tmp_path: Path) -> None:
    """The export itself: stopped part way, nothing is written, and the pages it reported
    went up in order."""
    from consultprep.content import load_library
    from consultprep.storage import load_draft

    draft = load_draft(Path("resources/examples/scars.consultprep"))
    pages: list[int] = []

    def progress(page: int) -> None:
        pages.append(page)
        if page >= 3:
            raise exports.ExportCancelled()

    target = tmp_path / "pack.pdf"
    with pytest.raises(exports.ExportCancelled, match="because you stopped it"):
        exports.export_pdf(draft, target, load_library(), progress=progress)
    assert not target.exists()
    assert pages[0] == 0 and pages == sorted(pages) and pages[-1] == 3


def test_stop_from_the_menu_shows_no_warning(qtbot, tmp_path: Path, monkeypatch) -> None:
    """File ▸ Export: stopping is said in the status bar; no "Could not save" warning."""
    from consultprep.storage import load_draft
    from tests.a11y_helpers import open_window
    from tests.ui_helpers import install_fake_dialogs

    dialogs = install_fake_dialogs(monkeypatch)
    window = open_window(qtbot, load_draft(Path("resources/examples/chronic-wound.consultprep")))
    dialogs.save_path = str(tmp_path / "menu.pdf")
    _slow_pdfs(monkeypatch)
    _when_shown(lambda progress: progress.stop_button.click())
    assert window.export_pdf() is None
    assert dialogs.messages == []
    assert "because you stopped it" in window.statusBar().currentMessage()
    assert not (tmp_path / "menu.pdf").exists()
