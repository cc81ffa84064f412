"""The six criteria of the article's "When to Seek Medical Help" section.

Each criterion is the article's sentence, character for character; the
match functions decide when what was logged meets it. Where the article is
vague (how long is "persistent"?) the threshold is a setting.
"""

from __future__ import annotations

from datetime import timedelta

from ..model import (
    LEFT_LEG,
    OTHER_LOCATIONS,
    RIGHT_LEG,
    Condition,
    ConditionEntry,
    Onset,
    PositionChange,
    Symptom,
)
from ..words import condition_phrase, duration, injury_phrase, join_words, phrase, were_logged
from .flags import Source, Tier
from .rule import Rule, Situation

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

# A person with foot drop says "I can't lift my foot", not "weakness".
_WEAKNESS_SYMPTOMS = (Symptom.WEAKNESS, Symptom.PARALYSIS, Symptom.DIFFICULTY_MOVING_LEG)
_STROKE_SYMPTOMS = (Symptom.FACIAL_DROOPING, Symptom.DIFFICULTY_SPEAKING, Symptom.CONFUSION)
_PAIN_SYMPTOMS = (
    Symptom.PAIN,
    Symptom.SHARP_OR_SEVERE_PAIN,
    Symptom.SEVERE_PAIN,
    Symptom.BACK_PAIN,
)

# The article's examples are "diabetes, MS, or a recent injury"; every profile
# condition counts (a recent injury only for a while), "other" with its note.
CAUSE_CONDITIONS = frozenset(Condition) - {Condition.RECENT_INJURY}


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
    if not found:
        return None
    if found == [Symptom.DIFFICULTY_MOVING_LEG]:
        return (
            "difficulty moving the leg was logged "
            "(counted as weakness: not being able to lift or move it is weakness)"
        )
    return were_logged(found)


def pain(s: Situation) -> str | None:
    if Symptom.SEVERE_PAIN in s.symptoms:
        return "severe pain was logged"
    if Symptom.SHARP_OR_SEVERE_PAIN in s.symptoms:
        return "sharp or severe pain was logged"
    if Symptom.PAIN in s.symptoms:
        return "pain was logged"
    if Symptom.BACK_PAIN in s.symptoms:
        return "back pain was logged"
    return None


def stroke_signs(s: Situation) -> str | None:
    found = [sym for sym in _STROKE_SYMPTOMS if sym in s.symptoms]
    return were_logged(found) if found else None


def known_condition(s: Situation) -> str | None:
    """The criterion is about the person: it applies to every episode while a condition does.

    Positional numbness is no exception: numbness that changes with position is
    what sciatica and spinal stenosis do, and a diabetic foot that went numb
    is the danger itself. Screens may show this flag quietly, never drop it.
    The answer depends only on the day, so it is worked out once per day.
    """
    if not s.conditions:
        return None
    key = ("known_condition", s.day)
    if key not in s.memo:
        s.memo[key] = _known_condition(s)
    found = s.memo[key]
    return found if isinstance(found, str) else None


def _known_condition(s: Situation) -> str | None:
    reasons = []
    for entry in s.conditions:
        if entry.condition in CAUSE_CONDITIONS and (entry.since is None or entry.since <= s.day):
            since = f" since {entry.since.isoformat()}" if entry.since else ""
            reasons.append(f"{condition_phrase(entry)} in your profile{since}")
        elif entry.condition is Condition.RECENT_INJURY and _injury_is_recent(entry, s):
            reasons.append(injury_phrase(entry, s.day))
    return "; ".join(dict.fromkeys(reasons)) or None


def _injury_is_recent(entry: ConditionEntry, s: Situation) -> bool:
    window = timedelta(weeks=s.settings.recent_injury_weeks)
    if entry.since is None:
        # Undated: recent as of today, so it covers the last window up to now.
        return s.day >= (s.now - window).date()
    return entry.since <= s.day <= entry.since + window


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
        needs=frozenset(_WEAKNESS_SYMPTOMS),
    ),
    Rule(
        "pain",
        Tier.SEE_DOCTOR,
        Source.ARTICLE,
        ARTICLE,
        PAIN,
        pain,
        needs=frozenset(_PAIN_SYMPTOMS),
    ),
    Rule(
        "stroke_signs",
        Tier.EMERGENCY,
        Source.ARTICLE,
        ARTICLE,
        STROKE,
        stroke_signs,
        needs=frozenset(_STROKE_SYMPTOMS),
    ),
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
