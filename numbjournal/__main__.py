"""Start-up: arguments, logging, the journal's path, then a command or the window.

The journal is opened (and migrated) by the command or the window itself,
before anything is drawn; nothing touches the disk at import time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """The window without a command, else the command: this is the one place that chooses."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    from .cli import parse_arguments, run_command, window_only

    window, db = window_only(arguments)  # the window's first frame needs no command module
    if window:
        from .paths import journal_path
        from .ui.app import run_window

        return run_window(journal_path(db), arguments)
    args = parse_arguments(arguments)
    if args.command is None:
        from .paths import journal_path
        from .ui.app import run_window

        return run_window(journal_path(getattr(args, "db", None)), arguments)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
