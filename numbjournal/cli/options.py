"""Reading the values people type on the command line: dates, times, lengths, names.

Each parser raises ValueError worded for a person; callers add the option's
name. Vocabulary names are matched loosely ("Left calf", "left-calf") so a
person can type what the window shows.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from ..core.formats import local_moment, parse_date, parse_started_at

_LENGTH = re.compile(
    r"""\s*(?:(?P<days>\d+)\s*d(?:ays?)?)?
        \s*(?:(?P<hours>\d+)\s*h(?:ours?|rs?)?)?
        \s*(?:(?P<minutes>\d+)\s*m(?:in(?:utes?|s)?)?)?\s*""",
    re.VERBOSE | re.IGNORECASE,
)
_CLOCK = re.compile(r"(?:(?P<day>today|yesterday)\s+)?(?P<h>\d{1,2}):(?P<m>\d{2})", re.IGNORECASE)
LENGTH_HELP = "minutes (12), or days, hours and minutes (1h30m, 2d)"


def parse_length(text: str) -> int:
    """Minutes from "12", "12m", "1h30m", "2h", "1d 4h" or "1:30"."""
    stripped = text.strip()
    if stripped.isdigit():
        return int(stripped)
    clock = re.fullmatch(r"(\d+):([0-5]\d)", stripped)
    if clock:
        return int(clock[1]) * 60 + int(clock[2])
    match = _LENGTH.fullmatch(stripped)
    if not stripped or match is None or not any(match.groupdict().values()):
        raise ValueError(f"{text!r} is not a length of time; use {LENGTH_HELP}")
    parts = {k: int(v or 0) for k, v in match.groupdict().items()}
    return parts["days"] * 1440 + parts["hours"] * 60 + parts["minutes"]


def parse_when(text: str, now: datetime) -> datetime:
    """A moment: "now", ISO date and time, "08:15" (today), "yesterday 22:30"."""
    if text.strip().lower() == "now":
        return now
    clock = _CLOCK.fullmatch(text.strip())
    if clock:
        hour, minute = int(clock["h"]), int(clock["m"])
        if hour > 23 or minute > 59:
            raise ValueError(f"{text!r} is not a time of day")
        day = now.date() - timedelta(days=1 if (clock["day"] or "").lower() == "yesterday" else 0)
        return local_moment(datetime.combine(day, time(hour, minute)), text)
    return parse_started_at(text)


def normalise_name(text: str) -> str:
    """ "Left calf" / "left-calf" -> "left_calf", the vocabulary's spelling."""
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


def split_names(values: Iterable[str]) -> list[str]:
    """Names from repeated options and comma- or semicolon-separated lists."""
    names: list[str] = []
    for value in values:
        names.extend(normalise_name(p) for p in re.split(r"[,;]", value) if p.strip())
    return names


def choice(kind: type[StrEnum], option: str, text: str) -> str:
    """A vocabulary value, or ValueError naming the option and the valid choices."""
    name = normalise_name(text)
    if name in kind._value2member_map_:
        return name
    listed = ", ".join(str(member) for member in kind)
    raise ValueError(f"{option}: {text!r} is not one of: {listed}")


def date_argument(text: str) -> date:
    """argparse ``type=`` for ISO dates, with a message people understand."""
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def count_argument(text: str) -> int:
    """argparse ``type=`` for "at most N": a whole number of 1 or more."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def check_range(first: date | None, last: date | None) -> None:
    if first is not None and last is not None and first > last:
        raise ValueError(f"--from {first} is after --to {last}")
