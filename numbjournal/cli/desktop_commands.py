"""``numbjournal install-desktop-entry``: put numbjournal in the Linux applications menu.

Writes the .desktop file and the icons into the user's XDG data folder (no
root needed). The Exec line names the program that is running now, so the
menu entry starts this installation even when it lives in a virtualenv.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..core.atomic import atomic_write
from .context import CommandContext

DESKTOP_FILE = "numbjournal.desktop"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "install-desktop-entry",
        parents=[common],
        help="add numbjournal to the applications menu (Linux)",
        description="Install a menu entry and icon for numbjournal into the user's "
        "XDG data folder ($XDG_DATA_HOME, usually ~/.local/share). Linux desktops only.",
    )
    parser.set_defaults(handler=install_desktop_entry)


def xdg_data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME")
    return Path(value) if value else Path.home() / ".local" / "share"


def launcher_command() -> str:
    """How the menu should start this numbjournal: its own gui script, else this Python."""
    script = Path(sys.argv[0]).resolve().with_name("numbjournal-gui")
    if script.is_file():
        return shlex.quote(str(script))
    found = shutil.which("numbjournal-gui")
    if found:
        return shlex.quote(found)
    return f"{shlex.quote(sys.executable)} -m numbjournal"


def desktop_entry_text(exec_command: str) -> str:
    template = (files("numbjournal.resources") / DESKTOP_FILE).read_text(encoding="utf-8")
    lines = [
        f"Exec={exec_command}" if line.startswith("Exec=") else line
        for line in template.splitlines()
    ]
    return "\n".join(lines) + "\n"


def install_desktop_entry(ctx: CommandContext) -> int:
    if not sys.platform.startswith("linux"):
        print(
            "numbjournal install-desktop-entry: menu entries are installed this way only on "
            "Linux; on macOS and Windows start numbjournal with the 'numbjournal-gui' command "
            "or pin it from the running window.",
            file=ctx.err,
        )
        return 1
    base = xdg_data_home()
    icons = files("numbjournal.resources") / "icons"
    targets = {
        base / "applications" / DESKTOP_FILE: desktop_entry_text(launcher_command()).encode(),
        base / "icons" / "hicolor" / "scalable" / "apps" / "numbjournal.svg": (
            icons / "numbjournal.svg"
        ).read_bytes(),
        base / "icons" / "hicolor" / "256x256" / "apps" / "numbjournal.png": (
            icons / "numbjournal-256.png"
        ).read_bytes(),
    }
    for path, data in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data, mode=0o644)
        print(f"wrote {path}", file=ctx.out)
    print(
        "numbjournal is now in your applications menu (log out and in if it is not).", file=ctx.out
    )
    return 0
