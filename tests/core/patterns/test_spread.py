"""A period's median, quartiles and extremes, read off counts of each value."""

from __future__ import annotations

import math
import statistics
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from numbjournal.core.patterns.query import spread


def _counted(values: list[int]) -> list[tuple[int, int]]:
    return sorted(Counter(values).items())


@given(st.lists(st.integers(min_value=0, max_value=2000), min_size=1, max_size=300))
def test_spread_is_what_the_sorted_values_give(values: list[int]) -> None:
    ordered = sorted(values)
    n = len(ordered)
    found = spread(_counted(values))
    assert found.count == n
    assert found.total == sum(values)
    assert found.median == statistics.median(values)
    assert found.lower_quartile == ordered[math.ceil(n / 4) - 1]
    assert found.upper_quartile == ordered[math.ceil(3 * n / 4) - 1]
    assert (found.lowest, found.highest) == (ordered[0], ordered[-1])


def test_an_even_count_takes_the_mean_of_the_middle_two() -> None:
    found = spread(_counted([5, 1, 10, 2]))
    assert found.median == 3.5
    assert (found.lower_quartile, found.upper_quartile) == (1, 5)
