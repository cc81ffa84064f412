"""Before and after each treatment started: how often, how long, how bad.

For every treatment the journal compares the same length of time before it
started with the time after (eight weeks each side unless something cuts
that short), and gives each figure with the number of episodes behind it.
The windows never reach past today, before the journal's first episode,
past the day the treatment stopped, or across another treatment's start;
whatever shortened them is named in ``limits``. A window too short, or
with too few episodes for a median, gives None rather than a number.

This is what came after starting, never a claim of what the treatment did.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from ..model import Episode, Helped, Treatment
from ..store import Journal
from ..store.schema import EPISODE, EPISODE_RELIEF
from .periods import DateRange

DEFAULT_WEEKS = 8
# Below two weeks a side, a rate per week says more about chance than about change.
MIN_DAYS = 14
# A median of fewer than three episodes is one or two episodes, not a typical one.
MIN_EPISODES = 3


@dataclass(frozen=True, slots=True)
class Side:
    """The figures for one side (before or after) of a treatment's start."""

    span: DateRange | None  # None when there is no room at all on this side
    episodes: int = 0
    timed: int = 0  # episodes with a known duration (not still going)
    per_week: float | None = None
    median_minutes: float | None = None
    median_severity: float | None = None

    @property
    def days(self) -> int:
        return self.span.days if self.span else 0


@dataclass(frozen=True, slots=True)
class ReliefCounts:
    """How often episodes said the treatment helped: yes, a little, no."""

    yes: int = 0
    a_little: int = 0
    no: int = 0

    @property
    def total(self) -> int:
        return self.yes + self.a_little + self.no


@dataclass(frozen=True, slots=True)
class BeforeAfter:
    treatment: Treatment
    before: Side
    after: Side
    limits: tuple[str, ...] = ()
    relief: ReliefCounts = field(default_factory=ReliefCounts)

    @property
    def days(self) -> int:
        """The length of each side in days (both sides have the same length)."""
        return self.after.days

    @property
    def enough(self) -> bool:
        """Whether the sides are long enough for a rate per week to mean something."""
        return self.days >= MIN_DAYS


def before_after(
    journal: Journal, *, today: date | None = None, weeks: int = DEFAULT_WEEKS
) -> list[BeforeAfter]:
    """The comparison for every treatment in the journal, in the order they started."""
    today = today or date.today()
    treatments = journal.treatments.all()
    if not treatments:
        return []
    first_day = _first_episode_day(journal)
    relief = relief_counts(journal)
    out = []
    for treatment in treatments:
        before_span, after_span, limits = windows(
            treatment, treatments, today=today, first_day=first_day, weeks=weeks
        )
        before = _side(journal, before_span)
        after = _side(journal, after_span)
        assert treatment.id is not None
        out.append(
            BeforeAfter(treatment, before, after, limits, relief.get(treatment.id, ReliefCounts()))
        )
    return out


def windows(
    treatment: Treatment,
    others: Sequence[Treatment],
    *,
    today: date,
    first_day: date | None,
    weeks: int = DEFAULT_WEEKS,
) -> tuple[DateRange | None, DateRange | None, tuple[str, ...]]:
    """The before and after windows of one treatment, of equal length, and what cut them.

    Before: the days up to the day before it started. After: from the day it
    started. Each is at most ``weeks`` long and both are cut to the shorter.
    """
    start = treatment.started
    full = weeks * 7
    limits: list[str] = []

    after_end = start + timedelta(days=full - 1)
    cuts_after: list[tuple[date, str]] = [(today, f"today is {_day(today)}")]
    if treatment.stopped is not None:
        cuts_after.append((treatment.stopped, f"it stopped on {_day(treatment.stopped)}"))
    before_start = start - timedelta(days=full)
    cuts_before: list[tuple[date, str]] = []
    if first_day is None:
        cuts_before.append((start, "the journal has no episodes yet"))
    else:
        cuts_before.append((first_day, f"the journal's first episode is on {_day(first_day)}"))
    for other in others:
        if other is treatment:
            continue
        if start < other.started <= after_end:
            cuts_after.append(
                (
                    other.started - timedelta(days=1),
                    f"{other.name} started on {_day(other.started)}",
                )
            )
        if before_start < other.started < start:
            cuts_before.append((other.started, f"{other.name} started on {_day(other.started)}"))

    after_last, after_why = after_end, ""
    for day, why in sorted(cuts_after):
        if day < after_last:
            after_last, after_why = day, why
            break
    before_first, before_why = before_start, ""
    for day, why in sorted(cuts_before, reverse=True):
        if day > before_first:
            before_first, before_why = day, why
            break

    after_room = (after_last - start).days + 1
    before_room = (start - before_first).days
    length = min(after_room, before_room)
    if length < full:
        # Only what decided the length is named: the other side had room to spare.
        limits.append(f"each side is {_length(length)} instead of {weeks} weeks")
        if after_room == length:
            limits.append(after_why)
        if before_room == length:
            limits.append(before_why)
    if length <= 0:
        return None, None, tuple(limits)
    after = DateRange(start, start + timedelta(days=length - 1))
    before = DateRange(start - timedelta(days=length), start - timedelta(days=1))
    # A stop of another treatment changes things too, but cutting there would
    # leave nothing before a switch from one medicine to the next: say it instead.
    for other in others:
        stop = other.stopped
        if other is not treatment and stop is not None and before.first <= stop <= after.last:
            limits.append(f"{other.name} stopped on {_day(stop)}, within these weeks")
    return before, after, tuple(limits)


def taken_between(treatments: Sequence[Treatment], first: date, last: date) -> list[Treatment]:
    """The treatments taken on any day from ``first`` to ``last`` (both included)."""
    return [
        t for t in treatments if t.started <= last and (t.stopped is None or t.stopped >= first)
    ]


def relief_counts(journal: Journal) -> dict[int, ReliefCounts]:
    """Per treatment id, how many episodes answered yes, a little and no."""
    query = select(EPISODE_RELIEF.c.treatment_id, EPISODE_RELIEF.c.helped, func.count()).group_by(
        EPISODE_RELIEF.c.treatment_id, EPISODE_RELIEF.c.helped
    )
    counts: dict[int, dict[str, int]] = {}
    with journal.reading() as conn:
        for treatment_id, helped, n in conn.execute(query):
            counts.setdefault(int(treatment_id), {})[str(helped)] = int(n)
    return {
        tid: ReliefCounts(
            yes=c.get(Helped.YES, 0), a_little=c.get(Helped.A_LITTLE, 0), no=c.get(Helped.NO, 0)
        )
        for tid, c in counts.items()
    }


def side_figures(span: DateRange | None, episodes: Sequence[Episode]) -> Side:
    """The figures for ``episodes`` (those that started in ``span``)."""
    if span is None:
        return Side(None)
    durations = [e.duration_minutes for e in episodes if e.duration_minutes is not None]
    severities = [e.severity for e in episodes]
    return Side(
        span,
        episodes=len(episodes),
        timed=len(durations),
        per_week=len(episodes) * 7 / span.days if span.days >= MIN_DAYS else None,
        median_minutes=(
            float(statistics.median(durations)) if len(durations) >= MIN_EPISODES else None
        ),
        median_severity=(
            float(statistics.median(severities)) if len(severities) >= MIN_EPISODES else None
        ),
    )


def _side(journal: Journal, span: DateRange | None) -> Side:
    if span is None:
        return Side(None)
    return side_figures(span, journal.episodes(span.first, span.last))


def _first_episode_day(journal: Journal) -> date | None:
    with journal.reading() as conn:
        first = conn.execute(
            select(EPISODE.c.started_at).order_by(EPISODE.c.started_at).limit(1)
        ).scalar()
    return None if first is None else datetime.fromtimestamp(int(first)).date()


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _length(days: int) -> str:
    if days <= 0:
        return "empty"
    if days % 7 == 0:
        weeks = days // 7
        return f"{weeks} week" + ("" if weeks == 1 else "s")
    return f"{days} day" + ("" if days == 1 else "s")
