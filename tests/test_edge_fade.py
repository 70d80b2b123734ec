"""A page's content fades out at the foot of its scroll area while more is below
(ui.edge_fade), so a cut-off line reads as "scroll for more", not as clipped text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPalette, QRegion
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from tests.a11y_helpers import look  # noqa: F401 - a fixture
from ui.edge_fade import PageScrollArea
from ui.widgets import scrolling


def _area(qtbot, lines: int) -> tuple[PageScrollArea, QWidget]:
    content = QWidget()
    layout = QVBoxLayout(content)
    for n in range(lines):
        layout.addWidget(QLabel(f"Line {n + 1}"))
    area = scrolling(content)
    assert isinstance(area, PageScrollArea)  # every page's scroll area fades
    qtbot.addWidget(area)
    area.resize(300, 200)
    area.show()
    qtbot.waitExposed(area)
    QApplication.processEvents()
    return area, area._fade


def test_the_fade_shows_only_while_more_is_below(qtbot) -> None:
    area, fade = _area(qtbot, 40)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    assert fade.isVisible() and area.more_below()
    view = area.viewport().geometry()
    # over the foot of the visible part, its full width, not over the scroll bar
    assert fade.geometry().bottom() == view.bottom()
    assert (fade.geometry().left(), fade.geometry().width()) == (view.left(), view.width())
    assert 0 < fade.height() <= view.height() // 3

    bar.setValue(bar.maximum())  # at the end: nothing more below
    assert not fade.isVisible()
    bar.setValue(bar.maximum() - 1)
    assert fade.isVisible()

    area.resize(300, 400)  # the fade follows the foot of the area
    QApplication.processEvents()
    if area.more_below():
        assert fade.geometry().bottom() == area.viewport().geometry().bottom()


def test_no_fade_when_everything_fits(qtbot) -> None:
    area, fade = _area(qtbot, 2)
    assert area.verticalScrollBar().maximum() == 0
    assert not fade.isVisible()


def test_clicks_go_through_the_fade(qtbot) -> None:
    """The fade lies over the content's last visible line: what is under it gets the click."""
    area, fade = _area(qtbot, 40)
    assert fade.isVisible()
    assert fade.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    under = area.childAt(fade.geometry().center())
    assert under is not None and under is not fade
    assert area.viewport().isAncestorOf(under) or under is area.viewport()


def test_the_content_is_as_wide_with_or_without_a_scroll_bar(qtbot) -> None:
    """The scroll bar's room is kept while it is hidden: the content does not reflow as it
    comes and goes, and steps with and without one line up."""
    short, _ = _area(qtbot, 2)
    long, _ = _area(qtbot, 40)
    assert not short.verticalScrollBar().isVisible()
    assert long.verticalScrollBar().isVisible()
    assert short.viewport().width() == long.viewport().width() < 300
    assert short.widget().width() == long.widget().width()
    # Content growing until it scrolls keeps its width.
    width = short.viewport().width()
    layout = short.widget().layout()
    for n in range(40):
        layout.addWidget(QLabel(f"More {n}"))
    qtbot.waitUntil(short.verticalScrollBar().isVisible)
    assert short.viewport().width() == width


def _painted(fade: QWidget) -> QImage:
    """What the fade itself paints, over nothing (transparent where it paints nothing)."""
    image = QImage(fade.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    fade.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    return image


def test_in_high_contrast_a_solid_line_marks_more_below_not_a_fade(qtbot, look) -> None:  # noqa: F811
    """A fading last line is hard to read with low vision (a walk-through at 175 % in high
    contrast): there the text is left as it is, with a solid line at the foot."""
    from ui import theme

    _, fade = _area(qtbot, 40)
    middle = _painted(fade).pixelColor(fade.width() // 2, fade.height() // 2)
    assert 0 < middle.alpha() < 255  # the usual fade, half way down
    look.set_theme(theme.HIGH_CONTRAST_LIGHT)
    picture = _painted(fade)
    assert picture.pixelColor(fade.width() // 2, fade.height() // 2).alpha() == 0  # no fade
    foot = picture.pixelColor(fade.width() // 2, fade.height() - 1)
    assert foot.rgb() == fade.palette().color(QPalette.ColorRole.WindowText).rgb()  # the line
