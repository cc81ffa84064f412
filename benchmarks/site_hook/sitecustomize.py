"""Put on PYTHONPATH of the real ``numbjournal`` command to time its first frame with rows.

Python imports ``sitecustomize`` at start-up. This one imports nothing
heavy: it waits for ``PySide6.QtWidgets`` to be imported by the app, then
installs the benchmarks' paint watcher (``benchmarks.paint_watch``), which prints
one JSON line (``at``: time.monotonic() of the first painted frame showing
rows, ``rss``) and ends the process. The app's own code is not changed.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Callable
from typing import Any

_WATCHED = "PySide6.QtWidgets"


def _installed(module: Any) -> None:
    sys.path.insert(0, os.environ["NUMBJOURNAL_BENCH_ROOT"])
    from benchmarks.paint_watch import install_paint_watcher, report_painted_and_exit

    install_paint_watcher(module, report_painted_and_exit, rows=True)


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, then: Callable[[Any], None]) -> None:
        self.then = then

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != _WATCHED:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: Any) -> None:
            run(module)
            self.then(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def when_qt_widgets_imported(then: Callable[[Any], None]) -> None:
    """Call ``then(PySide6.QtWidgets)`` once the app imports it, in the app's own order."""
    sys.meta_path.insert(0, _Finder(then))


if os.environ.get("NUMBJOURNAL_BENCH_ROOT"):
    when_qt_widgets_imported(_installed)
