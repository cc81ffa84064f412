"""The journal's domain: episodes, the profile and the vocabularies of the format.

Every way into the journal (the window, the command line, the importers)
builds these objects and checks them with :func:`validate_episode`, so one
set of rules decides what a valid episode is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

MAX_DURATION_MINUTES = 43_200
MAX_NOTES_LENGTH = 10_000
MAX_CONDITION_NOTE_LENGTH = 2_000
MAX_NAME_LENGTH = 200
MAX_DOSE_LENGTH = 500
SEVERITY_MIN = 0
SEVERITY_MAX = 10
LAST_YEAR = 9998


class Sensation(StrEnum):
    NUMBNESS = "numbness"
    TINGLING = "tingling"
    BURNING = "burning"
    LOSS_OF_SENSATION = "loss_of_sensation"


class Onset(StrEnum):
    SUDDEN = "sudden"
    GRADUAL = "gradual"
    UNKNOWN = "unknown"


class Context(StrEnum):
    SITTING = "sitting"
    LEGS_CROSSED = "legs_crossed"
    STANDING = "standing"
    WALKING = "walking"
    LYING_DOWN = "lying_down"
    EXERCISE = "exercise"
    OTHER = "other"
    UNKNOWN = "unknown"


class PositionChange(StrEnum):
    IMPROVED = "improved"
    NOT_IMPROVED = "not_improved"
    NOT_TRIED = "not_tried"


LEG_PARTS = (
    "buttock",
    "hip",
    "thigh_front",
    "thigh_back",
    "knee",
    "shin",
    "calf",
    "ankle",
    "foot_top",
    "sole",
    "toes",
)


class Location(StrEnum):
    LEFT_BUTTOCK = "left_buttock"
    LEFT_HIP = "left_hip"
    LEFT_THIGH_FRONT = "left_thigh_front"
    LEFT_THIGH_BACK = "left_thigh_back"
    LEFT_KNEE = "left_knee"
    LEFT_SHIN = "left_shin"
    LEFT_CALF = "left_calf"
    LEFT_ANKLE = "left_ankle"
    LEFT_FOOT_TOP = "left_foot_top"
    LEFT_SOLE = "left_sole"
    LEFT_TOES = "left_toes"
    RIGHT_BUTTOCK = "right_buttock"
    RIGHT_HIP = "right_hip"
    RIGHT_THIGH_FRONT = "right_thigh_front"
    RIGHT_THIGH_BACK = "right_thigh_back"
    RIGHT_KNEE = "right_knee"
    RIGHT_SHIN = "right_shin"
    RIGHT_CALF = "right_calf"
    RIGHT_ANKLE = "right_ankle"
    RIGHT_FOOT_TOP = "right_foot_top"
    RIGHT_SOLE = "right_sole"
    RIGHT_TOES = "right_toes"
    FACE = "face"
    LEFT_ARM = "left_arm"
    RIGHT_ARM = "right_arm"
    LEFT_HAND = "left_hand"
    RIGHT_HAND = "right_hand"
    TRUNK = "trunk"
    LOWER_BACK = "lower_back"
    SADDLE = "saddle"

    @property
    def is_left_leg(self) -> bool:
        return self in LEFT_LEG

    @property
    def is_right_leg(self) -> bool:
        return self in RIGHT_LEG

    @property
    def is_leg(self) -> bool:
        return self in LEG_LOCATIONS


LEFT_LEG = frozenset(Location(f"left_{part}") for part in LEG_PARTS)
RIGHT_LEG = frozenset(Location(f"right_{part}") for part in LEG_PARTS)
LEG_LOCATIONS = LEFT_LEG | RIGHT_LEG
OTHER_LOCATIONS = frozenset(loc for loc in Location if loc not in LEG_LOCATIONS)


class Symptom(StrEnum):
    # Named in the article.
    WEAKNESS = "weakness"
    PARALYSIS = "paralysis"
    PAIN = "pain"
    SHARP_OR_SEVERE_PAIN = "sharp_or_severe_pain"
    BURNING = "burning"
    CRAMPING = "cramping"
    FACIAL_DROOPING = "facial_drooping"
    DIFFICULTY_SPEAKING = "difficulty_speaking"
    CONFUSION = "confusion"
    VISION_PROBLEMS = "vision_problems"
    COORDINATION_PROBLEMS = "coordination_problems"
    FATIGUE = "fatigue"
    SWELLING_OR_BRUISING = "swelling_or_bruising"
    DIFFICULTY_MOVING_LEG = "difficulty_moving_leg"
    # Red flags from other public medical guidance.
    LOSS_OF_BALANCE = "loss_of_balance"
    BLADDER_OR_BOWEL_CHANGES = "bladder_or_bowel_changes"
    SPREADING_UPWARD = "spreading_upward"
    BREATHING_OR_SWALLOWING_DIFFICULTY = "breathing_or_swallowing_difficulty"
    FAINTING = "fainting"
    COLD_PALE_LEG = "cold_pale_leg"
    SEVERE_HEADACHE = "severe_headache"


ARTICLE_SYMPTOMS: tuple[Symptom, ...] = tuple(Symptom)[:14]
GUIDANCE_SYMPTOMS: tuple[Symptom, ...] = tuple(Symptom)[14:]


class Condition(StrEnum):
    DIABETES = "diabetes"
    MULTIPLE_SCLEROSIS = "multiple_sclerosis"
    RECENT_INJURY = "recent_injury"
    HERNIATED_DISC = "herniated_disc"
    SPINAL_STENOSIS = "spinal_stenosis"
    SCIATICA = "sciatica"
    PERIPHERAL_NEUROPATHY = "peripheral_neuropathy"
    HYPOTHYROIDISM = "hypothyroidism"
    FIBROMYALGIA = "fibromyalgia"
    LYME_DISEASE = "lyme_disease"
    AUTOIMMUNE_CONDITION = "autoimmune_condition"
    ALCOHOL_USE = "alcohol_use"
    VITAMIN_DEFICIENCY = "vitamin_deficiency"
    OTHER = "other"


class TreatmentKind(StrEnum):
    MEDICATION = "medication"
    SUPPLEMENT = "supplement"
    THERAPY = "therapy"
    LIFESTYLE = "lifestyle"
    PROCEDURE = "procedure"
    OTHER = "other"


class Helped(StrEnum):
    """The answer to "did it help?" for one episode's relief."""

    YES = "yes"
    A_LITTLE = "a_little"
    NO = "no"


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


def validate_episode(episode: Episode, *, now: datetime | None = None) -> list[FieldProblem]:
    """Every problem with ``episode``; an empty list means it may be saved.

    ``now`` (aware) enables the check that an episode does not start in the
    future; importers of old files leave it out.
    """
    problems: list[FieldProblem] = []
    started = episode.started_at
    if not isinstance(started, datetime) or started.tzinfo is None:
        problems.append(FieldProblem("started_at", "needs a date and time with a time zone"))
    else:
        offset = started.utcoffset()
        if offset is not None and offset.total_seconds() % 60:
            problems.append(FieldProblem("started_at", "time zone offset must be whole minutes"))
        if started.year < 1900:
            problems.append(FieldProblem("started_at", "must be in 1900 or later"))
        elif started.year > LAST_YEAR:
            # Later instants cannot be read back in every time zone (year 10000).
            problems.append(FieldProblem("started_at", f"must be in {LAST_YEAR} or earlier"))
        if now is not None and started > now:
            problems.append(FieldProblem("started_at", "is in the future"))

    duration = episode.duration_minutes
    if duration is not None and (
        isinstance(duration, bool)
        or not isinstance(duration, int)
        or not 0 <= duration <= MAX_DURATION_MINUTES
    ):
        problems.append(
            FieldProblem(
                "duration_minutes",
                f"must be a whole number of minutes from 0 to {MAX_DURATION_MINUTES} "
                "(30 days), or empty while still going",
            )
        )

    problems.extend(_check_members("locations", episode.locations, Location, required=True))
    problems.extend(_check_members("symptoms", episode.symptoms, Symptom, required=False))

    for name, value, kind in (
        ("sensation", episode.sensation, Sensation),
        ("onset", episode.onset, Onset),
        ("context", episode.context, Context),
        ("position_change", episode.position_change, PositionChange),
    ):
        if not isinstance(value, kind):
            problems.append(FieldProblem(name, f"must be one of {_choices(kind)}"))

    severity = episode.severity
    if (
        isinstance(severity, bool)
        or not isinstance(severity, int)
        or not SEVERITY_MIN <= severity <= SEVERITY_MAX
    ):
        problems.append(
            FieldProblem(
                "severity", f"must be a whole number from {SEVERITY_MIN} to {SEVERITY_MAX}"
            )
        )

    if not isinstance(episode.notes, str):
        problems.append(FieldProblem("notes", "must be text"))
    elif len(episode.notes) > MAX_NOTES_LENGTH:
        problems.append(
            FieldProblem(
                "notes",
                f"is {len(episode.notes):,} characters long; at most {MAX_NOTES_LENGTH:,} fit",
            )
        )
    elif "\x00" in episode.notes:
        problems.append(FieldProblem("notes", "contains a NUL character"))
    elif not _is_unicode(episode.notes):
        problems.append(FieldProblem("notes", "contains broken characters (lone surrogates)"))
    problems.extend(_check_relief(episode.relief))
    return problems


def _check_relief(relief: Iterable[object]) -> list[FieldProblem]:
    seen: set[int] = set()
    for item in relief:
        if not isinstance(item, Relief) or isinstance(item.treatment_id, bool):
            return [FieldProblem("relief", "must name a treatment and whether it helped")]
        if not isinstance(item.helped, Helped):
            return [FieldProblem("relief", f"helped must be one of {_choices(Helped)}")]
        if item.treatment_id in seen:
            return [FieldProblem("relief", "names the same treatment twice")]
        seen.add(item.treatment_id)
    return []


def validate_treatment(treatment: Treatment, *, today: date | None = None) -> list[FieldProblem]:
    """Every problem with ``treatment``; ``today`` enables the checks against future dates."""
    problems: list[FieldProblem] = []
    name = treatment.name
    if not isinstance(name, str) or not name.strip():
        problems.append(FieldProblem("name", "is empty; say what was tried"))
    elif len(name) > MAX_NAME_LENGTH or any(c in name for c in "\r\n\x00"):
        problems.append(
            FieldProblem("name", f"must be one line of at most {MAX_NAME_LENGTH} characters")
        )
    elif name != name.strip():
        problems.append(FieldProblem("name", "starts or ends with spaces"))
    if not isinstance(treatment.kind, TreatmentKind):
        problems.append(FieldProblem("kind", f"must be one of {_choices(TreatmentKind)}"))
    started, stopped = treatment.started, treatment.stopped
    for field, day in (("started", started), ("stopped", stopped)):
        if day is None and field == "stopped":
            continue
        if not isinstance(day, date) or isinstance(day, datetime):
            problems.append(FieldProblem(field, "must be a date (YYYY-MM-DD)"))
        elif not 1900 <= day.year <= LAST_YEAR:
            problems.append(FieldProblem(field, f"must be between 1900 and {LAST_YEAR}"))
        elif today is not None and day > today:
            problems.append(FieldProblem(field, "is in the future"))
    if (
        isinstance(started, date)
        and isinstance(stopped, date)
        and not problems
        and stopped < started
    ):
        problems.append(
            FieldProblem("stopped", f"{stopped.isoformat()} is before it started ({started})")
        )
    for field, text, limit in (
        ("dose", treatment.dose, MAX_DOSE_LENGTH),
        ("notes", treatment.notes, MAX_NOTES_LENGTH),
    ):
        if not isinstance(text, str):
            problems.append(FieldProblem(field, "must be text"))
        elif len(text) > limit:
            problems.append(FieldProblem(field, f"is longer than {limit:,} characters"))
        elif "\x00" in text or not _is_unicode(text):
            problems.append(FieldProblem(field, "contains characters that cannot be stored"))
    return problems


def validate_condition(entry: ConditionEntry, *, today: date | None = None) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not isinstance(entry.condition, Condition):
        problems.append(FieldProblem("condition", f"must be one of {_choices(Condition)}"))
    if entry.since is not None:
        if not isinstance(entry.since, date) or isinstance(entry.since, datetime):
            problems.append(FieldProblem("since", "must be a date (YYYY-MM-DD)"))
        elif today is not None and entry.since > today:
            problems.append(FieldProblem("since", "is in the future"))
    if not isinstance(entry.note, str):
        problems.append(FieldProblem("note", "must be text"))
    elif len(entry.note) > MAX_CONDITION_NOTE_LENGTH:
        problems.append(
            FieldProblem("note", f"is longer than {MAX_CONDITION_NOTE_LENGTH:,} characters")
        )
    return problems


def _check_members(
    name: str, values: Iterable[object], kind: type[StrEnum], *, required: bool
) -> list[FieldProblem]:
    items = list(values)
    if required and not items:
        return [FieldProblem(name, "choose at least one")]
    bad = [str(v) for v in items if not isinstance(v, kind)]
    if bad:
        return [FieldProblem(name, f"unknown value {bad[0]!r}; expected one of {_choices(kind)}")]
    seen: set[object] = set()
    for value in items:
        if value in seen:
            return [FieldProblem(name, f"{value} is listed twice")]
        seen.add(value)
    return []


def _is_unicode(text: str) -> bool:
    """False for text with lone surrogates, which no file or database can store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _choices(kind: type[StrEnum]) -> str:
    return ", ".join(str(member) for member in kind)
