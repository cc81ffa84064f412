"""A made-up but plausible journal, for looking around before logging anything real.

The sample lives in its own file and is never written into a person's
journal; the same generator feeds the window's screenshots and benchmarks,
so it aims to look like months of real use: mostly brief positional
numbness, now and then pain or weakness, and one stroke-like episode so the
flags have something to show.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from .model import (
    Condition,
    ConditionEntry,
    Context,
    Episode,
    Location,
    Onset,
    PositionChange,
    Profile,
    Sensation,
    Symptom,
    Treatment,
    TreatmentKind,
)

SAMPLE_MARK = "sample.journal"  # set in sample files, so they can never pass for a real journal


@dataclass(frozen=True, slots=True)
class _Pattern:
    weight: int
    contexts: tuple[Context, ...]
    places: tuple[tuple[Location, ...], ...]
    minutes: tuple[int, int]
    severity: tuple[int, int]
    helped: float
    symptoms: tuple[Symptom, ...] = ()
    notes: tuple[str, ...] = ("",)


def _loc(*names: str) -> tuple[Location, ...]:
    return tuple(Location(n) for n in names)


_PATTERNS = (
    _Pattern(
        weight=50,
        contexts=(Context.SITTING, Context.LEGS_CROSSED),
        places=(
            _loc("left_foot_top", "left_toes"),
            _loc("left_thigh_back", "left_calf"),
            _loc("right_foot_top"),
            _loc("left_buttock", "left_thigh_back"),
        ),
        minutes=(2, 15),
        severity=(1, 4),
        helped=0.9,
        notes=("", "", "long meeting", "after the drive home", "sat on the floor"),
    ),
    _Pattern(
        weight=20,
        contexts=(Context.LYING_DOWN,),
        places=(_loc("left_arm", "left_hand"), _loc("right_hand"), _loc("left_foot_top")),
        minutes=(3, 20),
        severity=(1, 3),
        helped=0.85,
        notes=("", "woke up with it"),
    ),
    _Pattern(
        weight=15,
        contexts=(Context.STANDING, Context.WALKING),
        places=(_loc("left_thigh_back", "left_calf", "left_sole"), _loc("left_shin")),
        minutes=(10, 60),
        severity=(3, 6),
        helped=0.4,
        symptoms=(Symptom.PAIN, Symptom.CRAMPING),
        notes=("", "shooting down the back of the leg", "worse after standing in the queue"),
    ),
    _Pattern(
        weight=8,
        contexts=(Context.EXERCISE, Context.WALKING),
        places=(_loc("left_sole", "left_toes", "right_sole", "right_toes"),),
        minutes=(20, 120),
        severity=(2, 5),
        helped=0.3,
        symptoms=(Symptom.BURNING, Symptom.FATIGUE),
        notes=("", "after the park run"),
    ),
    _Pattern(
        weight=4,
        contexts=(Context.WALKING, Context.OTHER),
        places=(_loc("left_thigh_front", "left_knee", "left_shin"),),
        minutes=(30, 240),
        severity=(5, 8),
        helped=0.1,
        symptoms=(Symptom.WEAKNESS, Symptom.SHARP_OR_SEVERE_PAIN),
        notes=("leg gave way on the stairs", "could not lift my foot properly"),
    ),
)


SCIATICA_DIAGNOSED_DAYS_AGO = 90


def sample_profile(now: datetime | None = None) -> Profile:
    """The sample person: sciatica diagnosed three months before ``now`` (default: today).

    A condition flags every episode while it applies (the article's criterion is
    about the person), so the months before the diagnosis show unflagged episodes.
    """
    today = (now or datetime.now().astimezone()).date()
    since = today - timedelta(days=SCIATICA_DIAGNOSED_DAYS_AGO)
    return Profile(
        conditions=(
            ConditionEntry(Condition.SCIATICA, since=since, note="diagnosed by GP (sample)"),
        ),
        name="Sample Person",
    )


def sample_treatments(now: datetime) -> tuple[Treatment, ...]:
    """Two made-up treatments, so the sample shows them on the charts and the summary."""
    today = now.date()
    return (
        Treatment(
            "physiotherapy",
            TreatmentKind.THERAPY,
            today - timedelta(days=100),
            stopped=today - timedelta(days=44),
            dose="twice a week (sample)",
        ),
        Treatment(
            "vitamin B12",
            TreatmentKind.SUPPLEMENT,
            today - timedelta(days=60),
            dose="1000 µg a day (sample)",
        ),
    )


def sample_episodes(now: datetime, count: int = 240, *, seed: int = 7) -> list[Episode]:
    """``count`` episodes spread over the months before ``now`` (aware), oldest first.

    One of them is stroke-like, so the sample shows what an emergency flag looks like.
    """
    rng = random.Random(seed)
    days = max(30, count * 3 // 4)
    weights = [p.weight for p in _PATTERNS]
    out: list[Episode] = []
    for _ in range(max(0, count - 1)):
        pattern = rng.choices(_PATTERNS, weights)[0]
        episode = _episode(rng, pattern, now - timedelta(days=rng.uniform(0.05, days)))
        while episode.started_at > now:  # a late hour on today's date
            episode = dataclasses.replace(
                episode, started_at=episode.started_at - timedelta(days=1)
            )
        out.append(episode)
    out.append(_stroke_like(now - timedelta(days=min(days - 1, 9), hours=3)))
    out.sort(key=lambda e: e.started_at)
    return out


def _episode(rng: random.Random, pattern: _Pattern, when: datetime) -> Episode:
    hour = rng.choice((7, 8, 9, 10, 12, 14, 15, 17, 19, 20, 21, 22, 23))
    started = when.replace(hour=hour, minute=rng.randrange(0, 60, 5), second=0, microsecond=0)
    lo, hi = pattern.minutes
    helped = rng.random() < pattern.helped
    symptoms = tuple(s for s in pattern.symptoms if rng.random() < 0.6)
    return Episode(
        started_at=started,
        duration_minutes=rng.randint(lo, hi),
        locations=rng.choice(pattern.places),
        sensation=rng.choice((Sensation.NUMBNESS, Sensation.NUMBNESS, Sensation.TINGLING)),
        severity=rng.randint(*pattern.severity),
        onset=rng.choice((Onset.GRADUAL, Onset.GRADUAL, Onset.SUDDEN, Onset.UNKNOWN)),
        context=rng.choice(pattern.contexts),
        position_change=PositionChange.IMPROVED if helped else PositionChange.NOT_IMPROVED,
        symptoms=symptoms,
        notes=rng.choice(pattern.notes),
    )


def _stroke_like(when: datetime) -> Episode:
    return Episode(
        started_at=when.replace(second=0, microsecond=0),
        duration_minutes=25,
        locations=_loc("left_thigh_front", "left_shin", "left_arm", "face"),
        sensation=Sensation.NUMBNESS,
        severity=8,
        onset=Onset.SUDDEN,
        context=Context.SITTING,
        position_change=PositionChange.NOT_IMPROVED,
        symptoms=(Symptom.WEAKNESS, Symptom.FACIAL_DROOPING, Symptom.DIFFICULTY_SPEAKING),
        notes="Sample: the left side of the face drooped and words came out wrong.",
    )
