"""The Patterns tab's ranges and key numbers line: plain dates and words, no window."""

from __future__ import annotations

from datetime import date

import pytest

from numbjournal.ui.patterns_presets import Preset, preset_range

TODAY = date(2026, 11, 29)


def test_presets_end_today() -> None:
    assert preset_range(Preset.DAYS_30, TODAY) == (date(2026, 10, 31), TODAY)
    assert preset_range(Preset.DAYS_90, TODAY) == (date(2026, 9, 1), TODAY)
    assert preset_range(Preset.YEAR, TODAY) == (date(2025, 11, 30), TODAY)
    assert preset_range(Preset.ALL, TODAY) == (None, None)


@pytest.mark.parametrize(
    ("today", "first"),
    [
        (date(2028, 2, 29), date(2027, 3, 1)),  # no 29 February a year before
        (date(2029, 2, 28), date(2028, 2, 29)),  # the year before was a leap year
        (date(2028, 3, 1), date(2027, 3, 2)),
        (date(2027, 1, 1), date(2026, 1, 2)),
    ],
)
def test_last_12_months_on_calendar_edges(today: date, first: date) -> None:
    assert preset_range(Preset.YEAR, today) == (first, today)
