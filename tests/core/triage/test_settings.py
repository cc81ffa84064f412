"""Flag settings: stored with the journal, validated, defaults not stored."""

from __future__ import annotations

import pytest

from numbjournal.core.errors import ValidationError
from numbjournal.core.triage import (
    SETTINGS,
    TriageSettings,
    load_settings,
    save_settings,
    spec_for,
    validate_settings,
)


def test_a_new_journal_has_the_defaults(journal):
    assert load_settings(journal) == TriageSettings()
    assert TriageSettings().persistent_minutes == 30
    assert TriageSettings().recent_injury_weeks == 12
    assert TriageSettings().guidance_rules is True


def test_saved_settings_come_back_and_only_changes_are_stored(journal):
    changed = TriageSettings(persistent_minutes=45, guidance_rules=False)
    save_settings(journal, changed)
    assert load_settings(journal) == changed
    assert journal.settings("triage.") == {
        "triage.persistent_minutes": 45,
        "triage.guidance_rules": False,
    }
    save_settings(journal, TriageSettings())
    assert journal.settings("triage.") == {}


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (TriageSettings(persistent_minutes=0), "triage.persistent_minutes: must be from 5 to 60"),
        (TriageSettings(recent_injury_weeks=-3), "triage.recent_injury_weeks: must be from 4"),
        (TriageSettings(guidance_rules=1), "triage.guidance_rules: must be on or off"),  # type: ignore[arg-type]
        (TriageSettings(recurring_days=True), "triage.recurring_days: must be a whole number"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_stored(journal, settings, message):
    with pytest.raises(ValidationError, match=message):
        save_settings(journal, settings)
    assert journal.settings("triage.") == {}


def test_one_bad_value_among_good_ones_stores_none_of_them(journal):
    with pytest.raises(ValidationError):
        save_settings(journal, TriageSettings(persistent_minutes=60, trend_weeks=0))
    assert load_settings(journal) == TriageSettings()


def test_a_stored_value_that_is_no_longer_valid_falls_back_to_its_default(journal):
    journal.set_setting("triage.persistent_minutes", "soon")
    journal.set_setting("triage.recent_injury_weeks", 8)
    assert load_settings(journal) == TriageSettings(recent_injury_weeks=8)


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("persistent_minutes", " 45 ", 45),
        ("triage.persistent_minutes", "60", 60),
        ("guidance_rules", "OFF", False),
        ("guidance_rules", "yes", True),
    ],
)
def test_typed_values_are_parsed(key, text, value):
    assert spec_for(key).parse(text) == value


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("persistent_minutes", "half an hour", "must be a whole number from 5 to 60"),
        ("persistent_minutes", "61", "must be from 5 to 60, not 61"),
        ("guidance_rules", "maybe", "must be on or off, not 'maybe'"),
        ("persistent_minutez", "3", "is not a setting; known settings: persistent_minutes"),
    ],
)
def test_typed_mistakes_name_the_setting_and_the_rule(key, text, message):
    with pytest.raises(ValidationError) as caught:
        spec_for(key).parse(text)
    assert key.removeprefix("triage.") in str(caught.value)
    assert message in str(caught.value)


def test_every_setting_has_a_description_and_a_valid_default():
    assert validate_settings(TriageSettings()) == []
    assert {spec.name for spec in SETTINGS} == set(TriageSettings.__dataclass_fields__)
    for spec in SETTINGS:
        assert spec.key.startswith("triage.")
        assert len(spec.description) > 20


def test_descriptions_shown_in_the_window_use_words_not_setting_names():
    names = {spec.name for spec in SETTINGS}
    for spec in SETTINGS:
        assert not [name for name in names if name in spec.description], spec.description
