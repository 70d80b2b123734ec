"""Shared test set-up: Qt runs offscreen; domain tests never import Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """``--hypothesis-profile=deep`` chooses the fuzz profile, as ``CONSULTPREP_FUZZ=deep`` does
    (the hypothesis plugin, which has this option, is switched off for a faster start)."""
    if pluginmanager.has_plugin("hypothesispytest"):
        return  # switched on again (-p hypothesispytest): it has the option
    parser.addoption(
        "--hypothesis-profile",
        dest="consultprep_fuzz",
        choices=("ci", "deep"),
        help="fuzz profile for tests/test_fuzz_drafts.py (see tests/strategies.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    profile = config.getoption("consultprep_fuzz", None)
    if profile:
        os.environ["CONSULTPREP_FUZZ"] = profile  # read by tests/strategies.py on import


def pytest_terminal_summary(terminalreporter) -> None:
    """Say how hard the fuzz tests tried, if they ran (here, or in worker processes)."""
    reports = (r for kind in terminalreporter.stats.values() for r in kind)
    ran = any("test_fuzz_drafts" in str(getattr(r, "nodeid", "")) for r in reports)
    if ran or "tests.strategies" in sys.modules:
        from hypothesis import settings

        from tests import strategies

        terminalreporter.write_line(
            f"fuzz profile: {strategies.PROFILE} "
            f"(up to {settings().max_examples} drafts per fuzz test)"
        )


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test keeps app settings (ui.settings.app_settings) in its own file, never in home."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("CONSULTPREP_SETTINGS", str(folder / "consultprep.ini"))


@pytest.fixture(autouse=True)
def _app_data_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test keeps app data (autosaves, CONSULTPREP_DATA_DIR) in its own folder."""
    monkeypatch.setenv("CONSULTPREP_DATA_DIR", str(tmp_path_factory.mktemp("appdata")))


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder no file can be saved in, also when the tests run as root (who may write into
    a folder without write permission: then ``/sys``, where no one can create a file)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder if not os.access(folder, os.W_OK) else Path("/sys")
    folder.chmod(0o755)  # so that pytest can remove it


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch):
    """Every modal dialog replaced by a recorder that answers at once (tests/ui_helpers.py)."""
    from tests.ui_helpers import install_fake_dialogs  # Qt only for the tests that use it

    return install_fake_dialogs(monkeypatch)


@pytest.fixture
def window(qtbot, dialogs):
    """A main window on a new draft with the bundled content, not shown."""
    from consultprep.content import load_library
    from ui.app import create_main_window

    w = create_main_window(library=load_library())
    qtbot.addWidget(w)
    return w
