"""The key numbers of page 1 as text, each set against the period before.

"12 episodes" means little alone; "up 140% from 5 in the previous 90 days"
is what a clinician asks next. The numbers themselves come from
``core.patterns.key_numbers``, the same ones the patterns view shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ...core import words
from ...core.flag_levels import counts_text, level_counts, needs_action
from ...core.patterns import KeyNumbers, PeriodStats
from ...core.triage import Flag
from .describe import count


@dataclass(frozen=True, slots=True)
class KeyNumber:
    label: str
    value: str
    change: str


def key_number_rows(
    numbers: KeyNumbers, flags: Mapping[int, Sequence[Flag]]
) -> tuple[KeyNumber, ...]:
    now, before = numbers.current, numbers.previous
    if now is None:
        return ()
    period = f"previous {count(now.span.days, 'day')}"

    def compare(pick: Callable[[PeriodStats], float | None], show: Callable[[float], str]) -> str:
        if before is None:
            return ""  # said once, under the episode count
        return _change(pick(now), pick(before), show, period)

    longest = _minutes(now.longest_duration)
    if now.ongoing:
        longest += f" ({now.ongoing:,} ongoing)"
    rows = [
        KeyNumber(
            "Episodes",
            f"{now.episodes:,}",
            compare(lambda s: s.episodes, _count) or "nothing logged before this range to compare",
        ),
        KeyNumber(
            "Days with numbness",
            f"{now.days_affected:,} of {now.span.days:,}",
            compare(lambda s: s.days_affected, _count),
        ),
        # A range shorter than a week has no weekly rate to speak of ("under a week").
        *(
            [
                KeyNumber(
                    "Episodes per week", _rate(now.per_week), compare(lambda s: s.per_week, _rate)
                )
            ]
            if now.per_week is not None
            else []
        ),
        KeyNumber(
            "Median duration",
            _minutes(now.median_duration),
            compare(lambda s: s.median_duration, _minutes),
        ),
        KeyNumber("Longest episode", longest, compare(lambda s: s.longest_duration, _minutes)),
        KeyNumber(
            "Median severity (0-10)",
            _number(now.median_severity),
            compare(lambda s: s.median_severity, _number),
        ),
        _flagged(flags),
    ]
    return tuple(rows)


def _flagged(flags: Mapping[int, Sequence[Flag]]) -> KeyNumber:
    """Episodes that need action, by level; those flagged only for a profile condition apart."""
    counts = level_counts(flags.values())
    action = sum(n for level, n in counts.items() if needs_action(level))
    return KeyNumber("Flagged episodes", f"{action:,}", counts_text(counts))


def _count(value: float) -> str:
    return f"{round(value):,}"


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _minutes(value: float | None) -> str:
    return "none finished" if value is None else words.duration(value)


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def _change(
    now: float | None, before: float | None, show: Callable[[float], str], period: str
) -> str:
    """ "up 40% from 5 in the previous 90 days", or what there is to compare."""
    if before is None:
        return f"{period}: none"
    if now is None or before == 0:
        return f"{period}: {show(before)}"
    percent = round(100 * (now - before) / before)
    if percent == 0:
        direction = "same as"
    elif percent > 0:
        direction = f"up {percent}% from"
    else:
        direction = f"down {-percent}% from"
    return f"{direction} {show(before)} in the {period}"
