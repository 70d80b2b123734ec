"""ConsultPrep's bundled files: content, fonts, icons and example drafts.

``folder(...)`` is how every part of ConsultPrep reaches them. It is a plain path (ConsultPrep
is always installed as plain files), so it costs nothing on the way to the first window.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def folder(*parts: str) -> Path:
    """A path inside the bundled resources, e.g. ``folder("fonts")``."""
    return _HERE.joinpath(*parts)
