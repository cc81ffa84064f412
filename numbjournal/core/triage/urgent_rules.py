"""Urgent signs from public medical guidance: contact a doctor or urgent care today.

Between an emergency and "see a doctor": a possible clot in the leg, a foot
problem in diabetes, new vision or coordination problems that came on
gradually, a relapse of MS, a child's tingling that pressure does not
explain, back pain with a fever. None of these can be switched off.
"""

from __future__ import annotations

from functools import partial

from ..model import Condition, Context, Onset, Symptom
from ..words import duration, phrase, were_logged
from .flags import Tier
from .places import CALVES
from .rule import Rule, Situation, guidance_rule, plainly_positional

S = Symptom
LIMB_PAINS = (S.PAIN, S.SHARP_OR_SEVERE_PAIN, S.SEVERE_PAIN)
RELAPSE_MINUTES = 24 * 60
"""An MS relapse is new or worse symptoms lasting at least a day."""

POSSIBLE_CLOT = (
    "A possible blood clot in the leg, deep vein thrombosis (NHS, DVT: \u201cask for an "
    "urgent GP appointment or get help from NHS 111\u201d): pain in the calf together with "
    "swelling."
)
DIABETIC_FOOT = (
    "A foot problem with diabetes (Diabetes UK, serious foot problems: \u201cchanges in the "
    "colour and shape of your feet; blisters and cuts that you can see but don't feel; "
    "\u2026 cold or hot feet \u2026 contact your GP or foot protection team immediately\u201d): a "
    "foot wound or skin change, or a cold, pale leg, with diabetes in the profile."
)
GRADUAL_SIGNS = (
    "New problems with vision or coordination that did not come on suddenly (Cleveland "
    "Clinic, Numbness: when to call the doctor: \u201cContact your doctor if numbness: \u2026 "
    "Causes loss of strength or muscle control over time.\u201d); a first attack of multiple "
    "sclerosis or another nerve condition needs assessment without delay."
)
MS_RELAPSE = (
    "New or worse symptoms in multiple sclerosis (Saskatchewan Health Authority, MS pathway: "
    "\u201cPatients experiencing an acute relapse should be assessed by a health care provider "
    "in a timely manner.\u201d): with MS in the profile, an episode lasting a day or more."
)
CHILD_TINGLING = (
    "A child's tingling that pressure does not explain (NICE NG127, as summarised by "
    "GPnotebook: \u201crefer children with isolated tingling \u2026 if the symptoms are episodic "
    "and are not associated with compression of a nerve\u201d; \u201cdo not routinely refer "
    "\u2026 triggered by activities known to cause nerve compression, such as carrying a heavy "
    "backpack or sitting with crossed legs\u201d): under 16 years old."
)
BACK_PAIN_FEVER = (
    "Back pain with a fever (NHS, Back pain: \u201cAsk for an urgent GP practice appointment "
    "or call 111 if: You have back pain and \u2026 a high temperature\u201d)."
)


def possible_clot(s: Situation) -> str | None:
    if S.SWELLING_OR_BRUISING not in s.symptoms or CALVES.isdisjoint(s.episode.locations):
        return None
    pains = [sym for sym in LIMB_PAINS if sym in s.symptoms]
    if not pains:
        return None
    return were_logged([*pains, S.SWELLING_OR_BRUISING], also=["numbness of the calf"])


def diabetic_foot(s: Situation) -> str | None:
    if not s.has(Condition.DIABETES):
        return None
    found = [sym for sym in (S.FOOT_WOUND_OR_SKIN_CHANGE, S.COLD_PALE_LEG) if sym in s.symptoms]
    return were_logged(found) + " with diabetes in your profile" if found else None


def gradual_vision_or_coordination(s: Situation) -> str | None:
    if s.episode.onset is Onset.SUDDEN:
        return None  # a stroke warning instead
    found = [sym for sym in (S.VISION_PROBLEMS, S.COORDINATION_PROBLEMS) if sym in s.symptoms]
    return were_logged(found) + ", not with a sudden onset" if found else None


def ms_relapse(s: Situation) -> str | None:
    if not s.has(Condition.MULTIPLE_SCLEROSIS) or s.lasted < RELAPSE_MINUTES:
        return None
    so_far = " so far" if s.episode.duration_minutes is None else ""
    return (
        f"{phrase(Condition.MULTIPLE_SCLEROSIS)} in your profile and an episode "
        f"lasting {duration(s.lasted)}{so_far}"
    )


def child_tingling(s: Situation) -> str | None:
    if not s.child:
        return None
    if s.episode.context is Context.LEGS_CROSSED or plainly_positional(s.episode, s.settings):
        return None  # explained by pressure: NICE says do not routinely refer
    return f"{s.episode.sensation.replace('_', ' ')} by someone under 16, not from pressure"


def back_pain_fever(s: Situation) -> str | None:
    if S.BACK_PAIN in s.symptoms and S.FEVER in s.symptoms:
        return were_logged([S.BACK_PAIN, S.FEVER])
    return None


_rule = partial(guidance_rule, Tier.URGENT)


URGENT_RULES: tuple[Rule[Situation], ...] = (
    _rule("possible_clot", "NHS", POSSIBLE_CLOT, possible_clot, LIMB_PAINS),
    _rule(
        "diabetic_foot",
        "Diabetes UK",
        DIABETIC_FOOT,
        diabetic_foot,
        (S.FOOT_WOUND_OR_SKIN_CHANGE, S.COLD_PALE_LEG),
    ),
    _rule(
        "gradual_vision_or_coordination",
        "Cleveland Clinic",
        GRADUAL_SIGNS,
        gradual_vision_or_coordination,
        (S.VISION_PROBLEMS, S.COORDINATION_PROBLEMS),
    ),
    _rule("ms_relapse", "Saskatchewan Health Authority", MS_RELAPSE, ms_relapse),
    _rule("child_tingling", "NICE NG127", CHILD_TINGLING, child_tingling),
    _rule("back_pain_fever", "NHS", BACK_PAIN_FEVER, back_pain_fever, (S.BACK_PAIN,)),
)
