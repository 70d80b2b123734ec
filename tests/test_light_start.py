"""The app shows its welcome page first and loads the content, the draft and the other pages
just after (``MainWindow(None, ...)``, as ``ui.app.run_app`` makes it).

The benchmark (``python -m tests.bench.run``) measures how much sooner the window appears;
``tests/test_startup_imports.py`` checks that nothing heavy is loaded before. Here: nothing
else may notice. The pages all appear, Next works, the window is connected to them, a draft
given at start is opened, problems are explained, and anything used early waits for the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from consultprep.content import ContentError, load_library
from consultprep.front import FrontMatter, _meta_table, _quick, read_front_matter
from consultprep.models import Draft
from consultprep.storage import DRAFT_SUFFIX
from resources import folder
from tests.ui_helpers import Dialogs
from ui.file_menu import DRAFT_SUFFIX as MENU_DRAFT_SUFFIX
from ui.main_window import MainWindow
from ui.wizard import PAGES, ConsultWizard, PageId

EXAMPLE = Path(__file__).resolve().parents[1] / "resources" / "examples" / "scars.consultprep"


@pytest.fixture
def starting(qtbot, dialogs: Dialogs, tmp_path: Path) -> MainWindow:
    """A window starting light on a new draft, not shown yet."""
    window = MainWindow(None, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(window)
    return window


def _next_button(window: MainWindow):
    return window.wizard.button(ConsultWizard.WizardButton.NextButton)


def test_only_the_welcome_page_exists_until_the_window_is_painted(starting: MainWindow) -> None:
    wizard = starting.wizard
    assert wizard.pageIds() == [PageId.WELCOME]
    assert wizard.currentId() == PageId.WELCOME
    assert not wizard.attached and starting.draft is None and starting.library is None
    assert starting.windowTitle().startswith("New draft")


def test_the_welcome_page_says_the_same_before_and_after(starting: MainWindow) -> None:
    page = starting.wizard.page(PageId.WELCOME)
    before = (page.disclaimer_label.text(), page.privacy_label.text())
    meta = load_library().meta
    assert before == (meta.disclaimer, meta.privacy)
    assert "not medical advice" in before[0]
    starting.finish_start()
    assert (page.disclaimer_label.text(), page.privacy_label.text()) == before


def test_the_fallback_font_for_chinese_japanese_korean_is_there_once_started(
    starting: MainWindow,
) -> None:
    from PySide6.QtGui import QFontDatabase

    import ui.style

    assert starting.finish_start()
    assert ui.style._fallback_registered  # Qt read the bundled files
    assert "Droid Sans Fallback" in QFontDatabase.families()
    assert "Noto Emoji" in QFontDatabase.families()


def test_an_emoji_in_a_name_is_drawn_not_an_empty_box(starting: MainWindow) -> None:
    """On a computer with no emoji font, "Zoë 🙂" showed the smiley as an empty box: the
    bundled Noto Emoji has it. Each glyph Qt lays out is a real one (glyph 0 is the box)."""
    from PySide6.QtGui import QFont, QTextLayout

    from ui.style import FONT_FAMILY

    assert starting.finish_start()
    for text in ("Zoë 🙂", "👍🏽 thank you", "李小龍 ❤"):
        layout = QTextLayout(text, QFont(FONT_FAMILY, 12))
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        assert runs and all(0 not in run.glyphIndexes() for run in runs), text
    runs = {r.rawFont().familyName() for r in layout.glyphRuns()}
    assert runs <= {FONT_FAMILY, "Droid Sans Fallback", "Noto Emoji"}


def test_the_rest_follows_the_first_paint(starting: MainWindow, qtbot) -> None:
    with qtbot.waitSignal(starting.started, timeout=10_000):
        starting.show()
    assert starting.wizard.pageIds() == sorted(PAGES)
    assert starting.wizard.currentId() == PageId.WELCOME
    assert isinstance(starting.draft, Draft) and starting.library is load_library()
    next_button = _next_button(starting)
    assert next_button.isVisible() and next_button.isEnabled()
    next_button.click()
    assert starting.wizard.currentId() == PageId.CONCERN


def test_a_window_shown_but_never_painted_still_finishes_starting(
    starting: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.main_window.START_AT_THE_LATEST_MS", 50)
    starting.wizard.first_painted.disconnect()  # as if the window were never painted
    with qtbot.waitSignal(starting.started, timeout=5_000):
        starting.show()
    assert starting.wizard.pageIds() == sorted(PAGES)


def test_start_pressed_before_the_pages_are_built_builds_them(starting: MainWindow) -> None:
    starting.wizard.page(PageId.WELCOME).start_button.click()  # calls wizard.next()
    assert starting.wizard.currentId() == PageId.CONCERN
    assert starting.wizard.pageIds() == sorted(PAGES)


def test_menu_actions_used_early_wait_for_the_draft(
    starting: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialogs.save_path = str(tmp_path / "early")
    starting.save_action.trigger()
    assert (tmp_path / f"early{DRAFT_SUFFIX}").exists()
    assert starting.path == tmp_path / f"early{DRAFT_SUFFIX}"
    assert "Health information version" in starting.about_text()


def test_the_window_is_connected_to_pages_built_later(
    starting: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    saves: list[bool] = []
    monkeypatch.setattr(starting, "save", lambda: saves.append(True) or True)
    starting.finish_start()
    starting.wizard.page(PageId.REVIEW).save_draft_requested.emit()
    assert saves == [True]


def test_a_draft_given_at_start_is_opened_after_the_first_page(
    qtbot, dialogs: Dialogs, tmp_path: Path
) -> None:
    window = MainWindow(None, path=EXAMPLE, autosave_folder=tmp_path)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("scars")
    assert window.finish_start()
    assert window.draft.concern == "scars" and window.path == EXAMPLE
    welcome = window.wizard.page(PageId.WELCOME)
    assert welcome.start_button.text() == "&Carry on"
    assert not window.isWindowModified()


def test_a_draft_that_cannot_be_opened_is_explained(
    qtbot, dialogs: Dialogs, tmp_path: Path
) -> None:
    broken = tmp_path / f"broken{DRAFT_SUFFIX}"
    broken.write_bytes(b"not a draft at all")
    window = MainWindow(None, path=broken, autosave_folder=tmp_path)
    qtbot.addWidget(window)
    assert window.finish_start()
    assert "new draft instead" in dialogs.texts("warning")[0]
    assert window.path is None and window.draft.concern is None
    assert window.windowTitle().startswith("New draft")


def test_broken_content_is_explained_and_ends_the_app(
    starting: MainWindow, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken():
        raise ContentError("content file library.toml: levels: field required")

    exit_codes: list[int] = []
    monkeypatch.setattr("consultprep.content.load_library", broken)
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exit_codes.append(code))
    assert starting.finish_start() is False
    assert exit_codes == [1]  # the event loop ends, and the app with exit code 1
    [text] = dialogs.texts("critical")
    assert "cannot start" in text and "toml" not in text
    assert starting.finish_start() is False  # once is enough
    assert len(dialogs.texts()) == 1
    assert starting.save() is None  # File menu actions do nothing more
    assert starting.close()  # nothing was entered: closes without asking


def test_closing_while_starting_asks_nothing(starting: MainWindow, dialogs: Dialogs) -> None:
    assert starting.close()
    assert dialogs.messages == []


def test_a_window_made_with_the_library_has_every_page_at_once(window: MainWindow) -> None:
    assert window.wizard.pageIds() == sorted(PAGES)
    assert window.wizard.attached


def test_the_draft_file_type_is_the_same_everywhere() -> None:
    assert MENU_DRAFT_SUFFIX == DRAFT_SUFFIX


# --- the welcome page's texts, read without the whole library ---------------------------------
def test_front_matter_matches_the_checked_library() -> None:
    meta = load_library().meta
    assert read_front_matter() == FrontMatter(meta.disclaimer, meta.privacy)
    text = (folder("content") / "library.toml").read_text("utf-8")
    assert _quick(_meta_table(text)) is not None  # read without loading a TOML parser


@pytest.mark.parametrize(
    "toml",
    [
        '[meta]\ndisclaimer = "Say \\"no\\" \\u00e9"\nprivacy = "Private"\n[next]\nx = 1\n',
        '[meta]\ndisclaimer = "Emoji \\U0001F600"\nprivacy = "Private"\n',  # TOML-only escape
        '[meta]\ndisclaimer = """Two\nlines"""\nprivacy = \'literal\'\n',  # other string kinds
    ],
)
def test_front_matter_reads_toml_strings_as_toml_does(
    toml: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "library.toml").write_text("# top\n" + toml, encoding="utf-8")
    monkeypatch.setattr("resources.folder", lambda *parts: tmp_path.joinpath(*parts))
    expected = tomllib.loads(toml)["meta"]
    assert read_front_matter() == FrontMatter(expected["disclaimer"], expected["privacy"])


@pytest.mark.parametrize(
    "inside",
    [
        "plain", "tab\\there", "a \\\\ b \\\" c", "\\b\\f\\n\\r", "\\u00e9\\U0001F600", "é 😀 <b>&",
        "\\e", "\\/", "\\x41", "\\uD83D", "\\U00110000", "\\u12", "raw\ttab", "raw\x01", "raw\x7f",
    ],
)
def test_the_quick_reader_agrees_with_tomllib_or_leaves_the_text_to_it(inside: str) -> None:
    import tomllib

    table = f'[meta]\ndisclaimer = "{inside}"\nprivacy = "p"\n'
    quick = _quick(table)
    try:
        expected = tomllib.loads(table)["meta"]
    except tomllib.TOMLDecodeError:
        assert quick is None
        return
    assert quick is None or quick == expected


@pytest.mark.parametrize("text", [None, "[meta]\ndisclaimer = \n", "nothing here"])
def test_unreadable_front_matter_is_empty_not_an_error(
    text: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "content").mkdir()
    if text is not None:
        (tmp_path / "content" / "library.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr("resources.folder", lambda *parts: tmp_path.joinpath(*parts))
    assert read_front_matter() == FrontMatter()


def test_enter_on_the_welcome_page_carries_on_where_the_draft_was_left(
    qtbot, dialogs: Dialogs, tmp_path: Path
) -> None:
    """Qt puts the focus on Next, which goes to step 1; "Carry on" (the page's main button)
    takes it once the draft is open, so Enter goes back to the step the text names."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui import recent

    draft = tmp_path / f"mine{DRAFT_SUFFIX}"
    draft.write_bytes(EXAMPLE.read_bytes())
    recent.remember(draft, PageId.OFFER)
    window = MainWindow(None, path=draft, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started, timeout=5000):
        window.show()
    welcome = window.wizard.page(PageId.WELCOME)
    qtbot.waitUntil(lambda: window.focusWidget() is welcome.start_button, timeout=2000)
    assert welcome.start_button.text() == "&Carry on"
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert window.wizard.currentId() == PageId.OFFER

    # Another draft opened from the menu: its welcome page has the focus on its main button.
    window.new_action.trigger()
    welcome = window.wizard.page(PageId.WELCOME)
    qtbot.waitUntil(lambda: window.focusWidget() is welcome.start_button, timeout=2000)
    assert welcome.start_button.text() == "&Start a new draft"



def test_building_the_pages_opens_no_window_of_its_own(qtbot, dialogs: Dialogs, tmp_path) -> None:
    """A page's subtitle was shown before it had a parent, so each page built after the
    first paint opened as a window of its own for a moment, and the main window lost the
    keyboard focus (nothing had it until the patient clicked)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest

    class Windows(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.shown: list[str] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow():
                self.shown.append(type(watched).__name__)
            return False

    seen = Windows()
    QApplication.instance().installEventFilter(seen)
    try:
        window = MainWindow(None, path=EXAMPLE, autosave_folder=tmp_path / "autosave")
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        assert QTest.qWaitForWindowActive(window)
        qtbot.waitUntil(window.finish_start, timeout=5000)
        qtbot.wait(50)
    finally:
        QApplication.instance().removeEventFilter(seen)
    assert [name for name in seen.shown if name != "MainWindow"] == []
    assert QApplication.activeWindow() is window
