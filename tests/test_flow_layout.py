"""The wrapping row of buttons (ui.flow_layout): order, wrapping, and items Python lost."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QWidget
from shiboken6 import invalidate

from ui.flow_layout import FlowLayout


def _row(qtbot, count: int = 3) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host, spacing=6)
    buttons = [QPushButton(f"Button number {n}") for n in range(count)]
    for button in buttons:
        flow.addWidget(button)
    return host, flow, buttons


def test_items_keep_their_order_and_wrap_when_narrow(qtbot) -> None:
    _host, flow, buttons = _row(qtbot)
    assert [flow.itemAt(n).widget() for n in range(flow.count())] == buttons
    wide = sum(b.sizeHint().width() for b in buttons) + 100
    one_line = flow.heightForWidth(wide)
    narrow = max(b.sizeHint().width() for b in buttons)
    assert flow.heightForWidth(narrow) > 2 * one_line, "one button a line"
    flow.setGeometry(QRect(0, 0, narrow, flow.heightForWidth(narrow)))
    tops = [b.geometry().top() for b in buttons]
    assert tops == sorted(set(tops)), "one under the other, in order"


def test_an_item_python_was_told_is_gone_is_left_out_not_used(qtbot) -> None:
    """A window being replaced deletes its buttons before Qt stops asking their row for its
    size; using the lost item raised an error in each of Qt's questions and then stopped the
    app."""
    _host, flow, buttons = _row(qtbot)
    invalidate(flow.itemAt(0))  # as shiboken does when the button's wrapper is destroyed
    assert flow.count() == 2
    assert [flow.itemAt(n).widget() for n in range(flow.count())] == buttons[1:]
    assert flow.sizeHint().width() > 0 and flow.minimumSize().width() > 0
    assert flow.heightForWidth(50) > 0
    flow.setGeometry(QRect(0, 0, 400, 200))
    assert flow.takeAt(0).widget() is buttons[1]
    assert flow.count() == 1


def test_a_balanced_group_shares_its_lines_evenly_and_the_rest_flow_after(qtbot) -> None:
    """The scores 0 to 10 wrap as 0-5 and 6-10 (not 0-8 and 9-10) when they need two lines;
    "Not answered" follows them as usual."""
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host, spacing=4, balanced=11)
    flow.setContentsMargins(0, 0, 0, 0)
    numbers = [QPushButton(str(n)) for n in range(11)]
    for button in numbers:
        button.setFixedWidth(50)
        flow.addWidget(button)
    last = QPushButton("Not answered")
    last.setFixedWidth(130)
    flow.addWidget(last)

    def lines_at(width: int) -> list[list[int]]:
        flow.setGeometry(QRect(0, 0, width, flow.heightForWidth(width)))
        tops = sorted({b.geometry().top() for b in numbers})
        return [[n for n, b in enumerate(numbers) if b.geometry().top() == t] for t in tops]

    one_line = 11 * 54 + 134
    assert lines_at(one_line) == [list(range(11))]
    assert last.geometry().top() == numbers[0].geometry().top()
    assert lines_at(11 * 54) == [list(range(11))]  # only "Not answered" goes down
    assert last.geometry().top() > numbers[0].geometry().top()
    assert lines_at(9 * 54) == [list(range(6)), list(range(6, 11))]  # greedy: 0-8 and 9-10
    assert last.geometry().top() == numbers[10].geometry().top()  # room beside 6-10
    assert lines_at(4 * 54) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10]]
    for width in range(134, one_line + 20, 7):  # from the widest item
        lines = lines_at(width)
        assert [n for line in lines for n in line] == list(range(11))
        assert max(map(len, lines)) - min(map(len, lines)) <= 1, (width, lines)
        assert all(b.geometry().right() < width for b in [*numbers, last]), width
