"""The journal file is whole at every moment: a copy of ``journal.sqlite`` alone,
made while the window has the journal open, holds every saved episode, whether the
window saved it or another program (the command line) did."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from numbjournal.cli import run
from numbjournal.core.model import Episode
from numbjournal.ui.service import JournalService


def test_a_copy_made_while_the_window_is_open_lists_every_episode(
    qtbot: object,
    service: JournalService,
    recent_episode: Callable[..., Episode],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = service.path
    service.add(recent_episode(days_ago=2, notes="saved in the window"))
    assert service.count() == 1
    logged = subprocess.run(
        [
            sys.executable,
            "-m",
            "numbjournal",
            "log",
            "--db",
            str(path),
            "--where",
            "right_calf",
            "--ago",
            "30m",
            "--duration",
            "7",
            "--severity",
            "3",
            "--notes",
            "logged from the command line",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert logged.returncode == 0, logged.stderr

    stick = tmp_path / "usb-stick"
    stick.mkdir()
    shutil.copyfile(path, stick / "journal.sqlite")  # only the main file, as people do
    assert sorted(p.name for p in stick.iterdir()) == ["journal.sqlite"]

    assert run(["list", "--db", str(stick / "journal.sqlite")]) == 0
    listed = capsys.readouterr().out
    assert "No episodes yet" not in listed
    assert len([line for line in listed.splitlines() if line.strip()[:1].isdigit()]) == 2
    assert (
        run(["export", "--db", str(stick / "journal.sqlite"), "--format", "json", "-o", "-"]) == 0
    )
    exported = capsys.readouterr().out
    assert "saved in the window" in exported and "logged from the command line" in exported
