"""Laid-out pages as plain drawing operations, painted later onto any paged device.

Layout and painting are split so the page count is known before the first
footer ("page 1 of 7") is drawn, and so the PDF, the print preview and the
printer all paint the very same pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(slots=True)
class Text:
    x: float
    baseline: float
    text: str
    style: str
    colour: str = "#000000"


@dataclass(slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = "#999999"
    width: float = 0.5


@dataclass(slots=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    fill: str
    border: str = ""


@dataclass(slots=True)
class Picture:
    """A vector picture (SVG), scaled into the rectangle keeping its aspect ratio."""

    x: float
    y: float
    width: float
    height: float
    svg: bytes


@dataclass(slots=True)
class Cells:
    """A table row's wrapped cells side by side, as one operation.

    A ten-year log is 20,000 rows of ten cells: one op per row instead of one
    per line keeps 300,000 small objects from being made and walked. Each
    cell is its left edge, its style and its lines; the lines start at
    ``top`` and follow the style's line height, as ``Composer.lines_at``
    places them.
    """

    top: float
    colour: str
    cells: tuple[tuple[float, str, Sequence[str]], ...]


Op = Text | Line | Box | Picture | Cells


@dataclass(slots=True)
class Page:
    ops: list[Op] = field(default_factory=list)
