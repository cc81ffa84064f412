"""Short, readable wording for episodes and flags, shared by the table and the flags view.

Kept free of widgets so the same words appear everywhere and can be tested
without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum

from PySide6.QtCore import QDate

from ..core import words
from ..core.flag_levels import LEVEL_WORDS, episode_level, flag_level, most_serious_first
from ..core.model import Context, Episode, Location, Sensation, Symptom
from ..core.triage import Flag


def qdate_to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def when_text(moment: datetime, *, local_offset: timedelta | None = None) -> str:
    """The start as the person logged it, in the offset it was recorded in.

    Where that offset is not this computer's offset now (``local_offset``,
    by default read from the clock), the offset is shown too: an episode
    logged while travelling, or in summer time, otherwise looks out of
    order among the others ("newest first" seems scrambled).
    """
    text = moment.strftime("%a %d %b %Y  %H:%M")
    offset = moment.utcoffset()
    here = local_offset_now() if local_offset is None else local_offset
    if offset is None or offset == here:
        return text
    return f"{text} ({offset_text(offset)})"


def local_offset_now() -> timedelta | None:
    """This computer's offset from UTC now."""
    return datetime.now().astimezone().utcoffset()


def offset_text(offset: timedelta) -> str:
    """ "UTC+01:00", "UTC-07:00", "UTC+05:30": a recorded time zone offset, readable."""
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def duration_text(minutes: int | None) -> str:
    return words.duration(minutes)


def where_text(locations: Sequence[Location]) -> str:
    """ "Left: top of foot, toes; Both: sole of foot; Face" instead of six long names."""
    return words.where_grouped(locations)


def symptoms_text(episode: Episode) -> str:
    return ", ".join(words.name(s) for s in episode.symptoms)


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
        f"{words.name(episode.sensation)}, severity {episode.severity}/10",
        "Where: " + ", ".join(words.location_name(loc) for loc in episode.locations),
    ]
    if episode.symptoms:
        lines.append("With: " + symptoms_text(episode))
    if episode.notes:
        note = episode.notes if len(episode.notes) <= 200 else episode.notes[:200] + "…"
        lines.append(f"Notes: {note}")
    return "\n".join(lines)


_WORDS: dict[StrEnum, str] = {
    member: words.name(member).lower() for kind in (Sensation, Context, Symptom) for member in kind
}
# Long and short names and the format's own id ("foot top"), so a search finds what any
# screen or file showed.
_WORDS.update(
    {
        loc: " / ".join(
            [words.location_name(loc), words.short_location_name(loc), loc.replace("_", " ")]
        ).lower()
        for loc in Location
    }
)


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
