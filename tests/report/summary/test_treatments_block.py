"""The summary's "Treatments tried" block: the treatment, its dates, before/after, relief."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from numbjournal.core.model import Helped, Relief, Treatment, TreatmentKind
from numbjournal.core.store import Journal
from numbjournal.report.summary import Paper, SummaryOptions, build_summary
from numbjournal.report.summary.render import write_pdf

FIRST = date(2026, 11, 1)
LAST = date(2026, 11, 24)
TODAY = date(2026, 11, 25)


@pytest.fixture
def treated(known_journal: Journal) -> Journal:
    """Gabapentin from Tuesday 10 November, taken once for an episode that it helped."""
    saved = known_journal.treatments.add(
        Treatment(
            "gabapentin", TreatmentKind.MEDICATION, date(2026, 11, 10), dose="300 mg at night"
        )
    )
    assert saved.id is not None
    (episode,) = known_journal.episodes(date(2026, 11, 20), date(2026, 11, 20))
    known_journal.update(dataclasses.replace(episode, relief=(Relief(saved.id, Helped.YES),)))
    return known_journal


def test_the_document_holds_the_figures_before_and_after(treated: Journal) -> None:
    doc = build_summary(treated, SummaryOptions(FIRST, LAST), today=TODAY)

    (result,) = doc.treatments
    assert doc.sections[:2] == ("overview", "treatments")
    # After: 10 to 25 November (today), 16 days; before: the 16 days up to 9 November.
    assert result.days == 16
    assert (result.before.episodes, result.after.episodes) == (5, 6)
    assert (result.before.median_minutes, result.after.median_minutes) == (10.0, 25.0)
    assert (result.relief.yes, result.relief.total) == (1, 1)


def test_without_treatments_there_is_no_block(known_journal: Journal) -> None:
    doc = build_summary(known_journal, SummaryOptions(FIRST, LAST), today=TODAY)
    assert doc.treatments == () and "treatments" not in doc.sections


def test_a_treatment_started_after_the_range_is_left_out(treated: Journal) -> None:
    doc = build_summary(treated, SummaryOptions(FIRST, date(2026, 11, 9)), today=TODAY)
    assert doc.treatments == ()


@pytest.mark.usefixtures("qapp")
def test_the_pdf_says_how_often_before_and_after_starting(
    treated: Journal, tmp_path: Path, pdf_text: Callable[[Path], list[str]]
) -> None:
    path = tmp_path / "summary.pdf"
    write_pdf(build_summary(treated, SummaryOptions(FIRST, LAST), today=TODAY), path, Paper.A4)
    pages = pdf_text(path)

    (page,) = [p for p in pages if p.lstrip().startswith("Treatments tried")]
    assert pages.index(page) == 1, "right after the first page"
    for words in (
        "gabapentin Medication 300 mg at night",
        "since 10 Nov 2026",
        "2.2 a week (5 episodes)",
        "length: median 10 min (of 5)",
        "2.6 a week (6 episodes)",
        "length: median 25 min (of 6)",
        "severity: median 2/10 (of 6)",
        "25 Oct 2026 to 9 Nov 2026",
        "10 Nov 2026 to 25 Nov 2026",
        "helped 1",
        "not proof of what a treatment did",
        "each side is 16 days instead of 8 weeks; today is 25 Nov 2026.",
    ):
        assert words in page, words
    assert "because of" not in page
    assert "listed newest first after the Treatments tried page" in pages[0]
    assert "Red-flag events" in pages[2]
