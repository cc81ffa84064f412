"""Health data stays on the machine and readable by its owner only.

One full command-line session (log, import, export JSON/CSV/PDF, charts,
flags, backup, restore) runs with every network connection made to fail, a
umask that would make files world-readable, and logging turned all the way up.
"""

from __future__ import annotations

import logging
import os
import socket
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from numbjournal.cli import run
from numbjournal.core.formats import dump_json
from numbjournal.core.model import Episode, Location
from numbjournal.paths import data_dir

SECRET = "SECRET-NOTE-4f1c: numb after visiting Dr Example"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every attempt to reach another machine is recorded and refused."""
    attempts: list[object] = []

    def refuse(*args: Any, **_kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network access attempted during the privacy test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture
def open_umask() -> Any:
    old = os.umask(0)
    yield
    os.umask(old)


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = run(list(args))
    out, err = capsys.readouterr()
    assert code == 0, f"{args}: {err}"
    assert SECRET not in err
    return out


@pytest.mark.slow
@pytest.mark.usefixtures("open_umask")
def test_full_session_is_offline_private_and_keeps_notes_out_of_logs(
    tmp_path: Path,
    no_network: list[object],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    exports = tmp_path / "exports"
    exports.mkdir()
    incoming = tmp_path / "from-old-laptop.json"
    incoming.write_text(
        dump_json(
            [
                Episode(
                    started_at=datetime(2026, 10, day, 7, 0, tzinfo=UTC),
                    duration_minutes=20,
                    locations=(Location.RIGHT_CALF, Location.LEFT_CALF),
                    severity=5,
                    notes=SECRET,
                )
                for day in range(1, 11)
            ],
            (),
            exported_at=datetime(2026, 10, 30, tzinfo=UTC),
        )
    )

    _cli(
        capsys,
        "log",
        "--where",
        "left_sole",
        "--duration",
        "15",
        "--severity",
        "4",
        "--notes",
        SECRET,
    )
    _cli(
        capsys,
        "log",
        "--where",
        "face,left_calf",
        "--duration",
        "5",
        "--severity",
        "8",
        "--symptoms",
        "facial_drooping,difficulty_speaking",
        "--notes",
        SECRET,
    )
    _cli(capsys, "import", str(incoming))
    _cli(capsys, "backup")
    for kind in ("json", "csv", "pdf"):
        _cli(capsys, "export", "--format", kind, "--output", str(exports / f"journal.{kind}"))
    for suffix in ("png", "svg", "csv"):
        _cli(capsys, "chart", "frequency", "--output", str(exports / f"frequency.{suffix}"))
    assert '"tier": "emergency"' in _cli(capsys, "flags", "--json")
    _cli(capsys, "log", "--where", "right_knee", "--duration", "1", "--severity", "1")
    _cli(capsys, "backups")
    _cli(capsys, "restore", "newest", "--yes")
    assert SECRET[:20] not in _cli(capsys, "list")  # the list shows no notes at all

    assert no_network == [], "numbjournal tried to open a network connection"

    folder = data_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    everything = [p for p in folder.rglob("*")] + list(exports.iterdir())
    assert len([p for p in everything if p.suffix == ".sqlite"]) >= 3
    for path in everything:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path} is {oct(mode)}"
        assert not path.name.endswith(".tmp"), f"{path} was left half-written"
    assert {p.name for p in exports.iterdir()} == {
        "journal.json",
        "journal.csv",
        "journal.pdf",
        "frequency.png",
        "frequency.svg",
        "frequency.csv",
    }

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "backup made" in logged and "restored" in logged, "the logs were not captured"
    assert SECRET not in logged and "Dr Example" not in logged
