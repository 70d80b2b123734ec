"""How the pack is printed: the paper size and large print.

This module is cheap to import (no reportlab), so the command line and the app can offer the
choices without loading the PDF machinery.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Paper = Literal["A4", "Letter"]
PAPERS: tuple[Paper, ...] = ("A4", "Letter")

#: The smallest type in large print, in points: UK guidance on large print (for example a
#: county council's, which follows the RNIB's clear print guidelines) asks for 16 pt or more.
LARGE_PRINT_MIN_SIZE = 16.0

#: How much bigger everything is in large print (type, tick boxes, lines to write on): the
#: body's 11 pt becomes 16 pt.
LARGE_PRINT_SCALE = LARGE_PRINT_MIN_SIZE / 11

#: Countries (ISO 3166 codes) where US Letter is the usual paper; everywhere else uses A4.
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "NI", "DO", "BZ"}
)

#: Locale variables in the order the C library reads them for the paper size.
_LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")


@dataclass(frozen=True)
class PackOptions:
    """Choices for printing the pack.

    Attributes
    ----------
    paper
        "A4" or "Letter".
    large_print
        About 1.45 times bigger type, tick boxes and writing lines; text at 16 pt or more.
    """

    paper: Paper = "A4"
    large_print: bool = False

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {PAPERS}, not {self.paper!r}")

    @property
    def scale(self) -> float:
        """How much bigger than normal the type is (1.0 for normal print)."""
        return LARGE_PRINT_SCALE if self.large_print else 1.0


def paper_for_locale(name: str | None) -> Paper:
    """The usual paper for a locale name such as "en_US.UTF-8" or "fr_CA" (pure).

    Letter in the United States, Canada, Mexico and the other countries in
    ``LETTER_COUNTRIES``; A4 everywhere else, and for "C", "POSIX" or no locale at all.
    """
    if not name:
        return "A4"
    language = name.split(".", 1)[0].split("@", 1)[0]
    parts = language.replace("-", "_").split("_")
    country = parts[1].upper() if len(parts) > 1 else ""
    return "Letter" if country in LETTER_COUNTRIES else "A4"


def default_paper(environ: Mapping[str, str] | None = None) -> Paper:
    """The paper this computer's locale suggests (LC_ALL, then LC_PAPER, then LANG).

    Parameters
    ----------
    environ
        The environment to look in; ``os.environ`` if None.
    """
    env = os.environ if environ is None else environ
    for variable in _LOCALE_VARIABLES:
        value = env.get(variable, "")
        if value:
            return paper_for_locale(value)
    if environ is None:
        try:
            return paper_for_locale(locale.getlocale()[0])
        except ValueError:
            return "A4"
    return "A4"
