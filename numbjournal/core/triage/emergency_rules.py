"""Emergencies from public medical guidance: call the emergency number now.

Each criterion names the page it relies on and quotes it (in curly quotes,
word for word as found; anything not verified is said without quotation
marks). None of these can be switched off by a setting. Where the article
puts the same sign at see-a-doctor, both flags are shown and the emergency
wins, because the guidance is stricter.
"""

from __future__ import annotations

from functools import partial

from ..model import LEFT_LEG, RIGHT_LEG, Context, Location, Onset, PositionChange, Symptom
from ..words import duration, injury_phrase, join_words, phrase, were_logged
from .flags import Tier
from .places import (
    BUTTOCKS,
    CALVES,
    TRUNK_LEVEL,
    any_leg,
    both_feet_and_hands,
    both_legs,
    whole_legs,
)
from .rule import Rule, Situation, guidance_rule, plainly_positional

S = Symptom
WEAKNESS = (S.WEAKNESS, S.PARALYSIS, S.DIFFICULTY_MOVING_LEG)
PAINS = (S.PAIN, S.SHARP_OR_SEVERE_PAIN, S.SEVERE_PAIN, S.BACK_PAIN)
LIMB_PAINS = (S.PAIN, S.SHARP_OR_SEVERE_PAIN, S.SEVERE_PAIN)
NOT_EASING_MINUTES = 10
"""Sudden numbness still there after this long has not eased (issue 11, point 3)."""
INJURY_DAYS = 7
"""Spinal and compartment warnings after an injury count for this many days."""

STROKE_BEFAST = (
    "Stroke warning signs (American Stroke Association, BE-FAST): \u201cSudden numbness or "
    "weakness of the face, arm or leg, especially on one side of the body\u201d; a sudden loss "
    "of balance or coordination, sudden trouble seeing, a sudden severe headache, fainting. "
    "\u201cIf someone shows any of these symptoms, even if the symptoms go away, call 911.\u201d"
)
SUDDEN_WEAKNESS = (
    "Paralysis, or weakness that came on suddenly (Cleveland Clinic, Numbness: when to call "
    "the doctor: \u201cSeek emergency medical attention if numbness is accompanied by: \u2026 "
    "Paralysis; \u2026 Rapid or sudden weakness.\u201d). Difficulty moving the leg counts as "
    "weakness."
)
WEAKNESS_BOTH_LEGS = (
    "Weakness in both legs (NHS 111 Wales, Sciatica: \u201cGo to A&E or call 999 if you: "
    "\u2026 have weakness or numbness in both legs that is severe or getting worse\u201d; NHS "
    "Lothian RefHelp: \u201cSevere or progressive bilateral neurological deficits of the "
    "legs\u201d). Difficulty moving the leg counts as weakness."
)
SPINAL = (
    "Spinal red flags (NHS, Back pain: \u201cCall 999 or go to A&E if you have back pain and: "
    "pain, tingling, weakness or numbness in both legs; numbness or tingling around your "
    "genitals or buttocks\u201d, or if \u201cit started after a serious accident\u201d; NHS 111 "
    "Wales, Sciatica: \u201chave sciatica on both sides\u201d): numbness in both legs with back "
    "pain or with pain, numbness of both buttocks, or numbness in both legs within 7 days of "
    "an injury."
)
SUDDEN_WHOLE_LEG = (
    "Sudden numbness of a whole leg or of both legs that does not ease (Cleveland Clinic, "
    "Numbness: when to call the doctor: \u201cAlso seek emergency care if: Numbness comes on "
    "suddenly; \u2026 affects an entire arm, entire leg, or one entire side of the body\u201d)."
)
NUMBNESS_LEVEL = (
    "Sudden numbness that reaches the trunk or lower back (Cleveland Clinic, Numbness: when "
    "to call the doctor: emergency care if numbness \u201coccurs below a certain level in the "
    "body (for example, below the chest)\u201d, or with \u201cLoss of sensation in face or trunk "
    "of body\u201d)."
)
CAUDA_EQUINA = (
    "Cauda equina syndrome red flags (Royal Free London NHS leaflet: \u201closs of feeling or "
    "pins and needles between your inner thighs or genitals; numbness in or around your "
    "bottom or buttocks; \u2026 increasing difficulty when you try to urinate\u201d): numbness of "
    "the saddle area, or new problems controlling or feeling the bladder or bowel, need "
    "emergency assessment."
)
GUILLAIN_BARRE = (
    "Guillain-Barr\u00e9 syndrome warning signs (Mayo Clinic: \u201cSeek emergency medical help "
    "if you have \u2026 Tingling that started in your feet or toes and is now ascending "
    "through your body; Tingling or weakness that's spreading rapidly; Tingling that involves "
    "both your hands and feet; Difficulty catching your breath\u201d): numbness spreading "
    "upward, difficulty breathing or swallowing, or tingling in both feet and both hands "
    "together with weakness."
)
LIMB_ISCHAEMIA = (
    "Acute limb ischaemia, a blocked blood supply (RCEM Learning, the 6 Ps: \u201cParaesthesia "
    "is present in over 50% of cases. Sensory nerves are smaller than motor nerves and more "
    "sensitive to ischaemia so tend to be affected first.\u201d): a cold, pale leg that came on "
    "suddenly, does not recover, or comes with pain, weakness, paralysis or difficulty moving it."
)
COMPARTMENT = (
    "Compartment syndrome (NHS, Compartment syndrome: \u201cThe symptoms can start suddenly, "
    "such as after an injury \u2026 Call 999 or go to A&E if: you have sudden, severe pain in "
    "any part of your body.\u201d): severe pain, or swelling with pain, within 7 days of an "
    "injury, or severe pain that came on suddenly."
)
CHEST = (
    "Chest pain or breathlessness, which with a painful or swollen leg may be a clot in the "
    "lungs (Gloucestershire Hospitals NHS, DVT leaflet: \u201cIf you have any of these symptoms "
    "you need to seek urgent medical attention. Contact the Emergency Services, telephone 999 "
    "immediately and ask for an ambulance.\u201d; NHS, Back pain: \u201cCall 999 or go to A&E "
    "if you have back pain and: \u2026 chest pain\u201d)."
)
CHILD_WEAKNESS = (
    "A child's numbness or tingling with weakness (NICE NG127, as summarised by GPnotebook: "
    "\u201cbe aware that tingling in children may be the first symptom of an acute "
    "polyneuropathy (Guillain-Barre syndrome)\u2026 If the child has features suggesting motor "
    "impairment, refer urgently\u201d): under 16 years old, with weakness, paralysis or "
    "difficulty moving the leg."
)

_ALWAYS_STROKE = (S.SEVERE_HEADACHE, S.FAINTING)
# Stroke signs only when they came on suddenly (otherwise they are as likely
# to belong to, for example, MS or the usual unsteadiness of neuropathy).
_SUDDEN_STROKE = (S.LOSS_OF_BALANCE, S.VISION_PROBLEMS, S.COORDINATION_PROBLEMS)
_GBS = (S.SPREADING_UPWARD, S.BREATHING_OR_SWALLOWING_DIFFICULTY)
_ONE_SIDE = (
    ("left", {Location.LEFT_ARM: "arm", Location.LEFT_HAND: "hand"}),
    ("right", {Location.RIGHT_ARM: "arm", Location.RIGHT_HAND: "hand"}),
)


def _logged(s: Situation, symptoms: tuple[Symptom, ...]) -> list[Symptom]:
    return [sym for sym in symptoms if sym in s.symptoms]


def does_not_ease(s: Situation) -> bool:
    """Not improved after moving, or still there after 10 minutes."""
    return (
        s.episode.position_change is PositionChange.NOT_IMPROVED or s.lasted >= NOT_EASING_MINUTES
    )


def not_eased_by_moving(s: Situation) -> bool:
    """Moving did not help, or was not tried and it lasted 10 minutes or more."""
    change = s.episode.position_change
    return change is PositionChange.NOT_IMPROVED or (
        change is PositionChange.NOT_TRIED and s.lasted >= NOT_EASING_MINUTES
    )


def _ease_words(s: Situation) -> str:
    if s.episode.position_change is PositionChange.NOT_IMPROVED:
        return "did not improve after changing position"
    if s.episode.duration_minutes is None:
        return f"was still going after {duration(s.lasted)}"
    return f"lasted {duration(s.lasted)}"


def stroke_signs_befast(s: Situation) -> str | None:
    episode = s.episode
    found = _logged(s, _ALWAYS_STROKE)
    sudden = episode.onset is Onset.SUDDEN
    # Waking up with it: the onset is unknown because the person was lying down or asleep.
    woke = episode.onset is Onset.UNKNOWN and episode.context is Context.LYING_DOWN
    places: list[str] = []
    if sudden:
        found += _logged(s, _SUDDEN_STROKE)
    if sudden or woke:
        places = _one_sided_numbness(episode.locations)
    if sudden and not places and any_leg(episode.locations) and not_eased_by_moving(s):
        places = [f"numbness of the leg that {_ease_words(s)}"]
    if not (found or places):
        return None
    when = " with a sudden onset" if sudden else ""
    if woke and places:
        when = " on waking or after lying down, onset unknown"
    return were_logged(found, also=places) + when


def _one_sided_numbness(locations: tuple[Location, ...]) -> list[str]:
    """Numbness of the face, or of an arm or hand with the leg on the same side."""
    places = ["numbness of the face"] if Location.FACE in locations else []
    for (side, arm), leg in zip(_ONE_SIDE, (LEFT_LEG, RIGHT_LEG), strict=True):
        logged = " and ".join(word for place, word in arm.items() if place in locations)
        if logged and not leg.isdisjoint(locations):
            places.append(f"numbness of the {side} {logged} and {side} leg")
    return places


def sudden_weakness(s: Situation) -> str | None:
    if S.PARALYSIS in s.symptoms:
        return were_logged([S.PARALYSIS])
    if s.episode.onset is Onset.SUDDEN:
        found = _logged(s, WEAKNESS)
        if found:
            return were_logged(found) + " with a sudden onset"
    return None


def weakness_both_legs(s: Situation) -> str | None:
    found = _logged(s, WEAKNESS)
    if not found or not both_legs(s.episode.locations):
        return None
    return were_logged(found, also=["numbness in both legs"])


def spinal_red_flags(s: Situation) -> str | None:
    locations = s.episode.locations
    reasons = []
    if both_legs(locations):
        pains = _logged(s, PAINS)
        if pains:
            reasons.append(were_logged(pains, also=["numbness in both legs"]))
        injury = s.injury_within(INJURY_DAYS)
        if injury is not None and not plainly_positional(s.episode, s.settings):
            reasons.append(f"numbness in both legs after {injury_phrase(injury, s.day)}")
    if set(locations) >= BUTTOCKS:
        reasons.append("numbness of both buttocks was logged")
    return "; ".join(reasons) or None


def sudden_whole_leg(s: Situation) -> str | None:
    episode = s.episode
    if episode.onset is not Onset.SUDDEN or not does_not_ease(s):
        return None
    sides = whole_legs(episode.locations)
    if both_legs(episode.locations):
        where = "both legs"
    elif sides:
        where = f"the whole {sides[0]} leg"
    else:
        return None
    return f"sudden numbness of {where} that {_ease_words(s)}"


def numbness_level(s: Situation) -> str | None:
    if s.episode.onset is not Onset.SUDDEN:
        return None
    reached = [loc for loc in s.episode.locations if loc in TRUNK_LEVEL]
    if not reached:
        return None
    return "sudden numbness of " + join_words(phrase(loc) for loc in reached)


def cauda_equina(s: Situation) -> str | None:
    saddle = ["numbness in the saddle area"] if Location.SADDLE in s.episode.locations else []
    changes = _logged(s, (S.BLADDER_OR_BOWEL_CHANGES,))
    return were_logged(changes, also=saddle) if saddle or changes else None


def guillain_barre(s: Situation) -> str | None:
    found = _logged(s, _GBS)
    places = []
    weak = _logged(s, WEAKNESS)
    if weak and both_feet_and_hands(s.episode.locations):
        places = ["numbness of both feet and both hands"]
        found += weak
    return were_logged(found, also=places) if found or places else None


def acute_limb_ischaemia(s: Situation) -> str | None:
    if S.COLD_PALE_LEG not in s.symptoms:
        return None
    companions = _logged(s, (*LIMB_PAINS, *WEAKNESS))
    if companions:
        return were_logged([S.COLD_PALE_LEG, *companions])
    if s.episode.onset is Onset.SUDDEN:
        return were_logged([S.COLD_PALE_LEG]) + " with a sudden onset"
    change = s.episode.position_change
    if change is PositionChange.NOT_IMPROVED or s.lasted >= s.settings.persistent_minutes:
        recover = (
            "did not improve after changing position"
            if change is PositionChange.NOT_IMPROVED
            else f"had not recovered after {s.lasted} min"
        )
        return were_logged([S.COLD_PALE_LEG]) + f"; it {recover}"
    return None


def compartment_syndrome(s: Situation) -> str | None:
    severe = _logged(s, (S.SEVERE_PAIN, S.SHARP_OR_SEVERE_PAIN))
    if S.SEVERE_PAIN in s.symptoms and s.episode.onset is Onset.SUDDEN:
        return were_logged([S.SEVERE_PAIN]) + " with a sudden onset"
    injury = s.injury_within(INJURY_DAYS)
    if injury is None:
        return None
    pains = _logged(s, LIMB_PAINS)
    if not severe and not (pains and S.SWELLING_OR_BRUISING in s.symptoms):
        return None
    found = severe or [*pains, S.SWELLING_OR_BRUISING]
    return were_logged(found) + f" after {injury_phrase(injury, s.day)}"


def chest_pain(s: Situation) -> str | None:
    if S.CHEST_PAIN_OR_BREATHLESSNESS not in s.symptoms:
        return None
    with_it = []
    if not CALVES.isdisjoint(s.episode.locations) and _logged(s, LIMB_PAINS):
        with_it.append("calf pain")
    if S.SWELLING_OR_BRUISING in s.symptoms:
        with_it.append("swelling")
    if S.BACK_PAIN in s.symptoms:
        with_it.append("back pain")
    also = f" with {join_words(with_it)}" if with_it else ""
    return were_logged([S.CHEST_PAIN_OR_BREATHLESSNESS]) + also


def child_weakness(s: Situation) -> str | None:
    if not s.child:
        return None
    found = _logged(s, WEAKNESS)
    return were_logged(found) + " by someone under 16" if found else None


_rule = partial(guidance_rule, Tier.EMERGENCY)


EMERGENCY_RULES: tuple[Rule[Situation], ...] = (
    _rule("stroke_signs_befast", "American Stroke Association", STROKE_BEFAST, stroke_signs_befast),
    _rule("sudden_weakness", "Cleveland Clinic", SUDDEN_WEAKNESS, sudden_weakness, WEAKNESS),
    _rule("weakness_both_legs", "NHS 111 Wales", WEAKNESS_BOTH_LEGS, weakness_both_legs, WEAKNESS),
    _rule("spinal_red_flags", "NHS", SPINAL, spinal_red_flags),
    _rule("sudden_whole_leg", "Cleveland Clinic", SUDDEN_WHOLE_LEG, sudden_whole_leg),
    _rule("numbness_level", "Cleveland Clinic", NUMBNESS_LEVEL, numbness_level),
    _rule("cauda_equina", "Royal Free London NHS", CAUDA_EQUINA, cauda_equina),
    _rule("guillain_barre", "Mayo Clinic", GUILLAIN_BARRE, guillain_barre, (*_GBS, *WEAKNESS)),
    _rule(
        "acute_limb_ischaemia",
        "RCEM Learning",
        LIMB_ISCHAEMIA,
        acute_limb_ischaemia,
        (S.COLD_PALE_LEG,),
    ),
    _rule("compartment_syndrome", "NHS", COMPARTMENT, compartment_syndrome, LIMB_PAINS),
    _rule(
        "chest_pain_or_breathlessness",
        "Gloucestershire Hospitals NHS",
        CHEST,
        chest_pain,
        (S.CHEST_PAIN_OR_BREATHLESSNESS,),
    ),
    _rule("child_weakness", "NICE NG127", CHILD_WEAKNESS, child_weakness, WEAKNESS),
)
