"""A theme in Qt's terms: the application's style sheet and palette (colours: ``ui.theme``)."""

from __future__ import annotations

from ui.theme import LIGHT_SHADOW, Theme

#: The body text size the style sheet's sizes were drawn for.
BASE_POINT_SIZE = 12.0


def _drop_down(t: Theme, px) -> str:
    """The drop-down button of a list or date box: a plain arrow in the theme's text colour
    (``resources/icons/drop-down-<colour>.svg``, e.g. ``drop-down-1A1A1A.svg``). Qt's own,
    under a style sheet, drew a thick dark edge beside it. Without such a file, or in a folder
    a style sheet cannot quote, Qt's own arrow is kept."""
    from resources import folder

    path = folder("icons") / f"drop-down-{t.text.lstrip('#').upper()}.svg"
    arrow = path.as_posix()
    if not path.is_file() or any(c in arrow for c in '"\\\n'):
        return f"QComboBox::drop-down, QDateEdit::drop-down {{ width: {px(26)}; }}"
    return (
        "QComboBox::drop-down, QDateEdit::drop-down {"
        " subcontrol-origin: padding; subcontrol-position: center right;"
        f" width: {px(26)}; border: none; background: transparent; }}\n"
        f'QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url("{arrow}");'
        f" width: {px(16)}; height: {px(16)}; }}"
    )


def style_sheet(t: Theme, body_pt: float = BASE_POINT_SIZE) -> str:
    """The application's style sheet for theme ``t`` with body text of ``body_pt`` points.

    Headings stay a few points larger than the body text (not a multiple of it, so that very
    large text does not make huge titles); control sizes and padding grow with the text.
    Every control that can take the keyboard focus shows a clear ring in ``t.focus``; the
    ring replaces a thinner border and some padding, so nothing moves when focus arrives. A
    page's scroll area (focused to scroll with the keyboard) shows a bar down its left edge,
    except when it got the focus from Next or Back clicked with the mouse (``ui.focus``).
    Scroll bars are wide, with a handle in the hint colour (3:1 against the page) that grows
    with the text (a page's scroll area sets its own least height, ``ui.widgets.scrolling``:
    Qt would make it two handles tall).
    """
    scale = body_pt / BASE_POINT_SIZE

    def pt(size: float) -> str:
        """A font size given at 12 pt body text, kept the same number of points apart."""
        return f"{body_pt + size - BASE_POINT_SIZE:.1f}pt"

    def px(size: float) -> str:
        return f"{round(size * scale)}px"

    ring = 3  # focus ring width in pixels (not scaled: it is a line, not text)

    def inset(size: float) -> str:
        """Padding inside a focus ring, so a focused button keeps its 1-pixel-border size."""
        return f"{max(0, round(size * scale) - (ring - 1))}px"

    drop_down = _drop_down(t, px)

    return f"""
QWidget {{ color: {t.text}; }}
QToolTip {{
    color: {t.tooltip_text}; background-color: {t.tooltip}; border: 1px solid {t.text};
    padding: 4px;
}}
QPushButton {{
    color: {t.button_text};
    background-color: {t.button};
    border: 1px solid {t.button_border};
    border-radius: 4px;
    min-height: {px(32)};
    padding: {px(3)} {px(14)};
    margin: 2px;
}}
QPushButton:hover {{ background-color: {t.button_hover}; }}
QPushButton:pressed {{ background-color: {t.button_border}; }}
/* No edge as well as grey text: a button that cannot be used now (the first question's Up)
   is told apart from one that can at a glance (a dashed edge looked like keyboard focus). */
QPushButton:disabled {{
    color: {t.disabled};
    background-color: transparent;
    border-color: transparent;
}}
QPushButton:focus {{ border: {ring}px solid {t.focus}; padding: {inset(3)} {inset(14)}; }}
QPushButton#primary, QPushButton:checked {{
    background-color: {t.accent};
    color: {t.on_accent};
    border: 1px solid {t.accent};
}}
QPushButton#primary {{ font-weight: bold; }}
QPushButton#primary:hover, QPushButton:checked:hover {{ background-color: {t.accent_hover}; }}
QPushButton#primary:focus, QPushButton:checked:focus {{ border: {ring}px solid {t.focus}; }}
QPushButton#score {{ padding: {px(3)} {px(6)}; min-width: {px(34)}; }}
QPushButton#score:focus {{ padding: {inset(3)} {inset(6)}; }}
QPushButton#link {{
    color: {t.link}; background: transparent; border: {ring}px solid transparent;
    text-decoration: underline; padding: 0 2px; min-height: 0; margin: 0;
}}
QPushButton#link:hover {{ background: transparent; }}
QPushButton#link:focus {{ border: {ring}px solid {t.focus}; }}
QLineEdit, QDateEdit, QPlainTextEdit, QTextEdit, QSpinBox, QComboBox {{
    color: {t.text};
    placeholder-text-color: {t.placeholder};
    background-color: {t.base};
    border: 1px solid {t.field_border};
    border-radius: 4px;
    selection-background-color: {t.highlight};
    selection-color: {t.on_highlight};
}}
QLineEdit, QDateEdit, QSpinBox, QComboBox {{ min-height: {px(30)}; padding: 2px 7px; }}
QPlainTextEdit, QTextEdit {{ padding: 2px 5px; }}
{drop_down}
QLineEdit:focus, QDateEdit:focus, QSpinBox:focus, QComboBox:focus {{
    border: {ring}px solid {t.focus}; padding: 0px 5px;
}}
QPlainTextEdit:focus, QTextEdit:focus {{ border: {ring}px solid {t.focus}; padding: 0px 3px; }}
QTextEdit#lineBox {{ padding: 6px 9px; }}
QTextEdit#lineBox:focus {{ padding: 4px 7px; }}
QLineEdit:disabled, QDateEdit:disabled {{ color: {t.disabled}; }}
QCheckBox, QRadioButton {{
    spacing: {px(10)}; min-height: {px(28)};
    border: {ring}px solid transparent; border-radius: 4px; padding: 1px;
}}
QCheckBox:focus, QRadioButton:focus {{ border: {ring}px solid {t.focus}; }}
/* A box with its text in a label beside it (choices.beside_grid): Qt counts the spacing and
   the right edge in such a box's width, so less spacing puts the label where a box's own text
   starts, and every tick box has the same gap before its words. */
QCheckBox#beside, QRadioButton#beside {{ spacing: {max(0, round(10 * scale) - ring - 1)}px; }}
QCheckBox:disabled, QRadioButton:disabled {{ color: {t.disabled}; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {px(22)}; height: {px(22)}; }}
QScrollBar:vertical {{
    width: {px(18)}; background: {t.window}; border: none; border-left: 1px solid {t.field_border};
}}
QScrollBar:horizontal {{
    height: {px(18)}; background: {t.window}; border: none; border-top: 1px solid {t.field_border};
}}
QScrollBar::handle {{ background: {t.hint}; border-radius: {px(5)}; margin: 3px; }}
QScrollBar::handle:vertical {{ min-height: {px(32)}; }}
QScrollBar::handle:horizontal {{ min-width: {px(32)}; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {t.text}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QScrollArea {{
    border: 1px solid transparent; border-left: {ring + 2}px solid transparent; border-right: none;
}}
QScrollArea:focus {{ border-left: {ring + 2}px solid {t.focus}; }}
QScrollArea[focusShown="false"]:focus {{ border-left: {ring + 2}px solid transparent; }}
/* A rule where the content is cut off by a fixed part of the page ("Save PDF", the header);
   always 1px wide, only its colour changes, so nothing moves (``ui.responsive``). */
QScrollArea[panelBelow="true"] {{ border-bottom-color: {t.field_border}; }}
QScrollArea[panelAbove="true"] {{ border-top-color: {t.field_border}; }}
QLabel#hint {{ color: {t.hint}; font-size: {pt(11)}; }}
QLabel#meaning, QFrame#card QLabel#meaning {{
    color: {t.text}; background-color: {t.card}; border: 1px solid {t.card_border};
    border-left: 4px solid {t.link}; border-radius: 4px; padding: 6px 8px;
}}
QLabel#title {{ font-size: {pt(17)}; font-weight: bold; color: {t.title}; }}
QLabel#heading {{ font-size: {pt(15)}; font-weight: bold; }}
QLabel#subheading {{ font-size: {pt(13)}; font-weight: bold; }}
QLabel#strong {{ font-weight: bold; }}
QLabel#question_off {{ color: {t.hint}; }}
QLabel#error {{ color: {t.error}; font-weight: bold; }}
QLabel#notice {{
    color: {t.notice_text};
    background-color: {t.notice};
    border: 1px solid {t.notice_border};
    border-radius: 4px;
    padding: 8px;
}}
QFrame#card {{
    background-color: {t.card};
    border: 1px solid {t.card_border};
    border-radius: 6px;
    padding: 2px;
}}
QFrame#card QLabel {{ background: transparent; border: none; }}
QFrame#card[selected="true"] {{
    border: 2px solid {t.selected_border}; padding: 1px; background-color: {t.selected};
}}
QFrame#card[focusWithin="true"] {{ border: {ring}px solid {t.focus}; padding: 0px; }}
QFrame#card[kind="regenerative"] {{
    border-left: 8px solid {t.kind_colours["regenerative"]};
    border-top-left-radius: 0; border-bottom-left-radius: 0;
}}
QFrame#card[kind="established"] {{
    border-left: 8px solid {t.kind_colours["established"]};
    border-top-left-radius: 0; border-bottom-left-radius: 0;
}}
QFrame#card[kind="waiting"] {{
    border-left: 8px solid {t.kind_colours["waiting"]};
    border-top-left-radius: 0; border-bottom-left-radius: 0;
}}
QMenuBar, QMenu {{ color: {t.text}; background-color: {t.window}; }}
QMenuBar::item:selected, QMenu::item:selected {{
    color: {t.on_highlight}; background-color: {t.highlight};
}}
QMenu::item:disabled {{ color: {t.disabled}; }}
QMenu {{ border: 1px solid {t.button_border}; }}
QMenu::separator {{ height: 1px; background: {t.button_border}; margin: 4px 8px; }}
QStatusBar {{ color: {t.text}; }}
/* The date box's calendar: its month and year in the page's colours (high contrast drew them
   pale on its yellow), its arrows as large as its text, its days a size easy to hit. */
QCalendarWidget QWidget#qt_calendar_navigationbar {{
    background-color: {t.card}; border-bottom: 1px solid {t.card_border};
}}
QCalendarWidget QToolButton {{
    color: {t.text}; background-color: transparent; font-weight: bold;
    border: {ring}px solid transparent; border-radius: 4px; padding: {px(4)} {px(8)};
}}
QCalendarWidget QToolButton:hover, QCalendarWidget QToolButton:focus {{ border-color: {t.focus}; }}
QCalendarWidget QToolButton#qt_calendar_prevmonth {{ qproperty-icon: none; qproperty-text: "◀"; }}
QCalendarWidget QToolButton#qt_calendar_nextmonth {{ qproperty-icon: none; qproperty-text: "▶"; }}
QCalendarWidget QAbstractItemView {{ font-size: {pt(13)}; }}
"""


def qt_palette(t: Theme):
    """A QPalette for theme ``t`` (Qt widgets the style sheet does not cover use it)."""
    from PySide6.QtGui import QColor, QPalette

    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: t.window,
        role.WindowText: t.text,
        role.Base: t.base,
        role.AlternateBase: t.card,
        role.Text: t.text,
        role.PlaceholderText: t.placeholder,
        role.Button: t.button,
        role.ButtonText: t.button_text,
        role.BrightText: t.error,
        role.Highlight: t.highlight,
        role.HighlightedText: t.on_highlight,
        role.ToolTipBase: t.tooltip,
        role.ToolTipText: t.tooltip_text,
        role.Link: t.link,
        role.LinkVisited: t.link,
        role.Light: t.card,
        role.Midlight: t.card_border,
        role.Mid: t.field_border,
        role.Dark: t.field_border,
        role.Shadow: t.window if t.dark else LIGHT_SHADOW,
    }
    for r, colour in colours.items():
        palette.setColor(r, QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText, role.PlaceholderText):
        palette.setColor(group.Disabled, r, QColor(t.disabled))
    return palette
