"""The PySide6 window, built on the core journal service.

The core modules the window needs are imported here, before PySide6: once
PySide6 is loaded it reads the source of every module that imports anything
afterwards (looking for ``from __feature__ import``), which made a visible
part of the time to the window's first frame.
"""

from ..core import model, preview, timer, triage  # noqa: F401
