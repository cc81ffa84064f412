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
    moving) unflagged while flagging anything that outlasts it.
    """

    persistent_minutes: int = 30
    recent_injury_weeks: int = 12
    guidance_rules: bool = True
    recurring_episodes: int = 3
    recurring_days: int = 14
    trend_weeks: int = 4
    trend_min_episodes: int = 3
    trend_increase_percent: int = 50


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """How one setting is described, bounded and parsed."""

    name: str
    description: str
    low: int = 0
    high: int = 0

    @property
    def key(self) -> str:
        return PREFIX + self.name

    @property
    def default(self) -> int | bool:
        value: int | bool = getattr(DEFAULTS, self.name)
        return value

    @property
    def is_switch(self) -> bool:
        return isinstance(self.default, bool)

    def check(self, value: object) -> str | None:
        """What is wrong with ``value`` for this setting, or None."""
        if self.is_switch:
            return None if isinstance(value, bool) else "must be on or off"
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be a whole number from {self.low} to {self.high}"
        if not self.low <= value <= self.high:
            return f"must be from {self.low} to {self.high}, not {value}"
        return None

    def parse(self, text: str) -> int | bool:
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
        else:
            try:
                value = int(cleaned)
            except ValueError:
                value = text
        problem = self.check(value)
        if problem:
            raise ValidationError([FieldProblem(self.key, problem)])
        assert isinstance(value, int)
        return value

    def show(self, value: int | bool) -> str:
        if isinstance(value, bool):
            return "on" if value else "off"
        return str(value)


DEFAULTS = TriageSettings()

SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "persistent_minutes",
        "an episode lasting at least this many minutes (or still going after them) "
        "counts as persistent numbness",
        1,
        1440,
    ),
    SettingSpec(
        "recent_injury_weeks",
        "a recent injury in the profile counts for episodes up to this many weeks after its date",
        1,
        104,
    ),
    SettingSpec(
        "guidance_rules",
        "also flag red flags from public medical guidance beyond the article "
        "(stroke, cauda equina, Guillain-Barre, limb ischaemia, recurring numbness)",
    ),
    SettingSpec(
        "recurring_episodes",
        "this many episodes within the recurring-days window count as numbness "
        "that keeps coming back",
        2,
        100,
    ),
    SettingSpec("recurring_days", "the window for recurring numbness, in days", 1, 365),
    SettingSpec(
        "trend_weeks",
        "the last this-many weeks are compared with the same span before them "
        "to see whether episodes are getting more frequent or longer",
        1,
        52,
    ),
    SettingSpec(
        "trend_min_episodes",
        "the fewest episodes in the recent span before a trend is flagged",
        2,
        100,
    ),
    SettingSpec(
        "trend_increase_percent",
        "how much more frequent or longer (in percent) recent episodes must be to be flagged",
        1,
        1000,
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
