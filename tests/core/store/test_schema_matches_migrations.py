"""The tables the migrations build are the tables the code's ORM models describe.

A column added to ``store/schema.py`` without a migration (or the other way
round) works in tests that create tables from the models, then fails on every
real journal; alembic's ``compare_metadata`` finds any difference.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, MetaData, String

from numbjournal.core.store import Journal
from numbjournal.core.store.schema import Base


def _differences(journal: Journal, metadata: MetaData) -> list[object]:
    with journal.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(context, metadata))


def test_a_new_journal_has_exactly_the_orm_schema(journal: Journal) -> None:
    assert _differences(journal, Base.metadata) == []


def test_a_difference_is_found(journal: Journal) -> None:
    # The comparison above proves something only if it sees a change like this one.
    changed = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["setting"].append_column(Column("scope", String(16)))
    changed.tables["episode"].c.severity.type = String(8)
    found = _differences(journal, changed)
    assert any(d[0] == "add_column" and d[3].name == "scope" for d in found if isinstance(d, tuple))
    assert any(
        isinstance(d, list) and d[0][0] == "modify_type" and d[0][3] == "severity" for d in found
    )
