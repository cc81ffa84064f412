"""Short, readable wording for episodes and flags, shared by the table and the flags view.

Kept free of widgets so the same words appear everywhere and can be tested
without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QDate

from ..core.bodymap import location_name
from ..core.flag_levels import LEVEL_WORDS, episode_level, flag_level, most_serious_first
from ..core.model import LEG_PARTS, Context, Episode, Location, Sensation, Symptom, label
from ..core.triage import Flag

_PART_WORDS = {part: part.replace("_", " ") for part in LEG_PARTS}


def qdate_to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def when_text(moment: datetime) -> str:
    """The start as the person logged it (in the offset it was recorded in)."""
    return moment.strftime("%a %d %b %Y  %H:%M")


def duration_text(minutes: int | None) -> str:
    if minutes is None:
        return "still going"
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    days, rest = divmod(minutes, 24 * 60)
    hours = rest // 60
    return f"{days} d {hours} h" if hours else f"{days} d"


def where_text(locations: Sequence[Location]) -> str:
    """ "Left: foot top, toes; Both: sole; Face" instead of six long location names."""
    left = [str(loc).removeprefix("left_") for loc in locations if loc.is_left_leg]
    right = [str(loc).removeprefix("right_") for loc in locations if loc.is_right_leg]
    both = [p for p in left if p in right]
    groups: list[str] = []
    for side, parts in (
        ("Left", [p for p in left if p not in both]),
        ("Right", [p for p in right if p not in both]),
        ("Both", both),
    ):
        if parts:
            groups.append(f"{side}: " + ", ".join(_PART_WORDS[p] for p in parts))
    groups.extend(label(loc) for loc in locations if not loc.is_leg)
    return "; ".join(groups)


def symptoms_text(episode: Episode) -> str:
    return ", ".join(label(s) for s in episode.symptoms)


def flag_summary(flags: Sequence[Flag]) -> str:
    """The table's flag cell: the most serious level in words (the icon repeats it)."""
    level = episode_level(flags)
    return "" if level is None else LEVEL_WORDS[level].name


def flag_tooltip(flags: Sequence[Flag]) -> str:
    """Every flag with its level, the criterion it matched and why; the most serious first."""
    parts = [
        f"{LEVEL_WORDS[flag_level(f)].title}\nCriterion: {f.criterion}\nWhy: {f.reason}"
        for f in most_serious_first(flags)
    ]
    return "\n\n".join(parts)


def episode_tooltip(episode: Episode) -> str:
    lines = [
        f"{when_text(episode.started_at)}, {duration_text(episode.duration_minutes)}",
        f"{label(episode.sensation)}, severity {episode.severity}/10",
        "Where: " + ", ".join(label(loc) for loc in episode.locations),
    ]
    if episode.symptoms:
        lines.append("With: " + symptoms_text(episode))
    if episode.notes:
        note = episode.notes if len(episode.notes) <= 200 else episode.notes[:200] + "…"
        lines.append(f"Notes: {note}")
    return "\n".join(lines)


_WORDS: dict[StrEnum, str] = {
    member: label(member).lower()
    for kind in (Sensation, Context, Location, Symptom)
    for member in kind
}
# The editor's own names too ("left top of foot"), so a search finds what it showed.
_WORDS.update({loc: f"{label(loc)} / {location_name(loc)}".lower() for loc in Location})


def search_text(episode: Episode) -> str:
    """Everything a text search should find, lower-cased once."""
    words = _WORDS
    return " ".join(
        [
            episode.notes.lower(),
            words[episode.sensation],
            words[episode.context],
            *[words[loc] for loc in episode.locations],
            *[words[s] for s in episode.symptoms],
        ]
    )
