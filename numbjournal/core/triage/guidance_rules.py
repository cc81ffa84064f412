"""Red flags from public medical guidance that the article does not list.

Each criterion names where it comes from; they can be switched off with the
``guidance_rules`` setting. All are emergencies: each describes a condition
where waiting costs nerve, brain or limb.
"""

from __future__ import annotations

from ..model import LEFT_LEG, RIGHT_LEG, Location, Onset, Symptom
from ..words import were_logged
from .flags import Source, Tier
from .rule import Rule, Situation

STROKE_BEFAST = (
    "BE-FAST stroke warning signs beyond those the article names (American Stroke "
    "Association; NHS): sudden loss of balance or coordination, sudden trouble seeing, "
    "a sudden severe headache with no known cause, fainting (loss of consciousness), or "
    "sudden numbness of the face, or of an arm and a leg on the same side of the body. "
    "Call emergency services even if the signs go away."
)
CAUDA_EQUINA = (
    "Cauda equina syndrome red flags (NHS): numbness around the genitals, buttocks or "
    "inner thighs (the saddle area), or new problems controlling or feeling the bladder "
    "or bowel, need emergency assessment."
)
GUILLAIN_BARRE = (
    "Guillain-Barr\u00e9 syndrome warning signs (NINDS): tingling, numbness or weakness "
    "that starts in the legs and spreads upward, or any difficulty breathing or "
    "swallowing, need immediate medical care."
)
LIMB_ISCHAEMIA = (
    "Acute limb ischaemia (NHS / NICE): a leg that becomes cold and pale, together with "
    "pain or with weakness, paralysis or difficulty moving it, is an emergency because "
    "the blood supply to the leg may be blocked."
)

_ALWAYS_STROKE = (Symptom.LOSS_OF_BALANCE, Symptom.SEVERE_HEADACHE, Symptom.FAINTING)
# Article symptoms that are stroke signs only when they came on suddenly
# (otherwise they are as likely to belong to, for example, MS).
_SUDDEN_STROKE = (Symptom.VISION_PROBLEMS, Symptom.COORDINATION_PROBLEMS)
_GBS = (Symptom.SPREADING_UPWARD, Symptom.BREATHING_OR_SWALLOWING_DIFFICULTY)
_ISCHAEMIA_COMPANIONS = (
    Symptom.PAIN,
    Symptom.SHARP_OR_SEVERE_PAIN,
    Symptom.WEAKNESS,
    Symptom.PARALYSIS,
    Symptom.DIFFICULTY_MOVING_LEG,
)


_ONE_SIDE = (
    ("left", {Location.LEFT_ARM: "arm", Location.LEFT_HAND: "hand"}, LEFT_LEG),
    ("right", {Location.RIGHT_ARM: "arm", Location.RIGHT_HAND: "hand"}, RIGHT_LEG),
)


def stroke_signs_befast(s: Situation) -> str | None:
    found = [sym for sym in _ALWAYS_STROKE if sym in s.symptoms]
    sudden = s.episode.onset is Onset.SUDDEN
    places = []
    if sudden:
        found += [sym for sym in _SUDDEN_STROKE if sym in s.symptoms]
        places = _one_sided_numbness(s.episode.locations)
    if not (found or places):
        return None
    return were_logged(found, also=places) + (" with a sudden onset" if sudden else "")


def _one_sided_numbness(locations: tuple[Location, ...]) -> list[str]:
    """Numbness of the face, or of an arm or hand with the leg on the same side."""
    places = ["numbness of the face"] if Location.FACE in locations else []
    for side, arm, leg in _ONE_SIDE:
        logged = " and ".join(word for place, word in arm.items() if place in locations)
        if logged and not leg.isdisjoint(locations):
            places.append(f"numbness of the {side} {logged} and {side} leg")
    return places


def cauda_equina(s: Situation) -> str | None:
    saddle = ["numbness in the saddle area"] if Location.SADDLE in s.episode.locations else []
    changes = [sym for sym in (Symptom.BLADDER_OR_BOWEL_CHANGES,) if sym in s.symptoms]
    return were_logged(changes, also=saddle) if saddle or changes else None


def guillain_barre(s: Situation) -> str | None:
    found = [sym for sym in _GBS if sym in s.symptoms]
    return were_logged(found) if found else None


def acute_limb_ischaemia(s: Situation) -> str | None:
    if Symptom.COLD_PALE_LEG not in s.symptoms:
        return None
    companions = [sym for sym in _ISCHAEMIA_COMPANIONS if sym in s.symptoms]
    if not companions:
        return None
    return were_logged([Symptom.COLD_PALE_LEG, *companions])


GUIDANCE_RULES: tuple[Rule[Situation], ...] = (
    Rule(
        "stroke_signs_befast",
        Tier.EMERGENCY,
        Source.GUIDANCE,
        "American Stroke Association; NHS",
        STROKE_BEFAST,
        stroke_signs_befast,
    ),
    Rule("cauda_equina", Tier.EMERGENCY, Source.GUIDANCE, "NHS", CAUDA_EQUINA, cauda_equina),
    Rule(
        "guillain_barre",
        Tier.EMERGENCY,
        Source.GUIDANCE,
        "NINDS",
        GUILLAIN_BARRE,
        guillain_barre,
    ),
    Rule(
        "acute_limb_ischaemia",
        Tier.EMERGENCY,
        Source.GUIDANCE,
        "NHS / NICE",
        LIMB_ISCHAEMIA,
        acute_limb_ischaemia,
    ),
)
