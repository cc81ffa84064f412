"""Tables that break across pages cleanly: the header repeats, no text is cut off.

A row that fits on a fresh page is moved there whole; only a row taller than
a page (a very long note) is split between lines, and its remaining lines
continue under the repeated header on the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .composer import RULE, SHADE, Composer
from .pages import Cells

CELL_PAD = 2.5  # points around the text of a cell
SAMPLE_ROWS = 3000


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    weight: float


@dataclass(frozen=True, slots=True)
class PageLimit:
    """The table ends on page ``pages`` at the latest, leaving ``reserve`` free below it."""

    pages: int
    reserve: float = 0.0


@dataclass(frozen=True, slots=True)
class Row:
    cells: Sequence[str]
    colour: str = "#000000"
    first_bold: bool = False


def draw_table(
    composer: Composer,
    columns: Sequence[Column],
    rows: Sequence[Row],
    *,
    style: str = "table",
    header_style: str = "table_bold",
    progress: Callable[[int], None] | None = None,
    limit: PageLimit | None = None,
) -> int:
    """Lay out ``rows`` under a header; returns how many fitted within ``limit`` (all without).

    ``progress(n)`` is told how many rows are done.
    """
    table = _Table(composer, columns, rows, style, header_style)
    table.start()
    for index, row in enumerate(rows):
        if limit is not None and not table.fits(row, limit):
            return index
        table.row(row, shaded=index % 2 == 1)
        if progress is not None and index % 200 == 199:
            progress(index + 1)
    if progress is not None:
        progress(len(rows))
    return len(rows)


class _Table:
    def __init__(
        self,
        composer: Composer,
        columns: Sequence[Column],
        rows: Sequence[Row],
        style: str,
        header_style: str,
    ) -> None:
        self.c = composer
        self.style = style
        self.header_style = header_style
        self.pad = CELL_PAD * composer.pt
        self.widths = fit_widths(composer, columns, rows, style, header_style, self.pad)
        self.lefts = [sum(self.widths[:i]) for i in range(len(columns))]
        self.titles = [col.title for col in columns]
        self.line = composer.m.line_height(style)
        self.header_lines = [self._wrap(t, i, header_style) for i, t in enumerate(self.titles)]
        header_line = composer.m.line_height(header_style)
        self.header_height = max(len(lines) for lines in self.header_lines) * header_line
        self.header_height += 2 * self.pad

    def _wrap(self, text: str, column: int, style: str) -> Sequence[str]:
        return self.c.m.wrap(text, style, self.widths[column] - 2 * self.pad) or ("",)

    def start(self) -> None:
        self.c.ensure(self.header_height + 2 * self.line + 2 * self.pad)
        self.header()

    def header(self) -> None:
        c = self.c
        top = c.y
        c.box(0, top, c.width, self.header_height, "#e2e2e2")
        for left, lines in zip(self.lefts, self.header_lines, strict=True):
            c.lines_at(lines, self.header_style, left + self.pad, top + self.pad)
        c.y = top + self.header_height
        c.add_rule_at(c.y)

    def fits(self, row: Row, limit: PageLimit) -> bool:
        """Whether ``row`` ends within ``limit``, on this page or (whole) on the next."""
        c = self.c
        lines = max(
            len(self._wrap(text, i, "table_bold" if row.first_bold and i == 0 else self.style))
            for i, text in enumerate(row.cells)
        )
        height = lines * self.line + 2 * self.pad
        page = len(c.pages)
        floor = c.bottom - (limit.reserve if page == limit.pages else 0.0)
        if c.y + height <= floor:
            return page <= limit.pages
        if page + 1 > limit.pages:
            return False
        next_floor = c.bottom - (limit.reserve if page + 1 == limit.pages else 0.0)
        return self.header_height + height <= next_floor

    def row(self, row: Row, *, shaded: bool) -> None:
        c = self.c
        cells = []
        for i, text in enumerate(row.cells):
            style = "table_bold" if row.first_bold and i == 0 else self.style
            cells.append((self._wrap(text, i, style), style))
        count = max(len(lines) for lines, _ in cells)
        offset = 0
        while offset < count:
            room = int((c.bottom - c.y - 2 * self.pad) // self.line)
            left = count - offset
            fresh_room = int((c.bottom - self.header_height - 2 * self.pad) // self.line)
            if room < left and (left <= fresh_room or room < 2):
                self.continue_on_next_page()
                continue
            take = min(left, room)
            self._draw_slice(row, cells, offset, take, shaded=shaded)
            offset += take

    def _draw_slice(
        self,
        row: Row,
        cells: list[tuple[Sequence[str], str]],
        offset: int,
        take: int,
        *,
        shaded: bool,
    ) -> None:
        c = self.c
        top = c.y
        height = take * self.line + 2 * self.pad
        if shaded:
            c.box(0, top, c.width, height, SHADE)
        c.add(
            Cells(
                top + self.pad,
                row.colour,
                tuple(
                    (left + self.pad, style, lines[offset : offset + take])
                    for left, (lines, style) in zip(self.lefts, cells, strict=True)
                ),
            )
        )
        c.y = top + height
        c.add_rule_at(c.y, RULE)

    def continue_on_next_page(self) -> None:
        self.c.break_page()
        self.header()


def fit_widths(
    composer: Composer,
    columns: Sequence[Column],
    rows: Sequence[Row],
    style: str,
    header_style: str,
    pad: float,
) -> list[float]:
    """Column widths that keep words whole where the page allows.

    Every column first gets its longest word (so "standing" never breaks
    into "standin/g"); what is left goes to the columns whose text would
    wrap, in proportion to the column weights. A sample of the rows is
    measured, so a 20,000-row log costs no more than a few thousand.
    """
    m = composer.m
    total = composer.width
    step = max(1, len(rows) // SAMPLE_ROWS)
    sample = rows[::step]
    least: list[float] = []
    wanted: list[float] = []
    measured: dict[tuple[str, str], float] = {}  # the sample repeats most words and cells

    def advance(text: str, used: str) -> float:
        found = measured.get((text, used))
        if found is None:
            found = measured[text, used] = m.advance(text, used)
        return found

    for index, column in enumerate(columns):
        words = [advance(word, header_style) for word in column.title.split()]
        full = [advance(column.title, header_style)]
        for row in sample:
            text = row.cells[index]
            used = "table_bold" if row.first_bold and index == 0 else style
            if text:
                full.extend(advance(line, used) for line in text.split("\n"))
                words.extend(advance(word, used) for word in text.split())
        cap = total * column.weight / sum(c.weight for c in columns) * 1.6
        least.append(min(max(words, default=0.0), cap) + 2 * pad)
        wanted.append(max(max(full), least[-1] - 2 * pad) + 2 * pad)
    if sum(least) > total:
        share = sum(c.weight for c in columns)
        return [total * c.weight / share for c in columns]
    if sum(wanted) <= total:
        spare = total - sum(wanted)
        share = sum(c.weight for c in columns)
        return [w + spare * c.weight / share for w, c in zip(wanted, columns, strict=True)]
    spare = total - sum(least)
    demand = [(w - lo) * c.weight for w, lo, c in zip(wanted, least, columns, strict=True)]
    return [lo + spare * d / sum(demand) for lo, d in zip(least, demand, strict=True)]
