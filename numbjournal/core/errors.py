"""Errors a person can act on, kept apart from bugs.

Anything raised as a :class:`NumbjournalError` carries a message meant for the
person using the program; the command line prints it on one line and the
window shows it in a dialog. Any other exception is a bug.
"""

from __future__ import annotations

from .model import FieldProblem


class NumbjournalError(Exception):
    """A problem the person can understand and act on."""


class ValidationError(NumbjournalError):
    """An episode, condition or setting that breaks a rule of the format."""

    def __init__(self, problems: list[FieldProblem], *, where: str = "") -> None:
        self.problems = problems
        self.where = where
        detail = "; ".join(str(p) for p in problems)
        super().__init__(f"{where}: {detail}" if where else detail)


class JournalOpenError(NumbjournalError):
    """The journal file cannot be opened safely; it has been left untouched."""


class DamagedJournalError(JournalOpenError):
    """The file is damaged, cut short or not a journal; restoring a backup may help."""


class NewerJournalError(JournalOpenError):
    """The journal was written by a newer numbjournal than this one."""


class JournalReadError(NumbjournalError):
    """The journal could not be read right now (busy in another program); try again."""


class JournalWriteError(NumbjournalError):
    """A write failed (disk full, read-only, locked); nothing was changed."""


class FormatError(NumbjournalError):
    """An import file that does not follow the numbjournal format."""
