"""The journal as a plain-text table for ``numbjournal list``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..core.model import Episode, label
from .flagging import flag_summary


def describe_length(minutes: int | None) -> str:
    """12 -> "12 min", 90 -> "1 h 30 min", 2880 -> "2 d", None -> "ongoing"."""
    if minutes is None:
        return "ongoing"
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [
        f"{days} d" if days else "",
        f"{hours} h" if hours else "",
        f"{mins} min" if mins else "",
    ]
    return " ".join(p for p in parts if p) or "0 min"


def episode_table(
    episodes: Sequence[Episode], flags: Mapping[int, list[object]] | None
) -> list[str]:
    """Header and one line per episode; a flags column only when triage is available."""
    header = ["id", "started", "lasted", "severity", "feeling", "where", "with"]
    rows = [
        [
            str(e.id),
            e.started_at.strftime("%Y-%m-%d %H:%M"),
            describe_length(e.duration_minutes),
            f"{e.severity}/10",
            label(e.sensation).lower(),
            ", ".join(label(loc).lower() for loc in e.locations),
            ", ".join(label(sym).lower() for sym in e.symptoms) or "-",
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
