"""Every word a person reads about the data, in one place.

The format's values are short identifiers ("left_foot_top", "cold_pale_leg");
the window, the command line, the charts and the doctor summary all show them
through this module, so one value reads the same wherever it appears. Each
value has one *name* (capitalised, for lists, menus and tables) and, where a
sentence needs it, one *phrase* (lower case, fitted into "... was logged").

A new location, symptom, condition or tier is one edit in ``core/model.py``
plus its words here; ``tests/core/test_words.py`` fails until every value has
them. No Qt, no I/O: plain tables and small functions.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

# Re-exported: callers write words.count(...), words.duration(...).
from .amounts import count as count
from .amounts import duration as duration
from .amounts import elapsed as elapsed
from .amounts import join_words as join_words
from .model import (
    Condition,
    ConditionEntry,
    Context,
    Helped,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Symptom,
    TreatmentKind,
)

# Re-exported: the names of places on the body.
from .place_words import LEG_PART_NAMES as LEG_PART_NAMES
from .place_words import OTHER_LOCATION_NAMES as OTHER_LOCATION_NAMES
from .place_words import SHORT_OTHER_LOCATION_NAMES as SHORT_OTHER_LOCATION_NAMES
from .place_words import SIDE_NAMES as SIDE_NAMES
from .place_words import location_name as location_name
from .place_words import location_phrase as location_phrase
from .place_words import short_location_name as short_location_name
from .place_words import where_grouped as where_grouped

# --- What was felt and done -------------------------------------------------

SENSATION_NAMES: dict[Sensation, str] = {
    Sensation.NUMBNESS: "Numbness",
    Sensation.TINGLING: "Pins and needles (tingling)",
    Sensation.BURNING: "Burning",
    Sensation.LOSS_OF_SENSATION: "Loss of feeling",
}

ONSET_NAMES: dict[Onset, str] = {
    Onset.SUDDEN: "Suddenly",
    Onset.GRADUAL: "Gradually",
    Onset.UNKNOWN: "Not sure",
}
ONSET_PHRASES: dict[Onset, str] = {
    Onset.SUDDEN: "sudden onset",
    Onset.GRADUAL: "gradual onset",
    Onset.UNKNOWN: "onset not recorded",
}

CONTEXT_NAMES: dict[Context, str] = {
    Context.SITTING: "Sitting",
    Context.LEGS_CROSSED: "Sitting with legs crossed",
    Context.STANDING: "Standing",
    Context.WALKING: "Walking",
    Context.LYING_DOWN: "Lying down",
    Context.EXERCISE: "Exercising",
    Context.OTHER: "Something else",
    Context.UNKNOWN: "Not sure",
}

POSITION_NAMES: dict[PositionChange, str] = {
    PositionChange.IMPROVED: "It helped",
    PositionChange.NOT_IMPROVED: "It did not help",
    PositionChange.NOT_TRIED: "Did not try",
}
POSITION_PHRASES: dict[PositionChange, str] = {
    PositionChange.IMPROVED: "moving helped",
    PositionChange.NOT_IMPROVED: "moving did not help",
    PositionChange.NOT_TRIED: "moving not tried",
}

# --- Symptoms and conditions ------------------------------------------------

SYMPTOM_NAMES: dict[Symptom, str] = {
    Symptom.WEAKNESS: "Weakness",
    Symptom.PARALYSIS: "Could not move it (paralysis)",
    Symptom.PAIN: "Pain",
    Symptom.SHARP_OR_SEVERE_PAIN: "Sharp or severe pain",
    Symptom.BURNING: "Burning",
    Symptom.CRAMPING: "Cramping",
    Symptom.FACIAL_DROOPING: "Face drooping on one side",
    Symptom.DIFFICULTY_SPEAKING: "Difficulty speaking",
    Symptom.CONFUSION: "Confusion",
    Symptom.VISION_PROBLEMS: "Vision problems",
    Symptom.COORDINATION_PROBLEMS: "Clumsiness or poor coordination",
    Symptom.FATIGUE: "Unusual tiredness (fatigue)",
    Symptom.SWELLING_OR_BRUISING: "Swelling or bruising",
    Symptom.DIFFICULTY_MOVING_LEG: "Difficulty moving the leg",
    Symptom.LOSS_OF_BALANCE: "Loss of balance",
    Symptom.BLADDER_OR_BOWEL_CHANGES: "Bladder or bowel changes",
    Symptom.SPREADING_UPWARD: "Numbness spreading upward",
    Symptom.BREATHING_OR_SWALLOWING_DIFFICULTY: "Difficulty breathing or swallowing",
    Symptom.FAINTING: "Fainting or passing out",
    Symptom.COLD_PALE_LEG: "Leg cold, pale or bluish",
    Symptom.SEVERE_HEADACHE: "Sudden severe headache",
    Symptom.SEVERE_PAIN: "Severe pain",
    Symptom.BACK_PAIN: "Back pain",
    Symptom.FOOT_WOUND_OR_SKIN_CHANGE: "Wound, blister or skin change on the foot",
    Symptom.CHEST_PAIN_OR_BREATHLESSNESS: "Chest pain or breathlessness",
    Symptom.FEVER: "Fever (high temperature)",
}
# In a sentence ("... was logged"): the clinical word a flag's reason quotes.
SYMPTOM_PHRASES: dict[Symptom, str] = {
    Symptom.WEAKNESS: "weakness",
    Symptom.PARALYSIS: "paralysis",
    Symptom.PAIN: "pain",
    Symptom.SHARP_OR_SEVERE_PAIN: "sharp or severe pain",
    Symptom.BURNING: "burning",
    Symptom.CRAMPING: "cramping",
    Symptom.FACIAL_DROOPING: "facial drooping",
    Symptom.DIFFICULTY_SPEAKING: "difficulty speaking",
    Symptom.CONFUSION: "confusion",
    Symptom.VISION_PROBLEMS: "vision problems",
    Symptom.COORDINATION_PROBLEMS: "coordination problems",
    Symptom.FATIGUE: "fatigue",
    Symptom.SWELLING_OR_BRUISING: "swelling or bruising",
    Symptom.DIFFICULTY_MOVING_LEG: "difficulty moving the leg",
    Symptom.LOSS_OF_BALANCE: "loss of balance",
    Symptom.BLADDER_OR_BOWEL_CHANGES: "bladder or bowel changes",
    Symptom.SPREADING_UPWARD: "numbness spreading upward",
    Symptom.BREATHING_OR_SWALLOWING_DIFFICULTY: "difficulty breathing or swallowing",
    Symptom.FAINTING: "fainting",
    Symptom.COLD_PALE_LEG: "a cold, pale leg",
    Symptom.SEVERE_HEADACHE: "a severe headache",
    Symptom.SEVERE_PAIN: "severe pain",
    Symptom.BACK_PAIN: "back pain",
    Symptom.FOOT_WOUND_OR_SKIN_CHANGE: "a foot wound or skin change",
    Symptom.CHEST_PAIN_OR_BREATHLESSNESS: "chest pain or breathlessness",
    Symptom.FEVER: "a fever",
}
# Phrases that take "were" even alone ("vision problems were logged").
PLURAL_SYMPTOMS = frozenset(
    {Symptom.BLADDER_OR_BOWEL_CHANGES, Symptom.VISION_PROBLEMS, Symptom.COORDINATION_PROBLEMS}
)
SYMPTOM_HINTS: dict[Symptom, str] = {
    Symptom.BLADDER_OR_BOWEL_CHANGES: "Cannot hold urine or stool, or cannot go",
    Symptom.SPREADING_UPWARD: "The numbness moved up the legs or body",
    Symptom.COLD_PALE_LEG: "The leg turned cold, pale or bluish",
    Symptom.PARALYSIS: "Could not move the affected part at all",
}

CONDITION_NAMES: dict[Condition, str] = {
    Condition.DIABETES: "Diabetes",
    Condition.MULTIPLE_SCLEROSIS: "Multiple sclerosis (MS)",
    Condition.RECENT_INJURY: "Recent injury",
    Condition.HERNIATED_DISC: "Herniated disc",
    Condition.SPINAL_STENOSIS: "Spinal stenosis",
    Condition.SCIATICA: "Sciatica",
    Condition.PERIPHERAL_NEUROPATHY: "Peripheral neuropathy",
    Condition.HYPOTHYROIDISM: "Hypothyroidism",
    Condition.FIBROMYALGIA: "Fibromyalgia",
    Condition.LYME_DISEASE: "Lyme disease",
    Condition.AUTOIMMUNE_CONDITION: "Autoimmune condition",
    Condition.ALCOHOL_USE: "Alcohol use",
    Condition.VITAMIN_DEFICIENCY: "Vitamin deficiency",
    Condition.OTHER: "Other condition",
    Condition.CHEMOTHERAPY: "Chemotherapy",
    Condition.PREGNANCY: "Pregnancy",
    Condition.KIDNEY_DISEASE: "Kidney disease",
    Condition.PERIPHERAL_ARTERIAL_DISEASE: "Peripheral arterial disease (PAD)",
    Condition.ATRIAL_FIBRILLATION: "Atrial fibrillation (AF)",
}
# Names that keep their capital in a sentence (a person's name, an abbreviation).
_PROPER = ("Lyme", "MS", "Guillain")


def condition_phrase(entry: ConditionEntry) -> str:
    """A profile condition in a flag's reason; "other" by its note, quoted."""
    if entry.condition is not Condition.OTHER:
        return phrase(entry.condition)
    note = " ".join(entry.note.split())
    return f"another condition, \u201c{note}\u201d," if note else "another condition (no note)"


def injury_phrase(entry: ConditionEntry, day: date) -> str:
    """ "a recent injury in your profile (twisted knee) on 2026-11-01, 3 days before"."""
    note = f" ({entry.note.strip()})" if entry.note.strip() else ""
    if entry.since is None:
        return f"a recent injury in your profile{note}, no date given"
    days = (day - entry.since).days
    when = "the same day" if days == 0 else f"{count(days, 'day')} before"
    return f"a recent injury in your profile{note} on {entry.since.isoformat()}, {when}"


NOT_RECORDED = "not recorded"

# --- The warning every first look carries ------------------------------------------

STROKE_WARNING = (
    "If numbness comes with facial drooping, difficulty speaking, confusion or sudden "
    "weakness, call your local emergency number now, even if the symptoms have passed."
)

# --- Rules --------------------------------------------------------------------
# A flag's tier words (colour, icon, name) are in ``core/flag_levels.py`` and the
# advice for each tier in ``core/triage/advice.py``: each has its one place there.

RULE_NAMES: dict[str, str] = {
    "stroke_signs_befast": "stroke signs (BE-FAST)",
    "guillain_barre": "Guillain-Barré warning signs",
    "acute_limb_ischaemia": "acute limb ischaemia",
    "cauda_equina": "cauda equina warning signs",
}


def rule_name(rule: str) -> str:
    """A rule's id as a person reads it ("stroke signs (BE-FAST)", "recurring")."""
    return RULE_NAMES.get(rule, rule.replace("_", " "))


# --- The editor's questions -------------------------------------------------------

FIELD_NAMES: dict[str, str] = {
    "started_at": "When it started",
    "duration_minutes": "How long it lasted",
    "locations": "Where on the body",
    "sensation": "How it felt",
    "severity": "How bad",
    "onset": "How it began",
    "context": "What you were doing",
    "position_change": "Did changing position help",
    "symptoms": "Also noticed",
    "notes": "Notes",
    "name": "Name",
    "date_of_birth": "Date of birth",
    "condition": "Condition",
    "since": "Since",
    "note": "Note",
    "kind": "Kind",
    "dose": "Dose or detail",
    "started": "Started",
    "stopped": "Stopped",
    "relief": "Took something for it",
}


# What Save says is missing in the editor: the answers a new entry starts without,
# so nothing is saved that the person did not choose.
MISSING_ANSWERS: dict[str, str] = {
    "severity": "choose how bad it was: click a number from 0 to 10 or type it",
    "duration_minutes": "say how long it lasted (hours and minutes), or tick “Still going”",
}


def field_name(field: str) -> str:
    return FIELD_NAMES.get(field, field.replace("_", " ").capitalize())


# --- What was tried ----------------------------------------------------------------

TREATMENT_KIND_NAMES: dict[TreatmentKind, str] = {
    TreatmentKind.MEDICATION: "Medication",
    TreatmentKind.SUPPLEMENT: "Supplement",
    TreatmentKind.THERAPY: "Therapy",
    TreatmentKind.LIFESTYLE: "Lifestyle change",
    TreatmentKind.PROCEDURE: "Procedure",
    TreatmentKind.OTHER: "Other",
}
HELPED_NAMES: dict[Helped, str] = {
    Helped.YES: "Helped",
    Helped.A_LITTLE: "Helped a little",
    Helped.NO: "Did not help",
}
RELIEF_QUESTION = FIELD_NAMES["relief"]
# Before/after figures say what came after a start, never what a treatment did.
NOT_CAUSE = (
    "These are the episodes logged before and after each start, not proof of what a "
    "treatment did: other things change too."
)


# --- Any value ------------------------------------------------------------------

NAMES: Mapping[type[StrEnum], Mapping[Any, str]] = {
    Sensation: SENSATION_NAMES,
    Onset: ONSET_NAMES,
    Context: CONTEXT_NAMES,
    PositionChange: POSITION_NAMES,
    Symptom: SYMPTOM_NAMES,
    Condition: CONDITION_NAMES,
    TreatmentKind: TREATMENT_KIND_NAMES,
    Helped: HELPED_NAMES,
}


def name(value: StrEnum) -> str:
    """The one name of any vocabulary value, as lists and tables show it."""
    if isinstance(value, Location):
        return location_name(value)
    return NAMES[type(value)][value]


def phrase(value: StrEnum) -> str:
    """The value inside a sentence: "a cold, pale leg", "the face", "Lyme disease"."""
    if isinstance(value, Symptom):
        return SYMPTOM_PHRASES[value]
    if isinstance(value, Location):
        return location_phrase(value)
    if isinstance(value, Onset):
        return ONSET_PHRASES[value]
    if isinstance(value, PositionChange):
        return POSITION_PHRASES[value]
    return in_sentence(name(value))


def in_sentence(text: str) -> str:
    """A name lower-cased for the middle of a sentence, proper names kept."""
    if text.startswith(_PROPER):
        return text
    return text[:1].lower() + text[1:]


# --- Sentences -------------------------------------------------------------------


def were_logged(symptoms: Iterable[Symptom], *, also: Iterable[str] = ()) -> str:
    """Say what was logged: "weakness was logged", "pain and confusion were logged".

    ``also`` puts other logged things (a location, say) first in the same sentence.
    """
    return _logged(tuple(symptoms), tuple(also))


@functools.lru_cache(maxsize=4096)
def _logged(symptoms: tuple[Symptom, ...], also: tuple[str, ...]) -> str:
    items = [*also, *(SYMPTOM_PHRASES[s] for s in symptoms)]
    single = len(items) == 1 and not (symptoms and symptoms[0] in PLURAL_SYMPTOMS)
    return f"{join_words(items)} {'was' if single else 'were'} logged"
