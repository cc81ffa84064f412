"""The journal as a plain-text table for ``numbjournal list``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..core import words
from ..core.model import Episode
from .flagging import flag_summary


def episode_table(
    episodes: Sequence[Episode], flags: Mapping[int, list[object]] | None
) -> list[str]:
    """Header and one line per episode; a flags column only when triage is available."""
    header = ["id", "started", "lasted", "severity", "feeling", "where", "with"]
    rows = [
        [
            str(e.id),
            e.started_at.strftime("%Y-%m-%d %H:%M"),
            words.duration(e.duration_minutes, ongoing="ongoing"),
            f"{e.severity}/10",
            words.phrase(e.sensation),
            ", ".join(words.phrase(loc) for loc in e.locations),
            ", ".join(words.phrase(sym) for sym in e.symptoms) or "-",
        ]
        for e in episodes
    ]
    if flags is not None:
        header.append("flags")
        for row, episode in zip(rows, episodes, strict=True):
            row.append(flag_summary(flags.get(episode.id or 0, [])) or "-")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {0, 2, 3}
    return [
        "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in [header, *rows]
    ]
