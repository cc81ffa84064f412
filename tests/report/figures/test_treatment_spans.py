"""Treatments drawn over the time charts, and named in the numbers behind them."""

from __future__ import annotations

import io
from datetime import date

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from numbjournal.core import patterns
from numbjournal.core.model import Treatment, TreatmentKind
from numbjournal.core.patterns import Granularity
from numbjournal.core.store import Journal
from numbjournal.report.figures import CHARTS, build_figure, chart_named
from numbjournal.report.figures.base import day_number

NOVEMBER = (date(2026, 11, 2), date(2026, 11, 29))


@pytest.fixture
def overlapping(known: Journal) -> Journal:
    """Gabapentin from 10 Nov, still going; physiotherapy 16 to 22 Nov, overlapping it;
    and an old treatment that stopped before November, which no chart of November shows."""
    for treatment in (
        Treatment("gabapentin", TreatmentKind.MEDICATION, date(2026, 11, 10), dose="300 mg"),
        Treatment("physiotherapy", TreatmentKind.THERAPY, date(2026, 11, 16), date(2026, 11, 22)),
        Treatment("ibuprofen", TreatmentKind.MEDICATION, date(2026, 9, 1), date(2026, 9, 30)),
    ):
        known.treatments.add(treatment)
    return known


def spans(figure: Figure) -> dict[str, tuple[float, float]]:
    """Each drawn span's x extent (in days) by the treatment named in its label."""
    (ax,) = figure.axes
    labels = {
        t.get_gid(): t.get_text()
        for t in ax.findobj(Text)
        if (t.get_gid() or "").startswith("treatment-label-")
    }
    out = {}
    for patch in ax.findobj(lambda a: (a.get_gid() or "").startswith("treatment-span-")):
        index = patch.get_gid().rsplit("-", 1)[1]
        xs = (
            [x for x, _ in patch.get_xy()]
            if not isinstance(patch, Rectangle)
            else [patch.get_x(), patch.get_x() + patch.get_width()]
        )
        out[labels.get(f"treatment-label-{index}", f"#{index}")] = (min(xs), max(xs))
    return out


def legend_texts(figure: Figure) -> list[str]:
    return [t.get_text() for legend in figure.legends for t in legend.get_texts()]


@pytest.mark.parametrize("name", ["frequency", "duration", "severity"])
def test_overlapping_treatments_are_labelled_spans_on_every_time_chart(
    overlapping: Journal, name: str
) -> None:
    data = CHARTS[name].load(overlapping, *NOVEMBER)
    figure = build_figure(name, data)

    drawn = spans(figure)
    assert drawn == {
        "gabapentin started": (day_number(date(2026, 11, 10)), day_number(date(2026, 11, 30))),
        "physiotherapy started": (
            day_number(date(2026, 11, 16)),
            day_number(date(2026, 11, 23)),
        ),
    }
    assert legend_texts(figure)[-2:] == [
        "gabapentin (since 10 Nov 2026)",
        "physiotherapy (16 Nov 2026 to 22 Nov 2026)",
    ]
    # The two names sit at different heights, so neither hides the other.
    (ax,) = figure.axes
    heights = {t.get_text(): t.xy[1] for t in ax.texts if t.get_text().endswith(" started")}
    assert len(set(heights.values())) == 2


def test_a_treatment_started_before_the_range_shades_it_without_a_start_line(
    overlapping: Journal,
) -> None:
    data = patterns.frequency(
        overlapping, date(2026, 11, 16), date(2026, 11, 29), granularity=Granularity.WEEK
    )
    figure = build_figure("frequency", data)
    (ax,) = figure.axes
    gids = {a.get_gid() for a in ax.findobj() if a.get_gid()}
    assert {"treatment-span-0", "treatment-span-1", "treatment-start-1"} <= gids
    assert "treatment-start-0" not in gids, "gabapentin started before this range"


def test_without_treatments_the_chart_is_as_before(known: Journal) -> None:
    figure = build_figure("frequency", CHARTS["frequency"].load(known, *NOVEMBER))
    (ax,) = figure.axes
    assert not [a for a in ax.findobj() if (a.get_gid() or "").startswith("treatment-")]
    assert ax.get_legend() is not None and not figure.legends


def test_the_numbers_name_the_treatments_taken_each_week(overlapping: Journal) -> None:
    handle = io.StringIO()
    chart_named("frequency").csv_table(overlapping, *NOVEMBER).write_csv(handle)
    assert handle.getvalue().splitlines() == [
        "week_start,episodes,flagged,treatments",
        "2026-11-02,2,0,",
        "2026-11-09,0,0,gabapentin",
        "2026-11-16,3,1,gabapentin; physiotherapy",
        "2026-11-23,1,0,gabapentin",
    ]
    for name in ("duration", "severity"):
        table = chart_named(name).table(CHARTS[name].load(overlapping, *NOVEMBER))
        assert table.columns[-1] == "treatments"
        assert table.headings[-1] == "Treatments taken"
        by_day = {row[0]: row[-1] for row in table.rows}  # a day per row for four weeks
        assert [by_day[date(2026, 11, d)] for d in (9, 10, 16, 22, 23)] == [
            "",
            "gabapentin",
            "gabapentin; physiotherapy",
            "gabapentin; physiotherapy",
            "gabapentin",
        ]
