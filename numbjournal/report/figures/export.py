"""Saving a chart as PNG, SVG or CSV, complete or not at all, readable by its owner only."""

from __future__ import annotations

import io
from pathlib import Path

from matplotlib.figure import Figure

from ...core.atomic import atomic_path, atomic_write
from .base import chart_style
from .tables import Table
from .theme import Theme, theme_named

IMAGE_FORMATS = ("png", "svg")
PNG_DPI = 150


def save_figure(figure: Figure, path: Path, *, theme: str | Theme = "light") -> Path:
    """Write ``figure`` to ``path`` in the format its extension names (.png or .svg)."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"cannot save a chart as {path.suffix or 'a file without extension'}")
    # No creation date, so saving the same chart twice gives the same file.
    metadata: dict[str, str | None] = {"Date": None} if fmt == "svg" else {}
    with chart_style(theme_named(theme)), atomic_path(path) as temporary:
        figure.savefig(
            temporary,
            format=fmt,
            dpi=PNG_DPI,
            facecolor=figure.get_facecolor(),
            metadata=metadata,
        )
    return path


def save_table(table: Table, path: Path) -> Path:
    text = io.StringIO()
    table.write_csv(text)
    return atomic_write(path, text.getvalue())
