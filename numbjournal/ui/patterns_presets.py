"""The Patterns tab's ranges and its line of key numbers: plain dates and words, no Qt.

Shared with the summary export dialog, so "Last 12 months" means the same
days in both; tested without a window.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from dateutil.relativedelta import relativedelta

from ..core import patterns, words

Range = tuple[date | None, date | None]


class Preset(Enum):
    DAYS_30 = "Last 30 days"
    DAYS_90 = "Last 90 days"
    YEAR = "Last 12 months"
    ALL = "All episodes"
    CUSTOM = "Custom…"


def preset_range(preset: Preset, today: date) -> Range:
    """The days a preset covers, ending today; ``ALL`` leaves both ends open.

    "Last 12 months" starts the day after the same date a year ago; from
    29 February that is 1 March (relativedelta clips to the 28th first).
    """
    if preset is Preset.DAYS_30:
        return today - timedelta(days=29), today
    if preset is Preset.DAYS_90:
        return today - timedelta(days=89), today
    if preset is Preset.YEAR:
        return today - relativedelta(years=1) + timedelta(days=1), today
    return None, None


def key_numbers_text(numbers: patterns.KeyNumbers) -> str:
    """One line of the numbers a doctor asks first, for the chosen range."""
    now = numbers.current
    if now is None or now.episodes == 0:
        return "No episodes in this range."
    parts = [words.count(now.episodes, "episode")]
    parts.append(f"{words.count(now.days_affected, 'day')} affected")
    if now.per_week is not None:
        parts.append(f"{now.per_week:.1f} a week")
    if now.median_duration is not None:
        parts.append(f"median {words.duration(now.median_duration)}")
    if now.longest_duration is not None:
        parts.append(f"longest {words.duration(now.longest_duration)}")
    if now.median_severity is not None:
        parts.append(f"median severity {now.median_severity:g}/10")
    return " · ".join(parts) + "\n" + numbers.describe_change()
