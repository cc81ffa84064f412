"""``numbjournal encrypt``, ``passphrase``, ``decrypt``, and every other command on an
encrypted journal (journal-format.md section 2)."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="the optional [encryption] extra is not installed")

from numbjournal.cli import encryption_commands
from numbjournal.core import encryption

from .conftest import Outcome

PASSPHRASE = "blue kettle morning"
NEW = "green lantern evening"
NOTE = "numb after the long drive to Leeds"


@pytest.fixture(autouse=True)
def no_passphrase(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No passphrase in the environment, no terminal, no key from an earlier test."""
    monkeypatch.delenv("NUMBJOURNAL_PASSPHRASE", raising=False)
    monkeypatch.delenv("NUMBJOURNAL_NEW_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    encryption.forget_all()
    yield
    encryption.forget_all()


def _folder(path: Path) -> dict[str, str]:
    return {
        str(p.relative_to(path.parent)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.parent.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def encrypted(
    cli: Callable[..., Outcome], journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    logged = cli(
        "log",
        "--where",
        "left_calf",
        "--ago",
        "2h",
        "--duration",
        "15m",
        "--severity",
        "4",
        "--notes",
        NOTE,
    )
    assert logged.code == 0, logged.err
    monkeypatch.setenv("NUMBJOURNAL_PASSPHRASE", PASSPHRASE)
    done = cli("encrypt")
    assert done.code == 0, done.err
    assert "is encrypted" in done.out
    monkeypatch.delenv("NUMBJOURNAL_PASSPHRASE")
    encryption.forget_all()
    return journal_path


def test_encrypt_hides_the_notes_and_places(encrypted: Path) -> None:
    for path in encrypted.parent.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not data.startswith(b"SQLite format 3"), path
            assert b"Leeds" not in data and b"left_calf" not in data, path


def test_commands_need_the_passphrase(
    cli: Callable[..., Outcome], encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _folder(encrypted)
    for command in (["list"], ["export", "--format", "json", "--output", "x.json"], ["backups"]):
        missing = cli(*command)
        assert missing.code != 0 and missing.out == ""
        assert missing.err.count("\n") == 1
        assert "NUMBJOURNAL_PASSPHRASE" in missing.err and "nothing was changed" in missing.err
    for wrong in ("blue kettle", ""):
        monkeypatch.setenv("NUMBJOURNAL_PASSPHRASE", wrong)
        refused = cli("list")
        assert refused.code != 0 and refused.err.count("\n") == 1, refused.err
    assert _folder(encrypted) == before  # no backup, no -wal, no temporary file
    monkeypatch.setenv("NUMBJOURNAL_PASSPHRASE", PASSPHRASE)
    listed = cli("list")
    assert listed.code == 0 and "left calf" in listed.out
    assert (
        cli(
            "log", "--where", "right_sole", "--ago", "1h", "--duration", "5m", "--severity", "2"
        ).code
        == 0
    )


def test_a_terminal_is_asked_without_echo(
    cli: Callable[..., Outcome], encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return PASSPHRASE

    monkeypatch.setattr(encryption_commands, "_on_terminal", lambda: True)
    monkeypatch.setattr(encryption_commands.getpass, "getpass", fake_getpass)
    listed = cli("list")
    assert listed.code == 0, listed.err
    assert asked == [f"Passphrase for {encrypted}: "]


def test_change_the_passphrase(
    cli: Callable[..., Outcome], encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NUMBJOURNAL_PASSPHRASE", PASSPHRASE)
    no_new = cli("passphrase")
    assert no_new.code != 0 and "NUMBJOURNAL_NEW_PASSPHRASE" in no_new.err
    monkeypatch.setenv("NUMBJOURNAL_NEW_PASSPHRASE", NEW)
    changed = cli("passphrase")
    assert changed.code == 0, changed.err
    encryption.forget_all()
    assert cli("list").code != 0  # the old one no longer opens it
    monkeypatch.setenv("NUMBJOURNAL_PASSPHRASE", NEW)
    assert "left calf" in cli("list").out
    backups = cli("backups")
    assert backups.code == 0 and "cannot" not in backups.out


def test_decrypt_gives_back_a_plain_journal(
    cli: Callable[..., Outcome], encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _folder(encrypted)
    monkeypatch.setenv("NUMBJOURNAL_PASSPHRASE", "not it")
    wrong = cli("decrypt")
    assert wrong.code != 0 and wrong.err.count("\n") == 1
    assert _folder(encrypted) == before
    monkeypatch.setenv("NUMBJOURNAL_PASSPHRASE", PASSPHRASE)
    done = cli("decrypt")
    assert done.code == 0, done.err
    monkeypatch.delenv("NUMBJOURNAL_PASSPHRASE")
    encryption.forget_all()
    assert encrypted.read_bytes().startswith(b"SQLite format 3")
    assert NOTE in cli("export", "--format", "json", "--output", "-").out


def test_encrypt_twice_and_decrypt_a_plain_journal_are_refused(
    cli: Callable[..., Outcome],
    encrypted: Path,
    journal_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NUMBJOURNAL_PASSPHRASE", PASSPHRASE)
    again = cli("encrypt")
    assert again.code != 0 and "already encrypted" in again.err
    assert cli("decrypt").code == 0
    plain = cli("decrypt")
    assert plain.code != 0 and "is not encrypted" in plain.err


def test_encrypt_without_a_passphrase_changes_nothing(
    cli: Callable[..., Outcome], journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        cli(
            "log", "--where", "left_calf", "--ago", "2h", "--duration", "15m", "--severity", "3"
        ).code
        == 0
    )
    before = _folder(journal_path)
    refused = cli("encrypt")
    assert refused.code != 0 and refused.err.count("\n") == 1
    monkeypatch.setenv("NUMBJOURNAL_PASSPHRASE", "")
    assert cli("encrypt").code != 0
    assert _folder(journal_path) == before
