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
    Source,
    Tier,
    TriageSettings,
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


ARTICLE_TEXT = (
    Path(__file__).resolve().parents[3] / "tests" / "core" / "triage" / "data" / "article.txt"
)


def _rows(docs: str) -> dict[str, list[str]]:
    """The docs' rule rows by rule id: every cell of each table row naming a rule."""
    rows = {}
    for line in docs.splitlines():
        if line.startswith("| `") and not line.startswith("| `triage."):
            cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
            rows[cells[0].strip("`")] = cells
    return rows


def test_the_docs_rule_table_equals_the_code():
    rules = (*EPISODE_RULES, *JOURNAL_RULES)
    rows = _rows(DOCS.read_text(encoding="utf-8"))
    assert set(rows) == {rule.id for rule in rules}
    for rule in rules:
        _id, tier, source, criterion, trigger, guards = rows[rule.id]
        assert (tier, source, criterion) == (str(rule.tier), str(rule.source), rule.criterion)
        assert trigger and guards, rule.id


def test_every_criterion_names_its_source():
    article = ARTICLE_TEXT.read_text(encoding="utf-8")
    for rule in (*EPISODE_RULES, *JOURNAL_RULES):
        if rule.source is Source.ARTICLE:
            # The article's own sentence, word for word: its source is the article.
            assert rule.criterion.replace("\u2019", "'") in article.replace("\u2019", "'")
            assert rule.source_name == "the article"
        else:
            assert rule.source_name in rule.criterion, rule.id
            # A quotation is in curly quotes and names the page before it.
            assert rule.criterion.count("\u201c") == rule.criterion.count("\u201d"), rule.id


def test_no_setting_can_switch_off_an_emergency_or_urgent_rule():
    from numbjournal.core.triage.engine import switched_on

    off = TriageSettings(guidance_rules=False)
    for rule in (*EPISODE_RULES, *JOURNAL_RULES):
        if rule.tier is not Tier.SEE_DOCTOR:
            assert switched_on(rule, off), rule.id
