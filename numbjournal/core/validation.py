"""One validation policy: what the journal takes, whoever hands it over.

Every way into the journal (the window, the command line, the importers)
builds the domain objects of ``core/model.py`` and the journal itself checks
them with these functions, so one set of rules decides what a valid episode,
treatment, condition or profile is. Each problem names its field; the window
and the command line only put it in their own words.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from enum import StrEnum

from .model import (
    LAST_YEAR,
    MAX_CONDITION_NOTE_LENGTH,
    MAX_DOSE_LENGTH,
    MAX_DURATION_MINUTES,
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    SEVERITY_MAX,
    SEVERITY_MIN,
    Condition,
    ConditionEntry,
    Context,
    Episode,
    FieldProblem,
    Helped,
    Location,
    Onset,
    PositionChange,
    Profile,
    Relief,
    Sensation,
    Symptom,
    Treatment,
    TreatmentKind,
)


def future_start(episode: Episode, now: datetime) -> list[FieldProblem]:
    """The one check that depends on the moment: an episode may not start after ``now``."""
    if episode.started_at > now:
        return [FieldProblem("started_at", "is in the future")]
    return []


class CheckedEpisodes(tuple[Episode, ...]):
    """Episodes a reader has already put through :func:`validate_episode` (without ``now``).

    The JSON and CSV readers return these, so ``Journal.import_all`` checks
    only :func:`future_start` instead of every field of 20,000 episodes a
    second time. Building one is a promise that the check was made.
    """

    __slots__ = ()


OLDEST_YEARS_AGO = 120  # an episode or date of birth further back is a typing slip


def validate_episode(
    episode: Episode,
    *,
    now: datetime | None = None,
    entered: bool = False,
    born: date | None = None,
) -> list[FieldProblem]:
    """Every problem with ``episode``; an empty list means it may be saved.

    ``now`` (aware) enables the check that an episode does not start in the
    future; importers of old files leave it out. ``entered`` (with ``now``)
    adds the checks for an episode a person enters: it cannot end in the
    future, nor lie more than 120 years back or before ``born`` (the
    profile's date of birth); see :func:`timing_problems`.
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
        if now is not None:
            problems.extend(future_start(episode, now))
        if entered and not problems:
            problems.extend(timing_problems(episode, now=now, born=born))

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

    notes: object = episode.notes  # files and callers may hand over anything
    if not isinstance(notes, str):
        problems.append(FieldProblem("notes", "must be text"))
    elif len(notes) > MAX_NOTES_LENGTH:
        problems.append(
            FieldProblem(
                "notes",
                f"is {len(notes):,} characters long; at most {MAX_NOTES_LENGTH:,} fit",
            )
        )
    elif "\x00" in notes:
        problems.append(FieldProblem("notes", "contains a NUL character"))
    elif not _is_unicode(notes):
        problems.append(FieldProblem("notes", "contains broken characters (lone surrogates)"))
    problems.extend(_check_relief(episode.relief))
    return problems


def _check_relief(relief: Iterable[object]) -> list[FieldProblem]:
    seen: set[int] = set()
    for item in relief:
        if not isinstance(item, Relief) or isinstance(item.treatment_id, bool):
            return [FieldProblem("relief", "must name a treatment and whether it helped")]
        helped: object = item.helped  # files and callers may hand over anything
        if not isinstance(helped, Helped):
            return [FieldProblem("relief", f"helped must be one of {_choices(Helped)}")]
        if item.treatment_id in seen:
            return [FieldProblem("relief", "names the same treatment twice")]
        seen.add(item.treatment_id)
    return []


def timing_problems(
    episode: Episode, *, now: datetime | None, born: date | None = None
) -> list[FieldProblem]:
    """When an entered episode can have happened: not ending after ``now``, not before birth.

    An episode still going on has no end yet (that is how to log one that
    has not stopped); one that ended cannot end later than now.
    """
    problems: list[FieldProblem] = []
    started = episode.started_at
    minutes = episode.duration_minutes
    if now is not None:
        if isinstance(minutes, int) and not isinstance(minutes, bool) and minutes >= 0:
            ended = started + timedelta(minutes=min(minutes, MAX_DURATION_MINUTES + 1))
            late = ended - now
            # Under a minute late is the rounding of a timed episode to whole minutes.
            if late >= timedelta(minutes=1):
                problems.append(
                    FieldProblem(
                        "duration_minutes",
                        f"would end {_minutes_words(late)} from now; an episode cannot end "
                        "in the future (if it is still going, say so)",
                    )
                )
        if started.astimezone(now.tzinfo).date() < oldest_date(now.date()):
            problems.append(
                FieldProblem("started_at", f"is more than {OLDEST_YEARS_AGO} years ago")
            )
    if born is not None and started.date() < born:
        problems.append(
            FieldProblem("started_at", f"is before your date of birth ({born.isoformat()})")
        )
    return problems


def oldest_date(today: date) -> date:
    """The earliest date the journal takes for an entered episode or a date of birth."""
    try:
        return today.replace(year=today.year - OLDEST_YEARS_AGO)
    except ValueError:  # 29 February
        return today.replace(year=today.year - OLDEST_YEARS_AGO, day=28)


def _minutes_words(span: timedelta) -> str:
    minutes = max(1, -(-int(span.total_seconds()) // 60))
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


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
    kind: object = treatment.kind  # files and callers may hand over anything
    if not isinstance(kind, TreatmentKind):
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
    texts: tuple[tuple[str, object, int], ...] = (
        ("dose", treatment.dose, MAX_DOSE_LENGTH),
        ("notes", treatment.notes, MAX_NOTES_LENGTH),
    )
    for field, text, limit in texts:
        if not isinstance(text, str):
            problems.append(FieldProblem(field, "must be text"))
        elif len(text) > limit:
            problems.append(FieldProblem(field, f"is longer than {limit:,} characters"))
        elif "\x00" in text or not _is_unicode(text):
            problems.append(FieldProblem(field, "contains characters that cannot be stored"))
    return problems


def validate_condition(entry: ConditionEntry, *, today: date | None = None) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    condition: object = entry.condition  # files and callers may hand over anything
    since: object = entry.since
    note: object = entry.note
    if not isinstance(condition, Condition):
        problems.append(FieldProblem("condition", f"must be one of {_choices(Condition)}"))
    if since is not None:
        if not isinstance(since, date) or isinstance(since, datetime):
            problems.append(FieldProblem("since", "must be a date (YYYY-MM-DD)"))
        elif today is not None and since > today:
            problems.append(FieldProblem("since", "is in the future"))
    if not isinstance(note, str):
        problems.append(FieldProblem("note", "must be text"))
    elif len(note) > MAX_CONDITION_NOTE_LENGTH:
        problems.append(
            FieldProblem("note", f"is longer than {MAX_CONDITION_NOTE_LENGTH:,} characters")
        )
    return problems


EARLIEST_BIRTH_YEAR = 1900


def validate_profile(profile: Profile, *, today: date | None = None) -> list[FieldProblem]:
    """Every problem with the profile (name, date of birth, each condition); [] means save.

    The window and the command line both save through ``Journal.set_profile``,
    which applies this; they only put the messages in their own words.
    ``today`` enables the not-in-the-future checks.
    """
    problems: list[FieldProblem] = []
    name: object = profile.name  # files and callers may hand over anything
    if not isinstance(name, str):
        problems.append(FieldProblem("name", "must be text"))
    elif len(name) > MAX_NAME_LENGTH or any(c in name for c in "\r\n\x00"):
        problems.append(
            FieldProblem("name", f"must be one line of at most {MAX_NAME_LENGTH} characters")
        )
    elif not _is_unicode(name):
        problems.append(FieldProblem("name", "contains broken characters (lone surrogates)"))
    born: object = profile.date_of_birth
    if born is not None:
        if not isinstance(born, date) or isinstance(born, datetime):
            problems.append(FieldProblem("date_of_birth", "must be a date (YYYY-MM-DD)"))
        elif today is not None and born > today:
            problems.append(FieldProblem("date_of_birth", "is in the future"))
        elif born.year < EARLIEST_BIRTH_YEAR:
            problems.append(
                FieldProblem("date_of_birth", f"must be in {EARLIEST_BIRTH_YEAR} or later")
            )
    for entry in profile.conditions:
        for problem in validate_condition(entry, today=today):
            problems.append(
                FieldProblem(f"condition {entry.condition}: {problem.field}", problem.message)
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
    if len(set(items)) < len(items):
        repeated = next(v for i, v in enumerate(items) if v in items[:i])
        return [FieldProblem(name, f"{repeated} is listed twice")]
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
