"""Colour themes: WCAG contrast of every text colour, one palette per theme, and switching."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from consultprep.evidence import KIND_COLOURS, RUNG_FILL, WARNING_COLOUR
from tests.a11y_helpers import LIBRARY, look  # noqa: F401 - fixture
from ui import appearance as appearance_module
from ui import settings, theme
from ui.ladder import EvidenceLadder
from ui.theme_qt import style_sheet

ROOT = Path(__file__).resolve().parents[1]
HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")
THEMES = list(theme.THEMES.values())


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert theme.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert theme.contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert theme.contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert theme.contrast_ratio("#FFFFFF", "#767676") == theme.contrast_ratio("#767676", "#FFFFFF")


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.key)
def test_every_text_colour_has_at_least_4_5_to_1_contrast(t: theme.Theme) -> None:
    pairs = theme.text_pairs(t)
    assert len(pairs) >= 30  # page, cards, fields, buttons, links, errors, notices, ladder
    low = [
        f"{what}: {fg} on {bg} is {theme.contrast_ratio(fg, bg):.2f}:1"
        for what, fg, bg in pairs
        if theme.contrast_ratio(fg, bg) < 4.5
    ]
    assert not low, "\n".join(low)


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.key)
def test_focus_rings_and_edges_can_be_seen(t: theme.Theme) -> None:
    low = [
        f"{what}: {line} on {bg} is {theme.contrast_ratio(line, bg):.2f}:1"
        for what, line, bg in theme.outline_pairs(t)
        if theme.contrast_ratio(line, bg) < 3.0
    ]
    assert not low, "\n".join(low)


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.key)
def test_the_style_sheet_uses_only_the_theme_colours(t: theme.Theme) -> None:
    sheet = style_sheet(t)
    values = {v.upper() for v in t._asdict().values() if isinstance(v, str) and v.startswith("#")}
    values |= {c.upper() for c in t.kind_colours.values()}
    used = {c.upper() for c in HEX.findall(sheet)}
    assert used <= values, used - values
    assert "white" not in sheet.lower() and "black" not in sheet.lower()


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.key)
def test_list_and_date_boxes_draw_their_arrow_in_the_theme_text_colour(t: theme.Theme) -> None:
    """Qt's own drop-down button drew a thick dark edge under a style sheet: the style sheet
    draws a plain arrow from an SVG of the theme's text colour instead."""
    [url] = re.findall(r'::down-arrow \{ image: url\("([^"]+)"\)', style_sheet(t))
    arrow = Path(url)
    assert arrow.is_file(), url
    assert f'stroke="{t.text}"' in arrow.read_text(encoding="utf-8")


def test_every_theme_colours_every_ladder_rung_and_kind() -> None:
    for t in THEMES:
        assert set(t.rung_fills) == set(RUNG_FILL)
        assert set(t.kind_colours) == set(KIND_COLOURS)


def test_the_light_ladder_uses_the_pdf_colours() -> None:
    light = theme.THEMES[theme.LIGHT]
    assert light.kind_colours == KIND_COLOURS
    assert light.rung_fills == RUNG_FILL
    assert light.warning == WARNING_COLOUR


def test_screen_code_has_no_colours_of_its_own() -> None:
    """All colours live in ui/theme.py (and the PDF's in consultprep/evidence.py)."""
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "theme.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if HEX.search(line) or re.search(r"QColor\(\s*[\"'](white|black)", line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


# --- switching ----------------------------------------------------------------------------------
def test_choosing_a_theme_colours_the_app_and_is_remembered(look) -> None:  # noqa: F811
    look.set_theme(theme.DARK)
    dark = theme.THEMES[theme.DARK]
    assert theme.current() is dark
    palette = look._app.palette()
    assert palette.color(QPalette.ColorRole.Window).name().upper() == dark.window
    assert dark.focus in look._app.styleSheet()
    assert settings.read_str(appearance_module.THEME_KEY, "") == theme.DARK
    look.set_theme(theme.HIGH_CONTRAST)
    assert theme.current().key == theme.HIGH_CONTRAST
    look.load()
    assert look.theme_choice == theme.HIGH_CONTRAST
    with pytest.raises(ValueError):
        look.set_theme("purple")


def test_following_the_system_picks_light_or_dark(look, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setattr(appearance_module, "_system_prefers_dark", lambda: True)
    look.set_theme(theme.SYSTEM)
    assert theme.current().key == theme.DARK
    monkeypatch.setattr(appearance_module, "_system_prefers_dark", lambda: False)
    look._system_scheme_changed(Qt.ColorScheme.Light)  # as when the desktop switches
    assert theme.current().key == theme.LIGHT


def test_the_ladder_is_painted_in_the_theme_colours(qtbot, look) -> None:  # noqa: F811
    ladder = EvidenceLadder(LIBRARY)
    qtbot.addWidget(ladder)
    ladder.set_concern(LIBRARY.concerns[0])
    ladder.resize(700, ladder.heightForWidth(700))
    for key in (theme.LIGHT, theme.DARK, theme.HIGH_CONTRAST):
        look.set_theme(key)
        image = ladder.grab().toImage()
        corner = image.pixelColor(QPoint(2, 2)).name().upper()
        assert corner == theme.THEMES[key].ladder_back, key


def test_the_view_menu_switches_themes(qtbot, look, monkeypatch) -> None:  # noqa: F811
    from tests.ui_helpers import install_fake_dialogs
    from ui.app import create_main_window

    install_fake_dialogs(monkeypatch)
    window = create_main_window()
    qtbot.addWidget(window)
    comfort = window.comfort
    assert [a.text() for a in comfort.appearance_menu.actions()] == [
        "&Same as my computer",
        "&Light",
        "&Dark",
        "&High contrast (dark)",
        "High contrast (li&ght)",
    ]
    comfort.theme_actions[theme.HIGH_CONTRAST].trigger()
    assert look.theme_choice == theme.HIGH_CONTRAST
    assert comfort.theme_actions[theme.HIGH_CONTRAST].isChecked()
    dialog = comfort.show_preferences()
    assert dialog.theme_radios[theme.HIGH_CONTRAST].isChecked()
    dialog.theme_radios[theme.LIGHT].click()
    assert look.theme_choice == theme.LIGHT
    assert comfort.theme_actions[theme.LIGHT].isChecked()
    dialog.close()


@pytest.mark.parametrize("scale", [100, 200])
def test_a_drop_down_box_shows_an_arrow_as_big_as_its_text(qtbot, look, scale: int) -> None:  # noqa: F811
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QComboBox

    from ui.indicator_style import IndicatorStyle

    look.set_scale(scale)
    box = QComboBox()
    style = IndicatorStyle("Fusion")  # the app's style (ui.style.apply_app_style)
    box.setStyle(style)
    box.addItems(["A4", "Letter"])
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    text = QColor(theme.current().text)
    # dark pixels in the right-hand part (the arrow), found column by column
    right = range(image.width() - box.fontMetrics().height() * 2, image.width() - 4)
    columns = [
        x
        for x in right
        if any(
            abs(image.pixelColor(x, y).lightness() - text.lightness()) < 60
            for y in range(4, image.height() - 4)
        )
    ]
    assert columns, "no arrow drawn"
    assert columns[-1] - columns[0] >= box.fontMetrics().height() * 0.45


def test_every_style_sheet_is_read_by_qt_without_a_complaint(qtbot, qtlog, look) -> None:  # noqa: F811
    from PySide6.QtWidgets import QComboBox, QScrollArea

    shown = [QComboBox(), QScrollArea()]  # Qt reads the sheet when it styles a widget
    for widget in shown:
        qtbot.addWidget(widget)
        widget.show()
    for key in theme.THEMES:
        for scale in (100, 200):
            look.set_theme(key)
            look.set_scale(scale)
            QApplication.processEvents()
    complaints = [r.message for r in qtlog.records if "style" in r.message.lower()]
    assert not complaints


def test_example_text_in_an_empty_box_is_readable_and_not_like_typed_text(
    qtbot,
    look,  # noqa: F811
) -> None:
    """A style sheet that sets a box's text colour made Qt draw its placeholder ("Type your
    question") in that colour at half strength: 3.4 to 1 on white, under the 4.5 to 1 needed.
    Then, drawn in the hint colour, it was the typed text's own colour in high contrast."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    for key in theme.THEMES:
        look.set_theme(key)
        t = theme.THEMES[key]
        for kind in (QLineEdit, QPlainTextEdit):
            box = kind()
            qtbot.addWidget(box)
            box.setPlaceholderText("█" * 8)  # solid, so its colour is drawn unblended
            box.resize(300, 60)
            image = box.grab().toImage()
            inside = box.contentsRect().adjusted(2, 2, -2, -2)  # not the box's own edge
            seen = {  # every other pixel: the blocks are solid, and Python is slow at this
                image.pixelColor(x, y).name().upper()
                for x in range(inside.left(), inside.right(), 2)
                for y in range(inside.top(), inside.bottom(), 2)
            }
            assert t.placeholder.upper() in seen, (key, kind.__name__)
            assert t.text.upper() not in seen, (key, kind.__name__)
        assert theme.contrast_ratio(t.placeholder, t.base) >= 4.5
        assert theme.contrast_ratio(t.placeholder, t.text) >= 2, key  # told apart at a glance
