"""The CSV form of the journal (journal-format.md, "The CSV form").

Spreadsheets run cells that start like a formula, so free text starting
with ``= + - @``, a tab or a carriage return is written with a leading
``'``. To make the round trip exact for any text, a note that itself starts
with ``'`` followed by one of those characters or by another ``'`` gets one
more ``'``; on import a leading ``'`` is taken off only when one of those
characters follows it, so a hand-written ``'hello`` stays as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..errors import FormatError, ValidationError
from ..model import Episode
from ..validation import CheckedEpisodes
from .fields import (
    EPISODE_FIELDS,
    LIST_SEPARATOR,
    REQUIRED_FIELDS,
    episode_from_raw,
    episode_to_raw,
    raw_from_text,
)
from .result import JournalFile, episode_error, too_many

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"
_ESCAPED_STARTS = (*FORMULA_STARTS, _QUOTE)


def escape_formula(text: str) -> str:
    """Text a spreadsheet will show as text; :func:`unescape_formula` undoes it exactly."""
    if text.startswith(FORMULA_STARTS) or (
        text.startswith(_QUOTE) and text[1:].startswith(_ESCAPED_STARTS)
    ):
        return _QUOTE + text
    return text


def unescape_formula(text: str) -> str:
    if text.startswith(_QUOTE) and text[1:].startswith(_ESCAPED_STARTS):
        return text[1:]
    return text


def dump_csv(episodes: Sequence[Episode]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EPISODE_FIELDS)
    for episode in episodes:
        raw = episode_to_raw(episode)
        writer.writerow(_cell(field, raw[field]) for field in EPISODE_FIELDS)
    return buffer.getvalue()


def parse_csv(text: str, source: str) -> JournalFile:
    """The episodes of a CSV file; errors name ``source``, the line and the field."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    episodes: list[Episode] = []
    failures: list[str] = []
    header: list[str] | None = None
    line = 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = _header(row, source, start)
                continue
            where = f"line {start}"
            if len(row) != len(header):
                failures.append(
                    f"{source}: {where}: has {len(row)} cells but the header has {len(header)}"
                )
                continue
            cells = dict(zip(header, row, strict=True))
            if "started_at" in cells and cells["started_at"].strip():
                where += f" (started {cells['started_at'].strip()})"
            if "notes" in cells:
                cells["notes"] = unescape_formula(cells["notes"])
            try:
                episodes.append(episode_from_raw(raw_from_text(cells)))
            except ValidationError as exc:
                failures.append(episode_error(source, where, exc))
    except csv.Error as exc:
        raise FormatError(f"{source}: line {reader.line_num}: is not valid CSV ({exc})") from None
    if header is None:
        raise FormatError(f"{source}: has no header row (expected {', '.join(EPISODE_FIELDS)})")
    if failures:
        raise FormatError(failures[0] + too_many(len(failures) - 1))
    return JournalFile(CheckedEpisodes(episodes), (), "csv")


def _cell(field: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    if field == "notes":
        return escape_formula(str(value))
    return str(value)


def _header(row: list[str], source: str, line: int) -> list[str]:
    names = [cell.strip().lower() for cell in row]
    where = f"{source}: line {line} (the header)"
    if len(names) == 1 and names[0].count(";") >= 2:
        raise FormatError(
            f"{where}: the columns are separated by ';' but numbjournal CSV uses commas; "
            'save it from the spreadsheet as "CSV UTF-8 (comma delimited)"'
        )
    unknown = [n for n in names if n not in EPISODE_FIELDS]
    if unknown:
        raise FormatError(
            f"{where}: unknown column {unknown[0]!r} (the columns are {', '.join(EPISODE_FIELDS)})"
        )
    repeated = [n for i, n in enumerate(names) if n in names[:i]]
    if repeated:
        raise FormatError(f"{where}: the column {repeated[0]!r} appears twice")
    missing = [f for f in EPISODE_FIELDS if f in REQUIRED_FIELDS and f not in names]
    if missing:
        raise FormatError(f"{where}: the column {missing[0]!r} is missing")
    return names
