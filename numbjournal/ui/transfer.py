"""Export and import of the journal's data from the window (JSON or CSV, the shared format)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..core.atomic import atomic_write
from ..core.errors import NumbjournalError
from ..core.formats import dump_csv, dump_journal_json, read_journal_file
from . import dialogs
from .encryption_dialog import confirm_plaintext_export
from .service import JournalService

EXPORT_FILTERS = "numbjournal JSON (*.json);;Spreadsheet CSV (*.csv)"
IMPORT_FILTERS = "numbjournal files (*.json *.csv);;All files (*)"


def export_data(service: JournalService, parent: QWidget | None) -> Path | None:
    """Ask where, then write every episode (and, in JSON, the profile's conditions)."""
    if not confirm_plaintext_export(parent, service.path):
        return None
    suggested = Path.home() / f"numbjournal-{date.today().isoformat()}.json"
    chosen = dialogs.save_path(parent, "Export data", suggested, EXPORT_FILTERS)
    if chosen is None:
        return None
    if chosen.suffix.lower() not in (".json", ".csv"):
        chosen = chosen.with_name(chosen.name + ".json")
    episodes = list(reversed(service.episodes()))
    try:
        if chosen.suffix.lower() == ".csv":
            text = dump_csv(episodes)
        else:
            exported_at = datetime.now().astimezone()
            text = dump_journal_json(
                episodes,
                service.profile(),
                exported_at=exported_at,
                treatments=service.treatments(),
            )
        atomic_write(chosen, text)
    except (NumbjournalError, OSError) as exc:
        dialogs.show_error(parent, "Export failed", f"Nothing was written to {chosen}: {exc}")
        return None
    return chosen


def import_data(service: JournalService, parent: QWidget | None) -> str | None:
    """Ask for a file and add its episodes, all or nothing; returns what happened in words."""
    chosen = dialogs.open_path(parent, "Import data", Path.home(), IMPORT_FILTERS)
    if chosen is None:
        return None
    try:
        content = read_journal_file(chosen, source=str(chosen))
        result = service.import_file(
            content.episodes,
            content.conditions,
            name=content.name,
            date_of_birth=content.date_of_birth,
            treatments=content.treatments,
        )
    except (NumbjournalError, OSError) as exc:
        dialogs.show_error(parent, "Import failed", f"Nothing was imported. {exc}")
        return None
    message = f"Imported {result.added:,} episodes from {chosen.name}"
    if result.skipped:
        message += f"; skipped {result.skipped:,} already in the journal"
    if result.conditions_added:
        message += f"; added {result.conditions_added} profile conditions"
    if result.treatments_added:
        message += f"; added {result.treatments_added} treatments"
    return message + "."
