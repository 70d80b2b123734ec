"""Telling a screen reader something it would not notice itself (such as a new page).

When the patient presses Next, the keyboard focus stays on Next (as Qt's wizards do), so a
screen reader has nothing new to say; the wizard asks it to announce the page instead. Qt
passes the announcement to the system's accessibility service (AT-SPI on Linux, UI Automation
on Windows, VoiceOver on macOS); with no screen reader running nothing is sent at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject


def announce(source: QObject, message: str) -> None:
    """Ask a running screen reader to say ``message`` once it has finished what it is saying.

    ``source`` is the widget the message is about (the screen reader may name its window).
    """
    # Imported at first use: making their enum types takes a couple of milliseconds, which
    # the first page need not wait for.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    if not message or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, message)
    QAccessible.updateAccessibility(event)
