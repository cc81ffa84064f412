"""The doctor summary as plain data: what each section says, before any page exists.

Built from the journal in plain Python (no Qt, no PDF), so what the summary
claims (the numbers, which episodes are flagged and why, which sections are
in it) is tested directly, and the PDF, the print preview and the printer
all show the same document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ...core import patterns, words
from ...core.model import Episode, Profile
from ...core.patterns.periods import DateRange
from ...core.patterns.treatments import BeforeAfter, before_after
from ...core.store import Journal
from ...core.triage import NOT_A_DIAGNOSIS, Flag, Tier, evaluate_journal, load_settings
from . import describe
from .numbers import KeyNumber, key_number_rows

TITLE = "Leg numbness journal: summary for a healthcare provider"
SOURCE_NOTE = "Made from patient-reported entries; not a diagnosis."
OVERVIEW_CHARTS = ("body_map", "frequency")
EXTRA_CHARTS = ("duration", "severity", "time_of_day")
RED_FLAG_LIMIT = 30
MAX_EMERGENCIES = 50
PROFILE_ONLY_RULE = "known_condition"
TOP_ITEMS = 5


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """What the person chose in the export dialog or on the command line."""

    first: date | None = None
    last: date | None = None
    charts: bool = False
    appendix: bool = True
    questions: str = ""
    paper: Paper = Paper.A4
    red_flag_limit: int = RED_FLAG_LIMIT


@dataclass(frozen=True, slots=True)
class Tally:
    label: str
    count: int
    of: int

    @property
    def text(self) -> str:
        share = round(100 * self.count / self.of) if self.of else 0
        return f"{self.label}: {self.count:,} ({share}%)"


@dataclass(frozen=True, slots=True)
class FlaggedEvent:
    episode: Episode
    flags: tuple[Flag, ...]

    @property
    def emergency(self) -> bool:
        return any(f.tier is Tier.EMERGENCY for f in self.flags)


@dataclass(frozen=True, slots=True)
class Chart:
    """A figure the renderer builds with the shared figure builders from ``data``."""

    name: str
    title: str
    description: str
    data: object


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion matched in the range, quoted once, with how many episodes met it."""

    rule: str
    tier: Tier
    source: str  # "the article ..." or the named guidance
    text: str
    episodes: int


@dataclass(frozen=True, slots=True)
class RedFlags:
    criteria: tuple[Criterion, ...]
    shown: tuple[FlaggedEvent, ...]
    emergency_total: int
    see_doctor_total: int
    left_out: dict[str, int]  # rule -> episodes not listed in the overview
    journal: tuple[Flag, ...]

    @property
    def total(self) -> int:
        return self.emergency_total + self.see_doctor_total

    @property
    def left_out_total(self) -> int:
        return self.total - len(self.shown)


@dataclass(frozen=True, slots=True)
class SummaryDocument:
    title: str
    patient: str
    date_of_birth: date | None
    span: DateRange | None
    made_on: date
    conditions: tuple[str, ...]
    episode_count: int
    key_numbers: tuple[KeyNumber, ...]
    symptoms: tuple[Tally, ...]
    activities: tuple[Tally, ...]
    position: str
    overview_charts: tuple[Chart, ...]
    red_flags: RedFlags
    extra_charts: tuple[Chart, ...] = ()
    questions: str = ""
    appendix: tuple[tuple[Episode, tuple[Flag, ...]], ...] | None = None
    not_a_diagnosis: str = NOT_A_DIAGNOSIS
    source_note: str = SOURCE_NOTE
    sections: tuple[str, ...] = field(default=())
    treatments: tuple[BeforeAfter, ...] = ()  # started by the range's end, whole-journal figures

    @property
    def empty(self) -> bool:
        return self.episode_count == 0

    def describe_range(self) -> str:
        if self.span is None:
            return "No episodes logged yet"
        first, last = describe.day(self.span.first), describe.day(self.span.last)
        days = describe.count(self.span.days, "day")
        return f"{first} to {last} ({days})"


Progress = Callable[[str], None]


def build_summary(
    journal: Journal,
    options: SummaryOptions,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> SummaryDocument:
    """Gather everything the summary shows for the chosen range."""
    today = today or date.today()
    say = progress or (lambda _step: None)
    say("Reading the journal")
    profile = journal.profile()
    span = patterns.resolve_range(journal, options.first, options.last, today=today)
    episodes = journal.episodes(span.first, span.last) if span else []
    say("Checking the medical-help criteria")
    flags = evaluate_journal(episodes, profile, load_settings(journal)) if episodes else None
    per_episode = flags.episodes if flags else {}
    say("Counting patterns")
    first, last = (span.first, span.last) if span else (today, today)
    flagged_ids = frozenset(i for i, found in per_episode.items() if found)
    sections = ["overview", "red_flags"] if episodes else ["overview"]
    tried = _treatments(journal, span.last if span else today, today)
    if tried:
        sections.insert(1, "treatments")
    extra: tuple[Chart, ...] = ()
    if options.charts and episodes:
        extra = _charts(journal, first, last, EXTRA_CHARTS, flagged_ids)
        sections.append("charts")
    questions = options.questions.strip() if episodes else ""
    if questions:
        sections.append("questions")
    appendix = None
    if options.appendix and episodes:
        appendix = tuple((e, tuple(per_episode.get(e.id or -1, ()))) for e in episodes)
        sections.append("appendix")
    return SummaryDocument(
        title=TITLE,
        patient=profile.name.strip(),
        date_of_birth=profile.date_of_birth,
        span=span,
        made_on=today,
        conditions=_conditions(profile),
        episode_count=len(episodes),
        key_numbers=key_number_rows(patterns.key_numbers(journal, first, last), per_episode)
        if episodes
        else (),
        symptoms=_symptoms(journal, first, last) if episodes else (),
        activities=_activities(journal, first, last) if episodes else (),
        position=_position(journal, first, last) if episodes else "",
        overview_charts=_charts(journal, first, last, OVERVIEW_CHARTS, flagged_ids)
        if episodes
        else (),
        red_flags=_red_flags(episodes, per_episode, flags.journal if flags else [], options),
        extra_charts=extra,
        questions=questions,
        appendix=appendix,
        sections=tuple(sections),
        treatments=tried,
    )


def _treatments(journal: Journal, last: date, today: date) -> tuple[BeforeAfter, ...]:
    """Treatments started by the range's last day, with their before/after figures."""
    return tuple(r for r in before_after(journal, today=today) if r.treatment.started <= last)


def _conditions(profile: Profile) -> tuple[str, ...]:
    items = []
    for entry in profile.conditions:
        text = words.name(entry.condition)
        if entry.since is not None:
            text += f" (since {describe.day(entry.since)})"
        if entry.note.strip():
            text += f": {' '.join(entry.note.split())}"
        items.append(text)
    return tuple(items)


def _symptoms(journal: Journal, first: date, last: date) -> tuple[Tally, ...]:
    data = patterns.symptoms(journal, first, last)
    return tuple(
        Tally(describe.symptom_name(s), n, data.total) for s, n in data.counts[:TOP_ITEMS] if n
    )


def _activities(journal: Journal, first: date, last: date) -> tuple[Tally, ...]:
    data = patterns.context(journal, first, last)
    return tuple(
        Tally(describe.doing(row.context), row.episodes, data.total)
        for row in data.rows[:TOP_ITEMS]
        if row.episodes
    )


def _position(journal: Journal, first: date, last: date) -> str:
    data = patterns.context(journal, first, last)
    tried = data.tried
    if not tried:
        return "Changing position was not tried in any episode."
    share = round(100 * data.improved / tried)
    untried = data.total - tried
    return (
        f"Changing position helped in {data.improved:,} of the {tried:,} episodes where it "
        f"was tried ({share}%); not tried in {untried:,}."
    )


def _charts(
    journal: Journal,
    first: date,
    last: date,
    names: Sequence[str],
    flagged: frozenset[int],
) -> tuple[Chart, ...]:
    from ..figures import CHARTS

    charts = []
    for name in names:
        spec = CHARTS[name]
        if name == "frequency":  # the flags are known already; don't run the rules twice
            data: object = patterns.frequency(journal, first, last, flagged=flagged)
        else:
            data = spec.load(journal, first, last)
        charts.append(Chart(name, spec.title, spec.description, data))
    return tuple(charts)


def _red_flags(
    episodes: Sequence[Episode],
    per_episode: dict[int, list[Flag]],
    journal_flags: Sequence[Flag],
    options: SummaryOptions,
) -> RedFlags:
    """Emergencies first, then other warning signs, then episodes flagged only by the profile.

    Within each group the oldest comes first. The list is capped for a long
    journal, but emergencies are placed first so a 10-year journal cannot
    push a stroke-like episode out of the overview.
    """
    events = [
        FlaggedEvent(e, tuple(per_episode[e.id]))
        for e in episodes
        if e.id is not None and per_episode.get(e.id)
    ]

    def group(event: FlaggedEvent) -> int:
        if event.emergency:
            return 0
        return 2 if all(f.rule == PROFILE_ONLY_RULE for f in event.flags) else 1

    ordered = sorted(events, key=group)  # stable: oldest first within a group
    urgent = sum(1 for e in events if e.emergency)
    shown = ordered[: max(options.red_flag_limit, min(urgent, MAX_EMERGENCIES))]
    left_out: dict[str, int] = {}
    for event in ordered[len(shown) :]:
        for flag in event.flags:
            left_out[flag.rule] = left_out.get(flag.rule, 0) + 1
    return RedFlags(
        _criteria(events),
        tuple(shown),
        urgent,
        len(events) - urgent,
        left_out,
        tuple(journal_flags),
    )


def _criteria(events: Sequence[FlaggedEvent]) -> tuple[Criterion, ...]:
    from ...core.triage import ARTICLE_RULES, GUIDANCE_RULES

    counts: dict[str, int] = {}
    first: dict[str, Flag] = {}
    for event in events:
        for flag in event.flags:
            counts[flag.rule] = counts.get(flag.rule, 0) + 1
            first.setdefault(flag.rule, flag)
    order = [rule.id for rule in (*ARTICLE_RULES, *GUIDANCE_RULES)]
    ranked = sorted(
        first.values(),
        key=lambda f: (
            f.tier is not Tier.EMERGENCY,
            order.index(f.rule) if f.rule in order else 99,
        ),
    )
    return tuple(
        Criterion(f.rule, f.tier, describe.source_of(f), f.criterion, counts[f.rule])
        for f in ranked
    )
