"""PySide's look at each newly imported module, made quicker.

PySide replaces Python's import with its own, for its ``from __feature__ import ...``. After
each new module is imported, it reads the module's whole source through ``inspect.getsource``
to see whether it mentions "PySide6" (``shibokensupport.feature._mod_uses_pyside``). About 45
modules are imported after PySide before the first page shows, and those reads took 5 to 7 ms.
This module gives PySide the same answer from one plain read of the file's bytes. Anything
else (no source file, a file that cannot be read) is still asked the PySide way.

``install`` (called from ``ui/__init__.py``, before PySide is loaded) puts a finder on
``sys.meta_path`` that finds nothing. It only notices, at the first import after PySide has
loaded, that PySide's feature module is there. It then swaps the check and takes itself off.
"""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def quick_uses_pyside(module: ModuleType, pyside_way) -> bool:
    """Whether ``module``'s source mentions "PySide6", as ``pyside_way(module)`` answers."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return pyside_way(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return pyside_way(module)


def _swap(feature: ModuleType) -> bool:
    """Give PySide the quick check; False if its feature module has no check (yet)."""
    pyside_way = getattr(feature, "_mod_uses_pyside", None)
    if pyside_way is None:
        return False  # still being loaded, or a PySide without it
    if getattr(pyside_way, "quick", False):
        return True  # swapped already

    def uses_pyside(module: ModuleType) -> bool:
        return quick_uses_pyside(module, pyside_way)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
    return True


class _Watch:
    """A finder that finds nothing: it waits for PySide's feature module to be loaded."""

    def find_spec(self, _name: str, _path=None, _target=None) -> None:
        feature = sys.modules.get(FEATURE_MODULE)
        if feature is not None and _swap(feature) and self in sys.meta_path:
            sys.meta_path.remove(self)


def install() -> None:
    """Quicken PySide's check as soon as PySide is loaded (now, if it is already)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is not None and _swap(feature):
        return
    if not any(isinstance(finder, _Watch) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Watch())
