"""Helpers for building interchange files in tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest


def _episode(**changes: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "started_at": "2026-11-20T08:15:00+01:00",
        "duration_minutes": 12,
        "locations": ["left_foot_top", "left_calf"],
        "sensation": "numbness",
        "severity": 4,
        "onset": "gradual",
        "context": "sitting",
        "position_change": "improved",
        "symptoms": ["weakness"],
        "notes": "after the long drive",
    }
    raw.update(changes)
    return {k: v for k, v in raw.items() if v is not ...}


@pytest.fixture
def raw_episode() -> Callable[..., dict[str, Any]]:
    """``raw_episode(severity=11)``: a JSON episode object; ``field=...`` leaves it out."""
    return _episode


@pytest.fixture
def json_document() -> Callable[..., str]:
    """``json_document([episodes], version=2)``: the text of a JSON journal file."""

    def build(episodes: list[dict[str, Any]], **top: Any) -> str:
        document: dict[str, Any] = {"format": "numbjournal", "version": 1, "episodes": episodes}
        document.update(top)
        return json.dumps(document, ensure_ascii=False)

    return build
