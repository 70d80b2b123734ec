"""Install or remove a freedesktop launcher (.desktop file and icons) for the current user.

No Qt needed. Files go under ``$XDG_DATA_HOME`` (default ``~/.local/share``):
``applications/consultprep.desktop`` and ``icons/hicolor/<size>/apps/consultprep.(png|svg)``.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from resources import folder

APP_ID = "consultprep"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


def data_home() -> Path:
    """The user's XDG data folder."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _launcher_command() -> str:
    """The command the launcher runs: this installation's own ``consultprep`` script."""
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if script is not None and script.name == APP_ID and script.exists():
        return shlex.quote(str(script))
    found = shutil.which(APP_ID)
    if found:
        return shlex.quote(found)
    return f"{shlex.quote(sys.executable)} -m ui.cli"


def _entry_text(command: str) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=ConsultPrep\n"
        "GenericName=Skin consultation preparation\n"
        "Comment=Prepare for a talk with your dermatologist about stem-cell or other "
        "regenerative skin treatment\n"
        f"Exec={command} %f\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "Categories=Office;Education;MedicalSoftware;\n"
        "Keywords=skin;dermatology;stem cell;consultation;questions;\n"
        "StartupWMClass=ConsultPrep\n"
    )


def _targets(home: Path) -> list[tuple[str, Path]]:
    icons = home / "icons" / "hicolor"
    out = [(f"consultprep-{s}.png", icons / f"{s}x{s}" / "apps" / f"{APP_ID}.png") for s in PNG_SIZES]
    out.append(("consultprep.svg", icons / "scalable" / "apps" / f"{APP_ID}.svg"))
    return out


def install_desktop_entry(home: Path | None = None) -> Path:
    """Write the launcher and icons; return the .desktop file's path."""
    home = home or data_home()
    icon_dir = folder("icons")
    for name, target in _targets(home):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((icon_dir / name).read_bytes())
    entry = home / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(_entry_text(_launcher_command()), encoding="utf-8")
    entry.chmod(0o755)
    return entry


def uninstall_desktop_entry(home: Path | None = None) -> list[Path]:
    """Remove the launcher and icons; return what was removed."""
    home = home or data_home()
    removed = []
    for path in [home / "applications" / f"{APP_ID}.desktop", *(t for _, t in _targets(home))]:
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed
