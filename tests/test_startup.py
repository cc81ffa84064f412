"""Start-up: the crash hook before anything else, then arguments, then the log file.

A journal that fails to open in an unexpected way shows the crash dialog and
prints one line, never a raw traceback; the log file is private and never holds
what the person wrote (notes) nor where on the body it happened.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from numbjournal.__main__ import main
from numbjournal.core.store import opening
from numbjournal.logs import LOG_FILE, PrivateRotatingFileHandler, log_dir
from numbjournal.ui import crash

SECRET_NOTE = "".join(["my ", "secret ", "numb ", "toes"])  # never written as one literal


@pytest.fixture(autouse=True)
def fresh_logging() -> Iterator[None]:
    """Each test starts without the log file of an earlier one attached."""
    root = logging.getLogger()
    saved = root.level
    yield
    for handler in [h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(saved)


def log_text() -> str:
    return (log_dir() / LOG_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize("start", ["paint first", "open first"])
def test_a_journal_that_fails_to_open_shows_the_crash_dialog_not_a_traceback(
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    start: str,
) -> None:
    """The journal's upgrade fails with a bug: with a first frame from the preview the
    window's crash dialog appears; without one (an encrypted or locked journal is opened
    before any window) the start-up crash dialog does. Never a traceback."""
    from numbjournal.ui import app

    path = tmp_path / "journal.sqlite"

    def broken_upgrade(_engine: object) -> None:
        raise RuntimeError(f"upgrade failed near {SECRET_NOTE!r}")

    shown: list[tuple[Path | None, Path | None]] = []
    monkeypatch.setattr(opening, "_migrate", broken_upgrade)
    monkeypatch.setattr(crash, "show_startup_crash", lambda r, p: shown.append((r, p)))
    monkeypatch.setattr(crash, "show_crash", lambda r, p: shown.append((r, p)) or True)
    if start == "open first":
        monkeypatch.setattr(app, "preview_journal", lambda _path: None)

    def event_loop(qapp: Any) -> int:
        qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
        qapp.closeAllWindows()
        return 0

    monkeypatch.setattr(app, "run_event_loop", event_loop)
    hook_before = sys.excepthook

    main(["--db", str(path)])

    ((report, journal),) = shown
    assert journal == path
    assert report is not None and report.is_file()
    assert "broken_upgrade" in report.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert err.startswith("numbjournal: something went wrong inside numbjournal (RuntimeError)")
    assert str(report) in err
    assert "unexpected RuntimeError" in log_text()
    assert SECRET_NOTE not in log_text() + report.read_text(encoding="utf-8")
    assert sys.excepthook is hook_before


def test_a_bug_in_a_command_is_one_line_and_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken_check(*_args: object, **_kwargs: object) -> int:
        raise KeyError(SECRET_NOTE)

    path = tmp_path / "journal.sqlite"
    assert (
        main(
            ["log", "--db", str(path), "--where", "left_calf", "--duration", "3", "--severity", "2"]
        )
        == 0
    )
    capsys.readouterr()
    monkeypatch.setattr(opening, "inspect_file", broken_check)
    assert main(["list", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "(KeyError)" in err and "Traceback" not in err
    assert SECRET_NOTE not in err + log_text()
    assert "started: list" in log_text()


def test_the_log_file_is_private_and_never_holds_notes_or_places(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "journal.sqlite"
    old_umask = os.umask(0o022)
    try:
        assert (
            main(
                [
                    "log",
                    "--db",
                    str(path),
                    "--where",
                    "left_calf,right_sole",
                    "--ago",
                    "2h",
                    "--duration",
                    "20",
                    "--severity",
                    "7",
                    "--notes",
                    SECRET_NOTE,
                ]
            )
            == 0
        )
        assert main(["list", "--db", str(path)]) == 0
        assert main(["flags", "--db", str(path)]) == 0
        assert main(["export", "--db", str(path), "--format", "json", "--output", "-"]) == 0
        assert main(["export", "--db", str(path), "--output", str(tmp_path / "all.json")]) == 0
        bad = tmp_path / "bad.json"
        document = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
        document["episodes"][0]["severity"] = 99
        bad.write_text(json.dumps(document), encoding="utf-8")
        assert main(["import", "--db", str(path), str(bad)]) == 1
        assert main(["backup", "--db", str(path)]) == 0
    finally:
        os.umask(old_umask)
    assert SECRET_NOTE in capsys.readouterr().out  # the export did show the note

    text = log_text()
    assert "started: log" in text and "started: list" in text, "the log is written"
    assert "backup made" in text
    for private in (SECRET_NOTE, "left_calf", "left calf", "right_sole", "right sole"):
        assert private not in text.lower(), private
    if os.name == "posix":
        assert stat.S_IMODE((log_dir() / LOG_FILE).stat().st_mode) == 0o600
        assert stat.S_IMODE(log_dir().stat().st_mode) == 0o700


def test_an_exception_is_logged_without_its_message() -> None:
    from numbjournal.logs import setup_logging

    assert setup_logging() is not None
    try:
        raise ValueError(f"INSERT INTO episode VALUES ({SECRET_NOTE!r})")
    except ValueError:
        logging.getLogger("numbjournal.test").exception("saving failed")
    logging.getLogger("sqlalchemy.engine.Engine").info("SELECT %s", SECRET_NOTE)
    text = log_text()
    assert "saving failed" in text and "builtins.ValueError" in text
    assert "test_an_exception_is_logged_without_its_message" in text
    assert SECRET_NOTE not in text


def test_a_full_log_starts_afresh_and_keeps_the_older_ones_private(tmp_path: Path) -> None:
    """Past its size the log moves to ``.1`` (the one before to ``.2``...); at most KEEP
    old files stay, each owner-only, and every record is in one of them."""
    folder = tmp_path / "logs"
    folder.mkdir()
    path = folder / "numbjournal.log"
    handler = PrivateRotatingFileHandler(path, 400, 2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("numbjournal.test-rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for number in range(40):
            logger.warning("record %03d %s", number, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["numbjournal.log", "numbjournal.log.1", "numbjournal.log.2"]
    for file in folder.iterdir():
        assert file.stat().st_size <= 400, file.name
        if os.name == "posix":
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    newest = path.read_text(encoding="utf-8").splitlines()
    assert newest[-1].startswith("record 039")
    kept = "".join(
        (folder / name).read_text(encoding="utf-8") for name in reversed(names[1:])
    ) + path.read_text(encoding="utf-8")
    numbers = [int(line.split()[1]) for line in kept.splitlines()]
    assert numbers == list(range(numbers[0], 40)), "the kept records run on without a gap"
