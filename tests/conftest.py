"""Every test gets its own journal, data folder and settings; none touch the real ones."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

# Before any Qt object exists: no real screen, and no real data or settings folders.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="numbjournal-tests-"))
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)  # left behind by every run
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SESSION_HOME / _var.lower())
os.environ["MPLCONFIGDIR"] = str(_SESSION_HOME / "mpl")
os.environ.pop("NUMBJOURNAL_DB", None)
# Child Pythons started by tests must import the installed package, never the
# source folder in the current directory (CI tests the built wheel).
os.environ["PYTHONSAFEPATH"] = "1"

import pytest  # noqa: E402

from numbjournal.core.model import Episode, Location, PositionChange  # noqa: E402
from numbjournal.core.store import Journal  # noqa: E402


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user folder (and $HOME) at this test's own temporary folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("NUMBJOURNAL_DB", raising=False)
    return home


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal" / "journal.sqlite"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    opened = Journal.open(journal_path)
    try:
        yield opened
    finally:
        opened.close()


TZ_PLUS1 = timezone(timedelta(hours=1))


def make_episode(**changes: object) -> Episode:
    """A plain, valid, positional episode; tests change only what they are about."""
    values: dict[str, object] = {
        "started_at": datetime(2026, 11, 20, 8, 15, tzinfo=TZ_PLUS1),
        "duration_minutes": 5,
        "locations": (Location.LEFT_FOOT_TOP,),
    }
    values.update(changes)
    return Episode(**values)  # type: ignore[arg-type]


@pytest.fixture
def episode_factory() -> Callable[..., Episode]:
    """``episode_factory(severity=7)`` builds a valid episode with those fields changed."""
    return make_episode


@pytest.fixture
def berlin_time() -> Iterator[ZoneInfo]:
    """Make local time Europe/Berlin (a zone with daylight saving) for this test only."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    try:
        yield ZoneInfo("Europe/Berlin")
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture
def log_at(journal: Journal, berlin_time: ZoneInfo) -> Callable[..., Episode]:
    """``log_at("2026-03-29 23:30", severity=4)`` saves a brief positional episode
    starting at that Berlin wall-clock time (changed fields as keywords)."""

    def log(when: str, **fields: object) -> Episode:
        values: dict[str, object] = {
            "started_at": datetime.fromisoformat(when).replace(tzinfo=berlin_time),
            "position_change": PositionChange.IMPROVED,
            **fields,
        }
        return journal.add(make_episode(**values))

    return log
