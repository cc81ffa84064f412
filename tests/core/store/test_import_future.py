"""An import refuses episodes that start in the future, naming which one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from numbjournal.core.errors import ValidationError
from numbjournal.core.model import Episode
from numbjournal.core.store import Journal


def test_an_episode_in_the_future_refuses_the_whole_import(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    typo = datetime(2062, 3, 1, 9, 0, tzinfo=UTC)  # 2026 typed as 2062
    batch = [episode_factory(), episode_factory(started_at=typo)]

    with pytest.raises(ValidationError) as refused:
        journal.import_all(batch)

    assert str(refused.value) == (
        "episode 2 (started 2062-03-01T09:00:00+00:00): started_at: is in the future"
    )
    assert journal.count() == 0


def test_a_clock_a_few_minutes_ahead_is_tolerated(
    journal: Journal, episode_factory: Callable[..., Episode]
) -> None:
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=10)
    assert journal.import_all([episode_factory(started_at=soon)]).added == 1
