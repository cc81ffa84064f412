"""Building tens of thousands of objects at once without the garbage collector's rescans.

Loading or importing 20,000 episodes allocates a few hundred thousand small
objects (episodes, datetimes, tuples). Each allocation burst makes Python's
cyclic collector walk the ever larger heap again, which measured as about
40% of loading a 20,000-episode journal. These objects hold no reference
cycles, so reference counting frees them anyway; the collector is paused
for the burst and catches up afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic collector for the block (re-entrant; leaves it as it was)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
