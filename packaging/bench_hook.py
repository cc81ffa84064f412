"""PyInstaller runtime hook: lets ``benchmarks/command_probe.py`` time the packaged app.

A frozen app ignores PYTHONPATH, so the probe's ``sitecustomize`` (which watches
for the first painted frame with rows) never loads there. This hook does nothing
unless ``NUMBJOURNAL_BENCH_ROOT`` names a source checkout, as the probe sets it
for the process it times; then it loads that checkout's site hook, so the
installed and the packaged app are measured the same way.
"""

import os
import sys

_root = os.environ.get("NUMBJOURNAL_BENCH_ROOT")
if _root:
    sys.path.insert(0, os.path.join(_root, "benchmarks", "site_hook"))
    import sitecustomize  # noqa: F401
