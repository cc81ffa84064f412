"""Two numbjournal processes on one journal at the same moment (the window and a script)."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from numbjournal.core.formats import dump_json
from numbjournal.core.model import Episode
from numbjournal.core.store import Journal

# Each child starts, says "ready", and waits for "go" so both begin together.
IMPORTER = r"""
import sys
from numbjournal.cli import run
print("ready", flush=True)
sys.stdin.readline()
sys.exit(run(["--db", sys.argv[1], "import", sys.argv[2]]))
"""

WRITER = r"""
import sys
from datetime import datetime, timedelta, timezone
from numbjournal.core.model import Episode, Location
from numbjournal.core.store import Journal
journal = Journal.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
start = datetime(2026, 2, 1, tzinfo=timezone.utc) + timedelta(days=int(sys.argv[2]))
for i in range(40):
    journal.add(Episode(started_at=start + timedelta(minutes=i), duration_minutes=i,
                        locations=(Location.LEFT_KNEE,), notes=f"writer {sys.argv[2]}"))
journal.close()
"""


def _together(*commands: list[str]) -> list[tuple[int, str, str]]:
    children = [
        subprocess.Popen(
            [sys.executable, "-c", *command],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    watchdogs = [threading.Timer(60, child.kill) for child in children]
    for watchdog in watchdogs:
        watchdog.start()
    try:
        for child in children:
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results = []
        for child in children:
            out, err = child.communicate()
            results.append((child.returncode, out, err))
    finally:
        for watchdog in watchdogs:
            watchdog.cancel()
    return results


@pytest.mark.slow
@pytest.mark.parametrize("already_there", [0, 30])
def test_two_imports_of_one_file_at_once_add_its_episodes_once(
    tmp_path: Path, episodes_maker: Callable[..., list[Episode]], already_there: int
) -> None:
    episodes = episodes_maker(150, start=datetime(2026, 4, 1, 6, tzinfo=UTC))
    source = tmp_path / "export.json"
    source.write_text(dump_json(episodes, (), exported_at=datetime(2026, 4, 30, tzinfo=UTC)))
    path = tmp_path / "journal.sqlite"
    with Journal.open(path, automatic_backups=False) as journal:
        journal.import_all(episodes_maker(already_there, start=datetime(2025, 1, 1, tzinfo=UTC)))

    results = _together(*([IMPORTER, str(path), str(source)] for _ in range(2)))

    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    outputs = sorted(out for _, out, _ in results)
    assert outputs == [
        "Added 0 episodes, skipped 150 identical ones already in the journal.\n",
        "Added 150 episodes, skipped 0 identical ones already in the journal.\n",
    ]
    with Journal.open(path, automatic_backups=False) as journal:
        assert journal.count() == 150 + already_there


@pytest.mark.slow
def test_two_writers_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    Journal.open(path).close()
    results = _together([WRITER, str(path), "0"], [WRITER, str(path), "1"])
    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    with Journal.open(path) as journal:
        notes = [e.notes for e in journal.episodes()]
    assert notes.count("writer 0") == notes.count("writer 1") == 40
