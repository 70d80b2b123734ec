"""ConsultPrep domain: drafts, the content library, checklists and storage (no Qt, no PDF)."""

from consultprep.content import ContentError, EvidenceLevel, Library, load_library
from consultprep.models import SCHEMA_VERSION, Draft, Photo
from consultprep.photos import PhotoError, add_photo
from consultprep.storage import DraftError, load_draft, save_draft

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
