"""Reading an interchange file from disk: size, encoding and which format it is.

Everything that can be wrong with the bytes (empty, huge, not UTF-8, UTF-16
from a spreadsheet) becomes one sentence naming the file, before any
parsing starts.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import FormatError
from .csv_file import parse_csv
from .fields import EPISODE_FIELDS
from .json_file import parse_json
from .result import JournalFile

MAX_IMPORT_BYTES = 256 * 1024 * 1024
KINDS = ("json", "csv")
_UTF16_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_journal_file(
    path: Path, source: str | None = None, kind: str | None = None
) -> JournalFile:
    """Read and validate a JSON or CSV file completely; nothing is written anywhere.

    ``source`` is how errors name the file (default: its name); ``kind``
    forces ``"json"`` or ``"csv"`` instead of guessing.
    """
    label = source or path.name
    return parse_journal_bytes(_read_bytes(path, label), label, kind, path)


def parse_journal_bytes(
    data: bytes, source: str, kind: str | None = None, path: Path | None = None
) -> JournalFile:
    """The contents of a file already read (standard input, say); ``path`` helps guess."""
    text = decode(data, source)
    chosen = kind or guess_kind(path or Path(""), text, source)
    if chosen == "json":
        return parse_json(text, source)
    return parse_csv(text, source)


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise FormatError(f"{source}: the file is empty")
    if data.startswith(_UTF16_BOMS):
        raise FormatError(
            f'{source}: is saved as UTF-16 or UTF-32; save it as UTF-8 ("CSV UTF-8" in '
            "spreadsheets) and import it again"
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(
            f"{source}: line {line} is not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "save the file as UTF-8 and import it again"
        ) from None


def guess_kind(path: Path, text: str, source: str) -> str:
    """JSON or CSV, from the file name's extension, else from how it starts."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in KINDS:
        return suffix
    start = text.lstrip()
    if start.startswith("{"):
        return "json"
    if start.split(",", 1)[0].strip().strip('"') in EPISODE_FIELDS:
        return "csv"
    hint = "name it .json or .csv" if path.name else "say which with --format json or csv"
    raise FormatError(f"{source}: cannot tell whether this is a JSON or a CSV journal; {hint}")


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        if path.is_dir():
            raise FormatError(f"{source}: is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise FormatError(
                f"{source}: is {size / 1024 / 1024:,.0f} MB, larger than any numbjournal "
                f"file ({MAX_IMPORT_BYTES // 1024 // 1024} MB at most)"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise FormatError(f"{source}: no such file") from None
    except PermissionError:
        raise FormatError(f"{source}: permission denied (cannot read the file)") from None
    except OSError as exc:
        raise FormatError(f"{source}: cannot be read ({exc.strerror or exc})") from None
