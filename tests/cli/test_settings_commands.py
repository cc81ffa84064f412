"""``numbjournal settings``: show, set and reset the flag thresholds."""

from __future__ import annotations

import json

import pytest

from numbjournal.cli import run
from numbjournal.core.triage import TriageSettings, load_settings


def settings(journal_path, capsys, *extra: str) -> tuple[int, str, str]:
    try:
        code = run(["--db", str(journal_path), "settings", *extra])
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_show_lists_every_setting_with_its_default_and_description(journal_path, capsys):
    code, out, _ = settings(journal_path, capsys)
    assert code == 0
    assert "triage.persistent_minutes = 30  (the default)" in out
    assert "triage.guidance_rules = on  (the default)" in out
    assert "counts as persistent numbness" in " ".join(out.split())
    assert "(allowed: 5 to 60)" in out
    assert "numbjournal settings set KEY VALUE" in out


def test_set_changes_the_journal_and_show_tells_the_default(journal_path, capsys, journal):
    code, out, _ = settings(journal_path, capsys, "set", "persistent_minutes", "45")
    assert (code, out) == (0, "triage.persistent_minutes = 45  (default 30)\n")
    assert load_settings(journal).persistent_minutes == 45
    _, out, _ = settings(journal_path, capsys)
    assert "triage.persistent_minutes = 45  (default 30)" in out


def test_json_shows_the_values(journal_path, capsys):
    settings(journal_path, capsys, "set", "triage.guidance_rules", "off")
    _, out, _ = settings(journal_path, capsys, "--json")
    values = json.loads(out)
    assert values["triage.guidance_rules"] is False
    assert values["triage.recent_injury_weeks"] == 12


def test_reset_one_and_reset_all(journal_path, capsys, journal):
    settings(journal_path, capsys, "set", "persistent_minutes", "45")
    settings(journal_path, capsys, "set", "recent_injury_weeks", "4")
    code, out, _ = settings(journal_path, capsys, "reset", "persistent_minutes")
    assert (code, out) == (0, "triage.persistent_minutes = 30  (the default)\n")
    assert load_settings(journal) == TriageSettings(recent_injury_weeks=4)
    code, out, _ = settings(journal_path, capsys, "reset")
    assert code == 0
    assert "back to its default" in out
    assert load_settings(journal) == TriageSettings()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["set", "persistent_minutes", "0"], "triage.persistent_minutes: must be from 5 to 60"),
        (["set", "persistent_minutes", "240"], "must be from 5 to 60, not 240"),
        (["set", "recent_injury_weeks", "1"], "must be from 4 to 104, not 1"),
        (["set", "emergency_number", "call mum"], "must contain the number to call"),
        (["set", "guidance_rules", "perhaps"], "must be on or off, not 'perhaps'"),
        (["set", "threshold", "3"], "threshold: is not a setting; known settings:"),
        (["reset", "threshold"], "threshold: is not a setting"),
    ],
)
def test_bad_settings_are_one_line_errors_and_change_nothing(
    journal_path, capsys, journal, args, message
):
    code, out, err = settings(journal_path, capsys, *args)
    assert code == 1
    assert out == ""
    assert err.startswith("numbjournal settings: ")
    assert message in err
    assert err.count("\n") == 1
    assert journal.settings("triage.") == {}


def test_set_without_a_value_is_a_usage_error(journal_path, capsys):
    code, _, err = settings(journal_path, capsys, "set", "persistent_minutes")
    assert code == 2
    assert "VALUE" in err or "value" in err
