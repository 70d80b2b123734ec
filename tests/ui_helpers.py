"""Shared set-up for the UI tests: a main window, and modal dialogs replaced by recorders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ui.long_message import LongMessage


@dataclass
class Dialogs:
    """What the code under test tried to show, and what the fake dialogs answer."""

    messages: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)
    question_answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard
    save_path: str = ""
    open_path: str = ""
    open_paths: list[str] = field(default_factory=list)  # for "Add photos…"
    file_dialogs: list[str] = field(default_factory=list)

    def texts(self, kind: str | None = None) -> list[str]:
        """The texts of the messages shown (of one kind, if given)."""
        return [t for k, _, t in self.messages if kind is None or k == kind]


def install_fake_dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Replace every modal dialog the app uses with a recorder that returns at once."""
    dialogs = Dialogs()

    kinds = {
        QMessageBox.Icon.Warning: "warning",
        QMessageBox.Icon.Information: "information",
        QMessageBox.Icon.Question: "question",
        QMessageBox.Icon.Critical: "critical",
    }

    def box_exec(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText, "messages are plain text"
        kind = kinds.get(box.icon(), "other")
        # (without the zero-width spaces that let a long file name wrap: ui.widgets.breakable)
        dialogs.messages.append((kind, box.windowTitle(), box.text().replace("\u200b", "")))
        if kind == "question":
            return int(dialogs.question_answer.value)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", box_exec)

    def long_exec(window: LongMessage) -> int:  # a message too tall for a box (ui.dialogs)
        text = window.label.text().replace("\u200b", "")
        dialogs.messages.append((kinds.get(window.icon, "other"), window.windowTitle(), text))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(LongMessage, "exec", long_exec)

    def unexpected(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("use ui.dialogs, not QMessageBox's static functions")

    for name in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(unexpected))

    def get_save(_parent: Any, caption: str = "", start: str = "", *a: Any, **k: Any):
        dialogs.file_dialogs.append(f"save:{caption}:{start}")
        return dialogs.save_path, ""

    def get_open(_parent: Any, caption: str = "", start: str = "", *a: Any, **k: Any):
        dialogs.file_dialogs.append(f"open:{caption}:{start}")
        return dialogs.open_path, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))

    def get_open_many(_parent: Any, caption: str = "", start: str = "", *a: Any, **k: Any):
        dialogs.file_dialogs.append(f"open many:{caption}:{start}")
        return list(dialogs.open_paths), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open_many))
    return dialogs
