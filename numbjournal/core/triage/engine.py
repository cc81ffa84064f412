"""Running the rule tables over one episode or a whole journal.

The engine knows no rule by name: it walks the tables, so a new rule is one
new row in ``article_rules``, ``guidance_rules`` or ``journal_rules``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from ..bulk import bulk_allocation
from ..model import Episode, Profile
from .article_rules import ARTICLE_RULES
from .counted import CountedEpisodes
from .flags import Flag, JournalFlags, Source, Tier, emergencies_first
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
    return _Evaluator(profile, settings, now or datetime.now(UTC)).flags(episode)


def evaluate_episodes(
    episodes: Sequence[Episode],
    profile: Profile,
    settings: TriageSettings,
    *,
    now: datetime | None = None,
) -> dict[int, list[Flag]]:
    """Each saved episode's own flags, without the journal's patterns: the first frame's rows."""
    evaluator = _Evaluator(profile, settings, now or datetime.now(UTC))
    return {e.id: evaluator.flags(e) for e in episodes if e.id is not None}


def settled_within_the_hour(
    ongoing: Sequence[Episode], profile: Profile, settings: TriageSettings, now: datetime
) -> bool:
    """Whether no episode still going will cross a time limit (10 minutes, the
    persistent minutes, a day for an MS relapse...) in the next hour, so its
    flags are the same then as now. A timer left running for days has crossed
    them all; one started a minute ago has not.
    """
    if not ongoing:
        return True
    before = evaluate_episodes(ongoing, profile, settings, now=now)
    after = evaluate_episodes(ongoing, profile, settings, now=now + timedelta(hours=1))
    return all(_tiers(before[i]) == _tiers(after[i]) for i in before)


def _tiers(flags: Sequence[Flag]) -> set[Tier]:
    return {f.tier for f in flags if not f.is_condition_only}


def evaluate_journal(
    episodes: Sequence[Episode],
    profile: Profile,
    settings: TriageSettings,
    *,
    now: datetime | None = None,
) -> JournalFlags:
    """Flags of every saved episode (empty lists included) and of the journal as a whole."""
    with bulk_allocation():  # 20,000 lists of flags: keep the collector from rescanning
        return _evaluate_journal(episodes, profile, settings, now)


def _evaluate_journal(
    episodes: Sequence[Episode],
    profile: Profile,
    settings: TriageSettings,
    now: datetime | None,
) -> JournalFlags:
    moment = now or datetime.now(UTC)
    evaluator = _Evaluator(profile, settings, moment)
    per_episode: dict[int, list[Flag]] = {}
    for episode in episodes:
        per_episode[_saved_id(episode)] = evaluator.flags(episode)
    counted = CountedEpisodes.of(episodes, settings)
    return _with_journal(per_episode, counted, settings, moment)


def revise_journal(
    previous: JournalFlags,
    episodes: Iterable[Episode],
    profile: Profile,
    settings: TriageSettings,
    *,
    changed: Sequence[Episode] = (),
    removed: Sequence[int] = (),
    now: datetime | None = None,
) -> JournalFlags:
    """``previous`` brought up to date after a few episodes were saved or deleted.

    Only the changed episodes, and the ongoing ones (whose flags depend on
    the time), run the episode rules again; the journal-wide patterns are
    counted again over the episodes they count, kept in time order from
    ``previous`` and updated with what changed (or sorted afresh from
    ``episodes``, every episode now saved, when there is nothing to update).
    Saving one episode in a 20,000-episode journal then costs milliseconds.
    """
    moment = now or datetime.now(UTC)
    evaluator = _Evaluator(profile, settings, moment)
    per_episode = dict(previous.episodes)
    for episode_id, shown in previous.anchored.items():
        if episode_id in per_episode:
            per_episode[episode_id] = [f for f in per_episode[episode_id] if f not in shown]
    for gone in removed:
        per_episode.pop(gone, None)
    before = previous.counted
    if isinstance(before, CountedEpisodes) and before.settings == settings:
        counted = before.revised(changed, removed)
    else:
        counted = CountedEpisodes.of(episodes, settings)
    for episode in [*changed, *counted.ongoing.values()]:
        per_episode[_saved_id(episode)] = evaluator.flags(episode)
    return _with_journal(per_episode, counted, settings, moment)


def _saved_id(episode: Episode) -> int:
    if episode.id is None:
        raise ValueError("journal flags need saved episodes; use evaluate_episode")
    return episode.id


def _with_journal(
    per_episode: dict[int, list[Flag]],
    counted: CountedEpisodes,
    settings: TriageSettings,
    moment: datetime,
) -> JournalFlags:
    """The journal patterns, each also shown on the episode it rests on (if it names one).

    ``counted`` (the episodes in time order) is kept with the flags, so a save
    need not sort them again.
    """
    journal: list[Flag] = []
    anchored: dict[int, list[Flag]] = {}
    rules = [r for r in JOURNAL_RULES if switched_on(r, settings)]
    if rules:
        view = counted.view(moment)
        for rule in rules:
            reason = rule.match(view)
            if reason is None:
                continue
            flag = rule.flag(reason)
            journal.append(flag)
            newest = rule.anchor(view) if rule.anchor is not None else None
            if newest is not None and newest.id in per_episode:
                anchored.setdefault(newest.id, []).append(flag)
    for episode_id, shown in anchored.items():
        per_episode[episode_id] = emergencies_first([*shown, *per_episode[episode_id]])
    return JournalFlags(per_episode, emergencies_first(journal), anchored, counted)


def switched_on(rule: Rule[Situation] | Rule[JournalView], settings: TriageSettings) -> bool:
    """Whether ``settings`` let ``rule`` run: only see-doctor guidance can be switched off.

    Emergency and urgent rules always run, whatever is stored, so no setting
    can silence a red flag.
    """
    return (
        settings.guidance_rules
        or rule.source is not Source.GUIDANCE
        or rule.tier is not Tier.SEE_DOCTOR
    )


class _Evaluator:
    """The rules in reporting order, and the flags already built, shared across episodes.

    Journals repeat themselves (the same symptoms, the same reasons), so equal
    flags are built once; a Flag is immutable, so sharing it is safe.
    """

    def __init__(self, profile: Profile, settings: TriageSettings, now: datetime) -> None:
        rules = tuple(r for r in EPISODE_RULES if switched_on(r, settings))
        self.rules = tuple(sorted(rules, key=lambda r: -r.tier.rank))  # stable: table order
        # Most episodes log no accompanying symptom: those skip every rule that needs one.
        self.plain = tuple(r for r in self.rules if not r.needs)
        self.profile = profile
        self.settings = settings
        self.now = now
        self.made: dict[tuple[str, str], Flag] = {}
        self.memo: dict[object, object] = {}

    def flags(self, episode: Episode) -> list[Flag]:
        profile = self.profile
        situation = Situation.of(
            episode, profile.conditions, profile.date_of_birth, self.settings, self.now, self.memo
        )
        logged = situation.symptoms
        made = self.made
        flags = []
        for rule in self.rules if logged else self.plain:
            needs = rule.needs
            if needs and needs.isdisjoint(logged):
                continue  # cannot match without one of these symptoms
            reason = rule.match(situation)
            if reason is not None:
                flag = made.get((rule.id, reason))
                if flag is None:
                    flag = made[rule.id, reason] = rule.flag(reason)
                flags.append(flag)
        return flags
