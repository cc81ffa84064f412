"""The chart canvas paints a chart chosen again from what it drew, and never the wrong one."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from matplotlib.figure import Figure
from pytestqt.qtbot import QtBot

from numbjournal.ui.chart_canvas import ChartCanvas


def titled(title: str, built: Counter[str]):  # type: ignore[no-untyped-def]
    def build(figure: Figure) -> None:
        built[title] += 1
        figure.clear()
        axes = figure.add_subplot()
        axes.bar([1, 2, 3], [3, 1, 2] if title == "A" else [1, 3, 1])
        axes.set_title(title)

    return build


def pixels(canvas: ChartCanvas) -> np.ndarray:
    return np.array(canvas.get_renderer().buffer_rgba())


def title_in_figure(canvas: ChartCanvas) -> str:
    return str(canvas.figure.axes[0].get_title())


@pytest.fixture
def canvas(qtbot: QtBot) -> ChartCanvas:
    made = ChartCanvas(Figure(layout="constrained"))
    qtbot.addWidget(made)
    made.resize(500, 300)
    made.show()
    qtbot.waitExposed(made)
    return made


def drawn(canvas: ChartCanvas, key: str, build, qtbot: QtBot) -> bool:  # type: ignore[no-untyped-def]
    remembered = canvas.show_chart(key, build)
    qtbot.wait(20)  # the paint, and a draw if one is due
    return remembered


def test_a_chart_chosen_again_is_painted_without_drawing_it(
    canvas: ChartCanvas, qtbot: QtBot
) -> None:
    built: Counter[str] = Counter()
    assert not drawn(canvas, "A", titled("A", built), qtbot)
    first_a = pixels(canvas)
    assert not drawn(canvas, "B", titled("B", built), qtbot)
    assert not np.array_equal(pixels(canvas), first_a)
    assert drawn(canvas, "A", titled("A", built), qtbot)
    assert built == {"A": 1, "B": 1}
    assert np.array_equal(pixels(canvas), first_a)


def test_the_figure_behind_remembered_pixels_is_built_when_asked(
    canvas: ChartCanvas, qtbot: QtBot
) -> None:
    built: Counter[str] = Counter()
    drawn(canvas, "A", titled("A", built), qtbot)
    first_a = pixels(canvas)
    drawn(canvas, "B", titled("B", built), qtbot)
    drawn(canvas, "A", titled("A", built), qtbot)
    assert canvas.figure_ready()
    assert title_in_figure(canvas) == "A"
    assert np.array_equal(pixels(canvas), first_a)
    assert not canvas.figure_ready()  # built once; nothing owed now
    assert built == {"A": 2, "B": 1}


def test_a_resize_draws_the_chart_shown_not_the_one_before(
    canvas: ChartCanvas, qtbot: QtBot
) -> None:
    built: Counter[str] = Counter()
    drawn(canvas, "A", titled("A", built), qtbot)
    drawn(canvas, "B", titled("B", built), qtbot)
    drawn(canvas, "A", titled("A", built), qtbot)
    canvas.resize(600, 320)
    qtbot.waitUntil(lambda: built["A"] == 2)
    assert title_in_figure(canvas) == "A"
    # At the new size nothing is remembered yet: B is drawn again.
    assert not drawn(canvas, "B", titled("B", built), qtbot)
    assert built["B"] == 2


def test_forgotten_and_unremembered_drawings_are_drawn_again(
    canvas: ChartCanvas, qtbot: QtBot
) -> None:
    built: Counter[str] = Counter()
    drawn(canvas, "A", titled("A", built), qtbot)
    canvas.forget()
    assert not drawn(canvas, "A", titled("A", built), qtbot)
    chart_a = pixels(canvas)
    canvas.show_drawing()  # a message drawn in the figure is not chart A
    canvas.figure.clear()
    canvas.figure.text(0.5, 0.5, "Counting…")
    canvas.draw()
    assert drawn(canvas, "A", titled("A", built), qtbot)
    assert built == {"A": 2}
    assert np.array_equal(pixels(canvas), chart_a)
