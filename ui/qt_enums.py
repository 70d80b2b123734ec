"""A quicker way to make Qt's Python enums, for a quicker start.

PySide makes the enums of a Qt class (``Qt.AlignmentFlag``, ``QStyle.PixelMetric``...) the first
time Python uses the class, through the standard functional API:
``IntEnum(name, [(member, value), ...], boundary=KEEP)``. On Python 3.11 that path checks
each member on its own, through several layers of Python, and start-up makes about 230 enums
with 3,800 members before the first page shows: about 40 ms, a fifth of the start (the ``Qt``
namespace alone about 20 ms).

The calls PySide makes are all of one simple shape: one of the four plain enum bases, a list
of unique (name, int) pairs, and ``boundary``. This module builds such an enum directly, the
way the standard library's own quick path (``enum._simple_enum``) does, except that members
are stored on the class as the standard path stores them. It is about four times as fast as
the standard path. Every other call goes the standard way, unchanged. It follows the ``enum``
internals of Python 3.11 (3.11.2 and later releases, which differ a little), so it is
installed only on 3.11, and only once two small probe enums come out the same both ways.

``tests/test_qt_enums.py`` builds every enum of QtCore, QtGui and QtWidgets both ways and
checks that the classes and their members hold the same things.
"""

from __future__ import annotations

import enum
import sys
from typing import Any

_BASES = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
#: Later releases of 3.11 keep a flag's single bits apart (``_singles_mask_``); 3.11.2, the
#: one Debian 12 has, does not.
_SINGLES = ("_singles_mask_",) if "_singles_mask_" in vars(enum.Flag) else ()
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


#: For each base, the names its classes define (filled on first use).
_TAKEN: dict[type, frozenset[str]] = {}


def _clashes(base: type, members: dict[str, int]) -> bool:
    """True if a member would hide something the base class has (``name``, ``value``,
    ``real``...): the standard path puts a redirect there, which this module does not make."""
    taken = _TAKEN.get(base)
    if taken is None:
        taken = _TAKEN[base] = frozenset().union(*(vars(k) for k in base.__mro__))
    return not taken.isdisjoint(members)


def _single_bit(value: int) -> bool:
    """One bit set (``enum._is_single_bit``; 0 and negative numbers are not)."""
    return value > 0 and value & (value - 1) == 0


def quick_enum(
    base: type, class_name: str, members: dict[str, int], module: str, boundary: Any = None
) -> type:
    """The enum ``base(class_name, list(members.items()), module=module, boundary=boundary)``,
    built directly (``base`` one of Enum, IntEnum, Flag, IntFlag; no member named as
    something ``base`` has)."""
    flag = issubclass(base, enum.Flag)
    member_type = base._member_type_
    new_member = member_type.__new__
    use_args = base._use_args_
    names: list[str] = []
    member_map: dict[str, Any] = {}
    by_value: dict[int, Any] = {}
    body: dict[str, Any] = {
        "__module__": module,
        "__doc__": None,
        "_new_member_": new_member,
        "_use_args_": use_args,
        "_generate_next_value_": base._generate_next_value_,
        "_member_names_": names,
        "_member_map_": member_map,
        "_value2member_map_": by_value,
        "_unhashable_values_": [],
        "_member_type_": member_type,
        "_value_repr_": base._value_repr_,
    }
    if flag:
        body["_boundary_"] = boundary or base._boundary_
        for name in ("_flag_mask_", "_all_bits_", "_inverted_") + _SINGLES:
            body[name] = None
        for name in ("__or__", "__xor__", "__and__", "__ror__", "__rxor__", "__rand__"):
            body[name] = getattr(enum.Flag, name)
        body["__invert__"] = enum.Flag.__invert__
    enum_class = type(class_name, (base,), body, boundary=boundary, _simple=True)
    set_attr = type.__setattr__  # EnumType's own only refuses to reassign a member
    for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
        if getattr(enum_class, name) in (getattr(member_type, name), getattr(object, name)):
            set_attr(enum_class, name, getattr(base, name))
    single = every = 0
    for name, value in members.items():
        member = by_value.get(value)
        if member is None:  # not an alias of an earlier member
            member = new_member(enum_class, value) if use_args else new_member(enum_class)
            member._value_ = value
            member._name_ = name
            member.__objclass__ = enum_class
            member._sort_order_ = len(names)
            by_value[value] = member
            if not flag or _single_bit(value):
                names.append(name)
                single |= value
            every |= value
        member_map[name] = member
        set_attr(enum_class, name, member)
    if flag:
        if _SINGLES:
            enum_class._flag_mask_ = every
            enum_class._singles_mask_ = single
        else:  # before 3.11.4 or so the mask held the single bits only
            enum_class._flag_mask_ = single
        enum_class._all_bits_ = 2 ** every.bit_length() - 1
        values = [member._value_ for member in enum_class]
        if values != sorted(values):
            enum_class._iter_member_ = enum_class._iter_member_by_def_
    enum_class.__new__ = enum.Enum.__new__
    return enum_class


def _create_(
    cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None
):
    """``EnumType._create_``: the quick way for PySide's calls, the standard way otherwise."""
    members = None
    if cls in _BASES and type is None and qualname is None:
        members = _plain_pairs(names)
        if members is not None and _clashes(cls, members):
            members = None
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


#: Two small enums of PySide's shape (a flag with an alias, a zero and a multi-bit value; a
#: plain enum with an alias and a negative value), made both ways before the quick way is
#: installed.
_PROBES = (
    (enum.IntFlag, [("NoSide", 0), ("Left", 1), ("Right", 2), ("Both", 3), ("Also", 1)]),
    (enum.IntEnum, [("First", 1), ("Second", 2), ("Again", 1), ("Below", -5)]),
)


def _looks(kind: type) -> tuple:
    """What a class and its members hold, by name (members by name and value)."""

    def plain(value: object) -> object:
        if isinstance(value, enum.Enum):
            held = {k: v for k, v in vars(value).items() if k != "__objclass__"}
            return ("member", sorted(held.items()))
        return value if isinstance(value, (int, str, list, dict, type(None))) else type(value)

    return (
        sorted(
            (key, repr(plain(value)))
            for key, value in vars(kind).items()
            if key not in ("__module__", "_member_map_", "_value2member_map_")
        ),
        [(name, member._value_) for name, member in kind.__members__.items()],
        [member._name_ for member in kind],
    )


def _agrees() -> bool:
    """True if the quick way makes the probes as the standard way does on this Python."""
    try:
        for base, pairs in _PROBES:
            standard = _standard_create(base, "Probe", pairs, module=__name__, boundary=None)
            quick = quick_enum(base, "Probe", dict(pairs), __name__, None)
            if _looks(standard) != _looks(quick):
                return False
    except Exception:  # noqa: BLE001 - any surprise: keep the standard way
        return False
    return True


def install() -> None:
    """Make enums of PySide's shape the quick way from now on (before PySide is imported).
    Nothing changes on a Python other than 3.11, nor on one whose ``enum`` makes the probes
    differently (a check of about a tenth of a millisecond)."""
    if sys.version_info[:2] == (3, 11) and _agrees():
        enum.EnumType._create_ = _create_
