"""The editor's wording for each choice of the format, in the person's words.

The format's values are short identifiers ("legs_crossed"); a person
logging an episode reads "Sitting with legs crossed". Kept apart from the
widgets so the wording can be read and reviewed in one place.
"""

from __future__ import annotations

from ...core.model import Context, Onset, PositionChange, Sensation, Symptom

SENSATION_WORDS: dict[Sensation, str] = {
    Sensation.NUMBNESS: "Numbness",
    Sensation.TINGLING: "Pins and needles (tingling)",
    Sensation.BURNING: "Burning",
    Sensation.LOSS_OF_SENSATION: "Loss of feeling",
}

ONSET_WORDS: dict[Onset, str] = {
    Onset.SUDDEN: "Suddenly",
    Onset.GRADUAL: "Gradually",
    Onset.UNKNOWN: "Not sure",
}

CONTEXT_WORDS: dict[Context, str] = {
    Context.SITTING: "Sitting",
    Context.LEGS_CROSSED: "Sitting with legs crossed",
    Context.STANDING: "Standing",
    Context.WALKING: "Walking",
    Context.LYING_DOWN: "Lying down",
    Context.EXERCISE: "Exercising",
    Context.OTHER: "Something else",
    Context.UNKNOWN: "Not sure",
}

POSITION_WORDS: dict[PositionChange, str] = {
    PositionChange.IMPROVED: "It helped",
    PositionChange.NOT_IMPROVED: "It did not help",
    PositionChange.NOT_TRIED: "Did not try",
}

SYMPTOM_WORDS: dict[Symptom, str] = {
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
}

FIELD_NAMES: dict[str, str] = {
    "started_at": "When",
    "duration_minutes": "How long it lasted",
    "locations": "Where on the body",
    "sensation": "How it felt",
    "severity": "How bad",
    "onset": "How it began",
    "context": "What you were doing",
    "position_change": "Did changing position help",
    "symptoms": "Also noticed",
    "notes": "Notes",
}

SYMPTOM_HINTS: dict[Symptom, str] = {
    Symptom.BLADDER_OR_BOWEL_CHANGES: "Cannot hold urine or stool, or cannot go",
    Symptom.SPREADING_UPWARD: "The numbness moved up the legs or body",
    Symptom.COLD_PALE_LEG: "The leg turned cold, pale or bluish",
    Symptom.PARALYSIS: "Could not move the affected part at all",
}

# What Save says is missing: the fields that start empty so nothing is saved unchosen.
MISSING_WORDS: dict[str, str] = {
    "severity": "choose how bad it was: click a number from 0 to 10 or type it",
    "duration_minutes": "say how long it lasted (hours and minutes), or tick “Still going”",
}
