"""``numbjournal flags``: the JSON contract of journal-format.md and the readable report."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from numbjournal.cli import run
from numbjournal.core.model import (
    Condition,
    ConditionEntry,
    Context,
    Location,
    Onset,
    PositionChange,
    Symptom,
)
from numbjournal.core.triage import NOT_A_DIAGNOSIS, SEE_DOCTOR_ADVICE, Tier, advice_for
from numbjournal.core.triage.journal_rules import RECURRING

PLUS1 = timezone(timedelta(hours=1))
MINUS5 = timezone(timedelta(hours=-5))


def flags(journal_path, capsys, *extra: str) -> tuple[int, str, str]:
    try:
        code = run(["--db", str(journal_path), "flags", *extra])
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def mixed(journal, episode_factory):
    """A positional episode, a stroke-like one and a painful one, added out of order."""
    painful = journal.add(
        episode_factory(
            started_at=datetime(2026, 11, 22, 19, 5, 33, tzinfo=MINUS5),
            symptoms=(Symptom.SHARP_OR_SEVERE_PAIN,),
        )
    )
    stroke = journal.add(
        episode_factory(
            started_at=datetime(2026, 11, 20, 8, 15, tzinfo=PLUS1),
            duration_minutes=250,
            symptoms=(Symptom.WEAKNESS, Symptom.FACIAL_DROOPING, Symptom.DIFFICULTY_SPEAKING),
        )
    )
    positional = journal.add(
        episode_factory(
            started_at=datetime(2026, 11, 18, 21, 0, tzinfo=PLUS1),
            duration_minutes=5,
            context=Context.LEGS_CROSSED,
            position_change=PositionChange.IMPROVED,
        )
    )
    return positional, stroke, painful


def test_json_has_every_episode_oldest_first_with_the_spec_shape(journal_path, capsys, mixed):
    positional, stroke, painful = mixed
    code, out, err = flags(journal_path, capsys, "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert set(document) == {"episodes", "journal"}
    assert [e["id"] for e in document["episodes"]] == [positional.id, stroke.id, painful.id]
    first, second, third = document["episodes"]
    assert first == {"id": positional.id, "started_at": "2026-11-18T21:00:00+01:00", "flags": []}
    assert third["started_at"] == "2026-11-22T19:05:33-05:00"
    for entry in document["episodes"]:
        assert list(entry) == ["id", "started_at", "flags"]
        for flag in entry["flags"]:
            assert list(flag) == ["rule", "tier", "source", "criterion", "reason"]
    assert [f["rule"] for f in second["flags"]] == [
        "stroke_signs",
        "persistent",
        "weakness_or_paralysis",
    ]
    assert second["flags"][0] == {
        "rule": "stroke_signs",
        "tier": "emergency",
        "source": "article",
        "criterion": "Numbness is associated with other signs of a stroke, such as facial "
        "drooping, difficulty speaking, or confusion.",
        "reason": "facial drooping and difficulty speaking were logged",
    }
    assert second["flags"][1]["reason"].startswith("lasted 4 h 10 min")
    assert third["flags"][0]["reason"] == "sharp or severe pain was logged"
    assert document["journal"] == []  # the positional episode does not count as recurring


def test_journal_patterns_in_json_and_report(journal_path, capsys, journal, episode_factory):
    # Relative to today: a run counts as current only while it ended within 90 days.
    today = datetime.now(PLUS1).replace(hour=9, minute=0, second=0, microsecond=0)
    for ago in (20, 15, 11):
        journal.add(episode_factory(started_at=today - timedelta(days=ago)))
    for ago in (19, 18, 17):  # eased after moving: counted only at the higher bar of 5
        journal.add(
            episode_factory(
                started_at=today - timedelta(days=ago),
                position_change=PositionChange.IMPROVED,
            )
        )
    first, last = (today - timedelta(days=20)).date(), (today - timedelta(days=11)).date()
    _, out, _ = flags(journal_path, capsys, "--json")
    assert json.loads(out)["journal"] == [
        {
            "rule": "recurring",
            "tier": "see_doctor",
            "source": "guidance",
            "criterion": RECURRING,
            "reason": f"3 episodes within 14 days, from {first} to {last}",
        }
    ]
    _, out, _ = flags(journal_path, capsys)
    flat = " ".join(out.split())
    assert "PATTERNS ACROSS THE JOURNAL" in flat
    assert "recurring (see a healthcare provider): 3 episodes within 14 days" in flat
    assert "\u201cNumbness that keeps coming back (NHS Choices" in flat
    assert "eased after changing position, with nothing else logged, count only" in flat


def test_json_of_an_empty_journal(journal_path, capsys, journal):
    code, out, _ = flags(journal_path, capsys, "--json")
    assert code == 0
    assert json.loads(out) == {"episodes": [], "journal": []}


def test_json_respects_from_and_to(journal_path, capsys, mixed):
    _positional, stroke, _painful = mixed
    code, out, _ = flags(
        journal_path, capsys, "--json", "--from", "2026-11-19", "--to", "2026-11-21"
    )
    assert code == 0
    document = json.loads(out)
    assert [e["id"] for e in document["episodes"]] == [stroke.id]
    assert document["journal"] == []


def test_guidance_flags_follow_the_setting(journal_path, capsys, journal, episode_factory):
    journal.add(
        episode_factory(
            locations=(Location.SADDLE,), symptoms=(Symptom.PAIN, Symptom.LOSS_OF_BALANCE)
        )
    )
    _, out, _ = flags(journal_path, capsys, "--json")
    rules = [f["rule"] for f in json.loads(out)["episodes"][0]["flags"]]
    assert rules == ["cauda_equina", "pain", "unsteadiness"]
    assert run(["--db", str(journal_path), "settings", "set", "guidance_rules", "off"]) == 0
    capsys.readouterr()
    _, out, _ = flags(journal_path, capsys, "--json")
    # Issue 11: no setting silences an emergency; only see-a-doctor guidance goes.
    after = [f["rule"] for f in json.loads(out)["episodes"][0]["flags"]]
    assert "cauda_equina" in after and "pain" in after
    assert [r for r in rules if r not in after] == [r for r in rules if r in {"unsteadiness"}]


def test_report_lists_emergencies_first_with_advice_and_criterion(journal_path, capsys, mixed):
    _positional, stroke, painful = mixed
    code, out, _ = flags(journal_path, capsys)
    assert code == 0
    flat = " ".join(out.split())
    assert " ".join(NOT_A_DIAGNOSIS.split()) in flat
    # Issue 11, point 13: the advice fits when the newest emergency happened.
    emergency_advice = advice_for(Tier.EMERGENCY, stroke)
    assert " ".join(emergency_advice.split()) in flat
    assert " ".join(SEE_DOCTOR_ADVICE.split()) in flat
    assert flat.index("EMERGENCY SIGNS") < flat.index(f"Episode {stroke.id},")
    assert flat.index(f"Episode {stroke.id},") < flat.index("SEE A HEALTHCARE PROVIDER")
    assert flat.index("SEE A HEALTHCARE PROVIDER") < flat.index(f"Episode {painful.id},")
    assert "facial drooping and difficulty speaking were logged" in flat
    assert "\u201cNumbness is associated with other signs of a stroke" in flat
    assert "2 of 3 episodes matched at least one criterion" in flat


def test_report_without_any_flag_does_not_reassure(journal_path, capsys, journal, episode_factory):
    journal.add(episode_factory(position_change=PositionChange.IMPROVED))
    _, out, _ = flags(journal_path, capsys)
    flat = " ".join(out.split())
    assert "None of the 1 episode matched a criterion" in flat
    assert "does not mean nothing is wrong" in flat
    assert " ".join(NOT_A_DIAGNOSIS.split()) in flat
    assert "EMERGENCY" not in out


def test_report_of_an_empty_journal(journal_path, capsys, journal):
    _, out, _ = flags(journal_path, capsys)
    assert "No episodes in this journal yet." in out
    assert " ".join(NOT_A_DIAGNOSIS.split()) in " ".join(out.split())


def test_known_condition_from_the_profile_appears_with_its_date(
    journal_path, capsys, journal, episode_factory
):
    journal.add_condition(ConditionEntry(Condition.DIABETES, since=date(2019, 3, 1)))
    journal.add(episode_factory(onset=Onset.GRADUAL))
    _, out, _ = flags(journal_path, capsys, "--json")
    (flag,) = json.loads(out)["episodes"][0]["flags"]
    assert (flag["rule"], flag["reason"]) == (
        "known_condition",
        "diabetes in your profile since 2019-03-01",
    )


def test_ongoing_episode_is_judged_against_the_current_time(
    journal_path, capsys, journal, episode_factory
):
    started = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    journal.add(episode_factory(started_at=started, duration_minutes=None))
    _, out, _ = flags(journal_path, capsys, "--json")
    (flag,) = json.loads(out)["episodes"][0]["flags"]
    assert flag["rule"] == "persistent"
    assert flag["reason"].startswith("still going after 2 h")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "'2026-13-01' is not a date; use YYYY-MM-DD"),
        (["--from", "2026-11-20", "--to", "2026-11-01"], "--from 2026-11-20 is after --to"),
    ],
)
def test_bad_dates_are_one_line_errors(journal_path, capsys, args, message):
    code, out, err = flags(journal_path, capsys, *args)
    assert code != 0
    assert out == ""
    assert message in err
    assert err.count("\n") == 1


def test_report_says_the_condition_once_and_lists_what_needs_action_by_level(
    journal_path, capsys, journal, episode_factory
):
    journal.add_condition(ConditionEntry(Condition.SCIATICA, since=date(2024, 4, 1)))
    for day in (1, 2, 3, 4):
        journal.add(episode_factory(started_at=datetime(2026, 10, day, 9, 0, tzinfo=PLUS1)))
    pain = journal.add(
        episode_factory(
            started_at=datetime(2026, 10, 20, 9, 0, tzinfo=PLUS1),
            symptoms=(Symptom.SHARP_OR_SEVERE_PAIN,),
        )
    )
    old_stroke = journal.add(
        episode_factory(
            started_at=datetime(2026, 9, 1, 9, 0, tzinfo=PLUS1),
            symptoms=(Symptom.CONFUSION,),
        )
    )
    new_stroke = journal.add(
        episode_factory(
            started_at=datetime(2026, 10, 10, 9, 0, tzinfo=PLUS1),
            symptoms=(Symptom.FACIAL_DROOPING,),
        )
    )
    code, out, _ = flags(journal_path, capsys)
    assert code == 0
    flat = " ".join(out.split())
    assert flat.index("EMERGENCY SIGNS: 2 episodes") < flat.index(f"Episode {new_stroke.id},")
    assert flat.index(f"Episode {new_stroke.id},") < flat.index(f"Episode {old_stroke.id},")
    assert flat.index(f"Episode {old_stroke.id},") < flat.index("SEE A HEALTHCARE PROVIDER")
    assert flat.index("SEE A HEALTHCARE PROVIDER: 1 episode") < flat.index(f"Episode {pain.id},")
    assert flat.index(f"Episode {pain.id},") < flat.index("YOUR KNOWN CONDITIONS: 4 episodes")
    assert (
        "~ sciatica in your profile since 2024-04-01: 4 episodes; the article says to see a "
        "provider about numbness a known condition could be causing." in flat
    )
    assert flat.count("sciatica in your profile") == 1, "said once, not on every episode"
    assert "!! stroke_signs (seek immediate medical attention): facial drooping was logged" in flat
    assert "+ pain (see a healthcare provider): sharp or severe pain was logged" in flat
    assert "7 of 7 episodes matched at least one criterion" in flat
    assert "3 of them for more than a condition in your profile" in flat


def test_an_old_climb_keeps_its_emergency_but_its_advice_fits_the_time(
    journal_path, capsys, journal, episode_factory
):
    # Numbness rising on both sides over 9 days, a month ago: the emergency pattern stays,
    # and the advice is the past-episode one, not "call now".
    month_ago = datetime.now(PLUS1) - timedelta(days=30)
    steps = [
        (12, (Location.LEFT_TOES, Location.RIGHT_SOLE)),
        (9, (Location.LEFT_CALF, Location.RIGHT_SHIN)),
        (3, (Location.LEFT_THIGH_FRONT, Location.RIGHT_THIGH_BACK)),
    ]
    for ago, places in steps:
        journal.add(
            episode_factory(
                started_at=month_ago - timedelta(days=ago), locations=places, duration_minutes=20
            )
        )
    _, out, _ = flags(journal_path, capsys, "--json")
    document = json.loads(out)
    assert document["journal"][0]["rule"] == "guillain_barre_climbing"
    assert document["journal"][0]["tier"] == "emergency"
    assert document["episodes"][-1]["flags"][0]["rule"] == "guillain_barre_climbing"
    _, out, _ = flags(journal_path, capsys)
    flat = " ".join(out.split())
    patterns = flat[flat.index("PATTERNS ACROSS THE JOURNAL") : flat.index("EMERGENCY SIGNS")]
    assert "This episode matched an emergency sign." in patterns
    assert "call your local emergency number now (for example" in patterns  # if it comes back
