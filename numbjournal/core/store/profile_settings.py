"""A journal's profile (name, date of birth, conditions) and its key/value settings.

Mixed into :class:`~numbjournal.core.store.journal.Journal`, which supplies the
engine and the transactions; kept apart so the journal's episode code and
this stay short enough to read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from contextlib import AbstractContextManager
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..errors import NumbjournalError, ValidationError
from ..model import ConditionEntry, Profile
from ..validation import validate_condition, validate_profile
from .rows import condition_from_row
from .schema import ConditionRow, SettingRow

PROFILE_NAME = "profile.name"
PROFILE_DOB = "profile.date_of_birth"


class ProfileAndSettings:
    """The profile and settings methods of a journal."""

    _engine: Engine

    if TYPE_CHECKING:

        def reading(self) -> AbstractContextManager[Connection]: ...

        def writing(self) -> AbstractContextManager[Connection]: ...

    # -- profile ----------------------------------------------------------

    def profile(self) -> Profile:
        with Session(self._engine) as session:
            rows = session.scalars(select(ConditionRow).order_by(ConditionRow.id)).all()
            conditions = tuple(condition_from_row(r) for r in rows)
        dob = self.setting(PROFILE_DOB)
        return Profile(
            conditions=conditions,
            name=str(self.setting(PROFILE_NAME, "")),
            date_of_birth=date.fromisoformat(dob) if isinstance(dob, str) and dob else None,
        )

    def add_condition(self, entry: ConditionEntry) -> ConditionEntry:
        problems = validate_condition(entry, today=date.today())
        if problems:
            raise ValidationError(problems)
        with self.writing() as conn:
            result = conn.execute(condition_insert(entry))
            pk = result.inserted_primary_key
            assert pk is not None
        return ConditionEntry(entry.condition, entry.since, entry.note, id=int(pk[0]))

    def remove_condition(self, condition_id: int) -> ConditionEntry | None:
        with self.writing() as conn:
            row = Session(bind=conn).get(ConditionRow, condition_id)
            if row is None:
                return None
            removed = condition_from_row(row)
            conn.execute(delete(ConditionRow).where(ConditionRow.id == condition_id))
        return removed

    def set_profile(self, profile: Profile) -> None:
        """Replace the whole profile (name, date of birth and conditions) at once."""
        problems = validate_profile(profile, today=date.today())
        if problems:
            raise ValidationError(problems)
        with self.writing() as conn:
            conn.execute(delete(ConditionRow))
            for entry in profile.conditions:
                conn.execute(condition_insert(entry))
            put_setting(conn, PROFILE_NAME, profile.name)
            dob = profile.date_of_birth
            put_setting(conn, PROFILE_DOB, dob.isoformat() if dob else "")

    # -- settings ---------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        with self.reading() as conn:
            raw = conn.execute(select(SettingRow.value).where(SettingRow.key == key)).scalar()
        return default if raw is None else json.loads(raw)

    def settings(self, prefix: str = "") -> dict[str, Any]:
        with self.reading() as conn:
            rows = conn.execute(
                select(SettingRow.key, SettingRow.value).where(SettingRow.key.startswith(prefix))
            ).all()
        return {key: json.loads(value) for key, value in rows}

    def set_setting(self, key: str, value: Any) -> None:
        with self.writing() as conn:
            put_setting(conn, key, value)

    def delete_setting(self, key: str) -> None:
        with self.writing() as conn:
            conn.execute(delete(SettingRow).where(SettingRow.key == key))

    def replace_settings(self, values: Mapping[str, Any | None]) -> None:
        """Set several settings in one transaction; a ``None`` value removes its key."""
        with self.writing() as conn:
            for key, value in values.items():
                if value is None:
                    conn.execute(delete(SettingRow).where(SettingRow.key == key))
                else:
                    put_setting(conn, key, value)


def condition_insert(entry: ConditionEntry) -> Any:
    """An INSERT keeping the entry's id if it has one, so set_profile keeps ids stable."""
    values: dict[str, Any] = {
        "condition": str(entry.condition),
        "since": entry.since.isoformat() if entry.since else None,
        "note": entry.note,
    }
    if entry.id is not None:
        values["id"] = entry.id
    return insert(ConditionRow).values(values)


def adopt_identity(conn: Connection, name: str, born: date | None) -> None:
    """Fill the profile's empty name and date of birth from a file; refuse a different one.

    Called inside an import's transaction, so a refusal leaves the journal as it was.
    """
    for key, value, what in (
        (PROFILE_NAME, name.strip(), "name"),
        (PROFILE_DOB, born.isoformat() if born else "", "date of birth"),
    ):
        if not value:
            continue
        raw = conn.execute(select(SettingRow.value).where(SettingRow.key == key)).scalar()
        held = json.loads(raw) if raw is not None else ""
        if held and str(held).strip().casefold() != value.casefold():
            raise NumbjournalError(
                f"the file's profile {what} ({value}) differs from this journal's ({held}); "
                "nothing was imported (is it someone else's journal?)"
            )
        if not held:
            put_setting(conn, key, value)


def put_setting(conn: Connection, key: str, value: Any) -> None:
    statement = sqlite_insert(SettingRow).values(key=key, value=json.dumps(value))
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[SettingRow.key], set_={"value": statement.excluded.value}
        )
    )
