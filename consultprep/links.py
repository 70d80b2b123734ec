"""Where a reference can be read: its link (a web address, a DOI or a PubMed ID) as a web
address, for the PDF and the app to make clickable."""

from __future__ import annotations

import re
from urllib.parse import quote

__all__ = ["web_address"]


def web_address(link: str) -> str | None:
    """Where a reference's ``link`` can be read on the web ("doi:10.1/x" is
    https://doi.org/10.1/x, "PMID 123" is https://pubmed.ncbi.nlm.nih.gov/123/); None if it
    is none of these."""
    link = link.strip()
    if link.startswith(("https://", "http://")):
        return link if not any(c.isspace() or c in '"<>' for c in link) else None
    doi = re.fullmatch(r"(?i)doi:\s*(10\.\d{4,9}/\S+)", link)
    if doi:
        return "https://doi.org/" + quote(doi.group(1), safe="/()._-;:")
    pmid = re.fullmatch(r"(?i)PMID:?\s*(\d{1,9})", link)
    if pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{pmid.group(1)}/"
    return None
