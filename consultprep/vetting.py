"""Checking a clinic in the UK: what each check means and where to look (content only).

The checks live in ``resources/content/vetting.toml``, validated here. The offer page shows
them and the PDF pack prints them with the clinic's offer.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from consultprep.content_loader import StrictContent, cached_loader

VETTING_FILE = "vetting.toml"
NonEmpty = Field(min_length=1)


class VettingCheck(StrictContent):
    """One check: a short title, what it means, where to look, and its sources."""

    id: str = NonEmpty
    title: str = NonEmpty
    what: str = NonEmpty
    where: str = NonEmpty
    citations: list[str] = Field(min_length=1)


class Vetting(StrictContent):
    """Everything in ``vetting.toml``, validated."""

    title: str = NonEmpty
    intro: str = NonEmpty
    abroad_note: str = NonEmpty
    checks: list[VettingCheck] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Vetting:
        ids = [c.id for c in self.checks]
        if len(ids) != len(set(ids)):
            raise ValueError("each check needs its own id")
        return self

    def done(self, ids: list[str]) -> list[VettingCheck]:
        """The checks among ``ids`` (a draft's ``offer.checks_done``), in this file's order;
        ids this file no longer has are left out."""
        wanted = set(ids)
        return [c for c in self.checks if c.id in wanted]

    def cited(self) -> list[tuple[str, list[str]]]:
        """Every citation in the file, with where it is (for checks against the library)."""
        return [(f"vetting check {c.id}", c.citations) for c in self.checks]


load_vetting = cached_loader(VETTING_FILE, Vetting)
