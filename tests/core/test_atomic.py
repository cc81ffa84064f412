"""An export is complete or absent: never empty, never half-written, never world-readable."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from numbjournal.core.atomic import FileWriteError, atomic_path, atomic_write
from numbjournal.core.errors import NumbjournalError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An export folder of its own (tmp_path also holds the test's home)."""
    made = tmp_path / "exports"
    made.mkdir()
    return made


def test_text_bytes_and_writer_land_whole_and_owner_only(folder: Path) -> None:
    old = os.umask(0)
    try:
        atomic_write(folder / "a.json", '{"x": "é"}')
        atomic_write(folder / "b.bin", b"\x00\x01")
        atomic_write(folder / "c.csv", lambda handle: handle.write(b"h\n1\n"))
    finally:
        os.umask(old)
    assert (folder / "a.json").read_text(encoding="utf-8") == '{"x": "é"}'
    assert (folder / "b.bin").read_bytes() == b"\x00\x01"
    assert (folder / "c.csv").read_bytes() == b"h\n1\n"
    assert {_mode(p) for p in folder.iterdir()} == {0o600}


def _fill_then_fail(handle: BinaryIO) -> None:
    handle.write(b"half of the export")
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_leaves_no_file_and_says_why(folder: Path) -> None:
    with pytest.raises(FileWriteError, match="the disk is full") as caught:
        atomic_write(folder / "out.csv", _fill_then_fail)
    assert isinstance(caught.value, NumbjournalError)
    assert "out.csv was not written" in str(caught.value)
    assert list(folder.iterdir()) == []


def test_failure_keeps_the_previous_file(folder: Path) -> None:
    target = folder / "out.json"
    target.write_text("the old export")
    with pytest.raises(FileWriteError):
        atomic_write(target, _fill_then_fail)
    assert target.read_text() == "the old export"
    assert list(folder.iterdir()) == [target]


def test_a_bug_in_the_writer_also_leaves_nothing(folder: Path) -> None:
    def broken(handle: BinaryIO) -> None:
        handle.write(b"{")
        raise ValueError("bug")

    with pytest.raises(ValueError, match="bug"):
        atomic_write(folder / "out.json", broken)
    assert list(folder.iterdir()) == []


def test_missing_folder_is_named(folder: Path) -> None:
    with pytest.raises(FileWriteError, match="the folder does not exist"):
        atomic_write(folder / "nowhere" / "out.json", "{}")


def test_atomic_path_for_writers_that_need_a_file_name(folder: Path) -> None:
    target = folder / "summary.pdf"
    with atomic_path(target) as temporary:
        assert temporary.parent == folder and temporary != target
        assert _mode(temporary) == 0o600
        temporary.write_bytes(b"%PDF-1.7")
        assert not target.exists()
    assert target.read_bytes() == b"%PDF-1.7"
    assert list(folder.iterdir()) == [target]
