"""Red flags from public medical guidance that the article does not list.

Emergencies (``emergency_rules``) and urgent signs (``urgent_rules``) always
run; the see-a-doctor signs here are the only guidance a setting
(``guidance_rules``) can switch off. Every criterion names its source.
"""

from __future__ import annotations

from functools import partial

from ..model import Onset, Symptom
from ..words import were_logged
from .emergency_rules import EMERGENCY_RULES
from .flags import Tier
from .places import both_feet_and_hands
from .rule import Rule, Situation, guidance_rule
from .urgent_rules import URGENT_RULES

S = Symptom

UNSTEADINESS = (
    "Unsteadiness (NHS inform, Peripheral neuropathy: see your GP if you experience the "
    "early symptoms, among them \u201closs of balance or weakness\u201d)."
)
COLD_PALE_LEG = (
    "A cold, pale leg on its own (Diabetes UK lists \u201ccold or hot feet\u201d among serious "
    "foot problems; RCEM Learning counts pallor among the 6 Ps of a blocked blood supply)."
)
FOOT_WOUND = (
    "A foot wound or skin change (NHS inform, Peripheral neuropathy: see your GP about "
    "\u201ca cut or ulcer on your foot that isn't getting better\u201d)."
)
HANDS_AND_FEET = (
    "Numbness or tingling in both feet and both hands (NHS inform, Peripheral neuropathy: "
    "\u201csee your GP if you experience the early symptoms\u201d, such as \u201cpain, tingling or "
    "loss of sensation in the feet\u201d); with weakness it is a Guillain-Barr\u00e9 warning sign."
)


def unsteadiness(s: Situation) -> str | None:
    if S.LOSS_OF_BALANCE not in s.symptoms or s.episode.onset is Onset.SUDDEN:
        return None
    return "loss of balance was logged, not with a sudden onset"


def cold_pale_leg(s: Situation) -> str | None:
    return were_logged([S.COLD_PALE_LEG]) if S.COLD_PALE_LEG in s.symptoms else None


def foot_wound(s: Situation) -> str | None:
    # With diabetes ``diabetic_foot`` (urgent) is shown as well; both stay.
    if S.FOOT_WOUND_OR_SKIN_CHANGE not in s.symptoms:
        return None
    return were_logged([S.FOOT_WOUND_OR_SKIN_CHANGE])


def hands_and_feet(s: Situation) -> str | None:
    # With weakness ``guillain_barre`` (emergency) is shown as well; both stay.
    if not both_feet_and_hands(s.episode.locations):
        return None
    return "numbness of both feet and both hands was logged"


_rule = partial(guidance_rule, Tier.SEE_DOCTOR)


SEE_DOCTOR_GUIDANCE: tuple[Rule[Situation], ...] = (
    _rule("unsteadiness", "NHS inform", UNSTEADINESS, unsteadiness, (S.LOSS_OF_BALANCE,)),
    _rule("cold_pale_leg", "Diabetes UK", COLD_PALE_LEG, cold_pale_leg, (S.COLD_PALE_LEG,)),
    _rule(
        "foot_wound",
        "NHS inform",
        FOOT_WOUND,
        foot_wound,
        (S.FOOT_WOUND_OR_SKIN_CHANGE,),
    ),
    _rule("hands_and_feet", "NHS inform", HANDS_AND_FEET, hands_and_feet),
)

GUIDANCE_RULES: tuple[Rule[Situation], ...] = EMERGENCY_RULES + URGENT_RULES + SEE_DOCTOR_GUIDANCE
