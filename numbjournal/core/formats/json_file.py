"""The JSON journal file (journal-format.md section 1).

Reading is strict: unknown keys, duplicate keys, wrong value types, another
``format`` or a newer ``version`` are refused with a message naming the
file, the episode (position and start time) and the field, because a file
that half-matches the format is more likely a mistake than a wish.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..bulk import bulk_allocation
from ..errors import FormatError, ValidationError
from ..model import ConditionEntry, Episode
from ..validation import CheckedEpisodes
from .fields import (
    condition_from_raw,
    condition_to_raw,
    episode_from_raw,
    episode_to_raw,
    format_started_at,
)
from .result import JournalFile, episode_error, too_many

FORMAT_NAME = "numbjournal"
FORMAT_VERSION = 1
TOP_LEVEL_KEYS = ("format", "version", "exported_at", "profile", "episodes")


def dump_json(
    episodes: Sequence[Episode],
    conditions: Sequence[ConditionEntry],
    *,
    exported_at: datetime,
) -> str:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": format_started_at(exported_at),
        "profile": {"conditions": [condition_to_raw(c) for c in conditions]},
        "episodes": [episode_to_raw(e) for e in episodes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def parse_json(text: str, source: str) -> JournalFile:
    """Episodes and conditions of a JSON journal file; ``source`` names it in errors."""
    with bulk_allocation():
        return _parse(text, source)


def _parse(text: str, source: str) -> JournalFile:
    document = _load(text, source)
    if not isinstance(document, dict):
        raise FormatError(f"{source}: is not a numbjournal file (expected a JSON object)")
    _check_header(document, source)
    unknown = [k for k in document if k not in TOP_LEVEL_KEYS]
    if unknown:
        raise FormatError(
            f"{source}: unknown field {unknown[0]!r} at the top level "
            f"(expected {', '.join(TOP_LEVEL_KEYS)})"
        )
    exported_at = document.get("exported_at")
    if exported_at is not None and not isinstance(exported_at, str):
        raise FormatError(f"{source}: exported_at: must be a date and time written as text")
    conditions = _conditions(document.get("profile"), source)
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
        try:
            episodes.append(episode_from_raw(item))
        except ValidationError as exc:
            failures.append(episode_error(source, where, exc))
    if failures:
        raise FormatError(failures[0] + too_many(len(failures) - 1))
    return JournalFile(CheckedEpisodes(episodes), conditions, "json")


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


def _check_header(document: dict[str, Any], source: str) -> None:
    name = document.get("format")
    if name != FORMAT_NAME:
        found = "has no 'format' field" if name is None else f"has format {name!r}"
        raise FormatError(
            f'{source}: is not a numbjournal file ({found}; expected "format": "numbjournal")'
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FormatError(f"{source}: version: must be a whole number (this program reads 1)")
    if version > FORMAT_VERSION:
        raise FormatError(
            f"{source}: was written in numbjournal format version {version}, newer than this "
            f"program understands (version {FORMAT_VERSION}); please update numbjournal"
        )
    if version < 1:
        raise FormatError(f"{source}: version {version} does not exist (this program reads 1)")


def _conditions(profile: object, source: str) -> tuple[ConditionEntry, ...]:
    if profile is None:
        return ()
    if not isinstance(profile, dict):
        raise FormatError(f"{source}: profile: must be an object with a 'conditions' list")
    unknown = [k for k in profile if k != "conditions"]
    if unknown:
        raise FormatError(
            f"{source}: profile: unknown field {unknown[0]!r} (expected only 'conditions')"
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


class _Refused(ValueError):
    """JSON that parses but that no numbjournal program writes."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number JSON allows")
