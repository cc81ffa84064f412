"""``python -m benchmarks.command_probe JOURNAL [RUNS]``: time a real numbjournal command.

Starts the command (``$NUMBJOURNAL_COMMAND``, default: the installed
``numbjournal``) as ``COMMAND --db JOURNAL`` in fresh processes, alternately
with an empty QMainWindow (the floor), and prints spawn-to-first-painted-
frame-with-rows for each, their medians and the ratio. The frame is caught by
``benchmarks/site_hook/sitecustomize.py``, which the child's Python imports
at start-up; a command that does not run a Python which honours PYTHONPATH
(a frozen build) cannot be watched this way and fails with a message.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from .harness import numbjournal_command, probe_env, run_command_probe, run_probe


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    journal, runs = argv[0], int(argv[1]) if len(argv) > 1 else 5
    home = Path(tempfile.mkdtemp(prefix="nj-command-probe-"))
    env = probe_env(home, os.environ["QT_QPA_PLATFORM"])
    print(f"command: {' '.join(numbjournal_command())} --db {journal}")
    run_command_probe(["--db", journal], env)  # warm-up: the day's backup, file caches
    floor, item = [], []
    for _ in range(runs):
        floor.append(run_probe("window_floor", [], env)["elapsed"])
        item.append(run_command_probe(["--db", journal], env)["elapsed"])
    ms = [round(t * 1000) for t in item]
    print(f"first frame with rows (ms): {ms}")
    print(f"empty window floor (ms):    {[round(t * 1000) for t in floor]}")
    ratio = statistics.median(item) / statistics.median(floor)
    print(
        f"median {statistics.median(item) * 1000:.0f} ms against "
        f"{statistics.median(floor) * 1000:.0f} ms: {ratio:.2f}x (target <= 2x)"
    )
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
