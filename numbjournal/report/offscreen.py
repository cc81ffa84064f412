"""Qt for drawing the summary where there may be no screen (a server, a cron job, SSH).

Used by the command line's ``export --format pdf``; the window already has
its application.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping


def ensure_gui_application() -> None:
    """A Qt application for fonts and painting, off-screen where that is safe (see below).

    A full QApplication, not a QGuiApplication: Qt allows one per process, and
    a later window (or a widget test in the same process) needs the full one.
    """
    if needs_offscreen(os.environ, sys.platform):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    if QGuiApplication.instance() is None:
        _APP.append(QApplication(["numbjournal"]))


def needs_offscreen(env: Mapping[str, str], platform: str) -> bool:
    """True on Linux and BSD unless the person chose a Qt platform.

    Writing a PDF needs no screen, and an X display that is set but gone (an
    old SSH session) would make Qt abort, so the command never uses one there.
    On macOS and Windows the native platform always works.
    """
    if env.get("QT_QPA_PLATFORM"):
        return False
    return not platform.startswith(("win", "darwin"))


_APP: list[object] = []  # keeps the application alive for the rest of the command
