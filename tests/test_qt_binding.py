"""The Qt binding keeps Python's reference counts right (PySide6 6.12.0 on Python 3.11 did not).

PySide6 6.12.0 dropped a reference to None each time a Qt call returned nothing (``update()``,
``setText()``, ``parentWidget()`` of a window...). On Python 3.11, where None is not immortal,
the app then crashed with "deallocating None" after a few thousand calls. pyproject.toml
excludes that version; this test catches any other binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_calls_that_return_nothing_keep_none_alive(qapp) -> None:
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()  # returns void
        widget.parentWidget()  # returns a null pointer
        widget.setObjectName("x")
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"the Qt binding lost {lost} references to None in 6,000 calls"
