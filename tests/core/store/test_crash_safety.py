"""A writer killed at random moments never loses a committed write nor leaves half of one.

The child adds single episodes, imports batches of five (one transaction) and
deletes, printing each change only after it committed (and a delete also just
before it starts, since a kill may land after its commit but before the report). The parent kills it
with SIGKILL after a random number of reported changes, many times over, and
after every kill checks the file the way SQLite's own crash tests do.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from numbjournal.core.store import Journal
from numbjournal.core.store.backup import make_backup

KILLS = 30
RESTORE_KILLS = 10
SEED = 7_2026

CHILD = r"""
import sys
from datetime import datetime, timedelta, timezone
from numbjournal.core.model import Episode, Location
from numbjournal.core.store import Journal

path, run = sys.argv[1], int(sys.argv[2])
journal = Journal.open(path, automatic_backups=False)
print("ready", flush=True)
start = datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(days=run)
added = []
step = 0
while True:
    step += 1
    when = start + timedelta(minutes=step * 10)
    if step % 4 == 2:
        tag = f"batch {run}-{step}"
        batch = [
            Episode(started_at=when + timedelta(minutes=k), duration_minutes=k,
                    locations=(Location.RIGHT_CALF,), notes=tag)
            for k in range(5)
        ]
        journal.import_all(batch)
        print("I", tag, flush=True)
    elif step % 4 == 0 and added:
        gone = added.pop(0)
        print("d", gone, flush=True)  # about to delete: after a kill it may or may not be gone
        journal.delete([gone])
        print("D", gone, flush=True)
    else:
        episode = journal.add(Episode(started_at=when, duration_minutes=step % 90,
                                      locations=(Location.LEFT_SOLE,), notes=f"add {run}-{step}"))
        added.append(episode.id)
        print("A", episode.id, flush=True)
"""


RESTORER = r"""
import sys
from numbjournal.core.store.restore import restore_backup
journal, *backups = sys.argv[1:]
print("ready", flush=True)
turn = 0
while True:
    restore_backup(journal, backups[turn % 2])
    print("R", turn % 2, flush=True)
    turn += 1
"""


def _run_and_kill(
    path: Path, run: int, reports: int, script: str = CHILD, *extra: str
) -> list[list[str]]:
    """Start a writer, let it report ``reports`` commits, SIGKILL it; all it reported."""
    with subprocess.Popen(
        [sys.executable, "-c", script, str(path), *([str(run)] if script == CHILD else extra)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        watchdog = threading.Timer(60, child.kill)
        watchdog.start()
        try:
            assert child.stdout is not None and child.stderr is not None
            first = child.stdout.readline()
            lines = []
            while len(lines) < reports:
                line = child.stdout.readline()
                if not line:
                    break
                lines.append(line)
            child.kill()  # SIGKILL: no handler, no cleanup, no flush
            # Not communicate(): it reads the pipe directly and would drop the lines
            # readline() has already buffered.
            rest = child.stdout.read()
            errors = child.stderr.read()
            child.wait()
        finally:
            watchdog.cancel()
    assert first == "ready\n", f"the writer did not start: {errors}"
    killed = -signal.SIGKILL if os.name == "posix" else 1
    assert child.returncode == killed, errors
    return [line.split(maxsplit=1) for line in [*lines, *rest.splitlines(keepends=True)]]


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    rng = random.Random(SEED)
    present: set[int] = set()
    deleted: set[int] = set()
    batches: set[str] = set()
    for run in range(KILLS):
        for kind, value in _run_and_kill(path, run, rng.randrange(0, 40)):
            value = value.strip()
            if kind == "A":
                present.add(int(value))
                deleted.discard(int(value))  # SQLite may hand a deleted last id out again
            elif kind == "d":
                present.discard(int(value))
            elif kind == "D":
                present.discard(int(value))
                deleted.add(int(value))
            else:
                batches.add(value)

        conn = sqlite3.connect(path)  # a read-write connection replays the WAL, as a restart does
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            ids = {row[0] for row in conn.execute("SELECT id FROM episode")}
            sizes = dict(
                conn.execute(
                    "SELECT notes, count(*) FROM episode WHERE notes LIKE 'batch %' GROUP BY notes"
                ).fetchall()
            )
        finally:
            conn.close()
        assert present <= ids, f"committed episodes lost after kill {run + 1}"
        assert not (deleted & ids), f"committed deletes undone after kill {run + 1}"
        assert all(sizes.get(tag) == 5 for tag in batches), "a reported import is incomplete"
        assert set(sizes.values()) <= {5}, "an import was half-written"

    assert len(present) > KILLS, "the writers committed too little for the test to mean much"
    with Journal.open(path, automatic_backups=False) as journal:
        assert present <= {e.id for e in journal.episodes()}


@pytest.mark.slow
def test_a_restore_killed_half_way_leaves_one_whole_journal(
    filled_journal: Path, tmp_path: Path
) -> None:
    """Restores alternate between two backups (300 and 150 episodes) and are killed;
    the journal is always exactly one of them, never a mix of pages."""
    whole = tmp_path / "whole.sqlite"
    half = tmp_path / "half.sqlite"
    whole.write_bytes(make_backup(filled_journal).path.read_bytes())
    with Journal.open(filled_journal, automatic_backups=False) as journal:
        journal.delete(range(1, 151))
    half.write_bytes(make_backup(filled_journal).path.read_bytes())
    expected = {300: _episode_ids(whole), 150: _episode_ids(half)}
    rng = random.Random(SEED + 2)
    restored = 0
    for run in range(RESTORE_KILLS):
        reports = rng.randrange(0, 6)
        restored += len(
            _run_and_kill(filled_journal, run, reports, RESTORER, str(whole), str(half))
        )
        conn = sqlite3.connect(filled_journal)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
        ids = _episode_ids(filled_journal)
        assert ids == expected.get(len(ids)), f"a mixed journal after kill {run + 1}"
    assert restored >= RESTORE_KILLS, "too few restores completed for the test to mean much"


def _episode_ids(path: Path) -> set[int]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM episode")}
    finally:
        conn.close()
