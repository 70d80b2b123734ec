"""``consultprep --text-size 175 --theme high_contrast_light``: a low-vision user can start
the app large and in high contrast, without finding View ▸ Appearance at normal size first
(a walk-through at 175 % in high contrast). The choice is kept, as the menu keeps it."""

from __future__ import annotations

import pytest

from ui import cli, settings
from ui.appearance import SCALE_KEY, THEME_KEY


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list:
    """What the app was started with (it is not started)."""
    seen: list = []
    import ui.app

    monkeypatch.setattr(ui.app, "run_app", lambda path=None: seen.append(path) or 0)
    monkeypatch.setattr(cli.gc, "disable", lambda: None)
    return seen


def test_the_text_size_and_colours_asked_for_are_kept_and_the_app_starts(started) -> None:
    assert cli.main(["--text-size", "175", "--theme=High_Contrast_Light", "mine.consultprep"]) == 0
    assert started == ["mine.consultprep"]
    assert settings.read_int(SCALE_KEY, 0) == 175
    assert settings.read_str(THEME_KEY, "") == "high_contrast_light"
    assert cli.main(["--text-size=130"]) == 0 and started[-1] is None
    assert settings.read_int(SCALE_KEY, 0) == 130


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--text-size", "250"], "--text-size takes a percentage from 100 to 200, not “250”."),
        (["--text-size"], "--text-size takes a percentage from 100 to 200, not “”."),
        (["--theme", "pink"], "--theme takes one of system, light, dark, high_contrast"),
    ],
)
def test_a_wrong_value_is_said_plainly_and_nothing_starts(started, capsys, args, said) -> None:
    assert cli.main(args) == cli.EXIT_USER_ERROR
    assert started == []
    assert said in capsys.readouterr().err
    assert settings.read_int(SCALE_KEY, 0) == 0  # nothing kept


def test_the_help_names_them(capsys) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "--text-size PERCENT" in out and "--theme" in out
