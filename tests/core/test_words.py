"""Every value a person can meet has its words, and each reads the same everywhere.

The enums are discovered, not listed: a symptom, condition, location or any
new vocabulary added to ``core/vocabulary.py`` fails these tests until
``core/words.py`` names it.
"""

from __future__ import annotations

import inspect
from enum import StrEnum

import pytest

from numbjournal.core import model, vocabulary, words
from numbjournal.core.model import Condition, Location, Onset, Symptom

VOCABULARIES = [
    kind
    for _, kind in inspect.getmembers(vocabulary, inspect.isclass)
    if issubclass(kind, StrEnum) and kind.__module__ == vocabulary.__name__
]
VALUES = [member for kind in VOCABULARIES for member in kind]


def test_the_vocabularies_are_found() -> None:
    # If this shrinks, the discovery above broke and the tests below prove nothing.
    assert {Symptom, Condition, Location, Onset} <= set(VOCABULARIES)


@pytest.mark.parametrize("value", VALUES, ids=lambda v: f"{type(v).__name__}.{v.name}")
def test_every_value_has_a_name_and_a_phrase(value: StrEnum) -> None:
    name = words.name(value)
    assert name and name == name.strip()
    assert name[0].isupper(), name
    assert "_" not in name, f"{name!r} is the format's id, not a word"
    phrase = words.phrase(value)
    assert phrase and "_" not in phrase


@pytest.mark.parametrize("kind", VOCABULARIES, ids=lambda k: k.__name__)
def test_no_two_values_share_a_name(kind: type[StrEnum]) -> None:
    names = [words.name(member) for member in kind]
    assert len(set(names)) == len(names), names


@pytest.mark.parametrize(
    "table",
    [
        words.SENSATION_NAMES,
        words.ONSET_NAMES,
        words.ONSET_PHRASES,
        words.CONTEXT_NAMES,
        words.POSITION_NAMES,
        words.POSITION_PHRASES,
        words.SYMPTOM_NAMES,
        words.SYMPTOM_PHRASES,
        words.CONDITION_NAMES,
    ],
)
def test_each_table_covers_its_whole_vocabulary(table: dict[StrEnum, str]) -> None:
    kind = type(next(iter(table)))
    assert set(table) == set(kind), f"missing: {sorted(set(kind) - set(table))}"


def test_every_leg_part_has_a_name() -> None:
    assert set(words.LEG_PART_NAMES) == set(model.LEG_PARTS)
    assert set(words.OTHER_LOCATION_NAMES) == set(model.OTHER_LOCATIONS)


def test_one_location_has_one_name_long_and_short() -> None:
    assert words.location_name(Location.LEFT_FOOT_TOP) == "Left top of foot"
    assert words.location_name("right_thigh_back") == "Right thigh (back)"
    assert words.short_location_name(Location.RIGHT_SOLE) == "R sole of foot"
    assert words.short_location_name(Location.TRUNK) == "Trunk"
    assert words.name(Location.LEFT_FOOT_TOP) == words.location_name(Location.LEFT_FOOT_TOP)
    assert words.phrase(Location.LEFT_FOOT_TOP) == "left top of foot"
    assert words.phrase(Location.FACE) == "the face"
    assert words.phrase(Location.SADDLE) == "the saddle area"


def test_grouped_places_use_the_same_part_names() -> None:
    both_soles = (Location.LEFT_FOOT_TOP, Location.LEFT_SOLE, Location.RIGHT_SOLE, Location.FACE)
    assert words.where_grouped(both_soles) == "Left: top of foot; Both: sole of foot; Face"


def test_names_in_a_sentence_keep_proper_nouns() -> None:
    assert words.phrase(Condition.LYME_DISEASE) == "Lyme disease"
    assert words.phrase(Condition.DIABETES) == "diabetes"
    assert words.phrase(Symptom.COLD_PALE_LEG) == "a cold, pale leg"


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (None, "still going"),
        (0, "0 min"),
        (59, "59 min"),
        (59.6, "1 h"),
        (60, "1 h"),
        (250, "4 h 10 min"),
        (1440, "1 day"),
        (3000, "2 days 2 h"),
        (43_200, "30 days"),
    ],
)
def test_durations_read_as_people_say_them(minutes: float | None, text: str) -> None:
    assert words.duration(minutes) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 episodes"), (1, "1 episode"), (2, "2 episodes"), (12_345, "12,345 episodes")],
)
def test_counts_agree_with_their_number(n: int, text: str) -> None:
    assert words.count(n, "episode") == text


def test_irregular_plurals() -> None:
    assert words.count(3, "person", "people") == "3 people"


def test_were_logged_agrees_with_what_was_logged() -> None:
    assert words.were_logged([Symptom.WEAKNESS]) == "weakness was logged"
    assert words.were_logged([Symptom.VISION_PROBLEMS]) == "vision problems were logged"
    assert words.were_logged([Symptom.PAIN, Symptom.CONFUSION]) == "pain and confusion were logged"


def test_the_stroke_warning_says_call_now_even_if_it_passed() -> None:
    text = words.STROKE_WARNING
    assert "call your local emergency number now" in text
    assert "even if the symptoms have passed" in text
