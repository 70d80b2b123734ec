"""ConsultPrep domain: drafts, the content library, checklists and storage (no Qt, no PDF).

The names below are loaded on first use (PEP 562), so importing one small module such as
``consultprep.evidence`` does not also load pydantic and the whole content library: the app's
first window appears sooner.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers and editors; at run time see __getattr__
    from consultprep.content import ContentError as ContentError
    from consultprep.content import EvidenceLevel as EvidenceLevel
    from consultprep.content import Library as Library
    from consultprep.content import load_library as load_library
    from consultprep.models import SCHEMA_VERSION as SCHEMA_VERSION
    from consultprep.models import Draft as Draft
    from consultprep.models import Photo as Photo
    from consultprep.photos import PhotoError as PhotoError
    from consultprep.photos import add_photo as add_photo
    from consultprep.storage import DraftError as DraftError
    from consultprep.storage import load_draft as load_draft
    from consultprep.storage import save_draft as save_draft

#: Where each public name lives.
_HOMES = {
    "ContentError": "content",
    "EvidenceLevel": "content",
    "Library": "content",
    "load_library": "content",
    "SCHEMA_VERSION": "models",
    "Draft": "models",
    "Photo": "models",
    "PhotoError": "photos",
    "add_photo": "photos",
    "DraftError": "storage",
    "load_draft": "storage",
    "save_draft": "storage",
}

__all__ = [
    "SCHEMA_VERSION",
    "ContentError",
    "Draft",
    "DraftError",
    "EvidenceLevel",
    "Library",
    "Photo",
    "PhotoError",
    "add_photo",
    "load_draft",
    "load_library",
    "save_draft",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Load a public name from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'consultprep' has no attribute {name!r}")
    value = getattr(import_module(f"consultprep.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
