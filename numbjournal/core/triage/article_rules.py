"""The six criteria of the article's "When to Seek Medical Help" section.

Each criterion is the article's sentence, character for character; the
match functions decide when what was logged meets it. Where the article is
vague (how long is "persistent"?) the threshold is a setting.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import (
    LEFT_LEG,
    OTHER_LOCATIONS,
    RIGHT_LEG,
    Condition,
    ConditionEntry,
    Episode,
    Onset,
    PositionChange,
    Symptom,
)
from ..words import count, duration, join_words, phrase, were_logged
from .flags import Source, Tier
from .rule import Rule, Situation
from .settings import TriageSettings

ARTICLE = "the article"

PERSISTENT = "Numbness is persistent or doesn\u2019t improve after changing positions."
WEAKNESS = "Numbness is accompanied by weakness or paralysis in the legs."
PAIN = "There is pain, especially sharp or severe pain, along with numbness."
STROKE = (
    "Numbness is associated with other signs of a stroke, such as facial drooping, "
    "difficulty speaking, or confusion."
)
KNOWN_CONDITION = (
    "You have a known medical condition (e.g., diabetes, MS, or a recent injury) "
    "that could be causing the numbness."
)
SUDDEN_WIDESPREAD = "You experience sudden numbness in both legs and other parts of the body."

_WEAKNESS_SYMPTOMS = (Symptom.WEAKNESS, Symptom.PARALYSIS)
_STROKE_SYMPTOMS = (Symptom.FACIAL_DROOPING, Symptom.DIFFICULTY_SPEAKING, Symptom.CONFUSION)

# Every profile condition the article names as a possible cause of leg numbness;
# "other" is not one of them, and a recent injury is only recent for a while.
CAUSE_CONDITIONS = frozenset(Condition) - {Condition.OTHER, Condition.RECENT_INJURY}


def persistent(s: Situation) -> str | None:
    threshold = s.settings.persistent_minutes
    parts = []
    minutes = s.episode.duration_minutes
    if minutes is not None and minutes >= threshold:
        parts.append(
            f"lasted {duration(minutes)} ({duration(threshold)} or more counts as persistent)"
        )
    elif minutes is None:
        elapsed = int((s.now - s.episode.started_at).total_seconds() // 60)
        if elapsed >= threshold:
            parts.append(f"still going after {duration(elapsed)}")
    if s.episode.position_change is PositionChange.NOT_IMPROVED:
        parts.append("did not improve after changing position")
    return " and ".join(parts) or None


def weakness_or_paralysis(s: Situation) -> str | None:
    found = [sym for sym in _WEAKNESS_SYMPTOMS if sym in s.symptoms]
    return were_logged(found) if found else None


def pain(s: Situation) -> str | None:
    if Symptom.SHARP_OR_SEVERE_PAIN in s.symptoms:
        return "sharp or severe pain was logged"
    if Symptom.PAIN in s.symptoms:
        return "pain was logged"
    return None


def stroke_signs(s: Situation) -> str | None:
    found = [sym for sym in _STROKE_SYMPTOMS if sym in s.symptoms]
    return were_logged(found) if found else None


def known_condition(s: Situation) -> str | None:
    if plainly_positional(s.episode, s.settings):
        return None
    reasons = []
    for entry in s.conditions:
        if entry.condition in CAUSE_CONDITIONS and (entry.since is None or entry.since <= s.day):
            since = f" since {entry.since.isoformat()}" if entry.since else ""
            reasons.append(f"{phrase(entry.condition)} in your profile{since}")
        elif entry.condition is Condition.RECENT_INJURY and _injury_is_recent(entry, s):
            reasons.append(_injury_words(entry, s.day))
    return "; ".join(dict.fromkeys(reasons)) or None


def plainly_positional(episode: Episode, settings: TriageSettings) -> bool:
    """Short, eased by moving and nothing else logged: the article's poor-circulation numbness.

    The article says such numbness "typically goes away once you change
    positions", so a condition is not what "could be causing" it, and it is
    not numbness that "keeps coming back" for the journal patterns either.
    """
    minutes = episode.duration_minutes
    return (
        episode.position_change is PositionChange.IMPROVED
        and minutes is not None
        and minutes < settings.persistent_minutes
        and not episode.symptoms
    )


def _injury_is_recent(entry: ConditionEntry, s: Situation) -> bool:
    window = timedelta(weeks=s.settings.recent_injury_weeks)
    if entry.since is None:
        # Undated: recent as of today, so it covers the last window up to now.
        return s.day >= (s.now - window).date()
    return entry.since <= s.day <= entry.since + window


def _injury_words(entry: ConditionEntry, day: date) -> str:
    note = f" ({entry.note.strip()})" if entry.note.strip() else ""
    if entry.since is None:
        return f"a recent injury in your profile{note}, no date given"
    days = (day - entry.since).days
    when = "the same day" if days == 0 else f"{count(days, 'day')} before"
    return f"a recent injury in your profile{note} on {entry.since.isoformat()}, {when}"


def sudden_widespread(s: Situation) -> str | None:
    episode = s.episode
    if episode.onset is not Onset.SUDDEN:
        return None
    locations = episode.locations
    if LEFT_LEG.isdisjoint(locations) or RIGHT_LEG.isdisjoint(locations):
        return None
    others = [loc for loc in locations if loc in OTHER_LOCATIONS]
    if not others:
        return None
    return "sudden onset in " + join_words(["both legs", *(phrase(o) for o in others)])


ARTICLE_RULES: tuple[Rule[Situation], ...] = (
    Rule("persistent", Tier.SEE_DOCTOR, Source.ARTICLE, ARTICLE, PERSISTENT, persistent),
    Rule(
        "weakness_or_paralysis",
        Tier.SEE_DOCTOR,
        Source.ARTICLE,
        ARTICLE,
        WEAKNESS,
        weakness_or_paralysis,
    ),
    Rule("pain", Tier.SEE_DOCTOR, Source.ARTICLE, ARTICLE, PAIN, pain),
    Rule("stroke_signs", Tier.EMERGENCY, Source.ARTICLE, ARTICLE, STROKE, stroke_signs),
    Rule(
        "known_condition",
        Tier.SEE_DOCTOR,
        Source.ARTICLE,
        ARTICLE,
        KNOWN_CONDITION,
        known_condition,
    ),
    Rule(
        "sudden_widespread",
        Tier.SEE_DOCTOR,
        Source.ARTICLE,
        ARTICLE,
        SUDDEN_WIDESPREAD,
        sudden_widespread,
    ),
)
