"""The summary's content, checked as data before any page is drawn."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from numbjournal.core.model import Episode, Location, PositionChange, Symptom
from numbjournal.core.store import Journal
from numbjournal.core.triage import Tier
from numbjournal.report.summary import SummaryOptions, build_summary

FIRST = date(2026, 11, 1)
LAST = date(2026, 11, 24)
TODAY = date(2026, 11, 25)


def _numbers(known_journal: Journal, **options: object) -> dict[str, tuple[str, str]]:
    doc = build_summary(
        known_journal,
        SummaryOptions(FIRST, LAST, **options),
        today=TODAY,  # type: ignore[arg-type]
    )
    return {n.label: (n.value, n.change) for n in doc.key_numbers}


def test_page_one_numbers_match_the_journal(known_journal: Journal) -> None:
    doc = build_summary(known_journal, SummaryOptions(FIRST, LAST), today=TODAY)
    numbers = {n.label: (n.value, n.change) for n in doc.key_numbers}

    assert doc.episode_count == 11
    assert numbers["Episodes"][0] == "11"
    assert numbers["Days with numbness"][0] == "11 of 24"
    assert numbers["Episodes per week"][0] == "3.2"
    # durations 7, 8, 10, 13, 14, 20, 21, 25 (stroke), 25, 26, 40 (pain): median 20
    assert numbers["Median duration"][0] == "20 min"
    assert numbers["Longest episode"][0] == "40 min"
    assert numbers["Median severity (0-10)"][0] == "2"
    assert numbers["Flagged episodes"] == ("2", "1 emergency, 1 see a doctor")


def test_numbers_are_compared_with_the_previous_period_of_the_same_length(
    known_journal: Journal,
) -> None:
    numbers = _numbers(known_journal)
    # 2026-10-08..2026-10-31 held the two October episodes.
    assert numbers["Episodes"][1] == "up 450% from 2 in the previous 24 days"
    assert numbers["Median duration"][1] == "up 300% from 5 min in the previous 24 days"


def test_profile_details_and_tallies(known_journal: Journal) -> None:
    doc = build_summary(known_journal, SummaryOptions(FIRST, LAST), today=TODAY)

    assert doc.patient == "Ada Example"
    assert doc.date_of_birth == date(1970, 5, 17)
    assert doc.conditions == ("Recent injury (since 2025-03-01): twisted left knee",)
    assert doc.activities[0].text == "sitting: 10 (91%)"
    assert "helped in 9 of the 11 episodes where it was tried (82%)" in doc.position
    assert [t.label for t in doc.symptoms][:1] == ["sharp or severe pain"]


def test_red_flags_list_newest_first_and_page_one_leads_with_the_emergency(
    known_journal: Journal,
) -> None:
    doc = build_summary(known_journal, SummaryOptions(FIRST, LAST), today=TODAY)
    flags = doc.red_flags

    assert [e.episode.started_at.day for e in flags.shown] == [18, 12]
    assert flags.shown[1].emergency and not flags.shown[0].emergency
    assert [e.episode.started_at.day for e in doc.recent.events] == [12]
    assert doc.recent.events[0].emergency and doc.recent.more == 0
    stroke = next(f for f in flags.shown[1].flags if f.rule == "stroke_signs")
    assert stroke.tier is Tier.EMERGENCY
    assert stroke.criterion.startswith("Numbness is associated with other signs of a stroke")
    assert flags.criteria[0].rule == "stroke_signs"
    assert flags.criteria[0].source == "the article"
    assert (flags.emergency_total, flags.see_doctor_total, flags.left_out_total) == (1, 1, 0)


def test_sections_follow_the_options(known_journal: Journal) -> None:
    bare = build_summary(known_journal, SummaryOptions(FIRST, LAST, appendix=False), today=TODAY)
    full = build_summary(
        known_journal,
        SummaryOptions(FIRST, LAST, charts=True, appendix=True, questions="  Is it my back?  "),
        today=TODAY,
    )

    assert bare.sections == ("overview", "red_flags")
    assert bare.appendix is None and not bare.extra_charts and not bare.questions
    assert full.sections == ("overview", "red_flags", "charts", "questions", "appendix")
    assert [c.name for c in full.extra_charts] == ["duration", "severity", "time_of_day"]
    assert full.questions == "Is it my back?"
    assert full.appendix is not None and len(full.appendix) == 11


def test_an_empty_range_gives_an_empty_document(known_journal: Journal) -> None:
    doc = build_summary(
        known_journal,
        SummaryOptions(date(2025, 1, 1), date(2025, 1, 31), charts=True),
        today=TODAY,
    )

    assert doc.empty and doc.episode_count == 0
    assert doc.sections == ("overview",)
    assert doc.key_numbers == () and doc.red_flags.total == 0 and doc.appendix is None
    assert doc.describe_range() == "2025-01-01 to 2025-01-31 (31 days)"


def test_a_long_journal_keeps_every_emergency_in_a_bounded_list(journal: Journal) -> None:
    tz = UTC
    start = datetime(2020, 1, 1, 8, tzinfo=tz)
    episodes = [
        Episode(start + timedelta(days=day), 45, (Location.LEFT_CALF,), symptoms=(Symptom.PAIN,))
        for day in range(0, 400)
    ]
    episodes.append(
        Episode(
            start + timedelta(days=399, hours=5),
            10,
            (Location.FACE,),
            symptoms=(Symptom.CONFUSION,),
        )
    )
    journal.import_all(episodes)

    flags = build_summary(
        journal, SummaryOptions(date(2020, 1, 1), date(2021, 3, 1)), today=TODAY
    ).red_flags

    assert len(flags.shown) == 30
    assert flags.shown[0].emergency  # the last episode logged, yet listed first
    assert flags.left_out_total == 371
    assert flags.left_out == {"persistent": 371, "pain": 371}


def test_with_nothing_before_the_range_there_is_no_comparison(journal: Journal) -> None:
    journal.import_all([Episode(datetime(2026, 11, 3, 9, tzinfo=UTC), 5, (Location.LEFT_CALF,))])
    doc = build_summary(journal, SummaryOptions(FIRST, LAST), today=TODAY)
    changes = {n.label: n.change for n in doc.key_numbers}

    assert changes["Episodes"] == "nothing logged before this range to compare"
    assert changes["Median duration"] == ""


def test_condition_only_episodes_are_one_line_per_condition(journal: Journal) -> None:
    from numbjournal.core.flag_levels import condition_line
    from numbjournal.core.model import Condition, ConditionEntry, Profile

    start = datetime(2026, 10, 1, 9, tzinfo=UTC)
    journal.import_all(
        [Episode(start + timedelta(days=d), 10, (Location.LEFT_CALF,)) for d in range(40)]
        + [
            Episode(
                start + timedelta(days=41),
                10,
                (Location.LEFT_CALF,),
                symptoms=(Symptom.SHARP_OR_SEVERE_PAIN,),
            )
        ]
    )
    journal.set_profile(Profile(conditions=(ConditionEntry(Condition.SCIATICA, date(2024, 4, 1)),)))
    doc = build_summary(journal, SummaryOptions(date(2026, 10, 1), LAST), today=TODAY)
    flags = doc.red_flags

    assert [e.episode.started_at.day for e in flags.shown] == [11]  # only the painful one
    assert (flags.condition_total, flags.see_doctor_total) == (40, 1)
    assert [condition_line(n) for n in flags.conditions] == [
        "sciatica in your profile since 2024-04-01: 40 episodes; the article says to see a "
        "provider about numbness a known condition could be causing"
    ]
    numbers = {n.label: (n.value, n.change) for n in doc.key_numbers}
    assert numbers["Flagged episodes"] == (
        "1",
        "1 see a doctor, 40 only for a condition in the profile",
    )


def test_a_small_journal_reads_naturally(journal: Journal) -> None:
    journal.import_all(
        [
            Episode(
                datetime(2026, 11, 22, 9, tzinfo=UTC),
                5,
                (Location.LEFT_CALF,),
                position_change=PositionChange.IMPROVED,
            )
        ]
    )
    doc = build_summary(journal, SummaryOptions(date(2026, 11, 20), LAST), today=TODAY)

    labels = [n.label for n in doc.key_numbers]
    assert "Episodes per week" not in labels, "no 'under a week' for a five-day range"
    assert doc.position == "Changing position was tried in 1 episode and helped."
    assert [t.text for t in doc.sensations] == ["numbness: 1 (100%)"]
    assert [t.text for t in doc.onsets] == ["onset not recorded: 1 (100%)"]
    assert doc.red_flags.total == 0
    assert "does not mean nothing is wrong" in doc.no_flag_caveat


def test_page_one_events_come_from_the_last_year_newest_first_at_most_five(
    journal: Journal,
) -> None:
    start = datetime(2025, 6, 1, 9, tzinfo=UTC)
    stroke = (Symptom.FACIAL_DROOPING,)
    journal.import_all(
        [
            Episode(start + timedelta(days=d), 10, (Location.LEFT_CALF,), symptoms=stroke)
            for d in range(0, 500, 50)  # 2025-06-01 .. 2026-08-25, every 50 days
        ]
    )
    doc = build_summary(journal, SummaryOptions(date(2026, 8, 27), LAST), today=TODAY)

    days = [e.episode.started_at.date() for e in doc.recent.events]
    assert days == sorted(days, reverse=True) and len(days) == 5
    assert days[0] == date(2026, 8, 25), "before the 3-month range, yet on page 1"
    assert doc.recent.since == date(2025, 11, 25)  # the trend: the year up to the range's end
    assert doc.recent.more == 6 - 5  # 6 of the 10 fall in that year
    assert doc.red_flags.total == 0, "the range itself holds no episode"
    assert doc.trend is not None and doc.trend.first == date(2025, 11, 25)
