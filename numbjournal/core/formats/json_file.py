"""The JSON journal file (journal-format.md section 1).

Reading is strict: unknown keys, duplicate keys, wrong value types, another
``format`` or a newer ``version`` are refused with a message naming the
file, the episode (position and start time) and the field, because a file
that half-matches the format is more likely a mistake than a wish.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ..bulk import bulk_allocation
from ..errors import FormatError, ValidationError
from ..model import MAX_NAME_LENGTH, ConditionEntry, Episode, Profile, Treatment
from ..validation import CheckedEpisodes
from .fields import (
    condition_from_raw,
    condition_to_raw,
    episode_from_raw,
    episode_to_raw,
    format_started_at,
    parse_date,
)
from .result import JournalFile, episode_error, too_many
from .treatments import relief_from_raw, relief_to_raw, treatment_to_raw, treatments_from_raw

FORMAT_NAME = "numbjournal"
FORMAT_VERSION = 2
TOP_LEVEL_KEYS = ("format", "version", "exported_at", "profile", "episodes", "treatments")
VERSION_1_KEYS = TOP_LEVEL_KEYS[:5]
PROFILE_KEYS = {1: ("conditions",), 2: ("name", "date_of_birth", "conditions")}


def dump_json(
    episodes: Sequence[Episode],
    conditions: Sequence[ConditionEntry],
    *,
    exported_at: datetime,
    name: str = "",
    date_of_birth: date | None = None,
    treatments: Sequence[Treatment] = (),
) -> str:
    """The version 2 file; the profile's name and date of birth only when they are set,
    the treatments and an episode's relief only when there are any."""
    profile: dict[str, object] = {}
    if name:
        profile["name"] = name
    if date_of_birth is not None:
        profile["date_of_birth"] = date_of_birth.isoformat()
    profile["conditions"] = [condition_to_raw(c) for c in conditions]
    names = {t.id: t.name for t in treatments if t.id is not None}
    raw_episodes = []
    for episode in episodes:
        raw = episode_to_raw(episode)
        if episode.relief:
            raw["relief"] = relief_to_raw(episode.relief, names)
        raw_episodes.append(raw)
    document: dict[str, object] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": format_started_at(exported_at),
        "profile": profile,
        "episodes": raw_episodes,
    }
    if treatments:
        document["treatments"] = [treatment_to_raw(t) for t in treatments]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def dump_journal_json(
    episodes: Sequence[Episode],
    profile: Profile,
    *,
    exported_at: datetime,
    treatments: Sequence[Treatment] = (),
) -> str:
    """The version 2 file of ``episodes`` with the whole ``profile`` (name, birth, conditions)
    and the journal's treatments."""
    return dump_json(
        episodes,
        profile.conditions,
        exported_at=exported_at,
        name=profile.name,
        date_of_birth=profile.date_of_birth,
        treatments=treatments,
    )


def parse_json(text: str, source: str) -> JournalFile:
    """Episodes and conditions of a JSON journal file; ``source`` names it in errors."""
    with bulk_allocation():
        return _parse(text, source)


def _parse(text: str, source: str) -> JournalFile:
    document = _load(text, source)
    if not isinstance(document, dict):
        raise FormatError(f"{source}: is not a numbjournal file (expected a JSON object)")
    version = _check_header(document, source)
    allowed = TOP_LEVEL_KEYS if version >= 2 else VERSION_1_KEYS
    unknown = [k for k in document if k not in allowed]
    if unknown:
        later = ""
        if unknown[0] in TOP_LEVEL_KEYS:
            later = " (a version 2 field; this file says version 1)"
        raise FormatError(
            f"{source}: unknown field {unknown[0]!r} at the top level{later} "
            f"(expected {', '.join(allowed)})"
        )
    treatments = treatments_from_raw(document.get("treatments", []), source)
    exported_at = document.get("exported_at")
    if exported_at is not None and not isinstance(exported_at, str):
        raise FormatError(f"{source}: exported_at: must be a date and time written as text")
    profile = document.get("profile")
    conditions = _conditions(profile, source, version)
    name, born = _identity(profile, source)
    if "episodes" not in document:
        raise FormatError(f"{source}: the 'episodes' list is missing")
    items = document["episodes"]
    if not isinstance(items, list):
        raise FormatError(f"{source}: episodes: must be a list of episodes")
    episodes: list[Episode] = []
    failures: list[str] = []
    for position, item in enumerate(items, start=1):
        started = item.get("started_at") if isinstance(item, dict) else None
        where = f"episode {position}"
        if isinstance(started, str):
            where += f" (started {started})"
        if not isinstance(item, dict):
            failures.append(f"{source}: {where}: must be an object with the episode's fields")
            continue
        relief = item.get("relief") if version >= 2 else None
        if relief is not None:  # version 2; checked against the file's treatments
            item = {k: v for k, v in item.items() if k != "relief"}
        try:
            episode = episode_from_raw(item)
            if relief is not None:
                answers = relief_from_raw(relief, treatments, episode.started_at)
                episode = dataclasses.replace(episode, relief=answers)
            episodes.append(episode)
        except ValidationError as exc:
            failures.append(episode_error(source, where, exc))
    if failures:
        raise FormatError(failures[0] + too_many(len(failures) - 1))
    return JournalFile(
        CheckedEpisodes(episodes), conditions, "json", name, born, treatments=treatments
    )


def _load(text: str, source: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"{source}: is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except _Refused as exc:
        raise FormatError(f"{source}: {exc}") from None
    except RecursionError:
        raise FormatError(f"{source}: is nested too deeply to be a numbjournal file") from None


def _check_header(document: dict[str, Any], source: str) -> int:
    name = document.get("format")
    if name != FORMAT_NAME:
        found = "has no 'format' field" if name is None else f"has format {name!r}"
        raise FormatError(
            f'{source}: is not a numbjournal file ({found}; expected "format": "numbjournal")'
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FormatError(f"{source}: version: must be a whole number (this program reads 1 and 2)")
    if version > FORMAT_VERSION:
        raise FormatError(
            f"{source}: was written in numbjournal format version {version}, newer than this "
            f"program understands (version {FORMAT_VERSION}); please update numbjournal"
        )
    if version < 1:
        raise FormatError(
            f"{source}: version {version} does not exist (this program reads 1 and 2)"
        )
    return version


def _conditions(profile: object, source: str, version: int) -> tuple[ConditionEntry, ...]:
    if profile is None:
        return ()
    if not isinstance(profile, dict):
        raise FormatError(f"{source}: profile: must be an object with a 'conditions' list")
    allowed = PROFILE_KEYS[version]
    unknown = [k for k in profile if k not in allowed]
    if unknown:
        expected = ", ".join(allowed)
        later = " (a version 2 field; this file says version 1)" if version == 1 else ""
        raise FormatError(
            f"{source}: profile: unknown field {unknown[0]!r}{later} (expected {expected})"
        )
    items = profile.get("conditions", [])
    if not isinstance(items, list):
        raise FormatError(f"{source}: profile: conditions: must be a list")
    entries: list[ConditionEntry] = []
    for position, item in enumerate(items, start=1):
        where = f"{source}: profile condition {position}"
        if not isinstance(item, dict):
            raise FormatError(f"{where}: must be an object with a 'condition' field")
        try:
            entries.append(condition_from_raw(item))
        except ValidationError as exc:
            raise FormatError(f"{where}: {exc}") from None
    return tuple(entries)


def _identity(profile: object, source: str) -> tuple[str, date | None]:
    """The profile's name and date of birth (version 2), checked like any other field."""
    if not isinstance(profile, dict):
        return "", None
    name = profile.get("name", "")
    if (
        not isinstance(name, str)
        or len(name) > MAX_NAME_LENGTH
        or any(not ch.isprintable() for ch in name)
    ):
        raise FormatError(
            f"{source}: profile: name: must be one line of text of at most "
            f"{MAX_NAME_LENGTH} characters"
        )
    raw = profile.get("date_of_birth")
    if raw is None:
        return name.strip(), None
    if not isinstance(raw, str):
        raise FormatError(f"{source}: profile: date_of_birth: must be a date (YYYY-MM-DD)")
    try:
        born = parse_date(raw)
    except ValueError as exc:
        raise FormatError(f"{source}: profile: date_of_birth: {exc}") from None
    if born > date.today():
        raise FormatError(f"{source}: profile: date_of_birth: {raw} is in the future")
    return name.strip(), born


class _Refused(ValueError):
    """JSON that parses but that no numbjournal program writes."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # in C: a Python loop over every key was a third of reading the file
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _Refused(f"the key {key!r} appears twice in one object")
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number JSON allows")
