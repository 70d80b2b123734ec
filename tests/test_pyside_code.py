"""PySide's own helpers, compiled once and kept (ui.pyside_code): the code PySide runs is the
same as when it compiles them itself, and a missing, damaged or unwritable cache changes
nothing but the time."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.bench.common import run_python
from ui import pyside_code

# Prints, for each of PySide's helper modules, a digest of all its code (every function and
# method, with its bytecode, names, flags, constants and line table), then, if the app's
# package was imported first, what the cache did.
DIGEST = r"""
import hashlib, json, sys, types
FIRST = sys.argv[1]
watch = None
if FIRST == "ui":
    import ui
    from ui import pyside_code
    watch = next(f for f in sys.meta_path if isinstance(f, pyside_code._Watch))
import PySide6.QtWidgets

def canon(value, seen):
    if isinstance(value, types.CodeType):
        return ("code", value.co_code, value.co_flags, value.co_names, value.co_varnames,
                value.co_freevars, value.co_cellvars, value.co_filename, value.co_qualname,
                value.co_firstlineno, value.co_linetable, value.co_exceptiontable,
                value.co_argcount, value.co_posonlyargcount, value.co_kwonlyargcount,
                value.co_stacksize, tuple(canon(c, seen) for c in value.co_consts))
    if isinstance(value, (types.FunctionType, types.MethodType)):
        return canon(getattr(value, "__code__", None) or value.__func__.__code__, seen)
    if isinstance(value, (staticmethod, classmethod)):
        return canon(value.__func__, seen)
    if isinstance(value, property):
        return tuple(canon(f, seen) for f in (value.fget, value.fset, value.fdel))
    if isinstance(value, type) and id(value) not in seen:
        seen.add(id(value))
        return tuple((k, canon(v, seen)) for k, v in sorted(vars(value).items()))
    if isinstance(value, (tuple, frozenset)):
        return tuple(canon(v, seen) for v in value)
    return repr(type(value))

digests = {}
for name, module in sorted(sys.modules.items()):
    if name.startswith("shibokensupport") or name == "signature_bootstrap":
        # (_mod_uses_pyside is swapped by ui.import_check, which has its own tests)
        own = {k: v for k, v in vars(module).items() if k != "_mod_uses_pyside"
               and (getattr(v, "__module__", name) == name or isinstance(v, types.CodeType))}
        text = repr(tuple((k, canon(v, set())) for k, v in sorted(own.items())))
        digests[name] = hashlib.sha256(text.encode()).hexdigest()
report = {"digests": digests}
if watch is not None:
    report["kept"] = sorted(watch.cache.entries)
    report["compiled_anew"] = watch.cache.compiled_anew > 0
    import builtins
    report["compile_restored"] = builtins.compile is pyside_code._standard_compile
    report["watching"] = any(isinstance(f, pyside_code._Watch) for f in sys.meta_path)
print(json.dumps(report))
"""


def _start(first: str, home: Path) -> dict:
    done = run_python(["-c", DIGEST, first], home)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cache_file(home: Path) -> Path:
    return home / "cache" / "consultprep" / f"pyside-code-{os.sys.implementation.cache_tag}.bin"


def test_pyside_runs_the_same_code_from_the_cache(tmp_path: Path) -> None:
    plain = _start("pyside", tmp_path)  # PySide alone: it compiles its helpers itself
    first = _start("ui", tmp_path)  # the app: compiles them once, and keeps them
    assert first["compiled_anew"] is True
    assert _cache_file(tmp_path).is_file()
    again = _start("ui", tmp_path)  # the next start: every helper from the cache
    assert again["compiled_anew"] is False
    assert len(again["kept"]) >= 10  # PySide 6.11 has 14
    assert "shibokensupport/signature/loader.py" in again["kept"]
    assert plain["digests"] and len(plain["digests"]) >= 10
    assert first["digests"] == plain["digests"]
    assert again["digests"] == plain["digests"]
    for report in (first, again):
        assert report["compile_restored"] is True  # the standard compile is back
        assert report["watching"] is False  # and the finder is gone


def test_a_damaged_cache_is_compiled_anew_and_replaced(tmp_path: Path) -> None:
    plain = _start("pyside", tmp_path)
    cache = _cache_file(tmp_path)
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"\x00not a cache at all" * 100)
    first = _start("ui", tmp_path)
    assert first["compiled_anew"] is True
    assert first["digests"] == plain["digests"]
    assert _start("ui", tmp_path)["compiled_anew"] is False  # replaced by a good one


def test_an_unwritable_cache_folder_changes_nothing_but_the_time(tmp_path: Path) -> None:
    plain = _start("pyside", tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    # The cache folder is a file: nothing can be saved under it, whoever runs the tests.
    (home / "cache").write_text("in the way")
    for _ in range(2):
        report = _start("ui", home)
        assert report["digests"] == plain["digests"]
        assert report["compile_restored"] is True


def test_a_helper_whose_source_changed_is_compiled_again(tmp_path: Path) -> None:
    cache = pyside_code.CodeCache(str(tmp_path / "c.bin"))
    source = b"def f():\n    return 1\n"
    code = cache.code(source, "shibokensupport/x.py", 0)
    cache.save()
    kept = pyside_code.CodeCache(str(tmp_path / "c.bin"))
    assert kept.code(source, "shibokensupport/x.py", 0) is kept.entries["shibokensupport/x.py"][2]
    assert kept.compiled_anew == 0
    changed = source.replace(b"1", b"2")
    new = kept.code(changed, "shibokensupport/x.py", 0)
    assert kept.compiled_anew == 1
    namespace: dict = {}
    exec(new, namespace)  # noqa: S102  (the test's own code)
    assert namespace["f"]() == 2
    assert not new.co_flags & pyside_code.FUTURE_FLAGS
    annotations = kept.code(changed, "shibokensupport/x.py", pyside_code.FUTURE_FLAGS)
    assert annotations.co_flags & pyside_code.FUTURE_FLAGS  # other flags: compiled again
    assert code.co_consts != new.co_consts


def test_a_cache_from_another_python_is_not_used(tmp_path: Path) -> None:
    cache = pyside_code.CodeCache(str(tmp_path / "c.bin"))
    cache.code(b"x = 1\n", "shibokensupport/x.py", 0)
    cache.save()
    later = pyside_code.CodeCache(str(tmp_path / "c.bin"))
    assert later.entries
    later.version = b"\x00\x00\r\n"  # as if Python's bytecode version had changed
    later.load()
    assert later.entries == {}


# Code compiled without ``from __future__ import annotations``, calling the compile it is given:
# the built-in takes over the caller's future flags; the stand-in must do the same.
CALLER = "def call(compile, *args, **kwargs):\n    return compile(*args, **kwargs)\n"
WITH_FUTURE = "from __future__ import annotations\n" + CALLER


@pytest.mark.parametrize("caller_source", [CALLER, WITH_FUTURE])
@pytest.mark.parametrize(
    "filename", ["shibokensupport/x.py", "signature_bootstrap.py", "elsewhere.py"]
)
def test_the_stand_in_compiles_as_the_built_in_does(
    tmp_path: Path, caller_source: str, filename: str
) -> None:
    namespace: dict = {}
    caller = compile(caller_source, "caller.py", "exec", dont_inherit=True)
    exec(caller, namespace)  # noqa: S102  (the test's own code)
    call = namespace["call"]
    stand_in = pyside_code.caching_compile(pyside_code.CodeCache(str(tmp_path / "c.bin")))
    source = "def f(x: undefined_name) -> int:\n    return 1\n"
    for args, kwargs in [
        ((source, filename, "exec"), {}),
        ((source.encode(), filename, "exec"), {}),
        ((source, filename, "exec", 0, True), {}),
        ((source, filename, "exec"), {"optimize": 2}),
        (("1 + 2", filename, "eval"), {}),
    ]:
        ours, builtin = call(stand_in, *args, **kwargs), call(compile, *args, **kwargs)
        assert ours.co_flags == builtin.co_flags
        assert ours.co_code == builtin.co_code
        assert ours.co_consts == builtin.co_consts
    ast_flag = 0x400  # ast.PyCF_ONLY_AST: not code, never kept
    tree = call(stand_in, source, filename, "exec", ast_flag)
    assert type(tree).__name__ == "Module"


def test_install_does_nothing_once_pyside_is_loaded() -> None:
    import PySide6.QtCore  # noqa: F401  (pytest-qt has loaded it already)

    before = list(__import__("sys").meta_path)
    pyside_code.install()
    assert __import__("sys").meta_path == before


def test_the_cache_is_kept_in_the_xdg_cache_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert Path(pyside_code.cache_path()).parent == tmp_path / "consultprep"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/folder")  # not absolute: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert Path(pyside_code.cache_path()).parent == tmp_path / "home" / ".cache" / "consultprep"


def test_the_cache_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "c.bin"
    cache = pyside_code.CodeCache(str(path))
    cache.code(b"x = 1\n", "shibokensupport/x.py", 0)
    cache.save()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not list(path.parent.glob("*.part"))
