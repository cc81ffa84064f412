"""Running the rule tables over one episode or a whole journal.

The engine knows no rule by name: it walks the tables, so a new rule is one
new row in ``article_rules``, ``guidance_rules`` or ``journal_rules``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from ..model import Episode, Profile
from .article_rules import ARTICLE_RULES
from .flags import Flag, JournalFlags, Source, emergencies_first
from .guidance_rules import GUIDANCE_RULES
from .journal_rules import JOURNAL_RULES
from .rule import JournalView, Rule, Situation
from .settings import TriageSettings

EPISODE_RULES: tuple[Rule[Situation], ...] = ARTICLE_RULES + GUIDANCE_RULES


def evaluate_episode(
    episode: Episode,
    profile: Profile,
    settings: TriageSettings,
    *,
    now: datetime | None = None,
) -> list[Flag]:
    """The flags of one episode, saved or a draft still being typed; emergencies first.

    ``now`` (aware) decides whether an ongoing episode has gone on too long
    and whether an undated recent injury is still recent.
    """
    rules = _episode_rules(settings)
    return _evaluate(episode, profile, settings, rules, now or datetime.now(UTC))


def evaluate_journal(
    episodes: Sequence[Episode],
    profile: Profile,
    settings: TriageSettings,
    *,
    now: datetime | None = None,
) -> JournalFlags:
    """Flags of every saved episode (empty lists included) and of the journal as a whole."""
    moment = now or datetime.now(UTC)
    rules = _episode_rules(settings)
    per_episode: dict[int, list[Flag]] = {}
    for episode in episodes:
        if episode.id is None:
            raise ValueError("evaluate_journal needs saved episodes; use evaluate_episode")
        per_episode[episode.id] = _evaluate(episode, profile, settings, rules, moment)
    journal: list[Flag] = []
    if settings.guidance_rules:
        view = JournalView(sorted(episodes, key=lambda e: e.started_at), settings, moment)
        for rule in JOURNAL_RULES:
            reason = rule.match(view)
            if reason is not None:
                journal.append(rule.flag(reason))
    return JournalFlags(per_episode, emergencies_first(journal))


def _episode_rules(settings: TriageSettings) -> tuple[Rule[Situation], ...]:
    if settings.guidance_rules:
        return EPISODE_RULES
    return tuple(r for r in EPISODE_RULES if r.source is not Source.GUIDANCE)


def _evaluate(
    episode: Episode,
    profile: Profile,
    settings: TriageSettings,
    rules: tuple[Rule[Situation], ...],
    now: datetime,
) -> list[Flag]:
    situation = Situation(
        episode=episode,
        symptoms=frozenset(episode.symptoms),
        day=episode.started_at.date(),
        conditions=profile.conditions,
        settings=settings,
        now=now,
    )
    flags = []
    for rule in rules:
        reason = rule.match(situation)
        if reason is not None:
            flags.append(rule.flag(reason))
    return emergencies_first(flags)
