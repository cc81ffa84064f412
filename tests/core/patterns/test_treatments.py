"""Before and after a treatment started, on hand-made journals whose figures are known."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from numbjournal.core.model import Episode, Helped, Location, Relief, Treatment, TreatmentKind
from numbjournal.core.patterns.periods import DateRange
from numbjournal.core.patterns.treatments import before_after, windows
from numbjournal.core.store import Journal

WEDNESDAY = date(2026, 3, 4)
TODAY = date(2026, 6, 1)


def log(
    journal: Journal,
    when: datetime,
    minutes: int | None = 10,
    severity: int = 3,
    relief: tuple[Relief, ...] = (),
) -> None:
    journal.add(
        Episode(
            started_at=when.astimezone(),
            duration_minutes=minutes,
            locations=(Location.LEFT_SOLE,),
            severity=severity,
            relief=relief,
        )
    )


def medication(name: str = "gabapentin", started: date = WEDNESDAY, **changes: object) -> Treatment:
    return Treatment(name, TreatmentKind.MEDICATION, started, **changes)  # type: ignore[arg-type]


def test_a_treatment_starting_mid_week_compares_eight_weeks_each_side(journal: Journal) -> None:
    log(journal, datetime(2025, 12, 1, 9))  # the journal was kept well before
    before_days = [WEDNESDAY - timedelta(days=d) for d in range(1, 57, 7)]  # 8, one a week...
    before_days += [WEDNESDAY - timedelta(days=d) for d in range(3, 57, 7)]  # ...and another
    for n, day in enumerate(sorted(before_days)):
        log(
            journal,
            datetime.combine(day, datetime.min.time()).replace(hour=23, minute=30),
            minutes=20 + n,
            severity=6,
        )
    # The day before it started (late evening) is before; the day it started is after.
    for day, minutes in (
        (WEDNESDAY, 4),
        (WEDNESDAY + timedelta(days=20), 6),
        (WEDNESDAY + timedelta(days=41), 8),
        (WEDNESDAY + timedelta(days=55), None),
    ):
        log(
            journal,
            datetime.combine(day, datetime.min.time()).replace(hour=0, minute=30),
            minutes=minutes,
            severity=2,
        )
    log(journal, datetime.combine(WEDNESDAY + timedelta(days=56), datetime.min.time()))  # outside
    journal.treatments.add(medication())

    (result,) = before_after(journal, today=TODAY)

    assert result.before.span == DateRange(date(2026, 1, 7), date(2026, 3, 3))
    assert result.after.span == DateRange(date(2026, 3, 4), date(2026, 4, 28))
    assert result.limits == () and result.enough
    assert (result.before.episodes, result.before.per_week) == (16, 2.0)
    assert (result.after.episodes, result.after.per_week) == (4, 0.5)
    assert result.before.median_minutes == 27.5  # 20..35
    assert (result.after.timed, result.after.median_minutes) == (3, 6.0)  # one still going
    assert (result.before.median_severity, result.after.median_severity) == (6.0, 2.0)


def test_a_recent_start_says_there_is_not_enough_data(journal: Journal) -> None:
    log(journal, datetime(2026, 1, 5, 9))
    for day in range(20, 31):
        log(journal, datetime(2026, 5, day, 9))
    journal.treatments.add(medication(started=date(2026, 5, 22)))

    (result,) = before_after(journal, today=TODAY)

    assert result.days == 11 and not result.enough
    assert result.limits == ("each side is 11 days instead of 8 weeks", "today is 1 Jun 2026")
    assert (result.before.episodes, result.after.episodes) == (2, 9)
    assert result.before.per_week is None and result.after.per_week is None
    assert result.before.median_minutes is None, "two episodes are not a median"
    assert result.after.median_minutes == 10.0, "nine are, even over a short time"


def test_at_the_threshold_two_weeks_give_a_rate(journal: Journal) -> None:
    log(journal, datetime(2026, 1, 5, 9))
    journal.treatments.add(medication(started=TODAY - timedelta(days=13)))
    (result,) = before_after(journal, today=TODAY)
    assert result.days == 14 and result.enough
    assert (result.before.per_week, result.after.per_week) == (0.0, 0.0)


def test_another_treatment_starting_cuts_both_sides_and_says_so(journal: Journal) -> None:
    log(journal, datetime(2025, 6, 1, 9))
    journal.treatments.add(medication())
    journal.treatments.add(
        Treatment("physiotherapy", TreatmentKind.THERAPY, WEDNESDAY + timedelta(days=21))
    )

    first, second = before_after(journal, today=TODAY)

    assert first.after.span == DateRange(WEDNESDAY, WEDNESDAY + timedelta(days=20))
    assert first.before.span == DateRange(
        WEDNESDAY - timedelta(days=21), WEDNESDAY - timedelta(days=1)
    )
    assert first.limits == (
        "each side is 3 weeks instead of 8 weeks",
        "physiotherapy started on 25 Mar 2026",
    )
    # The later one's before side stops at the earlier one's start, also said.
    assert second.before.span is not None and second.before.span.first == WEDNESDAY
    assert "gabapentin started on 4 Mar 2026" in second.limits


def test_the_journal_start_and_the_treatment_stop_cut_the_sides(journal: Journal) -> None:
    log(journal, datetime(2026, 2, 20, 9))
    journal.treatments.add(medication(stopped=date(2026, 4, 20)))
    (result,) = before_after(journal, today=TODAY)
    assert result.days == 12  # from 20 Feb, the first episode, to 3 Mar
    assert "the journal's first episode is on 20 Feb 2026" in result.limits
    stopped = windows(
        medication(started=date(2026, 1, 1), stopped=date(2026, 1, 21)),
        [],
        today=TODAY,
        first_day=date(2025, 1, 1),
    )
    assert stopped[1] == DateRange(date(2026, 1, 1), date(2026, 1, 21))
    assert stopped[2] == ("each side is 3 weeks instead of 8 weeks", "it stopped on 21 Jan 2026")


def test_no_episodes_at_all_gives_no_windows(journal: Journal) -> None:
    journal.treatments.add(medication())
    (result,) = before_after(journal, today=TODAY)
    assert result.before.span is None and result.after.span is None and not result.enough
    assert "the journal has no episodes yet" in result.limits


def test_relief_answers_are_counted_per_treatment(journal: Journal) -> None:
    gaba = journal.treatments.add(medication())
    ibu = journal.treatments.add(medication("ibuprofen", started=date(2026, 1, 1)))
    assert gaba.id is not None and ibu.id is not None
    for helped in (Helped.YES, Helped.YES, Helped.A_LITTLE, Helped.NO):
        log(
            journal,
            datetime(2026, 3, 10, 9 + len(journal.episodes())),
            relief=(Relief(gaba.id, helped),),
        )
    log(journal, datetime(2026, 3, 11, 9), relief=(Relief(ibu.id, Helped.NO),))

    by_name = {r.treatment.name: r.relief for r in before_after(journal, today=TODAY)}

    assert (
        by_name["gabapentin"].yes,
        by_name["gabapentin"].a_little,
        by_name["gabapentin"].no,
    ) == (2, 1, 1)
    assert by_name["ibuprofen"].total == 1 and by_name["ibuprofen"].no == 1


@pytest.mark.parametrize("weeks", [4, 12])
def test_the_length_of_each_side_can_be_chosen(weeks: int) -> None:
    before, after, limits = windows(
        medication(), [], today=TODAY, first_day=date(2025, 1, 1), weeks=weeks
    )
    assert before is not None and after is not None
    assert before.days == after.days == 7 * weeks and limits == ()


def test_a_switch_from_one_medicine_to_the_next_is_said_not_cut() -> None:
    old = medication("amitriptyline", started=date(2025, 11, 1), stopped=WEDNESDAY - timedelta(1))
    new = medication()
    before, after, limits = windows(new, [old, new], today=TODAY, first_day=date(2025, 1, 1))
    assert before is not None and before.days == after.days == 56  # type: ignore[union-attr]
    assert limits == ("amitriptyline stopped on 3 Mar 2026, within these weeks",)
