"""Measurements that need a fresh interpreter: ``python -m benchmarks.probes NAME ARGS``.

Each probe prints one JSON line: ``at`` (time.monotonic() at the moment
measured, so the parent can count from just before it spawned us, which
includes the interpreter's own start), ``rss`` (peak resident bytes) and
anything else it found.

The first paint is caught without touching app code: before numbjournal is
imported, ``PySide6.QtWidgets.QApplication`` is replaced by a subclass that
installs an event filter; the first Paint event of any widget inside a
QMainWindow (for the app: of a table's viewport while its model has rows)
schedules a zero timer, which fires once that whole paint pass is done.
``benchmarks/site_hook`` installs the same watcher into the real
``numbjournal`` command.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from .harness import max_rss_bytes
from .paint_watch import install_paint_watcher, painted_at


def report(**values: Any) -> None:
    values.setdefault("rss", max_rss_bytes())
    print(json.dumps(values), flush=True)


def hook_first_paint(on_painted: Callable[[], None], *, rows: bool = False) -> None:
    """Call ``on_painted`` after the first paint in a main window (``rows``: showing rows)."""
    from PySide6 import QtWidgets

    install_paint_watcher(QtWidgets, on_painted, rows=rows)


def painted_and_exit() -> None:
    report(at=painted_at())
    os._exit(0)


def window_floor(
    with_matplotlib: str = "no", with_sqlalchemy: str = "no", spare_sources: str = "no"
) -> None:
    """An empty QMainWindow shown and painted (optionally with a matplotlib canvas).

    ``with_sqlalchemy`` also imports SQLAlchemy first: the least any window
    that reads its journal through SQLAlchemy can cost. ``spare_sources``
    makes PySide6's scan of later imports keep no source, as the app does
    (``numbjournal.report.pyside_source_scan``), so memory compares like
    with like.
    """
    hook_first_paint(painted_and_exit)
    if spare_sources == "yes":
        from numbjournal.report.pyside_source_scan import stop_keeping_scanned_sources

        stop_keeping_scanned_sources()
    from PySide6.QtWidgets import QApplication, QMainWindow

    if with_sqlalchemy == "yes":
        import sqlalchemy.orm  # noqa: F401

    app = QApplication(["floor"])
    window = QMainWindow()
    window.setWindowTitle("floor")
    if with_matplotlib == "yes":
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        figure = Figure()
        figure.add_subplot().bar(range(52), range(52))
        window.setCentralWidget(FigureCanvasQTAgg(figure))
    window.resize(1100, 750)
    window.show()
    app.exec()


def app_start(journal: str) -> None:
    """numbjournal's real start-up (arguments, journal, window) to the first rows painted.

    The watcher waits for the app to import PySide6 itself, as in the installed
    command: the app imports its own core modules first, which PySide6 would
    otherwise inspect one by one as they load.
    """
    from .site_hook.sitecustomize import when_qt_widgets_imported

    when_qt_widgets_imported(
        lambda module: install_paint_watcher(module, painted_and_exit, rows=True)
    )
    from numbjournal.__main__ import main

    main(["--db", journal])


def app_profile(journal: str, output: str) -> None:
    """Start-up under cProfile, saved to ``output`` for pstats or snakeviz."""
    import cProfile

    profiler = cProfile.Profile()

    def painted() -> None:
        profiler.disable()
        profiler.dump_stats(output)
        painted_and_exit()

    hook_first_paint(painted, rows=True)
    profiler.enable()
    from numbjournal.__main__ import main

    main(["--db", journal])


def app_memory(journal: str) -> None:
    """The window with the journal open and every chart viewed once; then peak RSS."""
    from . import window_tour

    hook_first_paint(lambda: window_tour.view_every_chart(report))
    from numbjournal.__main__ import main

    main(["--db", journal])


def pdf_export(journal: str, output: str, *extra: str) -> None:
    """The doctor summary as the command line writes it."""
    from numbjournal.__main__ import main

    started = time.perf_counter()
    status = main(["--db", journal, "export", "--format", "pdf", "--output", output, *extra])
    seconds = time.perf_counter() - started
    report(seconds=seconds, status=status, bytes=os.path.getsize(output))


def pdf_floor(output: str, pages: str, runs: str) -> None:
    """Qt's PDF engine alone: ``runs`` short text runs on ``pages`` pages, nothing laid out.

    The same font files, resolution and paper as the summary, and as many
    runs per page as the real export drew; the words are typical log cells.
    What is left above this floor is ours: reading, flags, layout, charts.
    """
    import importlib.util

    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF, QPointF
    from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    app = QApplication(["floor"])
    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations
    fonts = os.path.join(spec.submodule_search_locations[0], "mpl-data", "fonts", "ttf")
    QFontDatabase.addApplicationFont(os.path.join(fonts, "DejaVuSans.ttf"))
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.5)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    writer = QPdfWriter(output)
    writer.setResolution(300)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    per_page = -(-int(runs) // int(pages))
    across = 10
    step_x, step_y = writer.width() / across, writer.height() / (per_page // across + 1)
    painter = QPainter(writer)
    painter.setFont(font)
    for page in range(int(pages)):
        if page:
            writer.newPage()
        for index in range(per_page):
            at = QPointF((index % across) * step_x, (index // across + 1) * step_y)
            painter.drawText(at, FLOOR_WORDS[(page + index) % len(FLOOR_WORDS)])
    painter.end()
    del writer, app
    report(seconds=time.perf_counter() - started)


FLOOR_WORDS = (
    "2026-04-04", "18:25 (Sat)", "15 min", "4", "L sole of", "foot, L thigh", "pins and",
    "needles", "(tingling),", "gradual", "standing", "helped", "weakness", "known condition",
    "after the", "long drive",
)  # fmt: skip


def charts(journal_path: str, repeats: str) -> None:
    """Each chart for the whole journal: SQL aggregation, figure, Agg draw.

    The first chart drawn pays for importing matplotlib; after it, every
    chart is drawn ``repeats`` more times. Agg is the renderer behind the
    window's FigureCanvasQTAgg and the PDF, so no Qt is needed here.
    """
    from numbjournal.report.figures import CHARTS

    from .journals import open_journal

    def draw(name: str) -> tuple[float, float]:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        chart = CHARTS[name]
        started = time.perf_counter()
        data = chart.load(journal, None, None)
        loaded = time.perf_counter()
        figure = chart.build(data)
        FigureCanvasAgg(figure).draw()
        return time.perf_counter() - started, loaded - started

    with open_journal(journal_path) as journal:
        names = list(CHARTS)
        first = draw(names[0])
        times: dict[str, list[float]] = {name: [] for name in names}
        sql: dict[str, list[float]] = {name: [] for name in names}
        frame: list[float] = []
        for _ in range(int(repeats)):
            frame.append(chart_frame())
            for name in names:
                total, loading = draw(name)
                times[name].append(total)
                sql[name].append(loading)
    report(first=[names[0], *first], times=times, sql=sql, frame=frame)


def chart_frame() -> float:
    """The frame every chart has, with no data: what matplotlib costs before any bar.

    The charts' size and constrained layout, a heading, a subtitle, a y label,
    ten labelled ticks on each axis and a legend of three entries under the
    axes, drawn with Agg; matplotlib is already imported.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    from numbjournal.report.figures import DEFAULT_SIZE

    started = time.perf_counter()
    figure = Figure(figsize=DEFAULT_SIZE, layout="constrained")
    figure.suptitle("How often: episodes per month", x=0.01, ha="left", fontweight="bold")
    ax = figure.add_subplot()
    ax.set_title("1 January 2016 to 31 December 2025  ·  20,000 episodes", loc="left")
    ax.set_xlim(2016, 2026)
    ax.set_ylim(0, 250)
    ax.set_xticks(range(2016, 2026))
    ax.set_yticks(range(0, 250, 25))
    ax.set_ylabel("Episodes per month")
    handles = [Patch(label=text) for text in ("Episodes", "Flagged", "Trend")]
    figure.legend(handles=handles, loc="outside lower center", ncols=3)
    FigureCanvasAgg(figure).draw()
    return time.perf_counter() - started


def startup_stages(journal_path: str) -> None:
    """Where start-up goes: the steps run_window takes, timed and measured one by one.

    A diagnosis, not the item: it rebuilds the window the way
    numbjournal.ui.app does (paint first, then the journal beside it), so it
    can stop the clock between steps.
    """
    from pathlib import Path

    stages: list[tuple[str, float, int]] = []

    def stage(name: str) -> None:
        stages.append((name, time.monotonic(), max_rss_bytes()))

    stage("interpreter")
    from PySide6.QtWidgets import QApplication

    stage("import PySide6.QtWidgets")
    from numbjournal.core.preview import preview_journal
    from numbjournal.ui.main_window import MainWindow
    from numbjournal.ui.service import JournalService

    stage("import numbjournal window modules")
    app = QApplication(["numbjournal"])
    preview = preview_journal(Path(journal_path))
    assert preview is not None
    stage("QApplication + preview (newest rows)")
    window = MainWindow(JournalService(preview=preview))
    stage("build the main window")
    window.show()
    for _ in range(3):
        app.processEvents()
    stage("show + first paint")
    import sqlalchemy.orm  # noqa: F401

    stage("after paint: import SQLAlchemy")
    from numbjournal.core.store import Journal

    journal = Journal.open(journal_path)
    stage("Journal.open (checks)")
    episodes = journal.episodes(newest_first=True)
    stage("load every episode")
    from numbjournal.core.triage import evaluate_journal, load_settings

    flags = evaluate_journal(list(reversed(episodes)), journal.profile(), load_settings(journal))
    stage("flags of every episode")
    window.service.attach(journal, episodes, flags)
    app.processEvents()
    stage("fill in the window")
    report(stages=[[name, at, rss] for name, at, rss in stages], at=stages[-1][1])
    os._exit(0)


PROBES: dict[str, Callable[..., None]] = {
    "startup_stages": startup_stages,
    "charts": charts,
    "window_floor": window_floor,
    "app_start": app_start,
    "app_memory": app_memory,
    "app_profile": app_profile,
    "pdf_export": pdf_export,
    "pdf_floor": pdf_floor,
}


if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])
