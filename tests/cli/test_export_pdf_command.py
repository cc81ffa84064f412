"""``numbjournal export --format pdf``: the doctor summary from the command line, no display."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from numbjournal.core.model import Episode, Location, Symptom
from numbjournal.core.store import Journal
from numbjournal.report.offscreen import needs_offscreen

TZ = timezone(timedelta(hours=1))


def _text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


@pytest.fixture
def logged(journal_path: Path) -> None:
    with Journal.open(journal_path) as journal:
        journal.import_all(
            [
                Episode(datetime(2026, 11, 2, 8, tzinfo=TZ), 6, (Location.LEFT_TOES,)),
                Episode(
                    datetime(2026, 11, 9, 21, 5, tzinfo=TZ),
                    15,
                    (Location.FACE, Location.RIGHT_SHIN),
                    symptoms=(Symptom.DIFFICULTY_SPEAKING,),
                ),
            ]
        )


@pytest.mark.usefixtures("logged")
def test_export_pdf_with_every_option(cli: Callable[..., Any], tmp_path: Path) -> None:
    questions = tmp_path / "questions.txt"
    questions.write_text("Why only at night?\n", encoding="utf-8")
    output = tmp_path / "summary.pdf"

    outcome = cli(
        "export",
        "--format",
        "pdf",
        "--output",
        str(output),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--charts",
        "--no-appendix",
        "--questions",
        f"@{questions}",
        "--paper",
        "letter",
    )

    assert outcome.code == 0, outcome.err
    assert outcome.out.startswith("Wrote the summary (")
    assert outcome.out.endswith(f"pages, 2 episodes) to {output}.\n")
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    text = _text(output)
    assert "2 episodes" in text and "2026-11-09 21:05 (Mon)" in text
    assert "Why only at night?" in text and "More charts" in text
    assert "Appendix" not in text
    assert [round(float(v)) for v in PdfReader(output).pages[0].mediabox[2:]] == [612, 792]


@pytest.mark.usefixtures("logged")
def test_export_pdf_from_the_extension_alone(cli: Callable[..., Any], tmp_path: Path) -> None:
    output = tmp_path / "all.pdf"

    outcome = cli("export", "--output", str(output), "--all-time", "--appendix")

    assert outcome.code == 0, outcome.err
    assert "Appendix: every episode in the range (2 episodes)" in _text(output)


def test_by_default_the_last_three_months_without_the_log_and_at_most_four_pages(
    cli: Callable[..., Any], journal_path: Path, tmp_path: Path
) -> None:
    today = date.today()
    now = datetime.now(TZ).replace(hour=9, minute=0, second=0, microsecond=0)
    with Journal.open(journal_path) as journal:
        journal.import_all(
            [
                Episode(
                    now - timedelta(days=days),
                    45,
                    (Location.LEFT_CALF,),
                    symptoms=(Symptom.PAIN,) if days % 3 else (),
                )
                for days in range(1, 400, 2)
            ]
        )
    output = tmp_path / "summary.pdf"

    outcome = cli("export", "--output", str(output))

    assert outcome.code == 0, outcome.err
    reader = PdfReader(output)
    assert len(reader.pages) <= 4
    text = _text(output)
    first = today - timedelta(days=89)
    assert f"Range: {first.isoformat()} to {today.isoformat()} (90 days)" in text
    assert "Appendix" not in text
    assert "more flagged episode" in text, "what did not fit is counted, not dropped"

    everything = tmp_path / "everything.pdf"
    assert cli("export", "--output", str(everything), "--all-time", "--appendix").code == 0
    assert "Appendix: every episode in the range (200 episodes)" in _text(everything)

    refused = cli(
        "export", "--output", str(tmp_path / "x.pdf"), "--all-time", "--from", "2026-01-01"
    )
    assert refused.code == 1
    assert "--all-time cannot be combined with --from or --to" in refused.err


@pytest.mark.usefixtures("logged")
def test_a_missing_questions_file_is_named_and_nothing_is_written(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    output = tmp_path / "summary.pdf"

    outcome = cli("export", "--output", str(output), "--questions", "@nowhere.txt")

    assert outcome.code == 1
    assert outcome.err == "numbjournal export: --questions: nowhere.txt does not exist\n"
    assert not output.exists()


def test_headless_on_linux_whatever_the_display_unless_a_platform_is_chosen() -> None:
    assert needs_offscreen({}, "linux")
    assert needs_offscreen({"DISPLAY": ":0"}, "linux")  # may be a stale SSH display
    assert not needs_offscreen({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not needs_offscreen({}, "darwin")
    assert not needs_offscreen({}, "win32")


@pytest.mark.usefixtures("logged")
def test_works_with_no_display_or_a_display_that_is_gone(
    journal_path: Path, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["DISPLAY"] = ":97"  # no X server answers there
    output = tmp_path / "headless.pdf"

    command = ["export", "--db", str(journal_path), "--output", str(output), "--all-time"]
    done = subprocess.run(
        [sys.executable, "-m", "numbjournal", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "2026-11-09 21:05 (Mon)" in _text(output)
