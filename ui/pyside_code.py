"""PySide's own Python helpers, compiled once and kept for the next start.

PySide carries a dozen Python modules of its own (``shibokensupport``: function signatures and
``from __feature__``) inside its base library, and compiles them from their source every time
it is loaded: about 10 ms of each start. Python keeps the compiled form of ordinary modules in
``__pycache__`` folders; these have none. This module keeps it in the app's cache folder
(``cache_path()``: ``consultprep/`` under ``$XDG_CACHE_HOME``, else ``~/.cache``) and hands
it back at the next start.

How: ``install`` (called from ``ui/__init__.py``, before PySide is loaded) puts a finder on
``sys.meta_path`` that finds nothing. When Python looks for ``shiboken6.Shiboken`` (PySide's
base library, which compiles the helpers as it loads), the finder puts a ``compile`` into
``builtins`` that answers those calls from the cache. At the first import of one of PySide's
Qt modules (by then the base library has loaded), it puts the standard ``compile`` back,
saves anything compiled anew, and takes itself off.

A helper is taken from the cache only if its source is the very one PySide passes now, with
the same compiler flags, under the same Python bytecode version; otherwise it is compiled as
usual, and kept. Every other call of ``compile`` meanwhile is passed on unchanged. A cache
that cannot be read or written is ignored: the start is then as it was before.
"""

from __future__ import annotations
import __future__

import builtins
import marshal
import os
import sys
from types import CodeType

#: PySide's base library: it compiles its helpers while it loads.
BASE_MODULE = "shiboken6.Shiboken"
#: Imports of these come after the base library has loaded: the time to stop.
AFTER_BASE = "PySide6.Qt"
#: The file names PySide compiles its helpers under.
HELPER_FILES = ("shibokensupport/", "signature_bootstrap.py")
#: The ``from __future__`` flags ``compile`` takes over from the code calling it.
FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag

_standard_compile = builtins.compile


def cache_path() -> str | None:
    """The cache file for this Python, or None if there is no home folder to keep it in."""
    folder = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(folder):  # unset, or relative: the XDG rule is to ignore it
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        folder = os.path.join(home, ".cache")
    return os.path.join(folder, "consultprep", f"pyside-code-{sys.implementation.cache_tag}.bin")


def _bytecode_version() -> bytes | None:
    """Python's bytecode version (the one ``__pycache__`` files are marked with)."""
    bootstrap = sys.modules.get("_frozen_importlib_external")
    magic = getattr(bootstrap, "MAGIC_NUMBER", None)
    return magic if isinstance(magic, bytes) else None


class CodeCache:
    """Compiled helpers by file name: ``{name: (source, flags, code)}``, read from and saved
    to ``path``."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.version = _bytecode_version()
        self.entries: dict = {}
        self.compiled_anew = 0  # how many helpers were not in the cache: saved if any
        self.load()

    def load(self) -> None:
        """Read the cache (nothing, if it is missing, damaged or of another Python)."""
        self.entries = {}
        if self.path is None or self.version is None:
            return
        try:
            with open(self.path, "rb") as file:
                kept = marshal.load(file)
        except (OSError, EOFError, ValueError, TypeError):
            return  # none yet, unreadable or damaged: compile as usual, then save anew
        if (
            type(kept) is tuple
            and len(kept) == 2
            and kept[0] == self.version
            and type(kept[1]) is dict
        ):
            self.entries = kept[1]

    def code(self, source: str | bytes, filename: str, flags: int) -> CodeType:
        """The code of ``source``: kept, if it was compiled from exactly this before."""
        kept = self.entries.get(filename)
        if (
            type(kept) is tuple
            and len(kept) == 3
            and type(kept[0]) is type(source)
            and kept[0] == source
            and kept[1] == flags
            and type(kept[2]) is CodeType
        ):
            return kept[2]
        code = _standard_compile(source, filename, "exec", flags, True)
        self.entries[filename] = (source, flags, code)
        self.compiled_anew += 1
        return code

    def save(self) -> None:
        """Write the cache if anything was compiled anew (quietly nothing if it cannot be)."""
        if not self.compiled_anew or self.path is None or self.version is None:
            return
        partial = f"{self.path}.{os.getpid()}.part"
        try:
            os.makedirs(os.path.dirname(self.path), mode=0o700, exist_ok=True)
            with open(partial, "wb") as file:
                marshal.dump((self.version, self.entries), file)
            os.replace(partial, self.path)  # whole or not at all, also with two starts at once
        except (OSError, ValueError):
            try:
                os.remove(partial)
            except OSError:
                pass


def caching_compile(cache: CodeCache):
    """A ``compile`` that takes PySide's helpers from ``cache`` and passes on anything else."""

    def compile(  # it stands in for the built-in
        source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **options
    ):
        if not dont_inherit:  # as the built-in does: the caller's ``from __future__`` flags
            try:
                flags |= sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
            except ValueError:  # called with no Python code running: nothing to take over
                pass
        if (
            mode == "exec"
            and isinstance(source, (str, bytes))
            and isinstance(filename, str)
            and filename.startswith(HELPER_FILES)
            and not flags & ~FUTURE_FLAGS
            and optimize == -1
            and not options
        ):
            return cache.code(source, filename, flags)
        return _standard_compile(source, filename, mode, flags, True, optimize, **options)

    compile.cache = cache  # type: ignore[attr-defined]
    return compile


class _Watch:
    """A finder that finds nothing: it notices when PySide's base library is about to load,
    and when it has."""

    def __init__(self) -> None:
        self.cache: CodeCache | None = None

    def find_spec(self, name: str, _path=None, _target=None) -> None:
        if self.cache is None:
            if name == BASE_MODULE:
                self.cache = CodeCache(cache_path())
                builtins.compile = caching_compile(self.cache)
        elif name.startswith(AFTER_BASE):
            self.finish()

    def finish(self) -> None:
        """Put the standard ``compile`` back, save the cache, and stop watching."""
        if getattr(builtins.compile, "cache", None) is self.cache:
            builtins.compile = _standard_compile
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        if self.cache is not None:
            self.cache.save()


def install() -> None:
    """Keep PySide's compiled helpers from now on (nothing, if PySide is already loaded)."""
    if BASE_MODULE in sys.modules or any(isinstance(f, _Watch) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Watch())
