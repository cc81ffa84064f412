"""The format's vocabularies: every identifier an episode or a profile may hold.

These are the ids the journal file, the JSON/CSV formats and the body map's
SVG use ("left_foot_top", "cold_pale_leg"). What a person reads for each is
in ``core/words.py``; what makes an episode valid is in ``core/model.py``,
which re-exports everything here.
"""

from __future__ import annotations

from enum import StrEnum


class Sensation(StrEnum):
    NUMBNESS = "numbness"
    TINGLING = "tingling"
    BURNING = "burning"
    LOSS_OF_SENSATION = "loss_of_sensation"


class Onset(StrEnum):
    SUDDEN = "sudden"
    GRADUAL = "gradual"
    UNKNOWN = "unknown"


class Context(StrEnum):
    SITTING = "sitting"
    LEGS_CROSSED = "legs_crossed"
    STANDING = "standing"
    WALKING = "walking"
    LYING_DOWN = "lying_down"
    EXERCISE = "exercise"
    OTHER = "other"
    UNKNOWN = "unknown"


class PositionChange(StrEnum):
    IMPROVED = "improved"
    NOT_IMPROVED = "not_improved"
    NOT_TRIED = "not_tried"


LEG_PARTS = (
    "buttock",
    "hip",
    "thigh_front",
    "thigh_back",
    "knee",
    "shin",
    "calf",
    "ankle",
    "foot_top",
    "sole",
    "toes",
)


class Location(StrEnum):
    LEFT_BUTTOCK = "left_buttock"
    LEFT_HIP = "left_hip"
    LEFT_THIGH_FRONT = "left_thigh_front"
    LEFT_THIGH_BACK = "left_thigh_back"
    LEFT_KNEE = "left_knee"
    LEFT_SHIN = "left_shin"
    LEFT_CALF = "left_calf"
    LEFT_ANKLE = "left_ankle"
    LEFT_FOOT_TOP = "left_foot_top"
    LEFT_SOLE = "left_sole"
    LEFT_TOES = "left_toes"
    RIGHT_BUTTOCK = "right_buttock"
    RIGHT_HIP = "right_hip"
    RIGHT_THIGH_FRONT = "right_thigh_front"
    RIGHT_THIGH_BACK = "right_thigh_back"
    RIGHT_KNEE = "right_knee"
    RIGHT_SHIN = "right_shin"
    RIGHT_CALF = "right_calf"
    RIGHT_ANKLE = "right_ankle"
    RIGHT_FOOT_TOP = "right_foot_top"
    RIGHT_SOLE = "right_sole"
    RIGHT_TOES = "right_toes"
    FACE = "face"
    LEFT_ARM = "left_arm"
    RIGHT_ARM = "right_arm"
    LEFT_HAND = "left_hand"
    RIGHT_HAND = "right_hand"
    TRUNK = "trunk"
    LOWER_BACK = "lower_back"
    SADDLE = "saddle"

    @property
    def is_left_leg(self) -> bool:
        return self in LEFT_LEG

    @property
    def is_right_leg(self) -> bool:
        return self in RIGHT_LEG

    @property
    def is_leg(self) -> bool:
        return self in LEG_LOCATIONS


LEFT_LEG = frozenset(Location(f"left_{part}") for part in LEG_PARTS)
RIGHT_LEG = frozenset(Location(f"right_{part}") for part in LEG_PARTS)
LEG_LOCATIONS = LEFT_LEG | RIGHT_LEG
OTHER_LOCATIONS = frozenset(loc for loc in Location if loc not in LEG_LOCATIONS)


class Symptom(StrEnum):
    # Named in the article.
    WEAKNESS = "weakness"
    PARALYSIS = "paralysis"
    PAIN = "pain"
    SHARP_OR_SEVERE_PAIN = "sharp_or_severe_pain"
    BURNING = "burning"
    CRAMPING = "cramping"
    FACIAL_DROOPING = "facial_drooping"
    DIFFICULTY_SPEAKING = "difficulty_speaking"
    CONFUSION = "confusion"
    VISION_PROBLEMS = "vision_problems"
    COORDINATION_PROBLEMS = "coordination_problems"
    FATIGUE = "fatigue"
    SWELLING_OR_BRUISING = "swelling_or_bruising"
    DIFFICULTY_MOVING_LEG = "difficulty_moving_leg"
    # Red flags from other public medical guidance.
    LOSS_OF_BALANCE = "loss_of_balance"
    BLADDER_OR_BOWEL_CHANGES = "bladder_or_bowel_changes"
    SPREADING_UPWARD = "spreading_upward"
    BREATHING_OR_SWALLOWING_DIFFICULTY = "breathing_or_swallowing_difficulty"
    FAINTING = "fainting"
    COLD_PALE_LEG = "cold_pale_leg"
    SEVERE_HEADACHE = "severe_headache"
    # Added in format version 2 (journal-format.md section 1b).
    SEVERE_PAIN = "severe_pain"
    BACK_PAIN = "back_pain"
    FOOT_WOUND_OR_SKIN_CHANGE = "foot_wound_or_skin_change"
    CHEST_PAIN_OR_BREATHLESSNESS = "chest_pain_or_breathlessness"
    FEVER = "fever"


ARTICLE_SYMPTOMS: tuple[Symptom, ...] = tuple(Symptom)[:14]
GUIDANCE_SYMPTOMS: tuple[Symptom, ...] = tuple(Symptom)[14:]


class Condition(StrEnum):
    DIABETES = "diabetes"
    MULTIPLE_SCLEROSIS = "multiple_sclerosis"
    RECENT_INJURY = "recent_injury"
    HERNIATED_DISC = "herniated_disc"
    SPINAL_STENOSIS = "spinal_stenosis"
    SCIATICA = "sciatica"
    PERIPHERAL_NEUROPATHY = "peripheral_neuropathy"
    HYPOTHYROIDISM = "hypothyroidism"
    FIBROMYALGIA = "fibromyalgia"
    LYME_DISEASE = "lyme_disease"
    AUTOIMMUNE_CONDITION = "autoimmune_condition"
    ALCOHOL_USE = "alcohol_use"
    VITAMIN_DEFICIENCY = "vitamin_deficiency"
    OTHER = "other"
    # Added in format version 2 (journal-format.md section 1b).
    CHEMOTHERAPY = "chemotherapy"
    PREGNANCY = "pregnancy"
    KIDNEY_DISEASE = "kidney_disease"
    PERIPHERAL_ARTERIAL_DISEASE = "peripheral_arterial_disease"
    ATRIAL_FIBRILLATION = "atrial_fibrillation"


class TreatmentKind(StrEnum):
    MEDICATION = "medication"
    SUPPLEMENT = "supplement"
    THERAPY = "therapy"
    LIFESTYLE = "lifestyle"
    PROCEDURE = "procedure"
    OTHER = "other"


class Helped(StrEnum):
    """The answer to "did it help?" for one episode's relief."""

    YES = "yes"
    A_LITTLE = "a_little"
    NO = "no"
