"""A label, field and button row (``ui.field_row``): the label goes above when narrow."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from ui.field_row import FieldRow


def test_the_label_goes_above_when_the_field_would_be_cramped_and_back(qtbot) -> None:
    label, field, button = QLabel("Add your own question:"), QLineEdit(), QPushButton("Add")
    row = FieldRow(label, field, button)
    qtbot.addWidget(row)
    row.resize(900, 80)
    row.show()
    qtbot.waitExposed(row)
    assert row.stacked is False
    assert label.geometry().right() < field.geometry().left() < button.geometry().left()
    narrow = row.minimumSizeHint().width() + 10  # narrower than one row needs ...
    assert not row.wide_enough(narrow)
    row.resize(narrow, 120)  # ... but a window this narrow is not held wider
    qtbot.waitUntil(lambda: row.stacked is True)
    qtbot.waitUntil(lambda: field.geometry().top() > label.geometry().bottom())
    assert field.width() > narrow // 2  # the field has the row's width, beside its button
    assert button.geometry().left() > field.geometry().right()
    row.resize(900, 80)
    qtbot.waitUntil(lambda: row.stacked is False)
    qtbot.waitUntil(lambda: label.geometry().right() < field.geometry().left())
