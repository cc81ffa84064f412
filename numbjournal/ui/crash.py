"""When the program itself fails: say so, keep a report, and do not vanish.

The report holds the traceback (file, line, function) and versions only;
the exception's message is left out because it can quote what the person
typed, and health data never goes into a report.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from ..core.atomic import atomic_write
from ..paths import data_dir, ensure_private_dir

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def reports_dir() -> Path:
    return data_dir() / "problem-reports"


def versions() -> str:
    import platform

    import PySide6
    import sqlalchemy

    from .. import __version__

    return (
        f"numbjournal {__version__}\nPython {platform.python_version()}\n"
        f"PySide6 {PySide6.__version__}, Qt {PySide6.QtCore.qVersion()}\n"
        f"SQLAlchemy {sqlalchemy.__version__}\n{platform.platform()}"
    )


def report_text(kind: type[BaseException], tb: TracebackType | None) -> str:
    frames = traceback.extract_tb(tb)
    lines = [
        f'  File "{f.filename}", line {f.lineno}, in {f.name}\n    {f.line or ""}' for f in frames
    ]
    return (
        "numbjournal problem report (no journal content, no error message text)\n\n"
        f"{versions()}\n\nTraceback:\n"
        + "\n".join(lines)
        + f"\n{kind.__module__}.{kind.__qualname__}\n"
    )


def save_report(kind: type[BaseException], tb: TracebackType | None) -> Path:
    folder = reports_dir()
    ensure_private_dir(data_dir())
    ensure_private_dir(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return atomic_write(folder / f"problem-{stamp}.txt", report_text(kind, tb))


def show_crash(report: Path | None, journal_path: Path) -> bool:
    """Tell the person; True if they chose to quit. Replaced in tests."""
    from PySide6.QtWidgets import QMessageBox

    where = (
        f"A report (no journal content) was saved to:\n{report}"
        if report
        else ("A report could not be saved.")
    )
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "numbjournal ran into a problem",
        "Something went wrong inside numbjournal.\n\n"
        f"Everything you saved is safe in your journal:\n{journal_path}\n\n{where}\n\n"
        "You can keep working, or quit and start again.",
    )
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep working", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is quit_button


def show_startup_crash(report: Path | None, journal_path: Path | None) -> None:
    """The crash dialog for a failure before the window is up (a journal that fails to
    open unexpectedly): what happened, that the journal was left as it was, and Quit."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(["numbjournal"])
    where = (
        f"A report (no journal content) was saved to:\n{report}"
        if report
        else "A report could not be saved."
    )
    journal = f"\n{journal_path}" if journal_path else ""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "numbjournal could not start",
        "Something went wrong inside numbjournal while it was starting.\n\n"
        f"Your journal was left as it was:{journal}\n\n{where}",
    )
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    app.processEvents()  # the box goes away before the program ends


def show_log_folder() -> bool:
    """Help > Show log folder: the file manager opens the folder of the log file."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from ..logs import log_dir, private_folder

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(private_folder(log_dir()))))


def announce(kind: type[BaseException], report: Path | None) -> None:
    """One line on standard error and in the log (the traceback is in the report)."""
    logging.getLogger("numbjournal").error("unexpected %s; report: %s", kind.__name__, report)
    where = (
        f"a report without journal content was saved to {report}"
        if report
        else "no report could be saved"
    )
    print(
        f"numbjournal: something went wrong inside numbjournal ({kind.__name__}); {where}",
        file=sys.stderr,
    )


def make_hook(journal_path: Path, on_quit: Callable[[], None]) -> Hook:
    """An excepthook that reports through the window instead of ending the program."""
    showing = False

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            on_quit()
            return
        if showing:
            return
        showing = True
        try:
            try:
                report: Path | None = save_report(kind, tb)
            except OSError:
                report = None
            announce(kind, report)
            if show_crash(report, journal_path):
                on_quit()
        finally:
            showing = False

    return hook
