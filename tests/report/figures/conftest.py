"""A journal with known numbers for the chart tests (Berlin time, November 2026)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from numbjournal.core.model import Context, Location, PositionChange, Symptom
from numbjournal.core.store import Journal


@pytest.fixture
def known(journal: Journal, log_at: Callable) -> Journal:
    """Weeks of 2, 0, 3 and 1 episodes; one flagged (facial drooping) in the third week."""
    log_at("2026-11-02 08:00", locations=(Location.LEFT_CALF,), severity=2, duration_minutes=4)
    log_at(
        "2026-11-08 23:30",
        locations=(Location.LEFT_CALF, Location.RIGHT_CALF),
        severity=4,
        duration_minutes=12,
        symptoms=(Symptom.CRAMPING,),
        context=Context.SITTING,
    )
    log_at("2026-11-16 00:30", locations=(Location.LEFT_SOLE,), context=Context.SITTING)
    log_at(
        "2026-11-18 21:10",
        locations=(Location.LEFT_CALF, Location.FACE),
        severity=8,
        duration_minutes=25,
        symptoms=(Symptom.FACIAL_DROOPING, Symptom.CRAMPING),
        context=Context.WALKING,
        position_change=PositionChange.NOT_IMPROVED,
    )
    log_at("2026-11-20 07:05", locations=(Location.RIGHT_SHIN,), context=Context.LYING_DOWN)
    log_at("2026-11-27 12:00", locations=(Location.LEFT_CALF,), severity=3)
    return journal
