"""After a save, delete or undo the journal table updates those rows, never the whole model."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from numbjournal.core.store import Journal
from numbjournal.ui.journal_model import COL_FLAG, COL_SEVERITY, EPISODE_ID_ROLE
from numbjournal.ui.journal_view import JournalView
from numbjournal.ui.service import JournalService

from .conftest import EMERGENCY_SYMPTOMS


@pytest.fixture
def view(qtbot, service: JournalService, journal: Journal, recent_episode) -> JournalView:
    journal.import_all([recent_episode(days_ago=i, severity=i % 9 + 1) for i in range(1, 13)])
    made = JournalView(service)
    qtbot.addWidget(made)
    made.show()
    return made


def signals(view: JournalView) -> Counter[str]:
    seen: Counter[str] = Counter()
    model = view.model
    for name in ("modelReset", "rowsInserted", "rowsRemoved", "dataChanged", "layoutChanged"):
        getattr(model, name).connect(lambda *_a, name=name: seen.update([name]))
    return seen


def shown(view: JournalView) -> list[int]:
    model = view.model
    return [model.data(model.index(r, 0), EPISODE_ID_ROLE) for r in range(model.rowCount())]


def newest_first(service: JournalService) -> list[int]:
    return [e.id for e in service.episodes() if e.id is not None]


def test_log_edit_delete_and_undo_touch_only_their_rows(view, service, recent_episode):
    seen = signals(view)
    pick = view.table.selectionModel()
    pick.select(view.model.index(4, 0), pick.SelectionFlag.ClearAndSelect | pick.SelectionFlag.Rows)
    selected = view.selected_ids()
    assert len(selected) == 1

    saved = service.add(recent_episode(days_ago=0.5, symptoms=EMERGENCY_SYMPTOMS))
    assert seen == Counter(rowsInserted=1)
    assert shown(view)[0] == saved.id and shown(view) == newest_first(service)
    model = view.model
    assert model.data(model.index(0, COL_FLAG)), "the new row shows its flag"
    assert view.selected_ids() == selected, "the person's selection stays on its episode"

    older = service.episodes()[6]
    service.update(dataclasses.replace(older, severity=10))
    assert seen["modelReset"] == 0 and seen["dataChanged"] == 1
    row = shown(view).index(older.id)
    assert model.data(model.index(row, COL_SEVERITY)) == "10 / 10"

    # An hour ago is later than every other episode (the journal refuses a future start).
    an_hour_ago = datetime.now().astimezone().replace(second=0, microsecond=0) - timedelta(hours=1)
    moved = dataclasses.replace(older, started_at=an_hour_ago)
    service.update(moved)  # now the newest: its row moves to the top
    assert shown(view) == newest_first(service)

    service.delete([saved.id])
    assert seen["rowsRemoved"] >= 1 and saved.id not in shown(view)
    service.undo_stack.undo()  # the deleted episode comes back
    assert shown(view) == newest_first(service) and saved.id in shown(view)
    assert seen["modelReset"] == 0 and seen["layoutChanged"] == 0


def test_updates_respect_the_sort_and_filter_in_use(qtbot, view, service, recent_episode):
    view.table.sortByColumn(COL_SEVERITY, Qt.SortOrder.AscendingOrder)
    view.search.setText("drive")
    view._apply_filter()
    assert view.model.rowCount() == 0
    seen = signals(view)
    kept = service.add(recent_episode(days_ago=0.2, severity=5, notes="after a long drive"))
    service.add(recent_episode(days_ago=0.3, severity=2, notes="sitting"))
    service.add(recent_episode(days_ago=0.4, severity=1, notes="drive home"))
    assert seen["modelReset"] == 0
    model = view.model
    assert [model.data(model.index(r, COL_SEVERITY)) for r in range(model.rowCount())] == [
        "1 / 10",
        "5 / 10",
    ]
    service.update(dataclasses.replace(kept, notes="sitting still"))
    assert model.rowCount() == 1, "an edit that no longer matches the search leaves the view"
    view.clear_filters()
    severities = [int(model.data(model.index(r, COL_SEVERITY)).split()[0]) for r in range(15)]
    assert severities == sorted(severities)


def test_the_timer_and_the_summary_choices_write_through_the_service(
    qtbot, service, journal, recent_episode
):
    """No write behind the service's back: none makes it re-read every episode."""
    from numbjournal.ui.export_summary_dialog import SETTING, ExportSummaryDialog
    from numbjournal.ui.main_window import MainWindow

    journal.import_all([recent_episode(days_ago=i) for i in range(1, 4)])
    window = MainWindow(service)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: service.count() == 3)  # the import above was not the service's
    qtbot.wait(50)
    loaded = service.episodes()
    reloads: list[bool] = []
    service.rows_changed.connect(lambda changes: reloads.append(changes is None))

    window.timer.start()
    assert window.timer.running
    dialog = ExportSummaryDialog(service.journal, window, settings=service)
    qtbot.addWidget(dialog)
    dialog._remember(dialog.options())
    qtbot.wait(50)  # a write by someone else would schedule a reload now
    assert reloads == [] and service.episodes() is loaded
    assert journal.setting(SETTING) is not None, "the choices were kept, in the journal"
    assert journal.setting("timer.started_at") is not None
