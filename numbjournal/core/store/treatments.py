"""Treatments in the journal: what was tried, and the relief episodes record for it.

A small companion of :class:`~numbjournal.core.store.journal.Journal`
(reached as ``journal.treatments``) so the journal module stays about
episodes; it uses the journal's own read and write transactions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import Connection, delete, insert, select, update

from ..errors import JournalWriteError, ValidationError
from ..model import Episode, FieldProblem, Helped, Relief, Treatment
from ..validation import validate_treatment
from .rows import load_treatments, treatment_values
from .schema import EPISODE_RELIEF, TREATMENT


class _Transactions(Protocol):
    def reading(self) -> AbstractContextManager[Connection]: ...

    def writing(self) -> AbstractContextManager[Connection]: ...


@dataclass(frozen=True, slots=True)
class RemovedTreatment:
    """A removed treatment with the relief answers that named it, so undo can put both back."""

    treatment: Treatment
    relief: tuple[tuple[int, int, Helped], ...]  # (episode id, position, helped)

    @property
    def episode_ids(self) -> frozenset[int]:
        return frozenset(episode_id for episode_id, _, _ in self.relief)


class Treatments:
    def __init__(self, journal: _Transactions) -> None:
        self._journal = journal

    def __iter__(self) -> Iterator[Treatment]:
        return iter(self.all())

    def all(self) -> list[Treatment]:
        """Every treatment, in the order they started."""
        with self._journal.reading() as conn:
            return load_treatments(conn)

    def get(self, treatment_id: int) -> Treatment | None:
        with self._journal.reading() as conn:
            found = load_treatments(conn, TREATMENT.c.id == treatment_id)
        return found[0] if found else None

    def add(self, treatment: Treatment) -> Treatment:
        _require_valid(treatment)
        with self._journal.writing() as conn:
            new_id = _insert(conn, dataclasses.replace(treatment, id=None))
        return dataclasses.replace(treatment, id=new_id)

    def update(self, treatment: Treatment) -> Treatment:
        if treatment.id is None:
            raise ValueError("update needs a saved treatment")
        _require_valid(treatment)
        with self._journal.writing() as conn:
            result = conn.execute(
                update(TREATMENT)
                .where(TREATMENT.c.id == treatment.id)
                .values(treatment_values(treatment))
            )
            if result.rowcount != 1:
                raise JournalWriteError(f"treatment {treatment.id} is no longer in the journal")
        return treatment

    def stop(self, treatment_id: int, on: date) -> Treatment:
        """Mark a treatment stopped on ``on`` (its last day)."""
        current = self.get(treatment_id)
        if current is None:
            raise JournalWriteError(f"there is no treatment {treatment_id} in the journal")
        return self.update(dataclasses.replace(current, stopped=on))

    def remove(self, treatment_id: int) -> RemovedTreatment | None:
        """Remove a treatment (and the relief answers naming it); None if it was not there."""
        with self._journal.writing() as conn:
            found = load_treatments(conn, TREATMENT.c.id == treatment_id)
            if not found:
                return None
            relief = tuple(
                (int(eid), int(pos), Helped(helped))
                for eid, pos, helped in conn.execute(
                    select(
                        EPISODE_RELIEF.c.episode_id,
                        EPISODE_RELIEF.c.position,
                        EPISODE_RELIEF.c.helped,
                    ).where(EPISODE_RELIEF.c.treatment_id == treatment_id)
                )
            )
            conn.execute(delete(TREATMENT).where(TREATMENT.c.id == treatment_id))
        return RemovedTreatment(found[0], relief)

    def restore(self, removed: RemovedTreatment) -> None:
        """Undo :meth:`remove`: the treatment keeps its id and its relief answers return."""
        _require_valid(removed.treatment)
        treatment_id = removed.treatment.id
        with self._journal.writing() as conn:
            _insert(conn, removed.treatment)
            for episode_id, position, helped in removed.relief:
                exists = conn.execute(
                    select(EPISODE_RELIEF.c.position).where(
                        EPISODE_RELIEF.c.episode_id == episode_id,
                        EPISODE_RELIEF.c.position == position,
                    )
                ).first()
                if exists is not None:  # the episode was edited since: add the answer last
                    position = _next_position(conn, episode_id)
                conn.execute(
                    insert(EPISODE_RELIEF).values(
                        episode_id=episode_id,
                        position=position,
                        treatment_id=treatment_id,
                        helped=str(helped),
                    )
                )


def import_treatments(
    conn: Connection, treatments: Sequence[Treatment]
) -> tuple[dict[int, int], int]:
    """Add the treatments of a file, skipping those already in the journal.

    Returns a map from each treatment's position in the file (from 1) to its
    id in the journal, and how many were added.
    """
    existing = {t.content_key(): t.id for t in load_treatments(conn)}
    ids: dict[int, int] = {}
    added = 0
    for position, treatment in enumerate(treatments, start=1):
        key = treatment.content_key()
        known = existing.get(key)
        if known is None:
            known = _insert(conn, dataclasses.replace(treatment, id=None))
            existing[key] = known
            added += 1
        ids[position] = known
    return ids, added


def with_journal_ids(episodes: Sequence[Episode], ids: dict[int, int]) -> list[Episode]:
    """Episodes whose relief named treatments by position in a file, naming journal ids."""
    return [
        e
        if not e.relief
        else dataclasses.replace(
            e, relief=tuple(Relief(ids[r.treatment_id], r.helped) for r in e.relief)
        )
        for e in episodes
    ]


def check_import(treatments: Sequence[Treatment], episodes: Sequence[Episode]) -> None:
    """Refuse treatments that break a rule, and relief naming a treatment not in the file."""
    for position, treatment in enumerate(treatments, start=1):
        problems = validate_treatment(treatment)
        if problems:
            raise ValidationError(problems, where=f"treatment {position} ({treatment.name})")
    for index, episode in enumerate(episodes, start=1):
        for item in episode.relief:
            if not 1 <= item.treatment_id <= len(treatments):
                raise ValidationError(
                    [FieldProblem("relief", "names a treatment that is not in the treatments")],
                    where=f"episode {index} (started {episode.started_at.isoformat()})",
                )


def _insert(conn: Connection, treatment: Treatment) -> int:
    values = treatment_values(treatment)
    if treatment.id is not None:
        values["id"] = treatment.id
    result = conn.execute(insert(TREATMENT).values(values))
    pk = result.inserted_primary_key
    assert pk is not None
    return int(pk[0])


def _next_position(conn: Connection, episode_id: int) -> int:
    used = conn.execute(
        select(EPISODE_RELIEF.c.position)
        .where(EPISODE_RELIEF.c.episode_id == episode_id)
        .order_by(EPISODE_RELIEF.c.position.desc())
    ).first()
    return 0 if used is None else int(used[0]) + 1


def _require_valid(treatment: Treatment) -> None:
    problems = validate_treatment(treatment, today=date.today())
    if problems:
        raise ValidationError(problems, where=f"treatment {treatment.name!r}")
