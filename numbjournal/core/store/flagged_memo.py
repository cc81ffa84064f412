"""The flagged episodes of a date range, remembered in the journal until anything changes.

The rules are Python and need every episode of the range (a second and more
for ten years), while a chart only counts ids per period. So the ids found
are kept with a stamp: the journal's revision (one more after every committed
change, whatever wrote it), the hour (the rules look at recent weeks and at
how long ago an injury was), and the rules' own fingerprint. A stamp that
differs in any part means the ids are found again.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert

from .schema import FLAGGED_MEMO, REVISION


def count_revision(conn: Connection) -> None:
    """One more committed change; called inside every write transaction."""
    conn.execute(update(REVISION).values(value=REVISION.c.value + 1))


def revision(conn: Connection) -> int:
    return int(conn.execute(select(REVISION.c.value)).scalar_one())


def recall(conn: Connection, span: str, stamp: str) -> frozenset[int] | None:
    """The ids remembered for ``span`` under exactly ``stamp``; None if there are none."""
    row = conn.execute(
        select(FLAGGED_MEMO.c.stamp, FLAGGED_MEMO.c.ids).where(FLAGGED_MEMO.c.span == span)
    ).first()
    if row is None or row.stamp != stamp:
        return None
    try:
        ids = json.loads(row.ids)
    except ValueError:
        return None
    if not isinstance(ids, list) or not all(type(i) is int for i in ids):
        return None
    return frozenset(ids)


def remember(conn: Connection, span: str, stamp: str, ids: Collection[int]) -> None:
    """Keep ``ids`` for ``span``; memos of any other stamp are stale and go."""
    conn.execute(delete(FLAGGED_MEMO).where(FLAGGED_MEMO.c.stamp != stamp))
    values = {"span": span, "stamp": stamp, "ids": json.dumps(sorted(ids))}
    statement = insert(FLAGGED_MEMO).values(values)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[FLAGGED_MEMO.c.span],
            set_={"stamp": statement.excluded.stamp, "ids": statement.excluded.ids},
        )
    )
