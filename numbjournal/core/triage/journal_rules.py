"""Patterns across the journal: numbness that keeps coming back or is getting worse.

These look at many episodes at once, so they take the whole (sorted)
journal rather than a :class:`Situation`. Windows are counted back from
``now``: a trend is about recent weeks, not about any stretch of the past.
Plainly positional episodes (short, eased by moving, nothing else logged)
have an obvious cause: the trends leave them out, and numbness that keeps
coming back counts them only at a higher bar.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..model import Episode
from ..words import duration
from .climbing import CLIMBING_RULE
from .flags import Source, Tier
from .rule import JournalView, Rule
from .settings import TriageSettings

RECURRING = (
    "Numbness that keeps coming back (NHS Choices, Pins and needles: \u201cSee your GP if you "
    "constantly have pins and needles or if it keeps coming back\u201d)."
)
RECURRING_PAST = (
    "Numbness that kept coming back in the past (NHS Choices, Pins and needles: \u201cSee your "
    "GP if you constantly have pins and needles or if it keeps coming back\u201d): the last "
    "such run ended more than 90 days ago; worth telling a healthcare provider about."
)
INCREASING_FREQUENCY = (
    "Numbness that keeps coming back more and more often (NHS Choices, Pins and needles: "
    "\u201cSee your GP if you constantly have pins and needles or if it keeps coming "
    "back\u201d): episodes are becoming more frequent over recent weeks."
)
INCREASING_DURATION = (
    "Numbness that lasts longer and longer (Push Doctor, Pins and needles: \u201cIf you have "
    "pins and needles that don't go away, or if you get it frequently, you should see a "
    "GP.\u201d): episodes are lasting longer over recent weeks."
)
CURRENT_DAYS = 90
"""A run of recurring episodes is current while it ended within this many days."""


def _latest_run(stamps: Sequence[float], span: float, need: int) -> tuple[int, int] | None:
    """The last window of ``need`` or more stamps within ``span`` seconds: (first, last).

    From the newest episode back, the first window that holds enough is the
    most recent run (a save re-counts this, so it should not walk ten years
    forward).
    """
    for last in range(len(stamps) - 1, need - 2, -1):
        first = bisect_right(stamps, stamps[last] - span)
        if last - first + 1 >= need:
            return first, last
    return None


def _recurring_run(view: JournalView) -> tuple[Sequence[Episode], bool] | None:
    """The most recent run, and whether short positional episodes were needed to reach it.

    Episodes with a cause in plain sight (short, eased by moving, nothing else
    logged) count only at the higher ``recurring_positional_episodes`` bar.
    """
    settings = view.settings
    span = settings.recurring_days * 86_400
    runs = []
    counted = _latest_run(view.counted_stamps, span, settings.recurring_episodes)
    if counted is not None:
        first, last = counted
        runs.append((view.counted_stamps[last], view.counted[first : last + 1], False))
    everything = _latest_run(view.stamps, span, settings.recurring_positional_episodes)
    if everything is not None:
        first, last = everything
        runs.append((view.stamps[last], view.episodes[first : last + 1], True))
    if not runs:
        return None
    _, episodes, positional = max(runs, key=lambda run: (run[0], not run[2]))
    return episodes, positional


def _run_words(view: JournalView, episodes: Sequence[Episode], positional: bool) -> str:
    start, end = episodes[0].started_at.date(), episodes[-1].started_at.date()
    also = " (short ones eased by moving counted too)" if positional else ""
    return (
        f"{len(episodes)} episodes within {view.settings.recurring_days} days{also}, "
        f"from {start.isoformat()} to {end.isoformat()}"
    )


def _is_current(view: JournalView, episodes: Sequence[Episode]) -> bool:
    ended = episodes[-1].started_at.timestamp()
    return view.now.timestamp() - ended <= CURRENT_DAYS * 86_400


def recurring(view: JournalView) -> str | None:
    """The most recent run, when it ended within the last 90 days."""
    run = _recurring_run(view)
    if run is None or not _is_current(view, run[0]):
        return None
    return _run_words(view, *run)


def recurring_past(view: JournalView) -> str | None:
    """The most recent run, when it ended more than 90 days ago (and none since)."""
    run = _recurring_run(view)
    if run is None or _is_current(view, run[0]):
        return None
    return f"in the past: {_run_words(view, *run)}; none like it in the last {CURRENT_DAYS} days"


def _windows(view: JournalView) -> tuple[Sequence[Episode], Sequence[Episode], bool]:
    """Episodes of the recent span, of the span before it, and whether anything is older."""
    span = view.settings.trend_weeks * 7 * 86_400
    now = view.now.timestamp()
    recent_from = bisect_left(view.counted_stamps, now - span)
    earlier_from = bisect_left(view.counted_stamps, now - 2 * span)
    episodes = view.counted
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
    from statistics import median  # not at import: the window's first frame does without it

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
    CLIMBING_RULE,
    Rule("recurring", Tier.SEE_DOCTOR, Source.GUIDANCE, "NHS Choices", RECURRING, recurring),
    Rule(
        "recurring_past",
        Tier.SEE_DOCTOR,
        Source.GUIDANCE,
        "NHS Choices",
        RECURRING_PAST,
        recurring_past,
    ),
    Rule(
        "increasing_frequency",
        Tier.SEE_DOCTOR,
        Source.GUIDANCE,
        "NHS Choices",
        INCREASING_FREQUENCY,
        increasing_frequency,
    ),
    Rule(
        "increasing_duration",
        Tier.SEE_DOCTOR,
        Source.GUIDANCE,
        "Push Doctor",
        INCREASING_DURATION,
        increasing_duration,
    ),
)
