"""The recent list on a computer several people use: each draft can be taken off it, or all,
and the drafts themselves stay (a privacy review of a shared family laptop, 2026-12-08)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from consultprep.models import Draft
from consultprep.storage import save_draft
from ui import recent
from ui.recent_list import CLEAR_HINT, RecentList


def test_a_draft_or_the_whole_list_can_be_taken_off_without_deleting_a_draft(
    qtbot, tmp_path: Path
) -> None:
    paths = [tmp_path / f"{name}.consultprep" for name in ("Margaret", "Tom", "Priya")]
    for path in paths:
        save_draft(Draft(), path)
        recent.remember(path)
    shown = RecentList()
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    emptied: list[bool] = []
    shown.emptied.connect(lambda: emptied.append(True))
    assert set(shown.buttons) == set(paths)
    assert any(label.text() == CLEAR_HINT for label in shown.findChildren(QLabel))
    margaret = shown.buttons[paths[0]]
    assert margaret.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    (remove,) = margaret.actions()
    assert "Remove from this list" in remove.text().replace("&", "")
    remove.trigger()
    assert paths[0] not in recent.recent_drafts() and paths[0].exists()
    assert set(shown.buttons) == set(paths[1:])
    # The focus goes to the draft that took its place (it went to Next, and Enter then went
    # on to step 1).
    tom = shown.buttons[paths[1]]  # (Margaret's was below it)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tom)
    shown.clear_button.click()
    assert recent.recent_drafts() == [] and all(p.exists() for p in paths)
    assert shown.isHidden() and emptied == [True]  # (the welcome page then focuses Open)


def test_the_settings_file_is_readable_by_this_account_only(tmp_path: Path) -> None:
    """It lists the recent drafts; Qt wrote it readable by every account (0644)."""
    import os

    from ui import settings

    path = tmp_path / "Tom.consultprep"
    save_draft(Draft(), path)
    recent.remember(path)
    name = settings.app_settings().fileName()
    os.chmod(name, 0o644)
    recent.remember(path)
    assert os.stat(name).st_mode & 0o777 == 0o600
