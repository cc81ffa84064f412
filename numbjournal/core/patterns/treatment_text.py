"""The before/after figures and a treatment's dates as sentences.

Used by the command line, the window and the summary alike; the names come
from ``core/words.py``. The figures are what came after a treatment
started: the wording never says the treatment caused a change.
"""

from __future__ import annotations

from datetime import date

from .. import words
from ..model import Treatment
from .treatments import MIN_DAYS, MIN_EPISODES, BeforeAfter, ReliefCounts, Side


def day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def treatment_dates(treatment: Treatment) -> str:
    """ "since 4 Mar 2026" or "4 Mar 2026 to 20 Apr 2026"."""
    if treatment.stopped is None:
        return f"since {day(treatment.started)}"
    return f"{day(treatment.started)} to {day(treatment.stopped)}"


def treatment_title(treatment: Treatment) -> str:
    """ "gabapentin, 300 mg at night" (the name, and the dose when there is one)."""
    return f"{treatment.name}, {treatment.dose}" if treatment.dose else treatment.name


def length(days: int) -> str:
    if days % 7 == 0 and days >= 7:
        weeks = days // 7
        return f"{weeks} week" + ("" if weeks == 1 else "s")
    return f"{days} day" + ("" if days == 1 else "s")


def per_week(side: Side) -> str:
    if side.per_week is None:
        return "too little time to say"
    return f"{side.per_week:.1f} a week"


def episodes(count: int) -> str:
    return words.count(count, "episode")


def median_minutes(side: Side) -> str:
    if side.median_minutes is None:
        return f"too few timed episodes for a median (fewer than {MIN_EPISODES})"
    return f"median {words.duration(side.median_minutes)} (of {side.timed})"


def median_severity(side: Side) -> str:
    if side.median_severity is None:
        return f"too few episodes for a median (fewer than {MIN_EPISODES})"
    return f"median {side.median_severity:g}/10 (of {side.episodes})"


def side_sentence(result: BeforeAfter, which: str) -> str:
    """One line: "After starting (8 weeks): 0.5 a week, 4 episodes; ..."."""
    side = result.after if which == "after" else result.before
    head = "After starting" if which == "after" else "Before starting"
    return (
        f"{head} ({length(side.days)}): {per_week(side)} ({episodes(side.episodes)}); "
        f"length {median_minutes(side)}; severity {median_severity(side)}"
    )


def comparison_lines(result: BeforeAfter) -> list[str]:
    """The before/after figures of one treatment as a few short lines."""
    if not result.enough:
        if result.after.span is None:
            why = "no days to compare"
        else:
            why = f"only {length(result.days)} each side, at least {length(MIN_DAYS)} needed"
        lines = [f"Too little data to compare before and after ({why})."]
    else:
        lines = [side_sentence(result, "before"), side_sentence(result, "after")]
    if result.limits:
        lines.append("Note: " + "; ".join(result.limits) + ".")
    return lines


def relief_line(counts: ReliefCounts) -> str:
    """ "Taken during 4 episodes: helped 2, a little 1, did not help 1"."""
    if not counts.total:
        return "No episode records taking it for relief."
    return (
        f"Taken during {episodes(counts.total)}: helped {counts.yes}, a little "
        f"{counts.a_little}, did not help {counts.no}."
    )
