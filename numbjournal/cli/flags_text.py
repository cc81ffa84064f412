"""``numbjournal flags`` as a report a person reads: the most serious first, advice spelled out.

The same levels and words as the window: emergency, urgent, see a doctor,
and the person's own condition as one quiet line per condition. Each flag
has a text mark beside its words, so the report does not rely on colour.
"""

from __future__ import annotations

import textwrap
from datetime import date, datetime
from functools import lru_cache

from ..core import words
from ..core.flag_levels import (
    LEVEL_WORDS,
    LEVELS,
    NO_FLAG_CAVEAT,
    Level,
    advice,
    condition_line,
    condition_notes,
    episode_level,
    flag_level,
    most_serious_first,
    pattern_name,
)
from ..core.model import Episode, Profile
from ..core.triage import NOT_A_DIAGNOSIS, Flag, JournalFlags, Source

WIDTH = 88
NOT_COUNTED = (
    "Short episodes that eased after changing position, with nothing else logged, "
    "count only at a higher bar (numbness that keeps coming back) and not in the trends."
)


def flags_report(
    episodes: list[Episode],
    result: JournalFlags,
    *,
    first: date | None = None,
    last: date | None = None,
    profile: Profile | None = None,
    now: datetime | None = None,
) -> str:
    lines = [f"Medical-help flags{_period(first, last)}", "", *_wrap(NOT_A_DIAGNOSIS), ""]
    if not episodes:
        lines.append(f"No episodes{_period(first, last) or ' in this journal yet'}.")
        return "\n".join(lines) + "\n"

    moment = now or datetime.now().astimezone()
    if result.journal:
        lines += _patterns(result, episodes, moment)
    newest_first = list(reversed(episodes))
    levels = {e.id: episode_level(result.episodes.get(e.id or 0, [])) for e in newest_first}
    for level in LEVELS:
        if level is Level.CONDITION:
            continue
        listed = [e for e in newest_first if levels[e.id] is level]
        if not listed:
            continue
        heading = f"{LEVEL_WORDS[level].heading}: {_count(len(listed))}"
        lines += _section(heading, advice(level, listed[0], now=moment))
        for episode in listed:
            lines += _episode_block(episode, result.episodes.get(episode.id or 0, []))
    notes = condition_notes(episodes, result.episodes, profile or Profile())
    if notes:
        quiet = sum(1 for level in levels.values() if level is Level.CONDITION)
        lines += _section(f"{LEVEL_WORDS[Level.CONDITION].heading}: {_count(quiet)}", "")
        for note in notes:
            lines += _wrap(f"{LEVEL_WORDS[Level.CONDITION].mark}{condition_line(note)}.", hang="  ")
        lines.append("")

    total = len(episodes)
    count = sum(1 for level in levels.values() if level is not None)
    if count:
        act = sum(1 for level in levels.values() if level not in (None, Level.CONDITION))
        lines += _wrap(
            f"{count} of {_count(total)} matched at least one criterion (newest first); "
            f"{act} of them for more than a condition in your profile."
        )
    else:
        lines += _wrap(f"None of the {_count(total)} matched a criterion for seeking medical help.")
        lines += _wrap(NO_FLAG_CAVEAT)
    return "\n".join(lines) + "\n"


def _patterns(result: JournalFlags, episodes: list[Episode], moment: datetime) -> list[str]:
    # A journal pattern can be an emergency (numbness climbing over days); its advice
    # fits the time of the newest episode it rests on (JournalFlags.anchored).
    flags = result.journal
    top = episode_level(flags) or Level.SEE_DOCTOR
    newest = next((e for e in reversed(episodes) if e.id in result.anchored), None)
    said = f"{advice(top, newest, now=moment)} {NOT_COUNTED}"
    lines = _section("PATTERNS ACROSS THE JOURNAL", said)
    for flag in flags:
        lines += _wrap(f"{pattern_name(flag.rule)}:", indent="  ")
        lines += _flag_lines(flag)
    return [*lines, ""]


def _section(title: str, said: str) -> list[str]:
    return [title, "=" * len(title), *([*_wrap(said), ""] if said else [])]


def _episode_block(episode: Episode, flags: list[Flag]) -> list[str]:
    started = episode.started_at.strftime("%Y-%m-%d %H:%M")
    minutes = episode.duration_minutes
    lasted = "still going" if minutes is None else f"lasted {words.duration(minutes)}"
    lines = [f"Episode {episode.id}, {started}, {lasted}"]
    for flag in most_serious_first(flags):
        if flag_level(flag) is not Level.CONDITION:  # said once, under the conditions
            lines += _flag_lines(flag)
    return [*lines, ""]


def _flag_lines(flag: Flag) -> list[str]:
    words = LEVEL_WORDS[flag_level(flag)]
    head = f"{words.mark} {flag.rule} ({words.title.lower()}): {flag.reason}"
    where = "the article" if flag.source is Source.ARTICLE else "public medical guidance"
    quote = f"Criterion from {where}: \u201c{flag.criterion}\u201d"
    return [
        *_wrap(head, indent="  ", hang="     "),
        *_wrap(quote, indent="     ", hang="     "),
    ]


@lru_cache(maxsize=2048)
def _wrapped(text: str, indent: str, hang: str) -> tuple[str, ...]:
    return tuple(textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=hang))


def _wrap(text: str, *, indent: str = "", hang: str = "") -> list[str]:
    """Wrapped lines; criteria repeat on every flag, so each is wrapped only once."""
    return list(_wrapped(text, indent, hang or indent))


def _count(n: int) -> str:
    return words.count(n, "episode")


def _period(first: date | None, last: date | None) -> str:
    if first and last:
        return f" from {first.isoformat()} to {last.isoformat()}"
    if first:
        return f" from {first.isoformat()}"
    if last:
        return f" up to {last.isoformat()}"
    return ""
