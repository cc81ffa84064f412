"""Start-up, in this order: the crash hook, the arguments, logging, then the
journal and the window, or one command.

The crash hook comes first so that nothing, not even a journal that fails to
open in an unexpected way, ends in a raw traceback: a report without journal
content is saved, one line says where, and the window (when that is what was
started) shows the crash dialog. The journal is opened (and migrated) by the
command or the window itself, before anything is drawn; nothing touches the
disk at import time.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

log = logging.getLogger("numbjournal")


class StartupHook:
    """``sys.excepthook`` until the window installs its own: report, one line, dialog."""

    def __init__(self) -> None:
        self.window = False  # set once the arguments say the window is starting
        self.journal_path: Path | None = None

    def __call__(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            print("numbjournal: interrupted", file=sys.stderr)
            return
        from .ui import crash

        try:
            report: Path | None = crash.save_report(kind, tb)
        except OSError:
            report = None
        crash.announce(kind, report)
        if self.window:
            try:
                crash.show_startup_crash(report, self.journal_path)
            except Exception:  # no display after all: the line above has said it
                log.exception("the crash dialog could not be shown")


def main(argv: Sequence[str] | None = None) -> int:
    hook = StartupHook()
    previous = sys.excepthook
    sys.excepthook = hook
    try:
        return _start(hook, list(sys.argv[1:] if argv is None else argv))
    except Exception as exc:
        hook(type(exc), exc, exc.__traceback__)
        return 1
    finally:
        sys.excepthook = previous


def _start(hook: StartupHook, argv: list[str]) -> int:
    """Arguments, logging, then the window or the command: the one place that chooses."""
    from .cli import window_only
    from .logs import setup_logging
    from .paths import journal_path

    window, db = window_only(argv)  # the window's first frame needs no command module
    if window:
        hook.window = True
        hook.journal_path = journal_path(db)
        setup_logging()
        log.info("numbjournal started: window")  # no version: importlib.metadata is slow
        from .ui.app import run_window

        return run_window(hook.journal_path, argv)
    from .cli import parse_arguments, run_command

    args = parse_arguments(argv)
    hook.window = args.command is None
    hook.journal_path = journal_path(getattr(args, "db", None))
    setup_logging()
    if args.command is None:
        log.info("numbjournal started: window")
        from .ui.app import run_window

        return run_window(hook.journal_path, argv)
    from . import __version__

    log.info("numbjournal %s started: %s", __version__, args.command)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
