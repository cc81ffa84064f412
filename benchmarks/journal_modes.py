"""``python -m benchmarks.journal_modes``: why the journal uses a rollback journal.

The promise is that after every committed write the main file alone holds
everything, even while another process has the journal open (people copy
"the journal file"). Three ways of keeping SQLite's commits are compared on a
20,000-episode journal, each with full synchronous commits:

- ``wal``: write-ahead log, no checkpoint (numbjournal 0.1; breaks the promise)
- ``wal+checkpoint``: write-ahead log, ``wal_checkpoint`` after every write
- ``delete``: rollback journal (``journal_mode=DELETE``), what numbjournal uses

For each: the time to save one episode (``Journal.add``, median and 90th
percentile) while a second process holds the journal open with a read
connection, as the window does; whether a copy of the main file alone lists
the last saved episode; the longest a reader waits while another process
imports 2,000 episodes in one transaction (the window's responsiveness); and
crash safety: a writer killed with SIGKILL at random moments, after which
SQLite's integrity_check passes and every write it reported is present.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

MODES = ("wal", "wal+checkpoint", "delete")
SIZE = 20_000

# Run in child processes: put the journal in ``mode`` (argv[1]) before anything opens it.
SETUP = r"""
import sys
from numbjournal.core.store import engine, journal as journal_module
mode = sys.argv[1]
if mode.startswith("wal"):
    engine.JOURNAL_MODE = "WAL"
if mode == "wal":
    journal_module.checkpoint = lambda _engine: True
"""

HOLDER = (
    SETUP
    + r"""
import sqlite3
conn = sqlite3.connect(sys.argv[2])
conn.execute("SELECT count(*) FROM episode").fetchone()
print("ready", flush=True)
sys.stdin.readline()
"""
)

READER = (
    SETUP
    + r"""
import time
from numbjournal.core.store import Journal
journal = Journal.open(sys.argv[2], automatic_backups=False)
journal.count()
print("ready", flush=True)
waits = []
end = time.monotonic() + float(sys.argv[3])
while time.monotonic() < end:
    started = time.perf_counter()
    journal.count()
    waits.append(time.perf_counter() - started)
    time.sleep(0.005)
print(max(waits), flush=True)
"""
)

KILLED_WRITER = (
    SETUP
    + r"""
from datetime import datetime, timedelta, timezone
from numbjournal.core.model import Episode, Location
from numbjournal.core.store import Journal
journal = Journal.open(sys.argv[2], automatic_backups=False)
print("ready", flush=True)
start = datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(days=int(sys.argv[3]))
for step in range(1, 10_000):
    when = start + timedelta(minutes=step)
    if step % 3 == 0:
        batch = [Episode(started_at=when + timedelta(seconds=k), duration_minutes=k,
                         locations=(Location.RIGHT_CALF,), notes=f"batch {sys.argv[3]}-{step}")
                 for k in range(5)]
        journal.import_all(batch)
        print("I", f"batch {sys.argv[3]}-{step}", flush=True)
    else:
        saved = journal.add(Episode(started_at=when, duration_minutes=3,
                                    locations=(Location.LEFT_SOLE,)))
        print("A", saved.id, flush=True)
"""
)


def _use_mode(mode: str) -> None:
    """The same switch as SETUP, in this process."""
    from numbjournal.core.store import engine
    from numbjournal.core.store import journal as journal_module

    engine.JOURNAL_MODE = "WAL" if mode.startswith("wal") else "DELETE"
    journal_module.checkpoint = (lambda _engine: True) if mode == "wal" else engine.checkpoint


def _child(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _ready(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None and child.stderr is not None
    line = child.stdout.readline()
    if line != "ready\n":
        raise RuntimeError(f"a helper process did not start: {child.stderr.read()}")


def _episode(i: int):  # type: ignore[no-untyped-def]
    from numbjournal.core.model import Episode, Location

    return Episode(
        started_at=datetime(2025, 6, 1, tzinfo=UTC) + timedelta(minutes=i),
        duration_minutes=5,
        locations=(Location.LEFT_CALF,),
        notes="benchmark",
    )


def save_times(paths: dict[str, Path], runs: int) -> dict[str, tuple[list[float], bool]]:
    """Times of ``runs`` single saves per mode, taken in turn so that load from
    elsewhere on the machine hits every mode alike; another process holds each
    journal open the whole time."""
    from contextlib import ExitStack

    from numbjournal.core.store import Journal

    holders = []
    opened = {}
    times: dict[str, list[float]] = {mode: [] for mode in paths}
    last = {}
    try:
        with ExitStack() as stack:
            for mode, path in paths.items():
                holders.append(_child(HOLDER, mode, str(path)))
                _ready(holders[-1])
                _use_mode(mode)
                opened[mode] = stack.enter_context(Journal.open(path, automatic_backups=False))
                opened[mode].add(_episode(0))  # statements compiled, as after a warm-up
            for i in range(1, runs + 1):
                for mode, journal in opened.items():
                    _use_mode(mode)
                    started = time.perf_counter()
                    last[mode] = journal.add(_episode(i))
                    times[mode].append(time.perf_counter() - started)
            return {
                mode: (times[mode], _copy_has(path, last[mode].id)) for mode, path in paths.items()
            }
    finally:
        for holder in holders:
            assert holder.stdin is not None
            holder.stdin.write("\n")
            holder.stdin.close()
            holder.wait()


def _copy_has(path: Path, episode_id: int | None) -> bool:
    """Whether a copy of the main file alone (no -wal beside it) holds the episode."""
    copy = path.with_name("copy-of-main-file.sqlite")
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        return bool(conn.execute("SELECT 1 FROM episode WHERE id = ?", (episode_id,)).fetchall())
    finally:
        conn.close()


def reader_wait(path: Path, mode: str) -> float:
    """The longest single read in another process while 2,000 episodes are imported."""
    from numbjournal.core.store import Journal

    _use_mode(mode)
    reader = _child(READER, mode, str(path), "3")
    try:
        _ready(reader)
        time.sleep(0.2)
        with Journal.open(path, automatic_backups=False) as journal:
            journal.import_all([_episode(100_000 + i) for i in range(2000)])
        out, _err = reader.communicate(timeout=60)
    finally:
        reader.kill()
    return float(out.strip().splitlines()[-1])


def crash_check(path: Path, mode: str, kills: int, seed: int) -> str:
    """SIGKILL a writer ``kills`` times; "ok" or what was lost or damaged."""
    rng = random.Random(seed)
    present: set[int] = set()
    batches: set[str] = set()
    for run in range(kills):
        child = _child(KILLED_WRITER, mode, str(path), str(run))
        watchdog = threading.Timer(60, child.kill)
        watchdog.start()
        try:
            _ready(child)
            assert child.stdout is not None
            lines = [child.stdout.readline() for _ in range(rng.randrange(0, 30))]
            child.send_signal(signal.SIGKILL)
            lines += child.stdout.read().splitlines()
            child.wait()
        finally:
            watchdog.cancel()
        for line in lines:
            kind, _, value = line.strip().partition(" ")
            if kind == "A":
                present.add(int(value))
            elif kind == "I":
                batches.add(value)
        problem = _lost(path, present, batches)
        if problem:
            return f"{problem} after kill {run + 1}"
    return f"ok ({kills} kills, {len(present)} saves and {len(batches)} imports checked)"


def _lost(path: Path, present: set[int], batches: set[str]) -> str:
    """What a restart would find wrong with the journal: "" when nothing."""
    with sqlite3.connect(path) as conn:  # read-write: recovers as the next start would
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        ids = {row[0] for row in conn.execute("SELECT id FROM episode")}
        per_batch = {
            notes: count
            for notes, count in conn.execute(
                "SELECT notes, count(*) FROM episode WHERE notes LIKE 'batch %' GROUP BY notes"
            )
        }
    conn.close()
    if check != "ok":
        return f"integrity_check failed ({check})"
    if present - ids or any(per_batch.get(tag) != 5 for tag in batches):
        return "a reported write was lost"
    return "an import was half-written" if set(per_batch.values()) - {5} else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.journal_modes", description=__doc__)
    parser.add_argument("--runs", type=int, default=40, help="saves timed per mode")
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs per mode")
    args = parser.parse_args(argv)

    from . import journals

    source = journals.cached_journal(SIZE)
    scratch = Path(tempfile.mkdtemp(prefix="nj-journal-modes-"))
    print(f"{SIZE:,} episodes; sqlite {sqlite3.sqlite_version}; {sys.platform}; scratch {scratch}")
    print(
        f"{'mode':16} {'save median':>12} {'save p90':>9} {'copy has it':>12} "
        f"{'reader waits':>13}  crash safety"
    )
    try:
        paths = {}
        for mode in MODES:
            path = journals.private_copy(
                source, scratch / mode.replace("+", "-") / "journal.sqlite"
            )
            conn = sqlite3.connect(path)
            conn.execute(f"PRAGMA journal_mode = {'WAL' if mode.startswith('wal') else 'DELETE'}")
            conn.close()
            paths[mode] = path
        saves = save_times(paths, args.runs)
        for index, (mode, path) in enumerate(paths.items()):
            times, whole = saves[mode]
            wait = reader_wait(path, mode)
            crashes = crash_check(path.with_name("killed.sqlite"), mode, args.kills, seed=index)
            ordered = sorted(times)
            print(
                f"{mode:16} {statistics.median(times) * 1000:>10.1f}ms "
                f"{ordered[int(len(ordered) * 0.9)] * 1000:>7.1f}ms "
                f"{'yes' if whole else 'NO':>12} {wait * 1000:>11.1f}ms  {crashes}",
                flush=True,
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.pop("NUMBJOURNAL_DB", None)
    sys.exit(main())
