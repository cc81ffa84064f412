"""Turning logged values into the plain words of a flag's reason."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from ..model import Condition, ConditionEntry, Location, Symptom

_SYMPTOM_WORDS = {
    Symptom.SPREADING_UPWARD: "numbness spreading upward",
    Symptom.BREATHING_OR_SWALLOWING_DIFFICULTY: "difficulty breathing or swallowing",
    Symptom.COLD_PALE_LEG: "a cold, pale leg",
    Symptom.SEVERE_HEADACHE: "a severe headache",
    Symptom.SWELLING_OR_BRUISING: "swelling or bruising",
    Symptom.DIFFICULTY_MOVING_LEG: "difficulty moving the leg",
    Symptom.FOOT_WOUND_OR_SKIN_CHANGE: "a foot wound or skin change",
    Symptom.FEVER: "a fever",
}

_LOCATION_WORDS = {
    Location.SADDLE: "the saddle area",
    Location.FACE: "the face",
    Location.TRUNK: "the trunk",
    Location.LOWER_BACK: "the lower back",
}

_CONDITION_WORDS = {
    Condition.MULTIPLE_SCLEROSIS: "multiple sclerosis (MS)",
    Condition.LYME_DISEASE: "Lyme disease",
    Condition.PERIPHERAL_ARTERIAL_DISEASE: "peripheral arterial disease (PAD)",
    Condition.ATRIAL_FIBRILLATION: "atrial fibrillation (AF)",
}


def symptom_words(symptom: Symptom) -> str:
    return _SYMPTOM_WORDS.get(symptom, str(symptom).replace("_", " "))


def location_words(location: Location) -> str:
    """Name a body part: left_calf is "left calf", left_hand is "the left hand"."""
    words = _LOCATION_WORDS.get(location, str(location).replace("_", " "))
    return words if location.is_leg or words.startswith("the ") else f"the {words}"


def condition_words(condition: Condition) -> str:
    return _CONDITION_WORDS.get(condition, str(condition).replace("_", " "))


def condition_name(entry: ConditionEntry) -> str:
    """How a flag's reason names a profile condition; "other" by its note, quoted."""
    if entry.condition is not Condition.OTHER:
        return condition_words(entry.condition)
    note = " ".join(entry.note.split())
    return f"another condition, \u201c{note}\u201d," if note else "another condition (no note)"


def join_words(words: Iterable[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_PLURAL = frozenset(
    {Symptom.BLADDER_OR_BOWEL_CHANGES, Symptom.VISION_PROBLEMS, Symptom.COORDINATION_PROBLEMS}
)


def were_logged(symptoms: Iterable[Symptom], *, also: Iterable[str] = ()) -> str:
    """Say what was logged: "weakness was logged", "pain and confusion were logged".

    ``also`` puts other logged things (a location, say) first in the same sentence.
    """
    return _logged(tuple(symptoms), tuple(also))


@lru_cache(maxsize=4096)
def _logged(symptoms: tuple[Symptom, ...], also: tuple[str, ...]) -> str:
    words = [*also, *(symptom_words(s) for s in symptoms)]
    single = len(words) == 1 and not (symptoms and symptoms[0] in _PLURAL)
    return f"{join_words(words)} {'was' if single else 'were'} logged"


def duration_words(minutes: int) -> str:
    """45 -> "45 min", 250 -> "4 h 10 min", 3000 -> "2 days 2 h"."""
    if minutes < 60:
        return f"{minutes} min"
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        day_text = "1 day" if days == 1 else f"{days} days"
        return f"{day_text} {hours} h" if hours else day_text
    return f"{hours} h {mins} min" if mins else f"{hours} h"


def injury_words(entry: ConditionEntry, day: date) -> str:
    """ "a recent injury in your profile (twisted knee) on 2026-11-01, 3 days before"."""
    note = f" ({entry.note.strip()})" if entry.note.strip() else ""
    if entry.since is None:
        return f"a recent injury in your profile{note}, no date given"
    days = (day - entry.since).days
    when = "the same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} before"
    return f"a recent injury in your profile{note} on {entry.since.isoformat()}, {when}"
