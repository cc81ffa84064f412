"""The PySide6 window, built on the core journal service.

Once PySide6 is loaded it reads the source of every module imported after
it (looking for ``from __feature__ import``). The core modules the window
needs are imported here first, which kept that reading out of the time to
the first frame; the scan is then made to keep nothing it read
(``report.pyside_source_scan``), which is most of the window's memory above
an empty one.
"""

from ..core import model, preview, timer, triage  # noqa: F401
from ..report.pyside_source_scan import stop_keeping_scanned_sources

stop_keeping_scanned_sources()
