"""A disk that fills up during an export: a clear error, no partial file, the old file kept.

The failure is injected where a full disk really shows up for a file written
through the page cache: when its data is forced to disk (ENOSPC from fsync).
A run on a real 256 KB tmpfs is described in docs/reliability.md.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest

from numbjournal.cli import run
from numbjournal.core import atomic
from numbjournal.core.model import Episode
from numbjournal.core.store import Journal
from numbjournal.core.store.backup import content_digest

OUTPUTS = [
    ("export", "--format", "json", "journal.json"),
    ("export", "--format", "csv", "journal.csv"),
    ("export", "--format", "pdf", "summary.pdf"),
    ("chart", "frequency", "frequency.png"),
    ("chart", "severity", "severity.csv"),
]


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(_path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_fsync_file", no_space)


@pytest.fixture
def kept(journal_path: Path, episode_factory: Callable[..., Episode]) -> Path:
    with Journal.open(journal_path, automatic_backups=False) as journal:
        for severity in range(6):
            journal.add(episode_factory(severity=severity))
    return journal_path


@pytest.mark.slow
@pytest.mark.parametrize("command", OUTPUTS, ids=[c[-1] for c in OUTPUTS])
@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
def test_full_disk_during_export_leaves_no_partial_file(
    kept: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
    command: tuple[str, ...],
    existing: bool,
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    output = folder / command[-1]
    if existing:
        output.write_bytes(b"last month's export")
    before = content_digest(kept)
    request.getfixturevalue("full_disk")
    code = run(["--db", str(kept), *command[:-1], "--output", str(output)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err == f"numbjournal {command[0]}: the disk is full; {output} was not written\n"
    assert [p.name for p in folder.iterdir()] == ([output.name] if existing else [])
    if existing:
        assert output.read_bytes() == b"last month's export"
    assert content_digest(kept) == before
