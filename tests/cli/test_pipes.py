"""Output piped into a reader that stops early (``numbjournal list | head -1``)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from numbjournal.core.model import Episode
from numbjournal.core.store import Journal


@pytest.mark.parametrize("command", [["list"], ["flags", "--json"]])
def test_a_reader_that_stops_early_gets_no_error_message(
    tmp_path: Path, episode_factory: Callable[..., Episode], command: list[str]
) -> None:
    path = tmp_path / "j.sqlite"
    with Journal.open(path) as journal:
        journal.add(episode_factory())
    child = subprocess.Popen(
        [sys.executable, "-m", "numbjournal", "--db", str(path), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ},
        cwd=tmp_path,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # like `head` exiting before numbjournal has written
    with child.stderr:
        errors = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141
    assert errors == ""
