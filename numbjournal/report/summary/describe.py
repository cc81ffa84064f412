"""The summary's words for logged values: short, unambiguous, the same in every table.

Dates are ISO (2026-11-20) because the reader may be anywhere, and times are
the local time the person recorded the episode in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ...core import words
from ...core.flag_levels import LEVEL_WORDS, Level, flag_level
from ...core.model import Context, Episode, Onset, Symptom
from ...core.patterns import WEEKDAYS
from ...core.triage import Flag, Source
from ...core.words import count, location_name, rule_name, short_location_name

# The summary's word for each level: capitals for the two that mean "act now".
LEVEL_TEXT = {
    Level.EMERGENCY: "EMERGENCY",
    Level.URGENT: "URGENT (today)",
    Level.SEE_DOCTOR: LEVEL_WORDS[Level.SEE_DOCTOR].name,
    Level.CONDITION: LEVEL_WORDS[Level.CONDITION].name,
}
ARTICLE_TITLE = "What Causes Numbness in the Legs?"

__all__ = ["count", "rule_name"]  # the summary's modules take these from here


def day(value: date) -> str:
    return value.isoformat()


def when(started: datetime) -> str:
    """ "2026-11-20 08:15 (Fri)" in the time the person recorded it.

    Not strftime: its day name follows the computer's language (the window
    sets the locale), while the summary is in English; and the log calls
    this for every episode.
    """
    return (
        f"{started.year:04d}-{started.month:02d}-{started.day:02d} "
        f"{started.hour:02d}:{started.minute:02d} ({WEEKDAYS[started.weekday()]})"
    )


def lasted(episode: Episode) -> str:
    return words.duration(episode.duration_minutes, ongoing="ongoing")


def where(episode: Episode, *, short: bool = False) -> str:
    name = short_location_name if short else location_name
    text = ", ".join(name(loc) for loc in episode.locations)
    return text if short else text[:1] + text[1:].lower()


def symptom_name(symptom: Symptom) -> str:
    return words.phrase(symptom)


def with_symptoms(episode: Episode) -> str:
    return ", ".join(words.phrase(s) for s in episode.symptoms)


def doing(context: Context) -> str:
    return words.NOT_RECORDED if context is Context.UNKNOWN else words.phrase(context)


def felt(episode: Episode, *, short: bool = False) -> str:
    text = words.phrase(episode.sensation)
    if episode.onset is not Onset.UNKNOWN:
        onset = words.phrase(episode.onset)
        text += f", {onset.removesuffix(' onset')}" if short else f", {onset}"
    return text


def moved(episode: Episode) -> str:
    """ "helped", "did not help", "not tried": the appendix's position column."""
    return words.phrase(episode.position_change).removeprefix("moving ")


def logged(episode: Episode, *, note_limit: int = 300) -> str:
    """Everything the person logged about one episode, in one readable line."""
    parts = [
        f"lasted {lasted(episode)}",
        f"severity {episode.severity}/10",
        felt(episode),
        where(episode),
        f"doing: {doing(episode.context)}",
        words.phrase(episode.position_change),
    ]
    if episode.symptoms:
        parts.append(f"with {with_symptoms(episode)}")
    text = "; ".join(parts)
    note = " ".join(episode.notes.split())
    if note:
        if len(note) > note_limit:
            note = note[: note_limit - 1].rstrip() + "…"
        text += f". Note: “{note}”"
    return text


def source_of(flag: Flag) -> str:
    """Where a criterion comes from: the article, or the guidance named in the rule table."""
    if flag.source is Source.ARTICLE:
        return "the article"
    from ...core.triage import GUIDANCE_RULES, JOURNAL_RULES

    names: dict[str, str] = {rule.id: rule.source_name for rule in GUIDANCE_RULES}
    names.update((rule.id, rule.source_name) for rule in JOURNAL_RULES)
    return f"guidance: {names[flag.rule]}" if flag.rule in names else "public medical guidance"


def flag_text(flag: Flag, *, quote: bool = False) -> str:
    """ "EMERGENCY, stroke signs (the article): facial drooping was logged"."""
    tier = LEVEL_TEXT[flag_level(flag)]
    text = f"{tier}, {rule_name(flag.rule)} ({source_of(flag)}): {flag.reason.rstrip('.')}."
    if quote:
        text += f" Criterion: “{flag.criterion}”"
    return text


def flag_names(flags: Iterable[Flag]) -> str:
    """A compact list for the appendix: "EMERGENCY stroke signs; pain"."""
    names = []
    for flag in flags:
        name = rule_name(flag.rule)
        level = flag_level(flag)
        names.append(f"{LEVEL_TEXT[level].split()[0]} {name}" if level in _LOUD else name)
    return "; ".join(names)


_LOUD = (Level.EMERGENCY, Level.URGENT)


def event_lines(episode: Episode, flags: Iterable[Flag]) -> tuple[str, str]:
    """Page 1's two lines for an emergency or urgent event: when, then what was logged and why.

    "EMERGENCY · 2026-11-12 07:00 (Thu)" and "Where: face, left thigh front. Felt:
    numbness, sudden onset. With: ... Lasted 25 min. Matched: stroke signs."
    """
    shown = list(flags)
    level = flag_level(shown[0]) if shown else Level.CONDITION
    why = "; ".join(dict.fromkeys(rule_name(f.rule) for f in shown))
    head = f"{LEVEL_TEXT[level]} · {when(episode.started_at)}"
    began = "onset not recorded" if episode.onset is Onset.UNKNOWN else words.phrase(episode.onset)
    parts = [
        f"Where: {where(episode)}.",
        f"Felt: {words.phrase(episode.sensation)}, {began}.",
    ]
    if episode.symptoms:
        parts.append(f"With: {words.join_words(words.phrase(s) for s in episode.symptoms)}.")
    if episode.duration_minutes is None:
        parts.append("Still going when last saved.")
    else:
        parts.append(f"Lasted {lasted(episode)}.")
    parts.append(f"Matched: {why}.")
    return head, " ".join(parts)
