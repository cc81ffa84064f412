"""From raw values (JSON values, CSV cells, command-line options) to episodes.

The JSON and CSV readers and the ``log`` command all end in
:func:`episode_from_raw`, so a value is judged the same way wherever it came
from; the rules themselves stay in :func:`validate_episode`. Text sources
first go through :func:`raw_from_text`, which only turns cells into the JSON
value types (numbers, lists, null) and leaves the judging to the one path.

Times keep whole seconds: fractional seconds are dropped on the way in,
because the journal stores instants to the second.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, cast

from ..errors import ValidationError
from ..model import (
    Condition,
    ConditionEntry,
    Context,
    Episode,
    FieldProblem,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Symptom,
)
from ..validation import validate_condition, validate_episode

EPISODE_FIELDS = (
    "started_at",
    "duration_minutes",
    "locations",
    "sensation",
    "severity",
    "onset",
    "context",
    "position_change",
    "symptoms",
    "notes",
)
REQUIRED_FIELDS = frozenset(
    {"started_at", "duration_minutes", "locations", "sensation", "severity"}
)
CONDITION_FIELDS = ("condition", "since", "note")
LIST_SEPARATOR = ";"

_CHOICE_FIELDS: dict[str, type[StrEnum]] = {
    "sensation": Sensation,
    "onset": Onset,
    "context": Context,
    "position_change": PositionChange,
}
_LIST_FIELDS: dict[str, type[StrEnum]] = {"locations": Location, "symptoms": Symptom}
_KNOWN_FIELDS = frozenset(EPISODE_FIELDS)
_WHOLE_NUMBER = re.compile(r"[+-]?\d{1,9}")
_TIME_EXAMPLE = "e.g. 2026-11-20T08:15:00+01:00"
_STAND_IN_TIME = datetime(2000, 1, 1, tzinfo=UTC)
_STAND_INS: dict[str, Any] = {"locations": (), "started_at": _STAND_IN_TIME, "duration_minutes": 0}


def choices(kind: type[StrEnum]) -> str:
    return ", ".join(str(member) for member in kind)


def format_started_at(moment: datetime) -> str:
    """The interchange form: ISO 8601 to the second, with the recorded offset."""
    return moment.isoformat(timespec="seconds")


def parse_started_at(text: str) -> datetime:
    """An aware datetime from ISO text; without an offset it is this machine's local time.

    Raises ValueError with a message for a person.
    """
    stripped = text.strip()
    try:
        moment = datetime.fromisoformat(stripped)
    except ValueError:
        raise ValueError(f"{text!r} is not a date and time ({_TIME_EXAMPLE})") from None
    if len(stripped) <= 10:
        raise ValueError(f"{text!r} needs a time of day as well as a date ({_TIME_EXAMPLE})")
    if moment.tzinfo is None:
        moment = local_moment(moment, text)
    return moment.replace(microsecond=0)


def local_moment(naive: datetime, text: str) -> datetime:
    """``naive`` as this machine's local time; a time the clocks skipped is refused.

    Python quietly moves a time inside the spring-forward gap by an hour, which
    would store the episode an hour away from what the person typed.
    """
    try:
        moment = naive.astimezone()
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"{text!r} is outside the dates this computer can handle") from None
    if moment.replace(tzinfo=None) != naive.replace(fold=0):
        raise ValueError(
            f"{text!r} never showed on this computer's clock: the clocks were put forward "
            "then; give the time the clock showed"
        )
    return moment


def parse_date(text: str) -> date:
    """An ISO calendar date (YYYY-MM-DD); raises ValueError with a message for a person."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD, e.g. 2026-11-20)") from None


def episode_from_raw(raw: Mapping[str, object]) -> Episode:
    """Build and validate an episode from JSON-typed values keyed by field name.

    Raises :class:`ValidationError` listing every problem, in field order.
    """
    problems: dict[str, FieldProblem] = {}

    def problem(field: str, message: str) -> None:
        problems.setdefault(field, FieldProblem(field, message))

    keys = raw.keys()
    if not keys <= _KNOWN_FIELDS:  # set tests first: an import asks 20,000 times
        for key in raw:
            if key not in _KNOWN_FIELDS:
                problem(key, f"is not a field of the numbjournal format (expected {_field_list()})")
    if not keys >= REQUIRED_FIELDS:
        for field in sorted(REQUIRED_FIELDS - keys, key=EPISODE_FIELDS.index):
            problem(field, "is missing")

    values: dict[str, Any] = {}
    if "started_at" in raw:
        started = raw["started_at"]
        if not isinstance(started, str):
            problem("started_at", f"must be a date and time written as text ({_TIME_EXAMPLE})")
        else:
            try:
                values["started_at"] = parse_started_at(started)
            except ValueError as exc:
                problem("started_at", str(exc))
    for field, kind in _CHOICE_FIELDS.items():
        if field in raw:
            values[field] = _choice(raw[field], kind, field, problem)
    for field, kind in _LIST_FIELDS.items():
        if field in raw:
            values[field] = _members(raw[field], kind, field, problem)
    for field in ("duration_minutes", "severity", "notes"):
        if field in raw:
            values[field] = raw[field]

    # Fields that are missing or unreadable get a stand-in, so the remaining
    # ones can still be judged by the one set of rules.
    episode = Episode(**({**_STAND_INS, **values} if problems else values))
    for found in validate_episode(episode):
        if found.field in values:
            problem(found.field, found.message)
    if problems:
        order = {name: i for i, name in enumerate(EPISODE_FIELDS)}
        ordered = sorted(problems.values(), key=lambda p: order.get(p.field, -1))
        raise ValidationError(ordered)
    return episode


def condition_from_raw(raw: Mapping[str, object]) -> ConditionEntry:
    """Build and validate a profile condition from JSON-typed values."""
    problems: list[FieldProblem] = []
    for key in raw:
        if key not in CONDITION_FIELDS:
            expected = ", ".join(CONDITION_FIELDS)
            problems.append(
                FieldProblem(key, f"is not a field of a condition (expected {expected})")
            )
    condition: Any = None
    if "condition" not in raw:
        problems.append(FieldProblem("condition", "is missing"))
    else:
        condition = _choice(
            raw["condition"],
            Condition,
            "condition",
            lambda f, m: problems.append(FieldProblem(f, m)),
        )
    since: Any = None
    raw_since = raw.get("since")
    if raw_since is not None:
        if isinstance(raw_since, str):
            try:
                since = parse_date(raw_since)
            except ValueError as exc:
                problems.append(FieldProblem("since", str(exc)))
        else:
            problems.append(FieldProblem("since", "must be a date written as text (YYYY-MM-DD)"))
    note = raw.get("note", "")
    if note is None:
        note = ""
    entry = ConditionEntry(condition=condition, since=since, note=cast(str, note))
    reported = {p.field for p in problems}
    problems.extend(p for p in validate_condition(entry) if p.field not in reported)
    if problems:
        raise ValidationError(problems)
    return entry


def raw_from_text(cells: Mapping[str, str]) -> dict[str, object]:
    """Turn text cells into JSON value types; an empty cell counts as not given.

    Exceptions: an empty duration means still going, an empty list is a list
    with nothing in it, and notes are kept exactly as written.
    """
    raw: dict[str, object] = {}
    for field, text in cells.items():
        if field == "notes":
            raw[field] = text
        elif field in _LIST_FIELDS:
            raw[field] = split_list(text)
        elif field == "duration_minutes":
            raw[field] = _number(text) if text.strip() else None
        elif not text.strip():
            continue
        elif field == "severity":
            raw[field] = _number(text)
        else:
            raw[field] = text.strip()
    return raw


def split_list(text: str, separator: str = LIST_SEPARATOR) -> list[str]:
    return [piece.strip() for piece in text.split(separator) if piece.strip()]


def episode_to_raw(episode: Episode) -> dict[str, object]:
    """The JSON values of an episode, in the format's field order."""
    return {
        "started_at": format_started_at(episode.started_at),
        "duration_minutes": episode.duration_minutes,
        "locations": [str(loc) for loc in episode.locations],
        "sensation": str(episode.sensation),
        "severity": episode.severity,
        "onset": str(episode.onset),
        "context": str(episode.context),
        "position_change": str(episode.position_change),
        "symptoms": [str(sym) for sym in episode.symptoms],
        "notes": episode.notes,
    }


def condition_to_raw(entry: ConditionEntry) -> dict[str, object]:
    raw: dict[str, object] = {"condition": str(entry.condition)}
    if entry.since is not None:
        raw["since"] = entry.since.isoformat()
    if entry.note:
        raw["note"] = entry.note
    return raw


def _number(text: str) -> object:
    stripped = text.strip()
    return int(stripped) if _WHOLE_NUMBER.fullmatch(stripped) else stripped


def _choice(value: object, kind: type[StrEnum], field: str, problem: Any) -> object:
    if isinstance(value, str):
        # A dict lookup: kind(value) costs ~3 us, and an import makes 100,000 of them.
        member = kind._value2member_map_.get(value)
        if member is not None:
            return member
        problem(field, f"{value!r} is not one of: {choices(kind)}")
    else:
        problem(field, f"must be one of: {choices(kind)}")
    return value


def _members(value: object, kind: type[StrEnum], field: str, problem: Any) -> tuple[object, ...]:
    members = kind._value2member_map_
    if isinstance(value, list):
        try:  # every name known: the usual case, without a generator per list
            return tuple(map(members.__getitem__, value))
        except (KeyError, TypeError):
            pass
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        example = next(iter(kind))
        problem(field, f'must be a list of names, e.g. ["{example}"]')
        return ()
    return tuple(members.get(v, v) for v in value)


def _field_list() -> str:
    return ", ".join(EPISODE_FIELDS)
