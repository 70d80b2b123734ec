"""Colour themes: every colour the screen uses, one palette per theme, and the style sheet.

Four themes: Light, Dark, and High contrast on black (dark) or on white (light). Each is one ``Theme`` value; the style sheet and
Qt's palette (``ui.theme_qt``) and the painted evidence ladder all take their colours from it, so nothing on screen has a colour of its own. ``text_pairs`` lists every
text-on-background pair a theme uses, and the tests check each reaches the WCAG AA contrast
ratio of 4.5:1 (``contrast_ratio``).

The light theme's evidence ladder uses the colours shared with the PDF
(``consultprep.evidence``); the dark themes use darker rung fills so the ladder does not glare.
"""

from __future__ import annotations

from typing import NamedTuple

from consultprep.evidence import KIND_COLOURS, RUNG_FILL, WARNING_COLOUR

LIGHT = "light"
DARK = "dark"
HIGH_CONTRAST = "high_contrast"
HIGH_CONTRAST_LIGHT = "high_contrast_light"
#: Qt's shadow colour (the palette's Shadow role) in the light theme; dark themes use the window.
LIGHT_SHADOW = "#777777"


class Theme(NamedTuple):
    """All the colours of one theme, as ``#RRGGBB`` strings.

    (A named tuple, not a dataclass: the theme is needed before the first page shows, and a
    named tuple is made in a fraction of the time.)"""

    key: str
    name: str
    dark: bool
    window: str  # page background
    text: str  # body text
    hint: str  # grey explanations ("why ask this")
    disabled: str  # disabled but still readable text
    title: str  # page titles
    base: str  # inside text fields
    field_border: str  # text field and tick box edges (3:1 against the page)
    card: str  # boxes around choices and questions
    card_border: str
    selected: str  # a chosen card's fill
    selected_border: str
    accent: str  # main buttons, chosen buttons
    on_accent: str  # text on the accent colour
    accent_hover: str
    button: str  # ordinary buttons
    button_text: str
    button_border: str
    button_hover: str
    focus: str  # the keyboard focus ring (3:1 against everything it sits on)
    link: str
    error: str  # text of error messages
    notice: str  # fill of notice boxes
    notice_border: str
    notice_text: str
    highlight: str  # selected text
    on_highlight: str
    tooltip: str
    tooltip_text: str
    mark: str  # behind words found in a text (the advert checker's matches)
    on_mark: str
    # The evidence ladder on screen.
    ladder_back: str
    rung_fills: dict[int, str]
    rung_text: str
    kind_colours: dict[str, str]
    pill_text: str
    warning: str  # the "!" marker's fill
    warning_text: str
    comparison_border: str  # the dashed box around "waiting"
    pill_border: str = ""  # "" for none

    @property
    def placeholder(self) -> str:
        """Example text in an empty box ("For example: Spain"): readable, and never the colour
        of typed text (in high contrast the hint colour is the text colour, so an example read
        as an answer)."""
        return self.disabled


THEMES: dict[str, Theme] = {
    LIGHT: Theme(
        key=LIGHT,
        name="Light",
        dark=False,
        window="#EFEFEF",
        text="#1A1A1A",
        hint="#4A4A4A",
        disabled="#5E5E5E",
        title="#1F4E8C",
        base="#FFFFFF",
        field_border="#767676",
        card="#FFFFFF",
        card_border="#C9CED6",
        selected="#EEF3FA",
        selected_border="#1F4E8C",
        accent="#1F4E8C",
        on_accent="#FFFFFF",
        accent_hover="#2A63AE",
        button="#F7F7F7",
        button_text="#1A1A1A",
        button_border="#8A8A8A",
        button_hover="#E4E9F0",
        focus="#B54A00",
        link="#1A4F9C",
        error="#9A0018",
        notice="#FFF4D6",
        notice_border="#C89B00",
        notice_text="#1A1A1A",
        highlight="#1F4E8C",
        on_highlight="#FFFFFF",
        tooltip="#FFFFE6",
        tooltip_text="#1A1A1A",
        mark="#FFE08A",
        on_mark="#1A1A1A",
        ladder_back="#FFFFFF",
        rung_fills=dict(RUNG_FILL),
        rung_text="#1A1A1A",
        kind_colours=dict(KIND_COLOURS),
        pill_text="#FFFFFF",
        warning=WARNING_COLOUR,
        warning_text="#FFFFFF",
        comparison_border="#767676",
    ),
    DARK: Theme(
        key=DARK,
        name="Dark",
        dark=True,
        window="#1E1F22",
        text="#ECECEC",
        hint="#BDBDBD",
        disabled="#A0A0A0",
        title="#9CC3FF",
        base="#131416",
        field_border="#8C8C8C",
        card="#2A2C30",
        card_border="#4A4E55",
        selected="#23324A",
        selected_border="#9CC3FF",
        accent="#9CC3FF",
        on_accent="#0B1A33",
        accent_hover="#B8D4FF",
        button="#33363B",
        button_text="#ECECEC",
        button_border="#8C8C8C",
        button_hover="#3F444B",
        focus="#FFB454",
        link="#9CC3FF",
        error="#FF9C9C",
        notice="#3A3117",
        notice_border="#C89B00",
        notice_text="#F2F2F2",
        highlight="#9CC3FF",
        on_highlight="#0B1A33",
        tooltip="#33363B",
        tooltip_text="#ECECEC",
        mark="#6B5500",
        on_mark="#FFFFFF",
        ladder_back="#2A2C30",
        rung_fills={1: "#3A2E42", 2: "#2C3647", 3: "#3D3826", 4: "#253B2A"},
        rung_text="#F2F2F2",
        kind_colours=dict(KIND_COLOURS),
        pill_text="#FFFFFF",
        pill_border="#D0D0D0",
        warning=WARNING_COLOUR,
        warning_text="#FFFFFF",
        comparison_border="#A0A0A0",
    ),
    HIGH_CONTRAST: Theme(
        key=HIGH_CONTRAST,
        name="High contrast (dark)",
        dark=True,
        window="#000000",
        text="#FFFFFF",
        hint="#FFFFFF",
        disabled="#A8A8A8",  # still 8.8:1 on black, and told apart from white text
        title="#FFFF00",
        base="#000000",
        field_border="#FFFFFF",
        card="#000000",
        card_border="#FFFFFF",
        selected="#00264D",
        selected_border="#FFFF00",
        accent="#FFFF00",
        on_accent="#000000",
        accent_hover="#FFFF80",
        button="#000000",
        button_text="#FFFFFF",
        button_border="#FFFFFF",
        button_hover="#333333",
        focus="#00FFFF",
        link="#FFFF00",
        error="#FF8080",
        notice="#000000",
        notice_border="#FFFF00",
        notice_text="#FFFFFF",
        highlight="#FFFF00",
        on_highlight="#000000",
        tooltip="#000000",
        tooltip_text="#FFFFFF",
        mark="#FFFF00",
        on_mark="#000000",
        ladder_back="#000000",
        rung_fills={1: "#000000", 2: "#000000", 3: "#000000", 4: "#000000"},
        rung_text="#FFFFFF",
        kind_colours={"regenerative": "#6A2C91", "established": "#0E5A32", "waiting": "#4A4A4A"},
        pill_text="#FFFFFF",
        pill_border="#FFFFFF",
        warning="#B00020",
        warning_text="#FFFFFF",
        comparison_border="#FFFFFF",
    ),
    # Black on white, for people who find light text on black hard to read: every edge
    # black, no greys, a magenta focus ring, the ladder's rungs outlined instead of filled.
    HIGH_CONTRAST_LIGHT: Theme(
        key=HIGH_CONTRAST_LIGHT,
        name="High contrast (light)",
        dark=False,
        window="#FFFFFF",
        text="#000000",
        hint="#000000",
        disabled="#4D4D4D",
        title="#00007A",
        base="#FFFFFF",
        field_border="#000000",
        card="#FFFFFF",
        card_border="#000000",
        selected="#FFF3B0",
        selected_border="#000000",
        accent="#00007A",
        on_accent="#FFFFFF",
        accent_hover="#1F1FA8",
        button="#FFFFFF",
        button_text="#000000",
        button_border="#000000",
        button_hover="#E6E6E6",
        focus="#C4007A",
        link="#0000CC",
        error="#B00000",
        notice="#FFFFFF",
        notice_border="#000000",
        notice_text="#000000",
        highlight="#00007A",
        on_highlight="#FFFFFF",
        tooltip="#FFFFFF",
        tooltip_text="#000000",
        mark="#FFE000",
        on_mark="#000000",
        ladder_back="#FFFFFF",
        rung_fills={1: "#FFFFFF", 2: "#FFFFFF", 3: "#FFFFFF", 4: "#FFFFFF"},
        rung_text="#000000",
        kind_colours={"regenerative": "#5A1F7A", "established": "#0B4D2A", "waiting": "#333333"},
        pill_text="#FFFFFF",
        pill_border="#000000",
        warning="#B00020",
        warning_text="#FFFFFF",
        comparison_border="#000000",
    ),
}

#: The choices offered in View ▸ Appearance: follow the system, or one theme.
SYSTEM = "system"
CHOICES: dict[str, str] = {
    SYSTEM: "Same as my computer",
    LIGHT: "Light",
    DARK: "Dark",
    HIGH_CONTRAST: "High contrast (dark)",
    HIGH_CONTRAST_LIGHT: "High contrast (light)",
}
#: The same, with the letter that chooses each in a menu or dialog (Alt+letter).
THEME_MNEMONICS: dict[str, str] = {
    SYSTEM: "&Same as my computer",
    LIGHT: "&Light",
    DARK: "&Dark",
    HIGH_CONTRAST: "&High contrast (dark)",
    HIGH_CONTRAST_LIGHT: "High contrast (li&ght)",
}

_current: Theme = THEMES[LIGHT]


def current() -> Theme:
    """The theme the screen shows now (Light until ``set_current`` is called)."""
    return _current


def set_current(theme: Theme) -> None:
    """Make ``theme`` the one ``current()`` returns (ui.appearance does this)."""
    global _current
    _current = theme


# --- contrast -----------------------------------------------------------------------------------
def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    h = colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(t: Theme) -> list[tuple[str, str, str]]:
    """Every (what, text colour, background colour) pair the theme draws text with."""
    pairs = [
        ("body text on the page", t.text, t.window),
        ("body text in a card", t.text, t.card),
        ("body text in a chosen card", t.text, t.selected),
        ("typed text in a field", t.text, t.base),
        ("placeholder text in a field", t.placeholder, t.base),
        ("page title", t.title, t.window),
        ("grey hint on the page", t.hint, t.window),
        ("grey hint in a card", t.hint, t.card),
        ("grey hint in a chosen card", t.hint, t.selected),
        ("disabled text on the page", t.disabled, t.window),
        ("disabled text on a button", t.disabled, t.button),
        ("disabled text in a field", t.disabled, t.base),
        ("button text", t.button_text, t.button),
        ("button text under the mouse", t.button_text, t.button_hover),
        ("main button text", t.on_accent, t.accent),
        ("main button text under the mouse", t.on_accent, t.accent_hover),
        ("link on the page", t.link, t.window),
        ("link in a card", t.link, t.card),
        ("error message on the page", t.error, t.window),
        ("error message in a card", t.error, t.card),
        ("notice box text", t.notice_text, t.notice),
        ("selected text", t.on_highlight, t.highlight),
        ("tooltip", t.tooltip_text, t.tooltip),
        ("marked word in a text", t.on_mark, t.mark),
        ("ladder caption", t.hint, t.ladder_back),
        ("ladder legend", t.text, t.ladder_back),
        ("comparison row label", t.rung_text, t.ladder_back),
        ("warning marker", t.warning_text, t.warning),
    ]
    pairs += [(f"rung {n} label", t.rung_text, fill) for n, fill in sorted(t.rung_fills.items())]
    pairs += [(f"{kind} pill", t.pill_text, fill) for kind, fill in t.kind_colours.items()]
    return pairs


def outline_pairs(t: Theme) -> list[tuple[str, str, str]]:
    """(what, line colour, background) pairs for lines that must be seen: 3:1 (WCAG 1.4.11)."""
    pairs = [
        ("focus ring on the page", t.focus, t.window),
        ("focus ring in a card", t.focus, t.card),
        ("focus ring in a chosen card", t.focus, t.selected),
        ("focus ring in a field", t.focus, t.base),
        ("text field edge", t.field_border, t.window),
        ("text field edge in a card", t.field_border, t.card),
        ("button edge", t.button_border, t.window),
        ("chosen card edge", t.selected_border, t.window),
        ("scroll bar handle", t.hint, t.window),
        ("comparison box edge", t.comparison_border, t.ladder_back),
    ]
    return pairs
