"""PySide's look at each newly imported module, made quicker (ui.import_check), gives the same
answers as PySide's own."""

from __future__ import annotations

import inspect
import sys
import types

import ui  # noqa: F401  (installs the quicker check, as the app does)
from tests.bench.common import run_python
from ui import import_check


def _pyside_way(module: types.ModuleType) -> bool:
    """PySide's own check (shibokensupport.feature._mod_uses_pyside), as written there."""
    try:
        source = inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False
    return "PySide6" in source


def test_the_quick_check_is_in_place_once_pyside_is_loaded(tmp_path) -> None:
    # A fresh process, as the app starts: ui first, then PySide, then the app's modules.
    script = (
        "import sys, ui, PySide6.QtCore, ui.app\n"
        "from ui import import_check\n"
        "feature = sys.modules[import_check.FEATURE_MODULE]\n"
        "print(getattr(feature._mod_uses_pyside, 'quick', False),\n"
        "      any(isinstance(f, import_check._Watch) for f in sys.meta_path))\n"
    )
    done = run_python(["-c", script], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "False"]  # swapped, and the watcher is gone


def test_it_answers_as_pyside_does_for_every_module_loaded() -> None:
    import ui.app  # noqa: F401

    asked: list[types.ModuleType] = []

    def not_from_the_file(module: types.ModuleType) -> bool:
        asked.append(module)
        return _pyside_way(module)

    checked = 0
    for module in list(sys.modules.values()):
        if not isinstance(getattr(module, "__file__", None), str):
            continue
        before = len(asked)
        quick = import_check.quick_uses_pyside(module, not_from_the_file)
        assert quick == _pyside_way(module), module.__name__
        checked += len(asked) == before  # answered from the file
    assert checked > 100
    assert import_check.quick_uses_pyside(sys.modules["ui.app"], _pyside_way)  # uses PySide
    assert not import_check.quick_uses_pyside(sys.modules["consultprep.front"], _pyside_way)


def test_modules_without_a_source_file_are_asked_the_pyside_way(tmp_path) -> None:
    asked: list[str] = []

    def pyside_way(module: types.ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    built_in = sys.modules["sys"]
    missing = types.ModuleType("gone")
    missing.__file__ = str(tmp_path / "gone.py")  # removed since it was imported
    compiled = types.ModuleType("compiled")
    compiled.__file__ = str(tmp_path / "compiled.so")
    for module in (built_in, missing, compiled):
        assert import_check.quick_uses_pyside(module, pyside_way) is False
    assert asked == ["sys", "gone", "compiled"]
