"""What flags say: the advice a person acts on, and a documented rule table."""

from __future__ import annotations

from pathlib import Path

import pytest

from numbjournal.core.triage import (
    EMERGENCY_ADVICE,
    EPISODE_RULES,
    JOURNAL_RULES,
    NOT_A_DIAGNOSIS,
    SEE_DOCTOR_ADVICE,
    SETTINGS,
)
from numbjournal.core.words import duration

DOCS = Path(__file__).resolve().parents[3] / "docs" / "flags.md"
REASSURING = ("nothing to worry", "harmless", "no need", "don't worry", "not serious", "normal")


def test_emergency_advice_says_call_now_even_if_symptoms_passed():
    text = EMERGENCY_ADVICE.lower()
    assert "seek immediate medical attention" in text
    assert "call your local emergency number now" in text
    assert "even if the symptoms have passed" in text


def test_see_doctor_advice_and_the_diagnosis_note():
    assert "arrange to see a healthcare provider" in SEE_DOCTOR_ADVICE.lower()
    assert "not a diagnosis" in NOT_A_DIAGNOSIS


@pytest.mark.parametrize(
    "text",
    [
        EMERGENCY_ADVICE,
        SEE_DOCTOR_ADVICE,
        NOT_A_DIAGNOSIS,
        *(r.criterion for r in (*EPISODE_RULES, *JOURNAL_RULES)),
    ],
)
def test_no_text_reassures(text):
    assert not [word for word in REASSURING if word in text.lower()]


def test_the_docs_carry_every_rule_criterion_and_setting():
    docs = DOCS.read_text(encoding="utf-8")
    for rule in (*EPISODE_RULES, *JOURNAL_RULES):
        assert f"| `{rule.id}` | {rule.tier} | {rule.source} | {rule.criterion} |" in docs
    for spec in SETTINGS:
        assert f"| `{spec.key}` | {spec.show(spec.default)} |" in docs


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (0, "0 min"),
        (59, "59 min"),
        (60, "1 h"),
        (250, "4 h 10 min"),
        (1440, "1 day"),
        (3000, "2 days 2 h"),
        (43_200, "30 days"),
    ],
)
def test_durations_read_as_people_say_them(minutes, words):
    assert duration(minutes) == words
