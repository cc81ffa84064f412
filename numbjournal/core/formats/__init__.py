"""JSON and CSV interchange files (journal-format.md section 1), all or nothing.

Readers validate every episode before anything is handed to the journal, so
:meth:`Journal.import_all` gets a complete, valid list or nothing at all.
"""

from .csv_file import dump_csv, escape_formula, parse_csv, unescape_formula
from .fields import (
    EPISODE_FIELDS,
    condition_from_raw,
    episode_from_raw,
    episode_to_raw,
    format_started_at,
    local_moment,
    parse_date,
    parse_started_at,
    raw_from_text,
)
from .files import MAX_IMPORT_BYTES, guess_kind, parse_journal_bytes, read_journal_file
from .json_file import FORMAT_VERSION, dump_journal_json, dump_json, parse_json
from .result import JournalFile

__all__ = [
    "EPISODE_FIELDS",
    "FORMAT_VERSION",
    "MAX_IMPORT_BYTES",
    "JournalFile",
    "condition_from_raw",
    "dump_csv",
    "dump_journal_json",
    "dump_json",
    "episode_from_raw",
    "episode_to_raw",
    "escape_formula",
    "format_started_at",
    "guess_kind",
    "local_moment",
    "parse_csv",
    "parse_date",
    "parse_journal_bytes",
    "parse_json",
    "parse_started_at",
    "raw_from_text",
    "read_journal_file",
    "unescape_formula",
]
