"""The import direction is part of the design: consultprep <- exports <- ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "consultprep": {"PySide6", "reportlab", "ui", "exports"},
    "exports": {"PySide6", "ui"},
}


def _imported_top_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_it_may(package: str) -> None:
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = _imported_top_names(path) & FORBIDDEN[package]
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return {m.split(".")[0] for m in out.stdout.split()}


def test_domain_and_cli_start_without_qt_or_reportlab() -> None:
    loaded = _modules_after("import consultprep, exports, ui, ui.cli")
    assert not loaded & {"PySide6", "reportlab", "PIL"}


def test_export_command_never_loads_qt(tmp_path: Path) -> None:
    example = ROOT / "resources" / "examples" / "scars.consultprep"
    code = (
        "from ui.cli import main\n"
        f"assert main(['export', {str(example)!r}, '-o', {str(tmp_path / 'x.pdf')!r}]) == 0\n"
    )
    loaded = _modules_after(code)
    assert "PySide6" not in loaded
    assert "reportlab" in loaded  # it really did make the PDF
