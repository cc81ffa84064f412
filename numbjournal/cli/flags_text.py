"""``numbjournal flags`` as a report a person reads: emergencies first, advice spelled out."""

from __future__ import annotations

import textwrap
from datetime import date
from functools import lru_cache

from ..core import words
from ..core.model import Episode
from ..core.triage import (
    EMERGENCY_ADVICE,
    NOT_A_DIAGNOSIS,
    SEE_DOCTOR_ADVICE,
    Flag,
    JournalFlags,
    Source,
    Tier,
)

WIDTH = 88
NOT_COUNTED = (
    "Short episodes that eased after changing position, with nothing else logged, "
    "are not counted in these patterns."
)
_TIER_WORDS = {Tier.EMERGENCY: "EMERGENCY", Tier.SEE_DOCTOR: "see a healthcare provider"}


def flags_report(
    episodes: list[Episode],
    result: JournalFlags,
    *,
    first: date | None = None,
    last: date | None = None,
) -> str:
    lines = [f"Medical-help flags{_period(first, last)}", "", *_wrap(NOT_A_DIAGNOSIS), ""]
    if not episodes:
        lines.append(f"No episodes{_period(first, last) or ' in this journal yet'}.")
        return "\n".join(lines) + "\n"

    flagged = [(e, result.episodes.get(e.id or 0, [])) for e in reversed(episodes)]
    urgent = [(e, f) for e, f in flagged if any(x.is_emergency for x in f)]
    other = [(e, f) for e, f in flagged if f and not any(x.is_emergency for x in f)]
    if urgent:
        lines += _section(f"EMERGENCY SIGNS: {_count(len(urgent))}", EMERGENCY_ADVICE)
        for episode, flags in urgent:
            lines += _episode_block(episode, flags)
    if other:
        lines += _section(f"SEE A HEALTHCARE PROVIDER: {_count(len(other))}", SEE_DOCTOR_ADVICE)
        for episode, flags in other:
            lines += _episode_block(episode, flags)
    if result.journal:
        lines += _section("PATTERNS ACROSS THE JOURNAL", f"{SEE_DOCTOR_ADVICE} {NOT_COUNTED}")
        for flag in result.journal:
            lines += _flag_lines(flag)
        lines.append("")

    total = len(episodes)
    count = len(urgent) + len(other)
    if count:
        lines.append(f"{count} of {_count(total)} matched at least one criterion (newest first).")
    else:
        lines += _wrap(
            f"None of the {_count(total)} matched a criterion for seeking medical help. "
            "That does not mean nothing is wrong: if you are worried, or the numbness "
            "changes, see a healthcare provider."
        )
    return "\n".join(lines) + "\n"


def _section(title: str, advice: str) -> list[str]:
    return [title, "=" * len(title), *_wrap(advice), ""]


def _episode_block(episode: Episode, flags: list[Flag]) -> list[str]:
    started = episode.started_at.strftime("%Y-%m-%d %H:%M")
    minutes = episode.duration_minutes
    lasted = "still going" if minutes is None else f"lasted {words.duration(minutes)}"
    lines = [f"Episode {episode.id}, {started}, {lasted}"]
    for flag in flags:
        lines += _flag_lines(flag)
    return [*lines, ""]


def _flag_lines(flag: Flag) -> list[str]:
    mark = "!!" if flag.is_emergency else "- "
    head = f"{mark} {flag.rule} ({_TIER_WORDS[flag.tier]}): {flag.reason}"
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
