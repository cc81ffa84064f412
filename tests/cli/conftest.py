"""Running the command line in-process against the test's own journal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from numbjournal.cli import run


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Outcome]:
    """``cli("log", "--where", "left_calf", ...)`` runs numbjournal with ``--db`` set."""

    def invoke(*args: str) -> Outcome:
        try:
            code = run([*args[:1], "--db", str(journal_path), *args[1:]])
        except SystemExit as exit_:  # argparse's usage errors and --help
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return invoke
