"""Every command that only reads refuses a journal that is not there, and every
error is one line of the same shape: ``numbjournal COMMAND: what is wrong``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from numbjournal.cli import run

ONE_LINE = re.compile(r"numbjournal [a-z]+: [^\n]+\n")


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = run(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("flags",),
        ("profile",),
        ("settings",),
        ("settings", "--json"),
        ("backups",),
        ("export", "--format", "json", "--output", "-"),
        ("chart", "frequency", "--output", "OUT"),
    ],
    ids=" ".join,
)
def test_reading_commands_refuse_a_mistyped_journal_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    typo = folder / "jornal.sqlite"
    args = [str(folder / "chart.png") if a == "OUT" else a for a in command]
    code, out, err = cli(capsys, args[0], "--db", str(typo), *args[1:])
    assert code == 1
    assert out == ""
    assert ONE_LINE.fullmatch(err), err
    assert f"there is no journal at {typo}" in err
    assert list(folder.iterdir()) == [], "nothing was created"


def test_an_import_the_journal_refuses_names_the_file_like_every_import_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = tmp_path / "journal.sqlite"
    future = tmp_path / "future.json"
    future.write_text(
        json.dumps(
            {
                "format": "numbjournal",
                "version": 1,
                "episodes": [
                    {
                        "started_at": "2062-01-01T08:00:00+00:00",
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
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    errors = []
    for source in (future, empty):
        code, out, err = cli(capsys, "import", "--db", str(journal), str(source))
        assert (code, out) == (1, "")
        errors.append(err)
    for err, source in zip(errors, (future, empty), strict=True):
        assert ONE_LINE.fullmatch(err), err
        assert err.startswith(f"numbjournal import: {source}: ")
        assert err.endswith("; nothing was imported\n")
    assert "is in the future" in errors[0]
