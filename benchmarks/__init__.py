"""numbjournal's benchmarks: speed and memory against floors measured in the same run.

Run with ``python -m benchmarks`` from the source folder, with numbjournal
installed as the README says; docs/performance.md says what each item
measures. Not part of the test suite.
"""

from __future__ import annotations

import sys
from importlib.util import find_spec
from pathlib import Path


def _measure_the_installed_numbjournal() -> None:
    """Prefer the installed numbjournal to the source folder's copy of it.

    Run from the source folder, Python finds ./numbjournal first. After a
    normal (not editable) install that copy lacks ``numbjournal.resources``
    (the wheel ships resources/ there), so the window items failed with "No
    module named 'numbjournal.resources'". Without an installed numbjournal the
    source folder's copy is used, as before.
    """
    source = Path(__file__).resolve().parent.parent
    here = [p for p in sys.path if Path(p or ".").resolve() == source]
    if not here or "numbjournal" in sys.modules:
        return
    others = [p for p in sys.path if p not in here]
    saved = sys.path[:]
    sys.path[:] = others
    try:
        installed = find_spec("numbjournal") is not None
    except (ImportError, ValueError):
        installed = False
    sys.path[:] = others + here if installed else saved


_measure_the_installed_numbjournal()
