"""Qt's enums made the quick way (ui.qt_enums) are the same as the standard library makes them."""

from __future__ import annotations

import enum
import pickle

import pytest

import ui  # noqa: F401  (installs the quick path, as the app does)
from ui import qt_enums

KEEP = enum.FlagBoundary.KEEP


def _qt_enums() -> list[type[enum.Enum]]:
    """Every enum of every class (and namespace) in QtCore, QtGui and QtWidgets."""
    from PySide6 import QtCore, QtGui, QtWidgets

    found: dict[int, type[enum.Enum]] = {}
    for module in (QtCore, QtGui, QtWidgets):
        for owner_name in dir(module):
            owner = getattr(module, owner_name)
            if not isinstance(owner, type):
                continue
            for name in list(vars(owner)):
                value = getattr(owner, name, None)
                if isinstance(value, enum.EnumType) and value.__module__.startswith("PySide6"):
                    found[id(value)] = value
    return list(found.values())


def _base(kind: type[enum.Enum]) -> type[enum.Enum]:
    return next(
        b for b in (enum.IntFlag, enum.IntEnum, enum.Flag, enum.Enum) if issubclass(kind, b)
    )


#: Class attributes that differ by design: the module is the caller's; the maps hold members.
_OWN = ("__module__", "_member_map_", "_value2member_map_")


def _same_value(key: str, standard: object, quick: object) -> None:
    if isinstance(standard, enum.Enum):  # a member (or alias) stored on the class
        assert isinstance(quick, enum.Enum), key
        assert (standard.name, standard.value, vars(standard).keys() - {"__objclass__"}) == (
            quick.name,
            quick.value,
            vars(quick).keys() - {"__objclass__"},
        ), key
        assert quick.__objclass__.__name__ == standard.__objclass__.__name__
    elif callable(standard) or isinstance(standard, (classmethod, staticmethod)):
        assert getattr(standard, "__func__", standard) == getattr(quick, "__func__", quick), key
    else:
        assert standard == quick, key


def _same(standard: type[enum.Enum], quick: type[enum.Enum]) -> None:
    """The classes hold the same things, the members too, in the same order."""
    enum._test_simple_enum(standard, quick)  # the standard library's own comparison
    mine, theirs = vars(standard), vars(quick)
    assert sorted(mine.keys() - set(_OWN)) == sorted(theirs.keys() - set(_OWN))
    for key in mine:
        if key not in _OWN:
            _same_value(key, mine[key], theirs[key])
    assert [(n, m.name, m.value) for n, m in standard.__members__.items()] == [
        (n, m.name, m.value) for n, m in quick.__members__.items()
    ]  # aliases included, in order
    assert [m.name for m in standard] == [m.name for m in quick]
    assert [(v, m.name) for v, m in standard._value2member_map_.items()] == [
        (v, m.name) for v, m in quick._value2member_map_.items()
    ]
    for member in standard:
        assert quick(member.value).name == member.name
        assert quick[member.name] is getattr(quick, member.name)
    assert type(standard) is type(quick) and standard.__mro__[1:] == quick.__mro__[1:]


def test_every_qt_enum_is_made_the_same_both_ways() -> None:
    kinds = _qt_enums()
    assert len(kinds) > 500  # the three modules were really searched
    quick_ones = 0
    for kind in kinds:
        pairs = [(name, member._value_) for name, member in kind.__members__.items()]
        members = qt_enums._plain_pairs(pairs)
        if members is None:
            continue
        base = _base(kind)
        standard = qt_enums._standard_create(
            base, kind.__name__, pairs, module="PySide6.test", boundary=KEEP
        )
        quick = qt_enums.quick_enum(base, kind.__name__, members, "PySide6.test", KEEP)
        try:
            _same(standard, quick)
        except (TypeError, AssertionError) as exc:
            pytest.fail(f"{kind.__qualname__}: {exc}")
        quick_ones += 1
    assert quick_ones > 500


def test_flags_combine_and_invert_as_the_standard_ones_do() -> None:
    pairs = [("NoFlag", 0), ("Left", 1), ("Right", 2), ("Both", 3), ("Top", 32), ("Neg", -1)]
    standard = qt_enums._standard_create(enum.IntFlag, "Sides", pairs, module="m", boundary=KEEP)
    quick = qt_enums.quick_enum(enum.IntFlag, "Sides", dict(pairs), "m", KEEP)
    _same(standard, quick)
    for a in (0, 1, 2, 3, 32):
        for b in (0, 1, 2, 32, 64):
            mixed_s, mixed_q = standard(a) | standard(b), quick(a) | quick(b)
            assert (mixed_s.value, mixed_s.name) == (mixed_q.value, mixed_q.name)
        assert (~standard(a)).value == (~quick(a)).value
    assert (standard.Left & standard.Both).name == (quick.Left & quick.Both).name
    assert repr(standard.Left).replace("Sides", "") == repr(quick.Left).replace("Sides", "")


def test_other_calls_go_the_standard_way_unchanged() -> None:
    # names as a string, a list of names, a mapping, a private name, repeated names, a str mixin
    Colour = enum.Enum("Colour", "RED GREEN")
    assert [m.value for m in Colour] == [1, 2]
    Shape = enum.IntEnum("Shape", ["SQUARE", "ROUND"], start=5)
    assert Shape.ROUND == 6
    Size = enum.Enum("Size", {"S": "small", "L": "large"})
    assert Size("large") is Size.L
    with pytest.raises(ValueError):
        enum.Enum("Bad", [("_sunder_", 1)])
    with pytest.raises(TypeError):
        enum.Enum("Twice", [("A", 1), ("A", 2)])
    Word = enum.Enum("Word", [("HI", "hi")], type=str)
    assert Word.HI == "hi"


def test_an_enum_made_the_quick_way_pickles_to_itself() -> None:
    Weekday = enum.IntEnum("Weekday", [("MON", 1), ("TUE", 2)])
    assert Weekday.__module__ == __name__
    assert enum.EnumType._create_ is qt_enums._create_  # the quick way was taken
    globals()["Weekday"] = Weekday
    try:
        assert pickle.loads(pickle.dumps(Weekday.TUE)) is Weekday.TUE
    finally:
        del globals()["Weekday"]


def test_qt_enums_made_at_run_time_behave() -> None:
    from PySide6.QtCore import Qt

    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    assert Qt.AlignmentFlag.AlignLeft in flags
    assert Qt.AlignmentFlag(int(flags)) == flags
    assert Qt.Key.Key_Return.name == "Key_Return"
    assert Qt.AlignmentFlag.__module__.startswith("PySide6")


def test_the_quick_way_is_installed_only_where_it_agrees(monkeypatch) -> None:
    assert qt_enums._agrees()  # on this Python the probes come out the same both ways
    made = qt_enums.quick_enum

    def careless(*args):  # a builder that forgets one thing
        kind = made(*args)
        for member in kind:
            del member._sort_order_
        return kind

    monkeypatch.setattr(qt_enums, "quick_enum", careless)
    assert not qt_enums._agrees()
    monkeypatch.setattr(enum.EnumType, "_create_", qt_enums._standard_create)
    qt_enums.install()
    assert enum.EnumType._create_ is qt_enums._standard_create  # left the standard way
