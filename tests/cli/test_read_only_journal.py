"""A journal its owner made read-only (chmod 444 on the file, or 555 on its folder).

Reading commands work and leave every byte and permission as they were, with
no side file; writing commands fail with one line and change nothing. The
checks go by the permission bits, so they hold even when the tests run as an
administrator (root may write anyway; numbjournal must not).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from numbjournal.cli import run
from numbjournal.core.errors import JournalWriteError
from numbjournal.core.model import Episode, Location
from numbjournal.core.store import Journal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")

Files = dict[str, tuple[int, bytes]]

NOTE = "pins and needles after the long drive"


def files(folder: Path) -> Files:
    """Every file in ``folder`` with its permission bits and bytes (and the folder's bits)."""
    found: Files = {".": (stat.S_IMODE(folder.stat().st_mode), b"")}
    for path in sorted(folder.rglob("*")):
        data = path.read_bytes() if path.is_file() else b""
        found[str(path.relative_to(folder))] = (stat.S_IMODE(path.stat().st_mode), data)
    return found


@pytest.fixture(params=["file 444", "folder 555"])
def read_only_journal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "journal"
    path = folder / "journal.sqlite"
    with Journal.open(path) as journal:  # with its daily backup, as a real journal has
        journal.add(
            Episode(
                started_at=datetime(2026, 11, 2, 8, 30, tzinfo=UTC),
                duration_minutes=12,
                locations=(Location.LEFT_CALF,),
                severity=4,
                notes=NOTE,
            )
        )
    target = path if request.param == "file 444" else folder
    target.chmod(0o444 if request.param == "file 444" else 0o555)
    try:
        yield path
    finally:
        folder.chmod(0o700)
        path.chmod(0o600)


def cli(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = run([args[0], "--db", str(path), *args[1:]])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_reading_commands_work_and_change_nothing(
    read_only_journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = read_only_journal.parent
    before = files(folder)
    assert (before["journal.sqlite"][0] & 0o200 == 0) or (before["."][0] & 0o200 == 0)

    code, out, err = cli(read_only_journal, capsys, "list")
    assert (code, err) == (0, "")
    assert "left calf" in out.lower()
    code, out, err = cli(read_only_journal, capsys, "flags")
    assert (code, err) == (0, "")
    exported = tmp_path / "out" / "journal.json"
    exported.parent.mkdir()
    code, out, err = cli(read_only_journal, capsys, "export", "--output", str(exported))
    assert (code, err) == (0, "")
    assert json.loads(exported.read_text("utf-8"))["episodes"][0]["notes"] == NOTE
    for command in ("profile", "settings", "backups"):
        code, out, err = cli(read_only_journal, capsys, command)
        assert (code, err) == (0, ""), command

    assert files(folder) == before, "mode, bytes and the list of files are unchanged"


@pytest.mark.parametrize(
    "command",
    [
        ("log", "--where", "left_calf", "--duration", "5", "--severity", "3"),
        ("import", "IMPORT"),
        ("profile", "add", "diabetes"),
        ("settings", "set", "persistent_minutes", "45"),
    ],
    ids=lambda c: c[0] if c[0] in ("log", "import") else " ".join(c[:2]),
)
def test_writing_commands_fail_with_one_line_and_change_nothing(
    read_only_journal: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: tuple[str, ...],
) -> None:
    source = tmp_path / "more.json"
    source.write_text(
        json.dumps(
            {
                "format": "numbjournal",
                "version": 1,
                "episodes": [
                    {
                        "started_at": "2026-11-03T09:00:00+00:00",
                        "duration_minutes": 3,
                        "locations": ["left_calf"],
                        "sensation": "numbness",
                        "severity": 3,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    args = [str(source) if a == "IMPORT" else a for a in command]
    folder = read_only_journal.parent
    before = files(folder)
    for _attempt in range(2):  # the second try must fail too, not find the file made writable
        code, out, err = cli(read_only_journal, capsys, *args)
        assert code == 1
        assert out == ""
        assert err.count("\n") == 1 and err.startswith(f"numbjournal {command[0]}: ")
        assert "is read-only" in err and "nothing was" in err
        assert files(folder) == before


def test_the_journal_opens_read_only_and_refuses_every_write(
    read_only_journal: Path, episode_factory: Callable[..., Episode]
) -> None:
    with Journal.open(read_only_journal) as journal:
        assert journal.read_only
        assert journal.count() == 1
        with pytest.raises(JournalWriteError, match="is read-only"):
            journal.add(episode_factory())
        with pytest.raises(JournalWriteError, match="is read-only"):
            journal.import_all([episode_factory()])
        with pytest.raises(JournalWriteError, match="is read-only"):
            journal.set_setting("anything", 1)
        assert journal.count() == 1


def test_a_journal_in_wal_mode_is_read_without_side_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A journal last written by numbjournal 0.1 (WAL mode), then made read-only."""
    import sqlite3

    path = tmp_path / "old" / "journal.sqlite"
    Journal.open(path, automatic_backups=False).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    path.parent.chmod(0o555)
    try:
        before = files(path.parent)
        code, out, err = cli(path, capsys, "list")
        assert (code, err) == (0, "")
        assert "No episodes yet" in out
        assert files(path.parent) == before
    finally:
        path.parent.chmod(0o700)
