"""The names of places on the body: long, short, grouped by side, and in a sentence.

Part of the vocabulary of ``core/words.py``, which re-exports every name here
(callers write ``words.location_name(...)``); kept apart so each file stays
short. The body map SVG's region ids are the location ids these name.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .model import Location

LEG_PART_NAMES: dict[str, str] = {
    "buttock": "buttock",
    "hip": "hip",
    "thigh_front": "thigh (front)",
    "thigh_back": "thigh (back)",
    "knee": "knee",
    "shin": "shin",
    "calf": "calf",
    "ankle": "ankle",
    "foot_top": "top of foot",
    "sole": "sole of foot",
    "toes": "toes",
}
OTHER_LOCATION_NAMES: dict[Location, str] = {
    Location.FACE: "Face",
    Location.LEFT_ARM: "Left arm",
    Location.RIGHT_ARM: "Right arm",
    Location.LEFT_HAND: "Left hand",
    Location.RIGHT_HAND: "Right hand",
    Location.TRUNK: "Chest, belly and upper back",
    Location.LOWER_BACK: "Lower back",
    Location.SADDLE: "Saddle area (groin, inner thighs, between the buttocks)",
}
SHORT_OTHER_LOCATION_NAMES: dict[Location, str] = {
    Location.TRUNK: "Trunk",
    Location.SADDLE: "Saddle area",
}
SIDE_NAMES = {"left": "Left", "right": "Right", "both": "Both"}


def _split_leg(location: Location) -> tuple[str, str]:
    side, _, part = str(location).partition("_")
    return side, part


@functools.cache  # 30 locations; tables and the summary ask for them per episode
def location_name(location: Location | str) -> str:
    """The one full name of a place ("Left top of foot", "Face")."""
    loc = Location(location)
    if not loc.is_leg:
        return OTHER_LOCATION_NAMES[loc]
    side, part = _split_leg(loc)
    return f"{SIDE_NAMES[side]} {LEG_PART_NAMES[part]}"


@functools.cache
def short_location_name(location: Location | str) -> str:
    """A compact name for tables, chart axes and lists ("L top of foot", "Saddle area")."""
    loc = Location(location)
    if loc.is_leg:
        side, part = _split_leg(loc)
        return f"{side[0].upper()} {LEG_PART_NAMES[part]}"
    return SHORT_OTHER_LOCATION_NAMES.get(loc, OTHER_LOCATION_NAMES[loc])


@functools.cache
def location_phrase(location: Location | str) -> str:
    """A place in a sentence: "left calf", "the face", "the saddle area"."""
    loc = Location(location)
    if loc.is_leg:
        return location_name(loc).lower()
    return "the " + short_location_name(loc).lower()


def where_grouped(locations: Sequence[Location]) -> str:
    """ "Left: top of foot, toes; Both: sole of foot; Face" for a narrow column."""
    left = [_split_leg(loc)[1] for loc in locations if loc.is_left_leg]
    right = [_split_leg(loc)[1] for loc in locations if loc.is_right_leg]
    both = [p for p in left if p in right]
    groups: list[str] = []
    for side, parts in (
        ("left", [p for p in left if p not in both]),
        ("right", [p for p in right if p not in both]),
        ("both", both),
    ):
        if parts:
            groups.append(f"{SIDE_NAMES[side]}: " + ", ".join(LEG_PART_NAMES[p] for p in parts))
    groups.extend(short_location_name(loc) for loc in locations if not loc.is_leg)
    return "; ".join(groups)
