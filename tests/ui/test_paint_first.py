"""Paint first: the window shows the newest rows at once, then fills in; a bad file is refused."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QTableView

from numbjournal.core.preview import PREVIEW_ROWS
from numbjournal.core.store import Journal
from numbjournal.ui import app
from numbjournal.ui.journal_model import COL_FLAG, EPISODE_ID_ROLE
from numbjournal.ui.main_window import MainWindow

from ..conftest import make_episode
from .conftest import EMERGENCY_SYMPTOMS

MORE = 25  # episodes beyond what the first frame reads


def journal_with(path: Path, count: int) -> list[int]:
    """A closed journal of ``count`` episodes; their ids newest first."""
    first = make_episode()
    with Journal.open(path) as journal:
        journal.import_all(
            [
                make_episode(
                    started_at=first.started_at - timedelta(hours=5 * i),
                    symptoms=EMERGENCY_SYMPTOMS if i == 1 else (),
                )
                for i in range(count)
            ]
        )
        return [e.id for e in journal.episodes(newest_first=True) if e.id is not None]


def shown_ids(window: MainWindow) -> list[int]:
    model = window.journal_view.model
    return [model.data(model.index(r, 0), EPISODE_ID_ROLE) for r in range(model.rowCount())]


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def the_window(qapp: QApplication) -> MainWindow:
    (window,) = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return window


@pytest.mark.qt_log_ignore("does not support raise")
def test_newest_rows_first_then_the_rest_below_without_a_reset(
    qtbot, journal_path: Path, monkeypatch
) -> None:
    ids = journal_with(journal_path, PREVIEW_ROWS + MORE)
    seen: dict[str, object] = {}

    def event_loop(qapp: QApplication) -> int:
        window = the_window(qapp)
        model = window.journal_view.model
        resets: list[bool] = []
        model.modelReset.connect(lambda: resets.append(True))
        seen["first rows"] = shown_ids(window)
        seen["first ready"] = window.service.ready
        seen["log enabled"] = window.actions_.log.isEnabled()
        seen["status"] = window.count_label.text()
        seen["emergency shown"] = model.data(model.index(1, COL_FLAG))
        pick = window.journal_view.table.selectionModel()
        flag = pick.SelectionFlag
        pick.select(model.index(3, 0), flag.ClearAndSelect | flag.Rows)
        qtbot.waitUntil(lambda: window.service.ready, timeout=30_000)
        seen["all rows"] = shown_ids(window)
        seen["resets"] = len(resets)
        seen["selected"] = window.journal_view.selected_ids()
        seen["log enabled after"] = window.actions_.log.isEnabled()
        seen["status after"] = window.count_label.text()
        seen["encryption"] = [
            a.text() for a in window.findChildren(QAction) if a.objectName() == "encryptionAction"
        ]
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", event_loop)
    assert app.run_window(journal_path, []) == 0
    assert seen["first ready"] is False
    assert seen["first rows"] == ids[:PREVIEW_ROWS], "the newest rows, in the journal's order"
    assert seen["emergency shown"], "their own flags are in the first frame"
    assert seen["log enabled"] is False, "nothing is written before the open checks pass"
    assert seen["status"] == f"{len(ids)} episodes — opening the journal…"
    assert seen["all rows"] == ids
    assert seen["resets"] == 0, "the rest is added below; the view does not jump"
    assert seen["selected"] == [ids[3]]
    assert seen["log enabled after"] is True
    assert seen["status after"] == f"{len(ids)} episodes"
    assert seen["encryption"] == ["&Encryption…"], "File > Encryption… comes after the first frame"


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_file_that_fails_the_open_checks_is_refused_in_the_window_untouched(
    qtbot, journal_path: Path, monkeypatch
) -> None:
    journal_with(journal_path, 10)
    with sqlite3.connect(journal_path) as conn:  # as if written by a newer numbjournal
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = files_in(journal_path.parent)
    seen: dict[str, object] = {}

    def refuse(error: Exception, path: Path) -> str:
        window = the_window(QApplication.instance())  # type: ignore[arg-type]
        seen["error"] = str(error)
        seen["tables left"] = [
            t for t in window.findChildren(QTableView) if t.isVisible() and t.model().rowCount()
        ]
        seen["central"] = window.centralWidget().text()
        return "quit"

    def event_loop(qapp: QApplication) -> int:
        window = the_window(qapp)
        seen["rows first"] = window.journal_view.model.rowCount()
        qtbot.waitUntil(lambda: "error" in seen, timeout=30_000)
        qtbot.waitUntil(lambda: not window.isVisible())
        return 0

    monkeypatch.setattr(app, "open_failure_dialog", refuse)
    monkeypatch.setattr(app, "run_event_loop", event_loop)
    assert app.run_window(journal_path, []) == 1
    assert seen["rows first"] == 10
    assert "newer version" in str(seen["error"])
    assert seen["tables left"] == [], "the rows read for the first frame are gone"
    assert "did not open" in str(seen["central"])
    assert files_in(journal_path.parent) == before, "not a byte written, no side file made"
    assert not (journal_path.parent / "backups").exists()


def test_the_first_frame_with_rows_comes_before_sqlalchemy(journal_path: Path) -> None:
    """Nor the encryption dialog, the log's rotation module, statistics or the episode
    editor: each was a visible part of the time to the first frame."""
    journal_with(journal_path, 5)
    script = f"""
import os, sys
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj.parent(), QtWidgets.QTableView):
            if obj.parent().model().rowCount():
                heavy = sorted(
                    m for m in sys.modules
                    if m.split('.')[0] in {{'sqlalchemy', 'alembic', 'matplotlib'}}
                    or m in {{'numbjournal.ui.encryption_dialog', 'logging.handlers', 'statistics',
                              'PySide6.QtNetwork', 'numbjournal.ui.editor'}}
                )
                print("rows", obj.parent().model().rowCount(), heavy, flush=True)
                os._exit(0)
        return False

class App(QtWidgets.QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self.watch = Watch()
        self.installEventFilter(self.watch)

QtWidgets.QApplication = App
from numbjournal.__main__ import main
main(["--db", {str(journal_path)!r}])
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split() == ["rows", "5", "[]"], done.stderr
