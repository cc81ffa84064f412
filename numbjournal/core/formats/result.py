"""What reading an interchange file gives, and how its problems are worded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import ValidationError
from ..model import ConditionEntry, Episode, Treatment


@dataclass(frozen=True, slots=True)
class JournalFile:
    """The contents of a JSON or CSV file, every episode already validated."""

    episodes: tuple[Episode, ...]
    conditions: tuple[ConditionEntry, ...]
    kind: str
    name: str = ""
    date_of_birth: date | None = None
    treatments: tuple[
        Treatment, ...
    ] = ()  # version 2 JSON; episodes' relief names them by position


def episode_error(source: str, where: str, exc: ValidationError) -> str:
    """``export.json: episode 57 (started ...): severity: must be ...``."""
    return f"{source}: {where}: " + "; ".join(str(p) for p in exc.problems)


def too_many(others: int) -> str:
    if others <= 0:
        return ""
    noun = "episode has" if others == 1 else "episodes have"
    return f" (and {others} more {noun} problems)"
