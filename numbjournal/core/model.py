"""The journal's domain: episodes, treatments, the profile, and their limits.

The vocabularies (locations, symptoms, ...) live in ``core/vocabulary.py`` and
are re-exported here; the rules that decide what is valid are in
``core/validation.py``, which every way into the journal applies.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from .vocabulary import (
    ARTICLE_SYMPTOMS,
    GUIDANCE_SYMPTOMS,
    LEFT_LEG,
    LEG_LOCATIONS,
    LEG_PARTS,
    OTHER_LOCATIONS,
    RIGHT_LEG,
    Condition,
    Context,
    Helped,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Symptom,
    TreatmentKind,
)

MAX_DURATION_MINUTES = 43_200
MAX_NOTES_LENGTH = 10_000
MAX_CONDITION_NOTE_LENGTH = 2_000
MAX_NAME_LENGTH = 200
MAX_DOSE_LENGTH = 500
SEVERITY_MIN = 0
SEVERITY_MAX = 10
LAST_YEAR = 9998


__all__ = [
    "ARTICLE_SYMPTOMS",
    "GUIDANCE_SYMPTOMS",
    "LAST_YEAR",
    "LEFT_LEG",
    "LEG_LOCATIONS",
    "LEG_PARTS",
    "MAX_CONDITION_NOTE_LENGTH",
    "MAX_DURATION_MINUTES",
    "MAX_NAME_LENGTH",
    "MAX_NOTES_LENGTH",
    "OTHER_LOCATIONS",
    "RIGHT_LEG",
    "SEVERITY_MAX",
    "SEVERITY_MIN",
    "Condition",
    "ConditionEntry",
    "Context",
    "Episode",
    "FieldProblem",
    "Helped",
    "Location",
    "Onset",
    "PositionChange",
    "Profile",
    "Sensation",
    "Symptom",
    "TreatmentKind",
]


@dataclass(frozen=True, slots=True)
class Episode:
    """One episode of numbness, saved (``id`` set) or a draft (``id`` None).

    ``started_at`` is always timezone-aware: the instant together with the UTC
    offset it was recorded in, so the journal reads back the same across
    time zones and daylight-saving changes.
    """

    started_at: datetime
    duration_minutes: int | None
    locations: tuple[Location, ...]
    sensation: Sensation = Sensation.NUMBNESS
    severity: int = 3
    onset: Onset = Onset.UNKNOWN
    context: Context = Context.UNKNOWN
    position_change: PositionChange = PositionChange.NOT_TRIED
    symptoms: tuple[Symptom, ...] = ()
    notes: str = ""
    id: int | None = None
    relief: tuple[Relief, ...] = ()

    @property
    def is_ongoing(self) -> bool:
        return self.duration_minutes is None

    def with_id(self, episode_id: int | None) -> Episode:
        # Imports pass 20,000 drafts through here; dataclasses.replace is slow.
        if episode_id == self.id:
            return self
        return dataclasses.replace(self, id=episode_id)

    def content_key(self) -> tuple[object, ...]:
        """Every field but the id and the relief: two episodes with the same key are duplicates.

        Relief is left out because a CSV file cannot carry it: importing a CSV
        export back must skip the episodes, not add copies that count twice.
        """
        return (
            int(self.started_at.timestamp()),
            self.started_at.utcoffset(),
            self.duration_minutes,
            self.locations,
            self.sensation,
            self.severity,
            self.onset,
            self.context,
            self.position_change,
            self.symptoms,
            self.notes,
        )


@dataclass(frozen=True, slots=True)
class Relief:
    """ "Took something for it": a treatment used during one episode and whether it helped.

    ``treatment_id`` is the journal's id of the treatment; in a file being
    imported it is the treatment's position (from 1) in that file's list.
    """

    treatment_id: int
    helped: Helped


@dataclass(frozen=True, slots=True)
class Treatment:
    """Something tried for the numbness: a medication, a therapy, a change of habit.

    It is taken from ``started`` until ``stopped`` (both days included), or
    is still going while ``stopped`` is None.
    """

    name: str
    kind: TreatmentKind
    started: date
    stopped: date | None = None
    dose: str = ""
    notes: str = ""
    id: int | None = None

    @property
    def is_going(self) -> bool:
        return self.stopped is None

    def taken_on(self, day: date) -> bool:
        return self.started <= day and (self.stopped is None or day <= self.stopped)

    def plain_values(self) -> dict[str, str | None]:
        """The fields but the id as text (dates in ISO), as the file and the database keep them."""
        return {
            "name": self.name,
            "kind": str(self.kind),
            "dose": self.dose,
            "started": self.started.isoformat(),
            "stopped": self.stopped.isoformat() if self.stopped else None,
            "notes": self.notes,
        }

    def content_key(self) -> tuple[object, ...]:
        """Every field but the id: an import skips a treatment already in the journal."""
        return (self.name, self.kind, self.started, self.stopped, self.dose, self.notes)


@dataclass(frozen=True, slots=True)
class ConditionEntry:
    condition: Condition
    since: date | None = None
    note: str = ""
    id: int | None = None

    def content_key(self) -> tuple[object, ...]:
        return (self.condition, self.since, self.note)


@dataclass(frozen=True, slots=True)
class Profile:
    conditions: tuple[ConditionEntry, ...] = ()
    name: str = ""
    date_of_birth: date | None = None


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """What is wrong with one field, worded for the person who typed it."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"
