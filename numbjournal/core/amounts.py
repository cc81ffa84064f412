"""Amounts in words: counts with their plural, durations, a running clock, lists.

Plain grammar with no vocabulary of its own; ``core/words.py`` re-exports it,
so callers write ``words.count(3, "episode")`` and ``words.duration(250)``.
"""

from __future__ import annotations

from collections.abc import Iterable


def count(n: int, word: str, plural: str | None = None) -> str:
    """ "1 episode", "1,204 episodes", "2 days"; ``plural`` for irregular words."""
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def duration(minutes: float | None, *, ongoing: str = "still going") -> str:
    """45 -> "45 min", 250 -> "4 h 10 min", 3000 -> "2 days 2 h"; None -> ``ongoing``."""
    if minutes is None:
        return ongoing
    total = round(minutes)
    if total < 60:
        return f"{total} min"
    days, rest = divmod(total, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        day_text = count(days, "day")
        return f"{day_text} {hours} h" if hours else day_text
    return f"{hours} h {mins} min" if mins else f"{hours} h"


def elapsed(seconds: int) -> str:
    """A running clock: "4 min 05 s", "1 h 02 min", "2 days 1 h 00 min"."""
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return f"{count(days, 'day')} {hours} h {minutes:02d} min"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s"


def join_words(words: Iterable[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
