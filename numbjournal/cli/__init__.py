"""The command line (journal-format.md section 2).

Each command lives in its own module with a ``register(subparsers, common)``
function; this module only assembles them, opens the journal on demand and
turns a person's mistakes into one line on standard error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from ..core.errors import NumbjournalError

if TYPE_CHECKING:
    from .context import CommandContext

COMMAND_MODULES = (
    "numbjournal.cli.journal_commands",
    "numbjournal.cli.transfer_commands",
    "numbjournal.cli.profile_commands",
    "numbjournal.cli.treatment_commands",
    "numbjournal.cli.flags_commands",
    "numbjournal.cli.backup_commands",
    "numbjournal.cli.chart_commands",
    "numbjournal.cli.desktop_commands",
    "numbjournal.cli.encryption_commands",
)


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the journal file to use (default: $NUMBJOURNAL_DB, else the user data folder)",
    )
    parser = OneLineParser(
        prog="numbjournal",
        description="A private journal for episodes of numbness in the legs. "
        "Without a command it opens the window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"numbjournal {__version__}")
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=OneLineParser
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def window_only(argv: list[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` only opens the window (nothing, ``--db PATH``), and the --db given.

    Decided without the parser, so the window starts without importing every
    command (and SQLAlchemy with them); for these forms the parser decides the same.
    """
    if not argv:
        return True, None
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return True, argv[0].removeprefix("--db=")
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return True, argv[1]
    return False, None


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The parsed command line; a usage mistake exits with one line (status 2)."""
    return build_parser().parse_args(argv)


def run(argv: list[str]) -> int:
    """Run the command in ``argv``; ``numbjournal`` itself chooses the window when there is none."""
    return run_command(parse_arguments(argv))


def run_command(args: argparse.Namespace) -> int:
    if args.command is None:
        print(
            "numbjournal: no command given (run 'numbjournal' alone to open the window, "
            "or see 'numbjournal --help')",
            file=sys.stderr,
        )
        return 2
    from .context import CommandContext  # opens journals: SQLAlchemy comes with it

    context = CommandContext(args, out=sys.stdout, err=sys.stderr)
    try:
        _unlock(args.command, context)
        code = int(args.handler(context) or 0)
        sys.stdout.flush()  # a reader that went away (| head) shows up here, not at exit
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return 141  # what a shell reports for a pipe closed early: not a mistake
    except NumbjournalError as exc:
        print(f"numbjournal {args.command}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"numbjournal {args.command}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"numbjournal {args.command}: interrupted; nothing was changed", file=sys.stderr)
        return 130
    finally:
        context.close()


def _unlock(command: str, context: CommandContext) -> None:
    """An encrypted journal's passphrase, before any command reads it."""
    from .encryption_commands import WITHOUT_JOURNAL, unlock

    if command not in WITHOUT_JOURNAL:
        unlock(context.journal_path)


def _quiet_stdout() -> None:
    """Point standard output at /dev/null so exiting does not complain about the pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
