"""Items that run in this process: saving, loading, importing, flags.

Each returns table rows; the floor of each is bare sqlite3 doing the same
database work (see floors.py), measured alternately in the same run.
"""

from __future__ import annotations

import dataclasses
import statistics
from datetime import UTC, datetime, timedelta

from numbjournal.core.model import Episode
from numbjournal.core.store import Journal
from numbjournal.core.validation import validate_episode

from . import floors, journals
from .context import RunContext, need
from .harness import Row, median_of, python_peak, timed

SAVE_SIZE = 20_000
IMPORT_SIZE = 20_000
FLAGS_SIZE = 20_000


def _drafts(count: int) -> list[Episode]:
    """New episodes a person logs today: realistic, and distinct from each other."""
    base = journals.generate_episodes(count, seed=7)
    today = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    return [
        dataclasses.replace(e, started_at=today + timedelta(minutes=i), id=None)
        for i, e in enumerate(base)
    ]


def save_one(ctx: RunContext) -> list[Row]:
    """Validation, triage and the commit of one new episode on a 20,000-episode journal."""
    triage = need("numbjournal.core.triage")
    path = ctx.journal_copy(SAVE_SIZE, "save")
    runs = max(ctx.runs * 3, 9)
    drafts = iter(_drafts(runs * 2 + 4))
    now = datetime(2026, 11, 25, tzinfo=UTC)
    bare = floors.BareJournal(path.parent, ctx.episodes(SAVE_SIZE))
    with journals.open_journal(path) as journal:
        profile = journal.profile()
        settings = triage.load_settings(journal)

        def save() -> None:
            episode = next(drafts)
            if validate_episode(episode, now=now):
                raise AssertionError("generated draft is invalid")
            triage.evaluate_episode(episode, profile, settings, now=now)
            journal.add(episode)

        save()  # the first write pays for compiling statements, as the window's warm-up
        bare.insert_one_seconds(next(drafts))
        times, floor_times = median_of(
            runs, lambda: timed(save), lambda: bare.insert_one_seconds(next(drafts))
        )
        peak = python_peak(save)
    bare.close()
    return [
        Row(
            "save one episode (20k)",
            statistics.median(times),
            floor=statistics.median(floor_times),
            max_ratio=3,
            max_figure=0.030,
            peak_bytes=peak,
            samples=times,
            note="validate + evaluate_episode + Journal.add; floor: bare one-row insert+commit",
        )
    ]


def load_all(ctx: RunContext, sizes: tuple[int, ...]) -> list[Row]:
    """Journal.episodes(): every episode as domain objects (what list views start from)."""
    rows = []
    for size in sizes:
        bare = floors.BareJournal(ctx.scratch, ctx.episodes(size))
        with journals.open_journal(ctx.journal(size)) as journal:
            journal.episodes()
            times, floor_times = median_of(
                ctx.runs, lambda j=journal: timed(j.episodes), bare.query_seconds
            )
            peak = python_peak(journal.episodes)
        bare.close()
        rows.append(
            Row(
                f"load all episodes ({size // 1000}k)",
                statistics.median(times),
                floor=statistics.median(floor_times),
                peak_bytes=peak,
                samples=times,
                note="Journal.episodes(); floor: bare query of the same rows",
            )
        )
    return rows


def import_json(ctx: RunContext) -> list[Row]:
    """Reading a 20,000-episode JSON file and adding it to an empty journal."""
    formats = need("numbjournal.core.formats.json_file")
    source = journals.cached_json(IMPORT_SIZE, ctx.seed)
    episodes = ctx.episodes(IMPORT_SIZE)
    counter = iter(range(1000))

    def run_import() -> float:
        path = journals.empty_journal(ctx.scratch / f"import-{next(counter)}")
        with journals.open_journal(path) as journal:
            return timed(lambda: _import(formats, journal, source))

    def floor() -> float:
        return floors.bulk_insert_seconds(ctx.scratch, episodes)

    runs = max(3, ctx.runs - 2)
    times, floor_times = median_of(runs, run_import, floor)
    path = journals.empty_journal(ctx.scratch / "import-peak")
    with journals.open_journal(path) as journal:
        peak = python_peak(lambda: _import(formats, journal, source))
    return [
        Row(
            "import JSON (20k)",
            statistics.median(times),
            floor=statistics.median(floor_times),
            max_ratio=5,
            peak_bytes=peak,
            samples=times,
            note="read + parse_json + Journal.import_all; floor: bare bulk insert, one transaction",
        )
    ]


def _import(formats: object, journal: Journal, source: journals.Path) -> None:
    parsed = formats.parse_json(source.read_text(encoding="utf-8"), source.name)  # type: ignore[attr-defined]
    result = journal.import_all(parsed.episodes, parsed.conditions)
    if result.added != len(parsed.episodes):
        raise AssertionError(f"import added {result.added} of {len(parsed.episodes)}")


def flags_all(ctx: RunContext, sizes: tuple[int, ...] = (FLAGS_SIZE,)) -> list[Row]:
    """Flags for every episode: load the journal, then evaluate_journal."""
    triage = need("numbjournal.core.triage")
    rows = []
    for size in sizes:
        with journals.open_journal(ctx.journal(size)) as journal:

            def flags(j: Journal = journal) -> None:
                triage.evaluate_journal(j.episodes(), j.profile(), triage.load_settings(j))

            flags()
            times, _ = median_of(max(3, ctx.runs - 2), lambda: timed(flags))
            peak = python_peak(flags)
        rows.append(
            Row(
                f"flags, every episode ({size // 1000}k)",
                statistics.median(times),
                max_figure=1.0 if size <= FLAGS_SIZE else None,
                peak_bytes=peak,
                samples=times,
                note="Journal.episodes + evaluate_journal (what `flags --json` computes)",
            )
        )
    return rows
