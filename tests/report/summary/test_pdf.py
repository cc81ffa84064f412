"""The summary as a PDF file: what a reader extracts from it, its pages, metadata and mode."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from numbjournal.core.atomic import FileWriteError
from numbjournal.core.model import (
    Condition,
    ConditionEntry,
    Episode,
    Location,
    PositionChange,
    Profile,
    Symptom,
)
from numbjournal.core.store import Journal
from numbjournal.report.summary import Paper, SummaryOptions, build_summary
from numbjournal.report.summary.render import Cancelled, write_pdf

FIRST = date(2026, 11, 1)
LAST = date(2026, 11, 24)
TODAY = date(2026, 11, 25)
STROKE_CRITERION = (
    "Numbness is associated with other signs of a stroke, such as facial drooping, "
    "difficulty speaking, or confusion."
)
PAIN_CRITERION = "There is pain, especially sharp or severe pain, along with numbness."

PdfText = Callable[[Path], list[str]]


def _export(journal: Journal, path: Path, **options: object) -> Path:
    paper = options.pop("paper", Paper.A4)
    first = options.pop("first", FIRST)
    last = options.pop("last", LAST)
    doc = build_summary(journal, SummaryOptions(first, last, **options), today=TODAY)  # type: ignore[arg-type]
    write_pdf(doc, path, paper)  # type: ignore[arg-type]
    return path


@pytest.mark.usefixtures("qapp")
def test_page_one_gives_back_the_numbers_and_the_patient(
    known_journal: Journal, tmp_path: Path, pdf_text: PdfText
) -> None:
    pages = pdf_text(_export(known_journal, tmp_path / "summary.pdf"))
    first = pages[0]

    assert "Patient: Ada Example · born 1970-05-17" in first
    assert "Range: 2026-11-01 to 2026-11-24 (24 days) · 11 episodes · made on 2026-11-25" in first
    assert "Made from patient-reported entries; not a diagnosis." in first
    assert "Recent injury (since 2025-03-01): twisted left knee" in first
    assert "Median duration 20 min up 300% from 5 min in the previous 24 days" in first
    assert "Episodes per week 3.2" in first
    assert "Red flags: 1 episode matched an EMERGENCY criterion" in first
    assert "Changing position helped in 9 of the 11 episodes" in first
    for number, page in enumerate(pages, start=1):
        assert "Ada Example" in page
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.usefixtures("qapp")
def test_flagged_episodes_show_their_dates_and_quoted_criteria(
    known_journal: Journal, tmp_path: Path, pdf_text: PdfText
) -> None:
    pages = pdf_text(_export(known_journal, tmp_path / "summary.pdf", appendix=False))
    flags_page = pages[1]

    assert "Red-flag events" in flags_page
    assert f"“{STROKE_CRITERION}”" in flags_page
    assert f"“{PAIN_CRITERION}”" in flags_page
    assert "“The article” is “What Causes Numbness in the Legs?”" in flags_page
    stroke_row = flags_page.index("2026-11-12 07:00 (Thu)")
    pain_row = flags_page.index("2026-11-18 14:00 (Wed)")
    assert pain_row < stroke_row  # newest first (the emergency leads page 1 instead)
    assert "EMERGENCY, stroke signs (the article): facial drooping and difficulty speaking" in (
        flags_page
    )
    assert "not a diagnosis" in flags_page
    assert (
        "For the patient: Seek immediate medical attention: call your local emergency number now"
        in (flags_page)
    )
    assert "even if the symptoms have passed" in flags_page


@pytest.mark.usefixtures("qapp")
def test_sections_appear_only_when_chosen(
    known_journal: Journal, tmp_path: Path, pdf_text: PdfText
) -> None:
    bare = " ".join(pdf_text(_export(known_journal, tmp_path / "bare.pdf", appendix=False)))
    full = " ".join(
        pdf_text(
            _export(
                known_journal,
                tmp_path / "full.pdf",
                charts=True,
                appendix=True,
                questions="Could this be my back?\nShould I stop cycling?",
            )
        )
    )

    for heading in ("More charts", "The patient's questions", "Appendix: every episode"):
        assert heading not in bare
        assert heading in full
    assert "Could this be my back? Should I stop cycling?" in full
    assert "Appendix: every episode in the range (11 episodes)" in full
    assert "sharp pain while walking uphill" in full  # a note, in the log


@pytest.mark.usefixtures("qapp")
def test_metadata_holds_only_a_title_and_the_app_name(
    known_journal: Journal, tmp_path: Path
) -> None:
    path = _export(known_journal, tmp_path / "summary.pdf")
    meta = PdfReader(path).metadata
    assert meta is not None
    assert meta.title == "Leg numbness journal summary"
    assert meta.creator == "numbjournal"
    assert not meta.author and not meta.subject and not meta.get("/Keywords")
    raw = path.read_bytes()
    for secret in (str(tmp_path), os.uname().nodename, Path.home().name, "Ada Example"):
        assert secret.encode() not in raw.split(b"stream")[0]  # not in the document info
    assert str(tmp_path).encode() not in raw


@pytest.mark.usefixtures("qapp")
def test_the_file_is_private_and_nothing_else_is_left_behind(
    known_journal: Journal, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = _export(known_journal, folder / "summary.pdf")

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["summary.pdf"]


@pytest.mark.usefixtures("qapp")
def test_a_stopped_or_failed_export_leaves_no_file(known_journal: Journal, tmp_path: Path) -> None:
    doc = build_summary(known_journal, SummaryOptions(FIRST, LAST), today=TODAY)
    folder = tmp_path / "out"
    folder.mkdir()
    seen: list[str] = []

    def stop_halfway(fraction: float, what: str) -> bool:
        seen.append(what)
        return fraction < 0.5

    with pytest.raises(Cancelled):
        write_pdf(doc, folder / "summary.pdf", Paper.A4, stop_halfway)
    with pytest.raises(FileWriteError, match="the folder does not exist"):
        write_pdf(doc, folder / "missing" / "summary.pdf", Paper.A4)

    assert list(folder.iterdir()) == []
    assert seen[0] == "Drawing the overview"


@pytest.mark.usefixtures("qapp")
def test_a4_and_us_letter(known_journal: Journal, tmp_path: Path) -> None:
    a4 = PdfReader(_export(known_journal, tmp_path / "a4.pdf", paper=Paper.A4))
    letter = PdfReader(_export(known_journal, tmp_path / "letter.pdf", paper=Paper.LETTER))

    assert [round(float(v)) for v in a4.pages[0].mediabox[2:]] == [595, 842]
    assert [round(float(v)) for v in letter.pages[0].mediabox[2:]] == [612, 792]


@pytest.mark.usefixtures("qapp")
def test_an_empty_range_is_one_clear_page(
    known_journal: Journal, tmp_path: Path, pdf_text: PdfText
) -> None:
    pages = pdf_text(
        _export(
            known_journal, tmp_path / "empty.pdf", first=date(2025, 1, 1), last=date(2025, 1, 31)
        )
    )

    assert len(pages) == 1
    assert "No episodes in this range." in pages[0]
    assert "No episode was logged between 2025-01-01 and 2025-01-31" in pages[0]
    assert "Page 1 of 1" in pages[0]


@pytest.mark.slow
@pytest.mark.usefixtures("qapp")
def test_ten_years_give_a_bounded_overview_and_the_whole_log(
    journal: Journal, tmp_path: Path, pdf_text: PdfText
) -> None:
    start = datetime(2016, 11, 1, 20, 0, tzinfo=UTC)
    episodes = [
        Episode(
            start + timedelta(days=7 * n),
            45 if n % 4 == 0 else 5,
            (Location.LEFT_CALF,),
            position_change=PositionChange.IMPROVED,
            symptoms=(Symptom.FACIAL_DROOPING,) if n % 97 == 0 else (),
        )
        for n in range(522)  # ten years, one episode a week
    ]
    journal.import_all(episodes)
    journal.set_profile(Profile(conditions=(ConditionEntry(Condition.SCIATICA, date(2024, 4, 1)),)))
    emergencies = sorted((e for e in episodes if e.symptoms), key=lambda e: e.started_at)
    newest = emergencies[-1]
    flagged = [e for e in episodes if e.symptoms or e.duration_minutes == 45]

    pages = pdf_text(
        _export(
            journal, tmp_path / "ten-years.pdf", first=date(2016, 11, 1), last=LAST, appendix=True
        )
    )

    first = pages[0]
    assert "522 episodes" in first
    # Page 1 leads with the newest emergency: its date and what was logged.
    events = first.index("Most recent emergency and urgent events")
    assert first.index(f"EMERGENCY · {newest.started_at:%Y-%m-%d %H:%M}") > events
    assert "With: facial drooping." in first
    assert "and 1 more emergency or urgent event since 2016-11-01" in first
    before_log = [p for p in pages if "Started Lasted" not in p]
    assert len(before_log) <= 4, "at most four pages before the appendix"
    red_flags = " ".join(p for p in before_log[1:])
    # The red-flag list runs newest first, and no emergency gives way to the page limit.
    listed = re.findall(r"(\d{4}-\d{2}-\d{2}) \d{2}:\d{2} \(\w{3}\) lasted", red_flags)
    newest_flagged = max(e.started_at for e in flagged).date().isoformat()
    assert listed[0] == newest_flagged
    assert listed == sorted(listed, reverse=True)
    assert red_flags.count("EMERGENCY, stroke signs") == len(emergencies) == 6
    not_listed = len(flagged) - len(listed)
    assert f"{not_listed} more flagged episodes not listed here" in red_flags
    assert "each is marked in the appendix" in red_flags
    log = " ".join(p for p in pages if "Started Lasted" in p)
    assert "Appendix: every episode in the range (522 episodes)" in log
    for episode in episodes:
        assert f"{episode.started_at:%Y-%m-%d %H:%M}" in log


@pytest.mark.usefixtures("qapp")
def test_a_note_longer_than_a_page_continues_under_a_repeated_header(
    journal: Journal, tmp_path: Path, pdf_text: PdfText
) -> None:
    words = [f"w{n:04d}" for n in range(1600)]  # 9,599 characters, about two pages of column
    journal.import_all(
        [
            Episode(datetime(2026, 11, 3, 9, tzinfo=UTC), 5, (Location.LEFT_CALF,)),
            Episode(
                datetime(2026, 11, 4, 9, tzinfo=UTC),
                5,
                (Location.LEFT_CALF,),
                notes=" ".join(words),
            ),
        ]
    )

    pages = pdf_text(_export(journal, tmp_path / "long.pdf", appendix=True))
    log_pages = [p for p in pages if "Started Lasted Sev." in p]

    assert len(log_pages) >= 3  # the header came back on every page the note runs onto
    assert "w0000" in log_pages[0]  # the row began where there was room, not on a new page
    text = " ".join(log_pages)
    assert all(word in text for word in words)  # nothing cut off at a page edge
    assert all(text.count(word) == 1 for word in words)  # nor drawn past it and again
    assert "Appendix: every episode in the range (2 episodes)" in log_pages[0]


@pytest.mark.usefixtures("qapp")
def test_charts_are_drawn_as_vectors_not_one_bitmap_per_hatched_bar(
    known_journal: Journal, tmp_path: Path
) -> None:
    # The hatched (flagged) bars once became a 70 KB bitmap each: megabytes for a year.
    path = _export(known_journal, tmp_path / "summary.pdf", charts=True, appendix=False)
    reader = PdfReader(path)

    bitmaps = [image.name for page in reader.pages for image in page.images]
    # The colour scales and the time-of-day heat map are pictures; the bars are not.
    assert len(bitmaps) <= 3
    assert path.stat().st_size < 400_000


@pytest.mark.usefixtures("qapp")
def test_a_small_journal_with_no_flag_reads_naturally_and_does_not_reassure(
    journal: Journal, tmp_path: Path, pdf_text: PdfText
) -> None:
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
    pages = pdf_text(_export(journal, tmp_path / "small.pdf", first=date(2026, 11, 20)))

    assert len(pages) == 1
    first = pages[0]
    assert "under a week" not in first and "1 of the 1" not in first
    assert "Changing position was tried in 1 episode and helped." in first
    assert "How it felt numbness: 1 (100%)" in first
    assert "No emergency or urgent event since" in first
    assert "No episode in this range matched a medical-help criterion" in first
    assert "That does not mean nothing is wrong" in first


@pytest.mark.slow
@pytest.mark.usefixtures("qapp")
def test_twenty_thousand_episodes_keep_the_newest_emergency_on_page_one(
    journal: Journal, tmp_path: Path
) -> None:
    start = datetime(2016, 12, 1, 7, 0, tzinfo=UTC)
    episodes = [
        Episode(
            start + timedelta(hours=4 * n),
            20,
            (Location.LEFT_CALF,),
            position_change=PositionChange.NOT_IMPROVED if n % 3 else PositionChange.IMPROVED,
            symptoms=(Symptom.CONFUSION,) if n % 1999 == 0 else (),
        )
        for n in range(20_000)
    ]
    journal.import_all(episodes)
    newest = max((e for e in episodes if e.symptoms), key=lambda e: e.started_at)

    # All time; a year; and the last 3 months, after the last episode (an empty range).
    for first, last in ((None, None), (date(2025, 12, 1), LAST), (date(2026, 8, 27), LAST)):
        path = _export(journal, tmp_path / f"big-{first}.pdf", first=first, last=last)
        reader = PdfReader(path)
        page_one = " ".join((reader.pages[0].extract_text() or "").split())
        assert f"EMERGENCY · {newest.started_at:%Y-%m-%d %H:%M}" in page_one
        assert "With: confusion." in page_one
        assert len(reader.pages) <= 4


@pytest.mark.usefixtures("qapp")
def test_a_busy_quarter_stays_within_four_full_pages(
    journal: Journal, tmp_path: Path, pdf_text: PdfText
) -> None:
    """Many red flags of many kinds in 90 days: page 1's red-flag line once spilled
    alone onto a near-empty page 2, and the closing "not a diagnosis" line onto a
    fifth page."""
    kinds = [
        (),
        (Symptom.FACIAL_DROOPING,),
        (Symptom.WEAKNESS, Symptom.PAIN),
        (),
        (Symptom.COORDINATION_PROBLEMS,),
        (Symptom.BACK_PAIN, Symptom.BLADDER_OR_BOWEL_CHANGES),
        (Symptom.VISION_PROBLEMS,),
        (Symptom.SWELLING_OR_BRUISING, Symptom.PAIN),
        (Symptom.BURNING,),
        (Symptom.FATIGUE, Symptom.CRAMPING),
        (Symptom.LOSS_OF_BALANCE,),
    ]
    places = [
        (Location.LEFT_CALF,),
        (Location.RIGHT_THIGH_FRONT, Location.RIGHT_SOLE),
        (Location.LEFT_TOES, Location.RIGHT_TOES),
        (Location.LEFT_KNEE, Location.LEFT_ANKLE),
    ]
    end = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
    journal.set_profile(Profile(conditions=(ConditionEntry(Condition.SCIATICA),)))
    journal.import_all(
        [
            Episode(
                end - timedelta(hours=6 * n + n % 5),
                5 + (n * 7) % 50,
                places[n % len(places)],
                severity=1 + n % 9,
                position_change=PositionChange.NOT_IMPROVED if n % 2 else PositionChange.IMPROVED,
                symptoms=kinds[n % len(kinds)],
            )
            for n in range(360)
        ]
    )
    path = _export(journal, tmp_path / "busy.pdf", first=date(2026, 8, 27), last=LAST)
    pages = pdf_text(path)

    assert len(pages) <= 4
    assert all(len(page) > 1500 for page in pages), [len(page) for page in pages]
    assert "This journal is not a diagnosis" in pages[-1]
