"""Measurements that need a fresh interpreter: ``python -m benchmarks.probes NAME ARGS``.

Each probe prints one JSON line: ``at`` (time.monotonic() at the moment
measured, so the parent can count from just before it spawned us, which
includes the interpreter's own start), ``rss`` (peak resident bytes) and
anything else it found.

The first paint is caught without touching app code: before numbjournal is
imported, ``PySide6.QtWidgets.QApplication`` is replaced by a subclass that
installs an event filter; the first Paint event of any widget inside a
QMainWindow schedules a zero timer, which fires once that whole paint pass
is done.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from .harness import max_rss_bytes


def report(**values: Any) -> None:
    values.setdefault("rss", max_rss_bytes())
    print(json.dumps(values), flush=True)


def hook_first_paint(on_painted: Callable[[], None]) -> None:
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    original = QtWidgets.QApplication

    class PaintWatcher(QObject):
        fired = False

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if (
                not self.fired
                and event.type() == QEvent.Type.Paint
                and isinstance(obj, QtWidgets.QWidget)
                and isinstance(obj.window(), QtWidgets.QMainWindow)
            ):
                self.fired = True
                app = QtWidgets.QApplication.instance()
                if app is not None:
                    app.removeEventFilter(self)
                QTimer.singleShot(0, on_painted)
            return False

    class ProbeApplication(original):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._paint_watcher = PaintWatcher()
            self.installEventFilter(self._paint_watcher)

    QtWidgets.QApplication = ProbeApplication  # type: ignore[misc]


def painted_and_exit() -> None:
    report(at=time.monotonic())
    os._exit(0)


def window_floor(with_matplotlib: str = "no", with_sqlalchemy: str = "no") -> None:
    """An empty QMainWindow shown and painted (optionally with a matplotlib canvas).

    ``with_sqlalchemy`` also imports SQLAlchemy first: the least any window
    that reads its journal through SQLAlchemy can cost.
    """
    hook_first_paint(painted_and_exit)
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
    """numbjournal's real start-up (arguments, opening the journal, the window)."""
    hook_first_paint(painted_and_exit)
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

    hook_first_paint(painted)
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
        for _ in range(int(repeats)):
            for name in names:
                total, loading = draw(name)
                times[name].append(total)
                sql[name].append(loading)
    report(first=[names[0], *first], times=times, sql=sql)


def startup_stages(journal_path: str) -> None:
    """Where start-up goes: the steps run_window takes, timed and measured one by one.

    A diagnosis, not the item: it rebuilds the window the way
    numbjournal.ui.app does, so it can stop the clock between steps.
    """
    stages: list[tuple[str, float, int]] = []

    def stage(name: str) -> None:
        stages.append((name, time.monotonic(), max_rss_bytes()))

    stage("interpreter")
    from PySide6.QtWidgets import QApplication

    stage("import PySide6.QtWidgets")
    import sqlalchemy.orm  # noqa: F401

    stage("import SQLAlchemy (core + orm)")
    from numbjournal.cli import build_parser
    from numbjournal.core.store import Journal

    build_parser()
    stage("import numbjournal store + command line")
    from numbjournal.ui.main_window import MainWindow
    from numbjournal.ui.service import JournalService

    stage("import numbjournal window modules")
    app = QApplication(["numbjournal"])
    journal = Journal.open(journal_path)
    stage("QApplication + Journal.open")
    service = JournalService(journal)
    service.episodes()
    stage("load every episode")
    service.flags()
    stage("flags of every episode")
    window = MainWindow(service)
    stage("build the main window")
    window.show()
    for _ in range(3):
        app.processEvents()
    stage("show + first paint")
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
}


if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])
