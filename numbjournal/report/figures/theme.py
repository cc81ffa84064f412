"""Light and dark colours for charts, readable on screen and on paper.

Colour is never the only signal: flagged bars are also hatched and every
series has a legend entry or a label.
"""

from __future__ import annotations

from dataclasses import dataclass

FONT = "DejaVu Sans"  # ships inside matplotlib, so charts look the same on every machine


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str
    grid: str
    bar: str
    flagged: str
    line: str
    secondary: str
    improved: str
    not_improved: str
    not_tried: str
    heat: str  # a sequential colormap name
    heat_floor: float  # where one episode starts on it, so it stands apart from none
    body: str  # the body outline where nothing was logged
    body_edge: str


LIGHT = Theme(
    name="light",
    background="#ffffff",
    text="#222222",
    muted="#666666",
    grid="#e3e3e3",
    bar="#4c78a8",
    flagged="#c0392b",
    line="#1b1b1b",
    secondary="#e45756",
    improved="#2e8b57",
    not_improved="#d9822b",
    not_tried="#a8a8a8",
    heat="YlOrRd",
    heat_floor=0.12,
    body="#f1ece6",
    body_edge="#5d5046",
)

DARK = Theme(
    name="dark",
    background="#1f2125",
    text="#e8e8e8",
    muted="#a9a9a9",
    grid="#3a3d42",
    bar="#7aa6d6",
    flagged="#ff7a6b",
    line="#f2f2f2",
    secondary="#ff9d8a",
    improved="#5cc98a",
    not_improved="#f0a860",
    not_tried="#7d7d7d",
    heat="magma",
    heat_floor=0.3,
    body="#3a3d42",
    body_edge="#b8b0a8",
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}


def theme_named(name: str | Theme) -> Theme:
    if isinstance(name, Theme):
        return name
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; choose one of {', '.join(THEMES)}") from None
