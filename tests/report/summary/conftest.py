"""A small journal whose numbers and flags are known, and a way to read a PDF's text."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from numbjournal.core.model import (
    Condition,
    ConditionEntry,
    Context,
    Episode,
    Location,
    Onset,
    PositionChange,
    Profile,
    Symptom,
)
from numbjournal.core.store import Journal

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 25)
FIRST = date(2026, 11, 1)
LAST = date(2026, 11, 24)
STROKE_DAY = "2026-11-12"
STROKE_CRITERION = (
    "Numbness is associated with other signs of a stroke, such as facial drooping, "
    "difficulty speaking, or confusion."
)


def _at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=TZ)


def known_episodes() -> list[Episode]:
    """Nine plain positional episodes, one with pain, one stroke-like; two in October."""
    plain = [
        Episode(
            _at(day),
            5 + day,
            (Location.LEFT_FOOT_TOP,),
            severity=2,
            context=Context.SITTING,
            position_change=PositionChange.IMPROVED,
        )
        for day in (2, 3, 5, 8, 9, 15, 16, 20, 21)
    ]
    pain = Episode(
        _at(18, 14),
        40,
        (Location.RIGHT_CALF,),
        severity=6,
        context=Context.WALKING,
        position_change=PositionChange.NOT_IMPROVED,
        symptoms=(Symptom.SHARP_OR_SEVERE_PAIN,),
        notes="sharp pain while walking uphill",
    )
    stroke = Episode(
        _at(12, 7),
        25,
        (Location.LEFT_THIGH_FRONT, Location.FACE),
        severity=8,
        onset=Onset.SUDDEN,
        context=Context.SITTING,
        position_change=PositionChange.NOT_IMPROVED,
        symptoms=(Symptom.FACIAL_DROOPING, Symptom.DIFFICULTY_SPEAKING),
        notes="left side of the face drooped",
    )
    october = [
        Episode(datetime(2026, 10, day, 9, tzinfo=TZ), 5, (Location.LEFT_TOES,), severity=2)
        for day in (20, 22)
    ]
    return [*plain, pain, stroke, *october]


@pytest.fixture
def known_journal(journal: Journal) -> Journal:
    """11 episodes in November (1 emergency, 1 with pain), 2 in October; a named patient.

    The injury is older than the rules' recent-injury window, so it flags nothing.
    """
    journal.import_all(known_episodes())
    journal.set_profile(
        Profile(
            conditions=(
                ConditionEntry(Condition.RECENT_INJURY, date(2025, 3, 1), "twisted left knee"),
            ),
            name="Ada Example",
            date_of_birth=date(1970, 5, 17),
        )
    )
    return journal


def read_pdf_text(path: Path) -> list[str]:
    """Each page's text with runs of whitespace (pypdf gives tabs and newlines) as one space."""
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


@pytest.fixture
def pdf_text() -> Callable[[Path], list[str]]:
    return read_pdf_text
