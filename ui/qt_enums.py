"""A quicker way to make Qt's Python enums, for a quicker start.

PySide makes the enums of a Qt class (``Qt.AlignmentFlag``, ``QStyle.PixelMetric``...) the first
time Python uses the class, through the standard functional API:
``IntEnum(name, [(member, value), ...], boundary=KEEP)``. On Python 3.11 that path checks
each member on its own, and start-up makes about 230 enums with 3,800 members before the first
page shows: about 40 ms, a fifth of the start, the ``Qt`` namespace alone about 20 ms.

The standard library has a quicker path that it uses for its own enums, ``enum._simple_enum``:
it builds the same enum from a plain class without those checks (it trusts its input). This
module sends calls of exactly PySide's shape through it (one of the four plain enum bases,
a list of unique (name, int) pairs, no name starting with "_", nothing else but ``boundary``),
and every other call through the standard path, unchanged. The quick path is about twice as fast.

``tests/test_qt_enums.py`` builds every enum of QtCore, QtGui and QtWidgets both ways and
checks they are the same (``enum._test_simple_enum`` and the members, values and order);
``install`` does nothing on a Python without ``enum._simple_enum``.
"""

from __future__ import annotations

import enum
import sys
from typing import Any

_BASES = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
_standard_create = enum.EnumType._create_


def _plain_pairs(names: object) -> dict[str, int] | None:
    """The members as a dict, if ``names`` is a list of unique (name, int) pairs with no name
    starting with "_" (PySide's shape); None for anything else."""
    if not isinstance(names, list) or not names:
        return None
    members: dict[str, int] = {}
    for pair in names:
        if type(pair) is not tuple or len(pair) != 2:
            return None
        name, value = pair
        if type(name) is not str or type(value) is not int or name.startswith("_"):
            return None
        members[name] = value
    return members if len(members) == len(names) else None


def quick_enum(
    base: type, class_name: str, members: dict[str, int], module: str, boundary: Any = None
) -> type:
    """The enum ``base(class_name, list(members.items()), module=module, boundary=boundary)``,
    made by the standard library's quick path."""
    plain = type(class_name, (), {**members, "__module__": module})
    return enum._simple_enum(base, boundary=boundary)(plain)


def _create_(
    cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None
):
    """``EnumType._create_``, the quick way for PySide's calls, the standard way otherwise."""
    members = None
    if cls in _BASES and type is None and qualname is None:
        members = _plain_pairs(names)
    if members is not None and module is None:
        # the module the standard path would name: the caller of Enum(...)
        try:
            module = sys._getframe(2).f_globals["__name__"]
        except (AttributeError, ValueError, KeyError):
            members = None  # the standard path makes such an enum unpicklable: let it
    if members is None:
        return _standard_create(
            cls,
            class_name,
            names,
            module=module,
            qualname=qualname,
            type=type,
            start=start,
            boundary=boundary,
        )
    return quick_enum(cls, class_name, members, module, boundary)


def install() -> None:
    """Make enums of PySide's shape the quick way from now on (before PySide is imported)."""
    if hasattr(enum, "_simple_enum") and hasattr(enum.EnumType, "_create_"):
        enum.EnumType._create_ = _create_
