"""Where on the body: the groupings the rules ask about (both legs, a whole leg, hands and feet).

Kept apart from the rules so each rule reads as its criterion, and so the
groupings are tested once.
"""

from __future__ import annotations

from collections.abc import Collection

from ..model import LEFT_LEG, RIGHT_LEG, Location

L = Location

# A leg from top to bottom, in three bands: numbness in all three is "a whole leg".
_UPPER = ("buttock", "hip", "thigh_front", "thigh_back")
_MIDDLE = ("knee", "shin", "calf")
_LOWER = ("ankle", "foot_top", "sole", "toes")
SIDES = ("left", "right")


def _band(side: str, parts: tuple[str, ...]) -> frozenset[Location]:
    return frozenset(Location(f"{side}_{part}") for part in parts)


_BANDS = {side: (_band(side, _UPPER), _band(side, _MIDDLE), _band(side, _LOWER)) for side in SIDES}
FEET = {side: _band(side, ("foot_top", "sole", "toes")) for side in SIDES}
HANDS = {"left": frozenset({L.LEFT_HAND}), "right": frozenset({L.RIGHT_HAND})}
CALVES = frozenset({L.LEFT_CALF, L.RIGHT_CALF})
BUTTOCKS = frozenset({L.LEFT_BUTTOCK, L.RIGHT_BUTTOCK})
TRUNK_LEVEL = frozenset({L.TRUNK, L.LOWER_BACK})

# How far up numbness reached in both legs, for numbness that climbs over days
# (Guillain-Barre rises on both sides; sciatica runs down one leg):
# 1 toes, soles or the tops of both feet; 2 ankles, shins, calves or knees of
# both legs; 3 thighs, hips or buttocks of both; 4 the trunk, the lower back or
# both hands or arms.
_LEG_BANDS = {
    **dict.fromkeys(
        _band("left", ("toes", "sole", "foot_top")) | _band("right", ("toes", "sole", "foot_top")),
        1,
    ),
    **dict.fromkeys(
        _band("left", ("ankle", "shin", "calf", "knee"))
        | _band("right", ("ankle", "shin", "calf", "knee")),
        2,
    ),
    **dict.fromkeys(_band("left", _UPPER) | _band("right", _UPPER), 3),
}
_UPPER_LIMBS = {
    "left": frozenset({L.LEFT_HAND, L.LEFT_ARM}),
    "right": frozenset({L.RIGHT_HAND, L.RIGHT_ARM}),
}
CLIMB_WORDS = {
    1: "both feet",
    2: "both lower legs",
    3: "both thighs, hips or buttocks",
    4: "the trunk, back or both hands or arms",
}


def both_legs(locations: Collection[Location]) -> bool:
    return not (LEFT_LEG.isdisjoint(locations) or RIGHT_LEG.isdisjoint(locations))


def any_leg(locations: Collection[Location]) -> bool:
    return not (LEFT_LEG.isdisjoint(locations) and RIGHT_LEG.isdisjoint(locations))


def whole_legs(locations: Collection[Location]) -> list[str]:
    """The sides ("left", "right") whose leg is numb from the thigh or hip down to the foot."""
    return [side for side in SIDES if all(not band.isdisjoint(locations) for band in _BANDS[side])]


def both_feet_and_hands(locations: Collection[Location]) -> bool:
    return all(
        not FEET[side].isdisjoint(locations) and not HANDS[side].isdisjoint(locations)
        for side in SIDES
    )


def climb_level(locations: Collection[Location]) -> int:
    """How high (1 to 4) numbness reached on both sides, 0 when it is one-sided or elsewhere."""
    if not TRUNK_LEVEL.isdisjoint(locations) or all(
        not _UPPER_LIMBS[side].isdisjoint(locations) for side in SIDES
    ):
        return 4
    left = max((_LEG_BANDS[loc] for loc in locations if loc in LEFT_LEG), default=0)
    right = max((_LEG_BANDS[loc] for loc in locations if loc in RIGHT_LEG), default=0)
    return min(left, right)
