"""PySide6 reads every module imported after it; keep it from holding on to the text.

Once PySide6 is loaded, it looks for the word "PySide6" in the source of each
newly imported module, to know whether its ``from __feature__ import``
switches apply there (PYSIDE-2029). It reads that source with
``inspect.getsource``, which leaves every line of every file in ``linecache``
for the life of the process: SQLAlchemy, matplotlib, numpy and numbjournal
itself, about 40 MB of the window's memory that nothing reads again.

numbjournal uses no such switch, but PySide6's answer must not change, so the
same word is looked for in the file's bytes and nothing is kept. Where there
is no file to read (a packaged app's archive), PySide6's own scan runs and
only its cache entry is dropped. A PySide6 without this scan is left alone.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType

_SCAN_MODULE = "shibokensupport.feature"
_SCAN_FUNCTION = "_mod_uses_pyside"


def stop_keeping_scanned_sources() -> None:
    """Install the lighter scan (once), and forget what the original scan kept so far."""
    import PySide6  # noqa: F401  (loading it installs the scan)

    feature = sys.modules.get(_SCAN_MODULE)
    original = getattr(feature, _SCAN_FUNCTION, None)
    if feature is None or not callable(original) or hasattr(original, "__wrapped__"):
        return
    setattr(feature, _SCAN_FUNCTION, _lighter(original))
    linecache.clearcache()


def _lighter(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        kept = path in linecache.cache
        try:
            return original(module)
        finally:
            if not kept and isinstance(path, str):
                linecache.cache.pop(path, None)

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside
