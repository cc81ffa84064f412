"""The doctor summary as plain data: what each section says, before any page exists.

Built from the journal in plain Python (no Qt, no PDF), so what the summary
claims (the numbers, which episodes are flagged and why, which sections are
in it) is tested directly, and the PDF, the print preview and the printer
all show the same document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from ...core import patterns, words
from ...core.flag_levels import NO_FLAG_CAVEAT
from ...core.model import Episode, Onset, Profile
from ...core.patterns.periods import EARLIEST_DAY, DateRange
from ...core.patterns.treatments import BeforeAfter, before_after
from ...core.store import Journal
from ...core.triage import NOT_A_DIAGNOSIS, Flag, evaluate_journal, load_settings
from . import describe
from .numbers import KeyNumber, key_number_rows
from .red_flags import (
    RED_FLAG_LIMIT,
    RecentEvents,
    RedFlags,
    action_events,
    recent_events,
    red_flags,
)

TITLE = "Leg numbness journal: summary for a healthcare provider"
SOURCE_NOTE = "Made from patient-reported entries; not a diagnosis."
OVERVIEW_CHARTS = ("body_map", "frequency")
EXTRA_CHARTS = ("duration", "severity", "time_of_day")
TOP_ITEMS = 5
NO_EVENTS = RecentEvents((), 0, None)
DETAIL_DAYS = 90  # "the last 3 months": what fits a ten-minute appointment
TREND_DAYS = 365  # the longer trend on page 1: the last year
MAX_PAGES = 4  # before any appendix


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """What the person chose in the export dialog or on the command line."""

    first: date | None = None
    last: date | None = None
    charts: bool = False
    appendix: bool = False
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
        shown = "<1" if share == 0 and self.count else f"{share}"
        return f"{self.label}: {self.count:,} ({shown}%)"


@dataclass(frozen=True, slots=True)
class Chart:
    """A figure the renderer builds with the shared figure builders from ``data``."""

    name: str
    title: str
    description: str
    data: object


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
    recent: RecentEvents = NO_EVENTS
    trend: DateRange | None = None
    sensations: tuple[Tally, ...] = ()
    onsets: tuple[Tally, ...] = ()
    extra_charts: tuple[Chart, ...] = ()
    questions: str = ""
    appendix: tuple[tuple[Episode, tuple[Flag, ...]], ...] | None = None
    not_a_diagnosis: str = NOT_A_DIAGNOSIS
    no_flag_caveat: str = NO_FLAG_CAVEAT
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


def default_range(today: date) -> tuple[date, date]:
    """The summary's range when none is chosen: the last 3 months (90 days) up to today."""
    return today - timedelta(days=DETAIL_DAYS - 1), today


def trend_range(journal: Journal, span: DateRange) -> DateRange:
    """The overview's longer trend: the last year up to the range's end, or the whole range.

    It starts no earlier than the journal's first episode, so a young journal
    is not drawn with months of empty bars.
    """
    year = max(span.last - timedelta(days=TREND_DAYS - 1), EARLIEST_DAY)
    known = patterns.journal_span(journal)
    if known is not None:
        year = max(year, min(known[0], span.first))
    return DateRange(min(year, span.first), span.last)


def build_summary(
    journal: Journal,
    options: SummaryOptions,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> SummaryDocument:
    """Gather everything the summary shows for the chosen range (and page 1's longer trend)."""
    today = today or date.today()
    say = progress or (lambda _step: None)
    say("Reading the journal")
    profile = journal.profile()
    span = patterns.resolve_range(journal, options.first, options.last, today=today)
    trend = trend_range(journal, span) if span else None
    seen = journal.episodes(trend.first, trend.last) if trend else []
    episodes = seen
    if span is not None and trend is not None and trend != span:
        episodes = journal.episodes(span.first, span.last)
    say("Checking the medical-help criteria")
    flags = evaluate_journal(seen, profile, load_settings(journal)) if seen else None
    per_episode = flags.episodes if flags else {}
    acting = flags.needing_action() if flags else frozenset[int]()  # what charts mark flagged
    in_range = {e.id: per_episode.get(e.id, []) for e in episodes if e.id is not None}
    say("Counting patterns")
    first, last = (span.first, span.last) if span else (today, today)
    sections = ["overview", "red_flags"] if episodes else ["overview"]
    tried = _treatments(journal, span.last if span else today, today)
    if tried:
        sections.insert(1, "treatments")
    extra: tuple[Chart, ...] = ()
    if options.charts and episodes:
        flagged_ids = acting & in_range.keys()
        extra = _charts(journal, first, last, EXTRA_CHARTS, flagged_ids)
        sections.append("charts")
    questions = options.questions.strip() if episodes else ""
    if questions:
        sections.append("questions")
    appendix = None
    if options.appendix and episodes:
        appendix = tuple((e, tuple(in_range.get(e.id or -1, ()))) for e in episodes)
        sections.append("appendix")
    events = action_events(seen, per_episode)
    serious = recent_events(events, trend.first if trend else None)
    return SummaryDocument(
        title=TITLE,
        patient=profile.name.strip(),
        date_of_birth=profile.date_of_birth,
        span=span,
        made_on=today,
        conditions=_conditions(profile),
        episode_count=len(episodes),
        key_numbers=key_number_rows(patterns.key_numbers(journal, first, last), in_range)
        if episodes
        else (),
        symptoms=_symptoms(journal, first, last) if episodes else (),
        activities=_activities(journal, first, last) if episodes else (),
        position=_position(journal, first, last) if episodes else "",
        overview_charts=_overview_charts(journal, span, trend, acting) if episodes else (),
        red_flags=red_flags(
            episodes,
            in_range,
            flags.journal if flags else [],
            profile,
            options.red_flag_limit,
            events if episodes is seen else None,  # all ten years: the same list, found once
        ),
        recent=serious,
        trend=trend,
        sensations=_felt(episodes),
        onsets=_began(episodes),
        extra_charts=extra,
        questions=questions,
        appendix=appendix,
        sections=tuple(sections),
        treatments=tried,
    )


def _overview_charts(
    journal: Journal,
    span: DateRange | None,
    trend: DateRange | None,
    flagged: frozenset[int],
) -> tuple[Chart, ...]:
    """Where (over the range) and how often (over the longer trend)."""
    if span is None or trend is None:
        return ()
    where = _charts(journal, span.first, span.last, ("body_map",), flagged)
    often = _charts(journal, trend.first, trend.last, ("frequency",), flagged)
    return where + often


def _felt(episodes: Sequence[Episode]) -> tuple[Tally, ...]:
    """How it felt: each sensation's share, the most common first."""
    felt = Counter(e.sensation for e in episodes)
    return tuple(Tally(words.phrase(s), n, len(episodes)) for s, n in felt.most_common())


def _began(episodes: Sequence[Episode]) -> tuple[Tally, ...]:
    """How it began: sudden onset, gradual onset, onset not recorded."""
    began = Counter(e.onset for e in episodes)
    return tuple(Tally(words.phrase(o), began[o], len(episodes)) for o in Onset if began[o])


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
    untried = data.total - tried
    rest = f"; not tried in {untried:,}." if untried else "."
    if tried == 1:
        helped = "helped" if data.improved else "did not help"
        return f"Changing position was tried in 1 episode and {helped}{rest}"
    share = round(100 * data.improved / tried)
    return (
        f"Changing position helped in {data.improved:,} of the {tried:,} episodes where it "
        f"was tried ({share}%){rest}"
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
