"""ConsultPrep's bundled files: content, fonts, icons and example drafts.

``folder(...)`` is the quick way to them for code on the way to the first window (it does not
load ``importlib.resources``); ConsultPrep is always installed as plain files.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def folder(*parts: str) -> Path:
    """A path inside the bundled resources, e.g. ``folder("fonts")``."""
    return _HERE.joinpath(*parts)
