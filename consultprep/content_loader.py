"""Loading the smaller content files that sit beside the library (readiness, claims, vetting).

Each file in ``resources/content`` is validated by its own pydantic model when it is loaded,
so a typo fails loudly with the file name, as :func:`consultprep.content.load_library` does.
Citations in these files use reference ids from ``library.toml``; :func:`unknown_citations`
checks them against a library.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from consultprep.content import ContentError, Library, _read_toml

M = TypeVar("M", bound=BaseModel)


class StrictContent(BaseModel):
    """Base for content models: unknown keys are errors, text is stripped, nothing changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def load_model(file_name: str, model: type[M]) -> M:
    """Read ``resources/content/<file_name>`` and validate it as ``model``.

    Raises
    ------
    ContentError
        If the file is missing, not valid TOML, or does not match the model.
    """
    raw = _read_toml(file_name)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(f"content file {file_name}: {exc}") from exc


def cached_loader(file_name: str, model: type[M]) -> Callable[[], M]:
    """A function that loads and validates ``file_name`` as ``model`` once, then reuses it.

    The function raises :class:`ContentError` as :func:`load_model` does.
    """

    @lru_cache(maxsize=1)
    def load() -> M:
        return load_model(file_name, model)

    load.__doc__ = f"Load and validate ``{file_name}`` (cached); ContentError if it is broken."
    return load


def unknown_citations(cited: list[tuple[str, list[str]]], library: Library) -> list[str]:
    """Problems for any cited id that is not in the library's references (empty if none)."""
    known = {r.id for r in library.references}
    return [
        f"{where}: unknown reference {c!r}"
        for where, cites in cited
        for c in cites
        if c not in known
    ]


def load_extra_content() -> None:
    """Load (and so check) every content file beside the library, once, at start-up.

    Raises
    ------
    ContentError
        If any of them is missing, not valid TOML, or fails validation.
    """
    # Imported here: those modules import this one.
    from consultprep.claims import load_claim_rules
    from consultprep.readiness import load_readiness
    from consultprep.vetting import load_vetting

    load_readiness()
    load_claim_rules()
    load_vetting()
