"""Treatments and episode relief in the JSON file (journal-format.md section 1b, version 2).

Relief names a treatment by its name, as people write it; on reading, the
name becomes the treatment's position (from 1) in the file's list, which
:meth:`Journal.import_all` turns into the journal's id. When a name appears
more than once (a medication stopped and started again), the episode's day
decides: the treatment taken that day, else the latest one started before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from ..errors import FormatError, ValidationError
from ..model import FieldProblem, Helped, Relief, Treatment, TreatmentKind
from ..validation import validate_treatment
from .fields import choices, parse_date

TREATMENT_FIELDS = ("name", "kind", "dose", "started", "stopped", "notes")
RELIEF_FIELDS = ("treatment", "helped")


def treatment_to_raw(treatment: Treatment) -> dict[str, object]:
    return dict(treatment.plain_values())


def relief_to_raw(relief: Sequence[Relief], names: Mapping[int, str]) -> list[dict[str, object]]:
    return [{"treatment": names[r.treatment_id], "helped": str(r.helped)} for r in relief]


def treatments_from_raw(items: object, source: str) -> tuple[Treatment, ...]:
    """The file's treatments, each checked; the first problem is refused naming it."""
    if not isinstance(items, list):
        raise FormatError(f"{source}: treatments: must be a list of treatments")
    out = []
    for position, item in enumerate(items, start=1):
        where = f"{source}: treatment {position}"
        if not isinstance(item, dict):
            raise FormatError(f"{where}: must be an object with the treatment's fields")
        if isinstance(item.get("name"), str):
            where += f" ({item['name']})"
        try:
            out.append(_treatment(item))
        except ValidationError as exc:
            raise FormatError(f"{where}: " + "; ".join(str(p) for p in exc.problems)) from None
    return tuple(out)


def relief_from_raw(
    value: object, treatments: Sequence[Treatment], started_at: datetime | None
) -> tuple[Relief, ...]:
    """An episode's relief with each treatment named by its position in ``treatments``.

    Raises ValidationError (field ``relief``) worded for a person.
    """
    if not isinstance(value, list):
        raise _problem('must be a list like [{"treatment": "gabapentin", "helped": "yes"}]')
    out: list[Relief] = []
    for item in value:
        if not isinstance(item, dict) or set(item) - set(RELIEF_FIELDS):
            raise _problem('each answer has only "treatment" and "helped"')
        name, helped = item.get("treatment"), item.get("helped")
        if not isinstance(name, str):
            raise _problem("treatment: must name a treatment of the file")
        if not isinstance(helped, str) or helped not in Helped._value2member_map_:
            raise _problem(f"helped: must be one of: {choices(Helped)}")
        position = _position(name, treatments, started_at)
        if position is None:
            raise _problem(f"{name!r} is not in the file's treatments")
        if any(r.treatment_id == position for r in out):
            raise _problem(f"names {name!r} twice")
        out.append(Relief(position, Helped(helped)))
    return tuple(out)


def _position(
    name: str, treatments: Sequence[Treatment], started_at: datetime | None
) -> int | None:
    named = [(i, t) for i, t in enumerate(treatments, start=1) if t.name == name]
    if not named:
        return None
    if started_at is not None and len(named) > 1:
        day = started_at.date()
        taken = [i for i, t in named if t.taken_on(day)]
        if taken:
            return taken[0]
        earlier = [(t.started, i) for i, t in named if t.started <= day]
        if earlier:
            return max(earlier)[1]
    return named[0][0]


def _treatment(raw: Mapping[str, Any]) -> Treatment:
    problems: list[FieldProblem] = []
    for key in raw:
        if key not in TREATMENT_FIELDS:
            expected = ", ".join(TREATMENT_FIELDS)
            problems.append(
                FieldProblem(key, f"is not a field of a treatment (expected {expected})")
            )
    for key in ("name", "kind", "started"):
        if key not in raw:
            problems.append(FieldProblem(key, "is missing"))
    kind: Any = raw.get("kind")
    if isinstance(kind, str) and kind in TreatmentKind._value2member_map_:
        kind = TreatmentKind(kind)
    started = _day(raw.get("started"), "started", problems)
    stopped = _day(raw.get("stopped"), "stopped", problems)
    values: dict[str, Any] = {
        "name": raw.get("name", ""),
        "kind": kind,
        "started": started if started is not None else date(2000, 1, 1),
        "stopped": stopped,
        "dose": raw.get("dose", "") if raw.get("dose") is not None else "",
        "notes": raw.get("notes", "") if raw.get("notes") is not None else "",
    }
    treatment = Treatment(**values)
    reported = {p.field for p in problems}
    if started is None:
        reported.add("stopped")  # "before it started" would compare with a stand-in
    problems.extend(p for p in validate_treatment(treatment) if p.field not in reported)
    if problems:
        raise ValidationError(problems)
    return treatment


def _day(value: object, field: str, problems: list[FieldProblem]) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(FieldProblem(field, "must be a date written as text (YYYY-MM-DD)"))
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        problems.append(FieldProblem(field, str(exc)))
        return None


def _problem(message: str) -> ValidationError:
    return ValidationError([FieldProblem("relief", message)])
