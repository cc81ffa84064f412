"""The thresholds and switches of the rules, stored with the journal.

They live in the journal's ``setting`` table under ``triage.`` so a journal
copied to another machine flags the same way. Only values that differ from
the defaults are stored, so improved defaults reach people who never
changed them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import ValidationError
from ..model import FieldProblem


class SettingsReader(Protocol):
    """Where settings are read from: the journal, or the preview of the window's first frame."""

    def settings(self, prefix: str = "") -> dict[str, Any]: ...


class SettingsStore(SettingsReader, Protocol):
    """What the rules need from wherever the settings live (the journal's ``setting`` table)."""

    def replace_settings(self, values: Mapping[str, Any | None]) -> None: ...


PREFIX = "triage."

_TRUE = frozenset({"on", "true", "yes", "1"})
_FALSE = frozenset({"off", "false", "no", "0"})


@dataclass(frozen=True, slots=True)
class TriageSettings:
    """Where the article is vague ("persistent", "recent"), the line it draws is a setting.

    The defaults keep ordinary positional numbness (gone within minutes of
    moving) unflagged while flagging anything that outlasts it. No setting
    can switch off an emergency or urgent rule, and every threshold is held
    to a clinically sensible range (see ``SETTINGS``).
    """

    persistent_minutes: int = 30
    recent_injury_weeks: int = 12
    guidance_rules: bool = True
    recurring_episodes: int = 3
    recurring_positional_episodes: int = 5
    recurring_days: int = 14
    trend_weeks: int = 4
    trend_min_episodes: int = 3
    trend_increase_percent: int = 50
    emergency_number: str = ""


MAX_EMERGENCY_NUMBER_LENGTH = 40
_NUMBER_EXAMPLE = "e.g. 999, 112, 911 or 000"


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """How one setting is described, bounded and parsed.

    ``why`` says why the range stops where it does; it is part of the message
    when a value outside it is refused.
    """

    name: str
    description: str
    low: int = 0
    high: int = 0
    why: str = ""

    @property
    def key(self) -> str:
        return PREFIX + self.name

    @property
    def default(self) -> int | bool | str:
        value: int | bool | str = getattr(DEFAULTS, self.name)
        return value

    @property
    def is_switch(self) -> bool:
        return isinstance(self.default, bool)

    @property
    def is_text(self) -> bool:
        return isinstance(self.default, str)

    def check(self, value: object) -> str | None:
        """What is wrong with ``value`` for this setting, or None."""
        if self.is_switch:
            return None if isinstance(value, bool) else "must be on or off"
        if self.is_text:
            return _check_text(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be a whole number from {self.low} to {self.high}"
        if not self.low <= value <= self.high:
            why = f" ({self.why})" if self.why else ""
            return f"must be from {self.low} to {self.high}, not {value}{why}"
        return None

    def parse(self, text: str) -> int | bool | str:
        """Turn what a person typed into a value, or raise ValidationError saying why."""
        cleaned = text.strip().lower()
        value: object
        if self.is_switch:
            if cleaned in _TRUE:
                value = True
            elif cleaned in _FALSE:
                value = False
            else:
                raise ValidationError([FieldProblem(self.key, f"must be on or off, not {text!r}")])
        elif self.is_text:
            value = text.strip()
        else:
            try:
                value = int(cleaned)
            except ValueError:
                value = text
        problem = self.check(value)
        if problem:
            raise ValidationError([FieldProblem(self.key, problem)])
        assert isinstance(value, int | str)
        return value

    def show(self, value: int | bool | str) -> str:
        if isinstance(value, bool):
            return "on" if value else "off"
        if isinstance(value, str) and not value:
            return "not set"
        return str(value)


def _check_text(value: object) -> str | None:
    if not isinstance(value, str):
        return f"must be text ({_NUMBER_EXAMPLE})"
    if len(value) > MAX_EMERGENCY_NUMBER_LENGTH:
        return f"must be at most {MAX_EMERGENCY_NUMBER_LENGTH} characters ({_NUMBER_EXAMPLE})"
    if any(not ch.isprintable() for ch in value):
        return "must be one line of ordinary characters"
    if value.strip() and not any(ch.isdigit() for ch in value):
        return f"must contain the number to call ({_NUMBER_EXAMPLE})"
    return None


DEFAULTS = TriageSettings()

SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "persistent_minutes",
        "an episode lasting at least this many minutes (or still going after them) "
        "counts as persistent numbness",
        5,
        60,
        "numbness from sitting on a leg goes within minutes of moving; an hour is already long",
    ),
    SettingSpec(
        "recent_injury_weeks",
        "a recent injury in the profile counts for episodes up to this many weeks after its date",
        4,
        104,
        "nerve and swelling problems after an injury can take weeks to show",
    ),
    SettingSpec(
        "guidance_rules",
        "also flag the see-a-doctor signs from public medical guidance beyond the article "
        "(numbness that keeps coming back or gets longer, unsteadiness, a cold pale leg); "
        "emergency and urgent signs are always flagged",
    ),
    SettingSpec(
        "recurring_episodes",
        "this many episodes within the recurring-days window count as numbness "
        "that keeps coming back",
        2,
        10,
        "more would hide numbness that keeps coming back",
    ),
    SettingSpec(
        "recurring_positional_episodes",
        "this many episodes within the same window count as coming back even when each "
        "one was short and eased by moving",
        3,
        20,
        "frequent positional numbness is worth a visit too",
    ),
    SettingSpec(
        "recurring_days",
        "the window for recurring numbness, in days",
        7,
        60,
        "NHS advice is about numbness that keeps coming back over weeks",
    ),
    SettingSpec(
        "trend_weeks",
        "the last this-many weeks are compared with the same span before them "
        "to see whether episodes are getting more frequent or longer",
        2,
        26,
        "shorter spans are noise, longer ones miss a change",
    ),
    SettingSpec(
        "trend_min_episodes",
        "the fewest episodes in the recent span before a trend is flagged",
        2,
        20,
        "more would hide a real change",
    ),
    SettingSpec(
        "trend_increase_percent",
        "how much more frequent or longer (in percent) recent episodes must be to be flagged",
        10,
        200,
        "more would hide episodes that have doubled",
    ),
    SettingSpec(
        "emergency_number",
        "the emergency telephone number where you live, shown in the emergency advice "
        "(empty: your local emergency number, for example 911, 999, 112, 000)",
    ),
)

_BY_NAME = {spec.name: spec for spec in SETTINGS}


def spec_for(key: str) -> SettingSpec:
    """The setting named ``key`` (with or without the ``triage.`` prefix)."""
    name = key.removeprefix(PREFIX)
    spec = _BY_NAME.get(name)
    if spec is None:
        known = ", ".join(s.name for s in SETTINGS)
        raise ValidationError([FieldProblem(key, f"is not a setting; known settings: {known}")])
    return spec


def validate_settings(settings: TriageSettings) -> list[FieldProblem]:
    problems = []
    for spec in SETTINGS:
        problem = spec.check(getattr(settings, spec.name))
        if problem:
            problems.append(FieldProblem(spec.key, problem))
    return problems


def load_settings(journal: SettingsReader) -> TriageSettings:
    """The journal's settings; a stored value that is no longer valid falls back to its default."""
    stored = journal.settings(PREFIX)
    values: dict[str, object] = {}
    for spec in SETTINGS:
        if spec.key in stored and spec.check(stored[spec.key]) is None:
            values[spec.name] = stored[spec.key]
    return dataclasses.replace(DEFAULTS, **values)  # type: ignore[arg-type]


def save_settings(journal: SettingsStore, settings: TriageSettings) -> None:
    """Store ``settings`` in one transaction, or raise ValidationError and store nothing.

    Values equal to their default are removed, so an improved default reaches them.
    """
    problems = validate_settings(settings)
    if problems:
        raise ValidationError(problems)
    values: dict[str, Any | None] = {}
    for spec in SETTINGS:
        value = getattr(settings, spec.name)
        values[spec.key] = None if value == spec.default else value
    journal.replace_settings(values)
