"""Flowing text, headings, pictures and page breaks in one device's units.

Sizes are given in points and converted with the device's resolution, and
text is measured with the device's own font metrics, so what is laid out for
the PDF writer, the print preview or a real printer fits that device exactly
and no line is ever cut off at a page edge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QTextLayout, QTextOption

from ...core.flag_levels import Level
from .fonts import summary_font
from .pages import Box, Line, Op, Page, Picture, Text

# Point sizes and weights of every text style the summary uses.
STYLES: dict[str, tuple[float, bool, bool]] = {
    "title": (15.0, True, False),
    "subtitle": (10.0, False, False),
    "h1": (12.5, True, False),
    "h2": (9.5, True, False),
    "body": (9.0, False, False),
    "bold": (9.0, True, False),
    "italic": (8.5, False, True),
    "small": (7.5, False, False),
    "small_bold": (7.5, True, False),
    "big": (14.0, True, False),
    "table": (7.5, False, False),
    "table_bold": (7.5, True, False),
    "footer": (7.0, False, False),
}

GREY = "#555555"
RED = "#b00020"
ORANGE = "#a63c00"
AMBER = "#8a5a00"
SLATE = "#455a64"
RULE = "#b0b0b0"
SHADE = "#f1f1f1"
# A page less full than this holds only what spilled over: the next section joins it.
SPILL_SHARE = 0.25
# Text whose only line-break opportunities (Unicode's line-breaking rules) are its spaces:
# a hyphen only between digits (a date), an opening bracket only after a space.
_BREAKS_ONLY_AT_SPACES = re.compile(r"(?:[A-Za-z0-9 ,.:;)']|(?<=[0-9])-(?=[0-9])|(?<= )\()*")


def level_colour(level: Level) -> str:
    """Text colour of a flag level on white paper; the words beside it say the same."""
    return {
        Level.EMERGENCY: RED,
        Level.URGENT: ORANGE,
        Level.SEE_DOCTOR: "#000000",
        Level.CONDITION: SLATE,
    }[level]


@dataclass(frozen=True)
class Metrics:
    """The summary's fonts measured for one paint device."""

    fonts: dict[str, QFont]
    measures: dict[str, QFontMetricsF]
    device: QPaintDevice
    pt: float
    wrapped: dict[tuple[str, str, float], tuple[str, ...]] = field(default_factory=dict)
    heights: dict[str, float] = field(default_factory=dict)
    ascents: dict[str, float] = field(default_factory=dict)

    @classmethod
    def for_device(cls, device: QPaintDevice, resolution: int) -> Metrics:
        fonts = {name: summary_font(s, bold=b, italic=i) for name, (s, b, i) in STYLES.items()}
        measures = {name: QFontMetricsF(font, device) for name, font in fonts.items()}
        return cls(fonts, measures, device, resolution / 72.0)

    def __post_init__(self) -> None:
        for name, measure in self.measures.items():
            self.heights[name] = measure.lineSpacing()
            self.ascents[name] = measure.ascent()

    def line_height(self, style: str) -> float:
        return self.heights[style]

    def ascent(self, style: str) -> float:
        return self.ascents[style]

    def advance(self, text: str, style: str) -> float:
        return self.measures[style].horizontalAdvance(text)

    def wrap(self, text: str, style: str, width: float) -> tuple[str, ...]:
        """Lines of ``text`` that fit ``width``; long words break anywhere, never overflow.

        Remembered (and so a tuple, handed out without a copy), because a long
        log repeats the same cells ("sitting", "5 min") thousands of times.
        """
        key = (text, style, width)
        found = self.wrapped.get(key)
        if found is None:
            found = self.wrapped[key] = tuple(self._wrap(text, style, width))
        return found

    def _wrap(self, text: str, style: str, width: float) -> list[str]:
        lines: list[str] = []
        for paragraph in text.split("\n"):
            paragraph = paragraph.rstrip()
            if not paragraph or self._fits(paragraph, style, width):
                lines.append(paragraph)
                continue
            found = None
            if _BREAKS_ONLY_AT_SPACES.fullmatch(paragraph) is not None:
                found = self._space_lines(paragraph, style, width)
            if found is None:
                found = list(self._layout_lines(paragraph, style, width))
            lines.extend(found)
        return lines

    def _fits(self, text: str, style: str, width: float) -> bool:
        """Qt's test for a line: its advance and the ink of a last glyph that leans past it."""
        measure = self.measures[style]
        overhang = -measure.rightBearing(text[-1])
        return measure.horizontalAdvance(text) + max(overhang, 0.0) <= width

    def _space_lines(self, paragraph: str, style: str, width: float) -> list[str] | None:
        """Qt's own lines for text that can only break at its single spaces, measured word
        by word: a QTextLayout per cell was most of laying out a ten-year log, whose every
        "Started" cell is unique. None when a word alone is too wide (Qt breaks it anywhere).
        """
        words = paragraph.split(" ")
        if "" in words:
            return None
        lines: list[str] = []
        current = words[0]
        if not self._fits(current, style, width):
            return None
        for word in words[1:]:
            longer = f"{current} {word}"
            if self._fits(longer, style, width):
                current = longer
                continue
            if not self._fits(word, style, width):
                return None
            lines.append(current)
            current = word
        lines.append(current)
        return lines

    def _layout_lines(self, paragraph: str, style: str, width: float) -> Iterator[str]:
        layout = QTextLayout(paragraph, self.fonts[style], self.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        try:
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                line.setPosition(QPointF(0, 0))
                start = line.textStart()
                yield paragraph[start : start + line.textLength()].rstrip()
        finally:
            layout.endLayout()


class Composer:
    """Places content top to bottom, starting a new page whenever the next piece won't fit."""

    def __init__(self, metrics: Metrics, width: float, height: float, footer: float) -> None:
        self.m = metrics
        self.width = width
        self.bottom = height - footer
        self.pages: list[Page] = []
        self.y = 0.0
        self.spilled = False  # this page was begun by content that did not fit the last
        self.new_page()

    @property
    def pt(self) -> float:
        return self.m.pt

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def add(self, op: Op) -> None:
        self.page.ops.append(op)

    def new_page(self) -> None:
        """A page a section begins on purpose."""
        self.pages.append(Page())
        self.y = 0.0
        self.spilled = False

    def break_page(self) -> None:
        """A page for content that did not fit the one before."""
        self.new_page()
        self.spilled = True

    def start_section(self) -> None:
        """A new page for a section, unless this page holds only a few lines that
        spilled over from the last one: the section follows them instead of leaving
        the page nearly empty."""
        if self.spilled and self.y < self.bottom * SPILL_SHARE:
            self.gap(12)
        else:
            self.new_page()

    def remaining(self) -> float:
        return self.bottom - self.y

    def ensure(self, height: float) -> None:
        """Move to a new page unless ``height`` still fits (a fresh page always takes it)."""
        if self.y > 0 and self.y + height > self.bottom:
            self.break_page()

    def gap(self, points: float) -> None:
        self.y = min(self.y + points * self.pt, self.bottom)

    def text(
        self,
        text: str,
        style: str = "body",
        *,
        x: float = 0.0,
        width: float | None = None,
        colour: str = "#000000",
        keep_lines: int = 2,
    ) -> None:
        """Wrapped text; pages break between lines, keeping a few lines together."""
        width = self.width - x if width is None else width
        lines = self.m.wrap(text, style, width)
        height = self.m.line_height(style)
        self.ensure(min(len(lines), keep_lines) * height)
        for line in lines:
            self.ensure(height)
            if line:
                self.add(Text(x, self.y + self.m.ascent(style), line, style, colour))
            self.y += height

    def heading(self, text: str, style: str = "h1", *, keep_with: float = 60.0) -> None:
        """A heading never sits alone at the foot of a page."""
        self.ensure(self.m.line_height(style) + keep_with * self.pt)
        if self.y > 0:
            self.gap(8)
        self.text(text, style)
        self.rule()
        self.gap(4)

    def rule(self, colour: str = RULE) -> None:
        self.gap(1.5)
        self.add(Line(0, self.y, self.width, self.y, colour, 0.6 * self.pt))
        self.gap(1.5)

    def picture(self, svg: bytes, x: float, y: float, width: float, height: float) -> None:
        self.add(Picture(x, y, width, height, svg))

    def box(
        self, x: float, y: float, width: float, height: float, fill: str, border: str = ""
    ) -> None:
        self.add(Box(x, y, width, height, fill, border))

    def lines_at(
        self, lines: Sequence[str], style: str, x: float, top: float, colour: str = "#000000"
    ) -> float:
        """Draw already-wrapped lines from ``top`` without page breaks; returns the height."""
        height = self.m.heights[style]
        baseline = top + self.m.ascents[style]
        ops = self.pages[-1].ops
        for line in lines:
            if line:
                ops.append(Text(x, baseline, line, style, colour))
            baseline += height
        return len(lines) * height

    def add_rule_at(self, y: float, colour: str = RULE) -> None:
        self.add(Line(0, y, self.width, y, colour, 0.4 * self.pt))
