"""Patterns across the journal: numbness that keeps coming back or is getting worse.

These look at many episodes at once, so they take the whole (sorted)
journal rather than a :class:`Situation`. Windows are counted back from
``now``: a trend is about recent weeks, not about any stretch of the past.
Plainly positional episodes (short, eased by moving, nothing else logged)
are left out before these rules run: they have an obvious cause.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from statistics import median

from ..model import Episode
from ..words import duration
from .flags import Source, Tier
from .rule import JournalView, Rule
from .settings import TriageSettings

RECURRING = (
    "Numbness that keeps coming back (NHS advice on pins and needles: see a GP if it "
    "does not go away or keeps coming back)."
)
INCREASING_FREQUENCY = (
    "Numbness that keeps coming back more and more often (NHS advice on pins and needles: "
    "see a GP if it keeps coming back): episodes are becoming more frequent over recent weeks."
)
INCREASING_DURATION = (
    "Numbness that lasts longer and longer (NHS advice on pins and needles: see a GP if it "
    "does not go away): episodes are lasting longer over recent weeks."
)


def recurring(view: JournalView) -> str | None:
    """The most recent run of ``recurring_episodes`` or more within ``recurring_days``."""
    settings = view.settings
    span = settings.recurring_days * 86_400
    stamps = view.stamps
    # From the newest episode back, the first window that holds enough is the most
    # recent run (a save re-counts this, so it should not walk ten years forward).
    found: tuple[int, int] | None = None
    for last in range(len(stamps) - 1, settings.recurring_episodes - 2, -1):
        first = bisect_right(stamps, stamps[last] - span)
        if last - first + 1 >= settings.recurring_episodes:
            found = (first, last)
            break
    if found is None:
        return None
    first, last = found
    start, end = view.episodes[first].started_at, view.episodes[last].started_at
    return (
        f"{last - first + 1} episodes within {settings.recurring_days} days, "
        f"from {start.date().isoformat()} to {end.date().isoformat()}"
    )


def _windows(view: JournalView) -> tuple[Sequence[Episode], Sequence[Episode], bool]:
    """Episodes of the recent span, of the span before it, and whether anything is older."""
    span = view.settings.trend_weeks * 7 * 86_400
    now = view.now.timestamp()
    recent_from = bisect_left(view.stamps, now - span)
    earlier_from = bisect_left(view.stamps, now - 2 * span)
    episodes = view.episodes
    return episodes[recent_from:], episodes[earlier_from:recent_from], earlier_from > 0


def _weeks(settings: TriageSettings) -> str:
    weeks = settings.trend_weeks
    return "week" if weeks == 1 else f"{weeks} weeks"


def increasing_frequency(view: JournalView) -> str | None:
    settings = view.settings
    recent, earlier, older = _windows(view)
    if len(recent) < settings.trend_min_episodes or not (earlier or older):
        return None
    if len(recent) * 100 < len(earlier) * (100 + settings.trend_increase_percent):
        return None
    if len(recent) <= len(earlier):
        return None
    weeks = _weeks(settings)
    before = f"{len(earlier)}" if earlier else "none"
    return f"{len(recent)} episodes in the last {weeks} against {before} in the {weeks} before"


def increasing_duration(view: JournalView) -> str | None:
    settings = view.settings
    recent, earlier, _older = _windows(view)
    recent_minutes = [e.duration_minutes for e in recent if e.duration_minutes is not None]
    earlier_minutes = [e.duration_minutes for e in earlier if e.duration_minutes is not None]
    least = settings.trend_min_episodes
    if len(recent_minutes) < least or len(earlier_minutes) < least:
        return None
    now_typical, before_typical = median(recent_minutes), median(earlier_minutes)
    if now_typical <= before_typical:
        return None
    if now_typical * 100 < before_typical * (100 + settings.trend_increase_percent):
        return None
    weeks = _weeks(settings)
    return (
        f"episodes in the last {weeks} lasted {duration(round(now_typical))} "
        f"(median of {len(recent_minutes)}) against {duration(round(before_typical))} "
        f"(median of {len(earlier_minutes)}) in the {weeks} before"
    )


JOURNAL_RULES: tuple[Rule[JournalView], ...] = (
    Rule("recurring", Tier.SEE_DOCTOR, Source.GUIDANCE, "NHS", RECURRING, recurring),
    Rule(
        "increasing_frequency",
        Tier.SEE_DOCTOR,
        Source.GUIDANCE,
        "NHS",
        INCREASING_FREQUENCY,
        increasing_frequency,
    ),
    Rule(
        "increasing_duration",
        Tier.SEE_DOCTOR,
        Source.GUIDANCE,
        "NHS",
        INCREASING_DURATION,
        increasing_duration,
    ),
)
