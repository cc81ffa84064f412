"""Importing a file's episodes, conditions and treatments into a journal, all or nothing.

A mixin of :class:`~numbjournal.core.store.journal.Journal`: one transaction
that takes the write lock before looking for duplicates, after a backup.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from ..bulk import bulk_allocation
from ..errors import ValidationError
from ..model import ConditionEntry, Episode, FieldProblem, Treatment
from ..validation import CheckedEpisodes, future_start, validate_condition, validate_episode
from .backup import backup_before_import
from .profile_settings import adopt_identity
from .profile_settings import condition_insert as _condition_insert
from .rows import condition_from_row, insert_episodes, new_episodes
from .schema import ConditionRow
from .treatments import check_import, import_treatments, with_journal_ids

# An imported episode may start a little after this machine's "now" (another
# machine's clock ran ahead), but not later: that is a typo, such as 2062 for 2026.
IMPORT_CLOCK_TOLERANCE = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    skipped: int
    conditions_added: int = 0
    treatments_added: int = 0
    treatments_skipped: int = 0


class Importing:
    """The import method of a journal."""

    path: Path
    automatic_backups: bool

    if TYPE_CHECKING:

        def require_writable(self, done: str = "saved") -> None: ...

        def writing(self) -> AbstractContextManager[Connection]: ...

    def import_all(
        self,
        episodes: Sequence[Episode],
        conditions: Sequence[ConditionEntry] = (),
        treatments: Sequence[Treatment] = (),
        *,
        name: str = "",
        date_of_birth: date | None = None,
    ) -> ImportResult:
        """Add episodes, conditions and treatments in one transaction, skipping exact duplicates.

        The episodes' relief names treatments by their position (from 1) in
        ``treatments``, as in a file; they are matched to the journal's ids here.

        The write lock is taken before looking for duplicates, so two imports of
        the same file at the same moment add its episodes once. A file's name
        or date of birth fills an empty one in the profile; one that differs
        from what the profile holds refuses the whole import (another person's
        journal, most likely), and nothing is written.
        """
        latest = datetime.now(UTC) + IMPORT_CLOCK_TOLERANCE
        # A file's episodes were checked field by field while it was read: only the
        # check that depends on the moment is left. Anything else is checked in full.
        check = future_start if isinstance(episodes, CheckedEpisodes) else _problems
        for index, episode in enumerate(episodes, start=1):
            problems = check(episode, latest)
            if problems:
                where = f"episode {index} (started {episode.started_at.isoformat()})"
                raise ValidationError(problems, where=where)
        for entry in conditions:
            problems = validate_condition(entry)
            if problems:
                raise ValidationError(problems, where=f"profile condition {entry.condition}")
        check_import(treatments, episodes)
        self.require_writable("imported")
        if self.automatic_backups:
            backup_before_import(self.path)
        with bulk_allocation(), self.writing() as conn:  # 20,000 keys and rows, no cycles
            adopt_identity(conn, name, date_of_birth)
            treatment_ids, treatments_added = import_treatments(conn, treatments)
            episodes = with_journal_ids(episodes, treatment_ids)
            fresh = new_episodes(conn, episodes)
            insert_episodes(conn, [e.with_id(None) for e in fresh])
            existing = {
                condition_from_row(r).content_key()
                for r in Session(bind=conn).scalars(select(ConditionRow))
            }
            added_conditions = 0
            for entry in conditions:
                if entry.content_key() not in existing:
                    existing.add(entry.content_key())
                    conn.execute(_condition_insert(entry))
                    added_conditions += 1
        return ImportResult(
            len(fresh),
            len(episodes) - len(fresh),
            added_conditions,
            treatments_added,
            len(treatments) - treatments_added,
        )


def _problems(episode: Episode, now: datetime) -> list[FieldProblem]:
    return validate_episode(episode, now=now)
