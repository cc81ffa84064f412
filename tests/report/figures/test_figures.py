"""Charts are checked through what they draw: bar heights, labels, texts, tooltips."""

from __future__ import annotations

import gc
import io
import weakref
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from numbjournal.core import patterns
from numbjournal.core.model import Location
from numbjournal.core.patterns import Granularity
from numbjournal.core.store import Journal
from numbjournal.report.figures import CHARTS, build_figure, chart_named
from numbjournal.report.figures.base import EMPTY_MESSAGE, day_number, hover_text
from numbjournal.report.figures.frequency import EPISODES_LABEL, FLAGGED_LABEL
from numbjournal.report.figures.theme import DARK, LIGHT
from numbjournal.report.figures.time_of_day import CELLS_LABEL

NOVEMBER = (date(2026, 11, 2), date(2026, 11, 29))  # the known journal's four weeks


def texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


def column_boxes(ax: Axes, label: str) -> list[Bbox]:
    """Each upright bar of a series, left to right, in data coordinates."""
    found = [c for c in ax.collections if c.get_label() == label]
    assert found and all(isinstance(c, PolyCollection) for c in found)
    boxes = [path.get_extents() for c in found for path in c.get_paths()]
    return sorted(boxes, key=lambda box: box.x0)


def bars(figure: Figure, label: str) -> list[float]:
    (ax,) = [a for a in figure.axes if a.collections]
    return [box.y1 for box in column_boxes(ax, label)]


def hover_at(figure: Figure, x: float, y: float) -> str | None:
    figure.canvas.draw()
    return hover_text(figure, MouseEvent("motion_notify_event", figure.canvas, x, y))


def test_weekly_frequency_bars_show_episodes_and_flagged(known: Journal) -> None:
    data = patterns.frequency(known, *NOVEMBER, granularity=Granularity.WEEK)
    figure = build_figure("frequency", data)
    assert bars(figure, EPISODES_LABEL) == [2, 0, 3, 1]
    assert bars(figure, FLAGGED_LABEL) == [0, 0, 1, 0]
    shown = texts(figure)
    assert "How often: episodes per week" in shown
    assert any("6 episodes, 1 flagged" in t for t in shown)
    assert any(t.startswith("Trend: ") and t.endswith(" per week") for t in shown)


def test_frequency_tooltip_names_the_week_and_its_numbers(known: Journal) -> None:
    data = patterns.frequency(known, *NOVEMBER, granularity=Granularity.WEEK)
    figure = build_figure("frequency", data)
    (ax,) = figure.axes
    third = column_boxes(ax, EPISODES_LABEL)[2]
    figure.canvas.draw()
    x, y = ax.transData.transform(((third.x0 + third.x1) / 2, third.y1 / 2))
    assert hover_at(figure, x, y) == "week of 16 Nov 2026\n3 episodes, 1 flagged"


def test_one_episode_draws_a_bar_but_no_trend_line(journal: Journal, log_at: object) -> None:
    log_at("2026-11-12 09:00")  # type: ignore[operator]
    figure = build_figure("frequency", patterns.frequency(journal, *NOVEMBER))
    assert sum(bars(figure, EPISODES_LABEL)) == 1
    assert "Too few episodes for a trend line" in texts(figure)


@pytest.mark.parametrize("name", list(CHARTS))
def test_empty_range_says_so_and_draws_no_axes(journal: Journal, name: str) -> None:
    chart = chart_named(name)
    for data in (chart.load(journal, None, None), chart.load(journal, *NOVEMBER)):
        figure = chart.build(data)
        assert figure.axes == []
        assert EMPTY_MESSAGE in texts(figure)


@pytest.mark.parametrize("name", list(CHARTS))
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_chart_renders_to_png_and_svg(known: Journal, name: str, theme: str) -> None:
    chart = chart_named(name)
    figure = chart.build(chart.load(known, *NOVEMBER), theme=theme)
    assert figure.get_facecolor()[:3] == pytest.approx(
        tuple(
            int((LIGHT if theme == "light" else DARK).background[i : i + 2], 16) / 255
            for i in (1, 3, 5)
        )
    )
    png, svg = io.BytesIO(), io.BytesIO()
    figure.savefig(png, format="png")
    figure.savefig(svg, format="svg")
    assert png.getvalue().startswith(b"\x89PNG")
    assert b"<svg" in svg.getvalue()
    assert EMPTY_MESSAGE not in texts(figure)


def test_duration_chart_plots_median_and_longest(known: Journal) -> None:
    data = patterns.duration(known, *NOVEMBER, granularity=Granularity.WEEK)
    figure = build_figure("duration", data)
    (ax,) = figure.axes
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}
    median = lines["Median duration"]
    assert [m for m in median if m == m] == [8.0, 5.0, 5.0]  # NaN marks the empty week
    assert [v for v in lines["Longest episode"] if v == v] == [12, 25, 5]


def test_severity_chart_plots_the_rolling_average(known: Journal) -> None:
    data = patterns.severity(known, *NOVEMBER, granularity=Granularity.WEEK)
    figure = build_figure("severity", data)
    (ax,) = figure.axes
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}
    assert lines["Rolling average over 4 weeks"] == pytest.approx([3.0, 3.0, 4.0, 3.833333])
    assert ax.get_ylim()[0] < 0 < 10 < ax.get_ylim()[1]


def test_time_of_day_cells_and_tooltip(known: Journal) -> None:
    figure = build_figure("time_of_day", patterns.time_of_day(known, *NOVEMBER))
    ax = figure.axes[0]
    (cells,) = [c for c in ax.collections if c.get_label() == CELLS_LABEL]
    grid = cells.get_array()
    assert grid[0, 8] == 1 and grid[6, 23] == 1 and grid[2, 21] == 1
    assert grid[0, 0] == 1  # Monday 16th, 00:30
    assert grid.mask[3, 3]  # no episode: drawn as "none", not as a low count
    figure.canvas.draw()
    x, y = ax.transData.transform((23, 6))
    assert hover_at(figure, x, y) == "Sundays, 23:00 to 23:59\n1 episode"


def test_body_map_colours_regions_by_count_and_totals_sides(known: Journal) -> None:
    data = patterns.body_map(known, *NOVEMBER)
    figure = build_figure("body_map", data)
    regions = {
        patch.get_gid(): patch.get_facecolor()
        for patch in figure.findobj(Polygon)
        if (patch.get_gid() or "").startswith("region-")
    }
    assert set(regions) == {f"region-{loc}" for loc in Location}
    untouched = regions["region-saddle"]
    assert regions["region-left_calf"] != untouched
    assert regions["region-left_calf"] != regions["region-right_calf"]  # 4 against 1
    shown = texts(figure)
    assert "4" in shown  # the left calf's count on the map
    assert "  5 (83%)" in shown and "  2 (33%)" in shown  # left leg 5, right leg 2 of 6
    assert shown.count("  1 (17%)") == 2  # both legs; elsewhere (the face)
    # 5 + 2 + 1 of 6: the side bars overlap and must not read as shares of one whole.
    sides = {label.get_text() for ax in figure.axes for label in ax.get_yticklabels()}
    assert {"Left leg, any part", "Right leg, any part", "Both legs at once"} <= sides
    assert "By side (bars overlap)" in shown


def test_symptom_bars_are_ranked_with_counts_and_shares(known: Journal) -> None:
    figure = build_figure("symptoms", patterns.symptoms(known, *NOVEMBER))
    (ax,) = figure.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Cramping", "Face drooping on one side"]
    assert [p.get_width() for p in ax.patches] == [2, 1]
    assert "  2 (33%)" in texts(figure)


def test_context_chart_stacks_whether_moving_helped(known: Journal) -> None:
    figure = build_figure("context", patterns.context(known, *NOVEMBER))
    (ax,) = figure.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Sitting",
        "Not sure",
        "Walking",
        "Lying down",
    ]
    helped = next(c for c in ax.containers if c.get_label() == "Changing position helped")
    assert [p.get_width() for p in helped.patches] == [2, 2, 0, 1]
    assert any(
        "Changing position helped in 5 of the 6 episodes where it was tried (83%)" in t
        for t in texts(figure)
    )


def test_redrawing_into_the_same_figure_replaces_the_old_chart(known: Journal) -> None:
    chart = chart_named("frequency")
    figure = chart.build(chart.load(known, *NOVEMBER))
    again = chart.build(chart.load(known, date(2026, 11, 16), date(2026, 11, 22)), figure=figure)
    assert again is figure
    assert sum(bars(figure, EPISODES_LABEL)) == 3
    assert len(figure.axes) == 1


def test_body_map_counts_too_wide_for_a_region_are_shortened() -> None:
    from numbjournal.report.figures.body_map import compact_count

    assert [compact_count(n) for n in (7, 999, 1000, 1096, 12_345)] == [
        "7",
        "999",
        "1k",
        "1.1k",
        "12k",
    ]


def test_a_single_episode_gets_no_rolling_average_and_day_ticks(
    journal: Journal, log_at: object
) -> None:
    log_at("2026-11-10 09:00", severity=4)  # type: ignore[operator]
    figure = build_figure(
        "severity", patterns.severity(journal, date(2026, 11, 9), date(2026, 11, 12))
    )
    (ax,) = figure.axes
    labels = [line.get_label() for line in ax.get_lines()]
    assert "Too few episodes for a rolling average" in labels
    assert not any(label.startswith("Rolling average") for label in labels)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["9 Nov", "10 Nov", "11 Nov", "12 Nov"]


def test_episodes_without_symptoms_or_durations_say_what_is_missing(
    journal: Journal, log_at: object
) -> None:
    log_at("2026-11-10 09:00", duration_minutes=None)  # type: ignore[operator]
    symptoms = build_figure("symptoms", patterns.symptoms(journal, *NOVEMBER))
    assert symptoms.axes == []
    assert "No accompanying symptoms in this range" in texts(symptoms)
    assert "None was logged with the 1 episode in this range." in texts(symptoms)
    duration = build_figure("duration", patterns.duration(journal, *NOVEMBER))
    assert duration.axes == []
    assert "No finished episodes in this range" in texts(duration)
    assert "Still going, so no duration yet: 1 episode." in texts(duration)


@pytest.mark.parametrize("name", ["frequency", "duration", "severity"])
def test_a_long_range_starts_and_ends_with_its_periods_and_names_its_years(
    journal: Journal, log_at: Callable[..., object], name: str
) -> None:
    """The year ticks are fixed once; they must not widen the axis to a year with no data."""
    log_at("2016-11-03 09:00")
    log_at("2026-11-20 09:00")
    data = CHARTS[name].load(journal, date(2016, 11, 3), date(2026, 11, 29))
    figure = build_figure(name, data)
    figure.canvas.draw()
    ax = next(a for a in figure.axes if a.get_xlabel() or a.get_ylabel())
    first, last = data.points[0].period, data.points[-1].period
    lo, hi = day_number(first.start) - 0.5, day_number(last.end + timedelta(days=1)) + 0.5
    assert ax.get_xlim() == (lo, hi)
    shown = [t.get_text() for t in ax.get_xticklabels() if lo <= t.get_position()[0] <= hi]
    assert shown == ["2018", "2020", "2022", "2024", "2026"]


@pytest.mark.parametrize("name", list(CHARTS))
def test_a_chart_no_longer_used_is_freed_with_its_tooltips(known: Journal, name: str) -> None:
    """Saving a chart or exporting a summary from the window must not keep each figure."""
    figure = chart_named(name).build(chart_named(name).load(known, *NOVEMBER))
    figure.canvas.draw()
    gone = weakref.ref(figure)
    del figure
    gc.collect()
    assert gone() is None
