"""Realistic synthetic journals, generated once per size and seed and cached.

The episodes follow what the article and the people it describes would log:
mostly short, positional tingling or numbness in one leg while sitting that
gets better after moving, a minority of longer or painful episodes, and a
rare episode with stroke signs. Times cluster in the evening, the offset
follows daylight saving (+01:00 / +02:00) with the odd trip abroad.

Generation writes through the store's own row helpers (so it follows the
schema) but in one bulk transaction with ids assigned up front, because
the 100,000-episode journal would otherwise take minutes to build.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import insert

from numbjournal.core.model import (
    LEG_PARTS,
    Condition,
    ConditionEntry,
    Context,
    Episode,
    Location,
    Onset,
    PositionChange,
    Profile,
    Sensation,
    Symptom,
)
from numbjournal.core.store import Journal
from numbjournal.core.store.rows import episode_values, write_children
from numbjournal.core.store.schema import EPISODE

GENERATOR_VERSION = 1
DEFAULT_SEED = 20261125
END = datetime(2026, 11, 1, tzinfo=UTC)

SIZES = {"1y": 750, "10y": 20_000, "100k": 100_000}

_NOTES = (
    "",
    "",
    "",
    "after the long drive",
    "sat on the floor with the kids",
    "legs crossed at my desk",
    "woke up with it",
    "cold morning",
    "after running",
    "long meeting",
    "went away after walking around",
    "new shoes",
)
_CONTEXTS = (
    (Context.SITTING, 40),
    (Context.LEGS_CROSSED, 18),
    (Context.LYING_DOWN, 14),
    (Context.STANDING, 8),
    (Context.WALKING, 6),
    (Context.EXERCISE, 5),
    (Context.OTHER, 4),
    (Context.UNKNOWN, 5),
)
_COMMON_SYMPTOMS = (
    Symptom.PAIN,
    Symptom.CRAMPING,
    Symptom.BURNING,
    Symptom.FATIGUE,
    Symptom.WEAKNESS,
    Symptom.SHARP_OR_SEVERE_PAIN,
    Symptom.COORDINATION_PROBLEMS,
    Symptom.SWELLING_OR_BRUISING,
)
_STROKE_SIGNS = (Symptom.FACIAL_DROOPING, Symptom.DIFFICULTY_SPEAKING, Symptom.CONFUSION)


def span_days(count: int) -> int:
    """One year for a year's worth, ten years from 20,000 episodes up."""
    return min(3650, max(365, count * 3650 // 20_000))


def generate_episodes(count: int, seed: int = DEFAULT_SEED) -> list[Episode]:
    rng = random.Random(seed)
    days = span_days(count)
    start = END - timedelta(days=days)
    moments = sorted(rng.random() * days for _ in range(count))
    return [_episode(rng, start + timedelta(days=int(day))) for day in moments]


def _episode(rng: random.Random, day: datetime) -> Episode:
    hour = int(rng.triangular(6, 24, 20)) % 24
    minute = rng.randrange(60)
    summer = 3 < day.month < 11
    offset_hours = 2 if summer else 1
    if rng.random() < 0.03:
        offset_hours = rng.choice((-5, 0, 3, 8))
    tz = timezone(timedelta(hours=offset_hours))
    started = (day + timedelta(hours=hour, minutes=minute)).astimezone(tz)
    side = rng.choice(("left", "left", "right"))
    parts = rng.sample(LEG_PARTS, k=rng.choice((1, 1, 1, 2, 2, 3)))
    locations = [Location(f"{side}_{part}") for part in parts]
    if rng.random() < 0.08:
        other = "right" if side == "left" else "left"
        locations.append(Location(f"{other}_{rng.choice(LEG_PARTS)}"))
    if rng.random() < 0.03:
        locations.append(rng.choice((Location.LEFT_HAND, Location.FACE, Location.LOWER_BACK)))
    symptoms: list[Symptom] = []
    if rng.random() < 0.25:
        symptoms = rng.sample(_COMMON_SYMPTOMS, k=rng.choice((1, 1, 2)))
    if rng.random() < 0.004:
        symptoms += rng.sample(_STROKE_SIGNS, k=2)
    duration = min(43_200, max(1, int(rng.lognormvariate(2.1, 0.9))))
    if rng.random() < 0.002:
        duration = None if rng.random() < 0.5 else 600
    contexts, weights = zip(*_CONTEXTS, strict=True)
    return Episode(
        started_at=started,
        duration_minutes=duration,
        locations=tuple(dict.fromkeys(locations)),
        sensation=rng.choices(list(Sensation), weights=(45, 40, 8, 7))[0],
        severity=min(10, max(0, round(rng.gauss(3.5, 1.8)))),
        onset=rng.choices(list(Onset), weights=(25, 60, 15))[0],
        context=rng.choices(contexts, weights=weights)[0],
        position_change=rng.choices(list(PositionChange), weights=(70, 12, 18))[0],
        symptoms=tuple(symptoms),
        notes=rng.choice(_NOTES),
    )


CONDITIONS = (ConditionEntry(Condition.SCIATICA),)


def schema_stamp() -> str:
    """A short hash of the schema and migrations: cached journals follow schema changes."""
    from numbjournal.core.store import schema

    store = Path(schema.__file__).parent
    digest = hashlib.sha256()
    for source in sorted([store / "schema.py", *(store / "migrations" / "versions").glob("*.py")]):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:8]


def open_journal(path: Path | str) -> Journal:
    """A journal opened for measuring: without the daily automatic backup.

    The backup is part of the first start of a day, not of loading, saving
    or importing; start-up probes open journals the app's own way.
    """
    return Journal.open(path, automatic_backups=False)


def cache_dir() -> Path:
    base = Path(os.environ.get("NUMBJOURNAL_BENCH_CACHE") or tempfile.gettempdir())
    folder = base / "numbjournal-bench-cache"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def cached_journal(count: int, seed: int = DEFAULT_SEED) -> Path:
    """The path of a journal with ``count`` generated episodes (built on first use)."""
    path = cache_dir() / f"journal-{count}-{seed}-g{GENERATOR_VERSION}-{schema_stamp()}.sqlite"
    if path.exists():
        return path
    building = path.with_name(path.name + ".building")
    for stale in building.parent.glob(building.name + "*"):
        stale.unlink()
    write_journal(building, generate_episodes(count, seed))
    os.replace(building, path)
    return path


def write_journal(path: Path, episodes: list[Episode]) -> None:
    with open_journal(path) as journal:
        journal.set_profile(Profile(conditions=CONDITIONS))
        with journal.writing() as conn:
            rows = []
            for index, episode in enumerate(episodes, start=1):
                values = episode_values(episode)
                values["id"] = index
                rows.append(values)
            conn.execute(insert(EPISODE), rows)
            write_children(conn, [(i, e) for i, e in enumerate(episodes, start=1)])


def empty_journal(folder: Path) -> Path:
    """A fresh, migrated, empty journal (copied from a cached one)."""
    source = cache_dir() / f"journal-empty-{schema_stamp()}.sqlite"
    if not source.exists():
        building = source.with_name(source.name + ".building")
        with open_journal(building):
            pass
        os.replace(building, source)
    return private_copy(source, folder / "empty.sqlite")


def private_copy(source: Path, target: Path) -> Path:
    """A writable copy the benchmark may change, owner-only like a real journal."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)
    return target


def cached_json(count: int, seed: int = DEFAULT_SEED) -> Path:
    """The same generated episodes as an interchange file (journal-format.md 1)."""
    path = cache_dir() / f"journal-{count}-{seed}-g{GENERATOR_VERSION}.json"
    if path.exists():
        return path
    document = {
        "format": "numbjournal",
        "version": 1,
        "exported_at": END.isoformat(),
        "profile": {"conditions": [{"condition": str(c.condition)} for c in CONDITIONS]},
        "episodes": [_as_json(e) for e in generate_episodes(count, seed)],
    }
    building = path.with_name(path.name + ".building")
    building.write_text(json.dumps(document), encoding="utf-8")
    os.replace(building, path)
    return path


def _as_json(episode: Episode) -> dict[str, object]:
    return {
        "started_at": episode.started_at.isoformat(),
        "duration_minutes": episode.duration_minutes,
        "locations": [str(v) for v in episode.locations],
        "sensation": str(episode.sensation),
        "severity": episode.severity,
        "onset": str(episode.onset),
        "context": str(episode.context),
        "position_change": str(episode.position_change),
        "symptoms": [str(v) for v in episode.symptoms],
        "notes": episode.notes,
    }
