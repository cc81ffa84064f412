"""Start-up and the app around the window: first run, sample journal, one instance, failures."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from numbjournal.core.store import Journal
from numbjournal.paths import data_dir
from numbjournal.ui import app, crash, dialogs
from numbjournal.ui.main_window import SAMPLE_TITLE, MainWindow
from numbjournal.ui.single_instance import InstanceServer, ask_running_instance, server_address
from numbjournal.ui.tray import reminder_due
from numbjournal.ui.welcome import LOOK_AT_SAMPLE, WelcomeDialog, welcome_needed


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen has no window stacking
def test_first_run_welcome_then_sample_journal_kept_apart(qtbot, window, driver, journal: Journal):
    def look_at_sample(dialog: WelcomeDialog) -> None:
        text = " ".join(label.text() for label in dialog.findChildren(type(window.count_label)))
        assert "not a diagnosis" in text
        assert str(journal.path) in text
        dialog.sample_button.click()

    driver.steps.append(look_at_sample)
    app.first_run(window)
    sample = window.sample_window
    assert sample is not None
    try:
        check_sample(sample, window, journal, driver)
    finally:
        sample.close()


def check_sample(sample: MainWindow, window: MainWindow, journal: Journal, driver) -> None:
    assert sample.windowTitle() == SAMPLE_TITLE
    assert (
        "Sample journal — not your data"
        in sample.centralWidget().findChildren(type(window.count_label))[0].text()
    )
    assert sample.service.path.parent == data_dir() / "sample"
    assert sample.service.path != journal.path
    assert sample.service.count() > 100
    assert sample.service.flags().has_emergency(), "the sample shows what a flag looks like"
    assert journal.count() == 0, "the sample never reaches the real journal"
    assert not welcome_needed()
    app.first_run(window)
    assert len(driver.seen) == 1, "the welcome is shown once"


def test_no_welcome_for_a_journal_with_episodes(qtbot, window, driver, journal, recent_episode):
    journal.add(recent_episode())
    qtbot.waitUntil(lambda: window.service.count() == 1)
    app.first_run(window)
    assert driver.seen == []


def test_start_my_journal_closes_the_welcome(qtbot, window, driver):
    driver.steps.append(lambda dialog: dialog.start_button.click())
    app.first_run(window)
    assert driver.seen[0].result() == QDialog.DialogCode.Accepted
    assert window.sample_window is None
    assert QDialog.DialogCode.Accepted != LOOK_AT_SAMPLE


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_second_launch_brings_the_first_window_forward(qtbot, journal_path: Path, tmp_path):
    raised: list[bool] = []
    server = InstanceServer(journal_path, lambda: raised.append(True))
    try:
        assert server.listening
        assert not ask_running_instance(tmp_path / "another.sqlite")
        assert ask_running_instance(journal_path)
        qtbot.waitUntil(lambda: raised == [True])
    finally:
        server.close()
    assert not ask_running_instance(journal_path)


@pytest.mark.skipif(os.name == "nt", reason="a named pipe leaves no file behind")
def test_a_socket_file_left_by_a_crashed_window_is_not_taken_for_a_running_one(
    qtbot, journal_path: Path
):
    address = server_address(journal_path)
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(address)  # bound, never listening, never removed: as after a crash
    left.close()
    assert Path(address).exists()
    assert not ask_running_instance(journal_path)
    raised: list[bool] = []
    server = InstanceServer(journal_path, lambda: raised.append(True))
    try:
        assert server.listening, "the new window takes the name over"
        assert ask_running_instance(journal_path)
        qtbot.waitUntil(lambda: raised == [True])
    finally:
        server.close()


def test_run_window_defers_to_a_running_instance(qtbot, journal_path: Path, capsys):
    raised: list[bool] = []
    server = InstanceServer(journal_path, lambda: raised.append(True))
    try:
        assert app.run_window(journal_path, []) == 0
        qtbot.waitUntil(lambda: raised == [True])
    finally:
        server.close()
    assert "already open" in capsys.readouterr().err
    assert not journal_path.exists(), "the second launch did not touch the journal"


def test_a_journal_that_cannot_be_opened_gets_a_dialog_and_is_left_alone(
    journal_path: Path, monkeypatch
) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(b"not a journal at all")
    shown: list[str] = []

    def refuse(error, path):
        shown.append(str(error))
        return "quit"

    monkeypatch.setattr(app, "open_failure_dialog", refuse)
    assert app.run_window(journal_path, []) == 1
    assert "not a numbjournal journal" in shown[0]
    assert journal_path.read_bytes() == b"not a journal at all"


def test_crash_report_has_the_traceback_but_no_journal_content(monkeypatch, journal_path):
    quits: list[bool] = []
    shown: list[Path | None] = []
    monkeypatch.setattr(crash, "show_crash", lambda report, path: shown.append(report) or False)
    hook = crash.make_hook(journal_path, lambda: quits.append(True))

    private = "".join(["notes: my ", "sec", "ret numb toes"])

    def save_something_private() -> None:
        raise ValueError(private)

    try:
        save_something_private()
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    (report,) = shown
    assert report is not None and report.parent == data_dir() / "problem-reports"
    text = report.read_text(encoding="utf-8")
    assert "save_something_private" in text
    assert "builtins.ValueError" in text
    assert "PySide6" in text and "numbjournal" in text
    assert "secret" not in text
    if os.name == "posix":
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert quits == [], "keep working was chosen"


def test_crash_dialog_quit_quits(monkeypatch, journal_path):
    quits: list[bool] = []
    monkeypatch.setattr(crash, "show_crash", lambda report, path: True)
    hook = crash.make_hook(journal_path, lambda: quits.append(True))
    error = RuntimeError("boom")
    hook(RuntimeError, error, None)
    assert quits == [True]


@pytest.mark.parametrize(
    ("now", "at", "last", "logged", "due"),
    [
        (datetime(2026, 11, 25, 20, 5), time(20, 0), None, False, True),
        (datetime(2026, 11, 25, 19, 55), time(20, 0), None, False, False),
        (datetime(2026, 11, 25, 20, 5), None, None, False, False),
        (datetime(2026, 11, 25, 20, 5), time(20, 0), None, True, False),
        (datetime(2026, 11, 25, 20, 5), time(20, 0), date(2026, 11, 25), False, False),
        (datetime(2026, 11, 26, 20, 5), time(20, 0), date(2026, 11, 25), False, True),
    ],
)
def test_reminder_once_a_day_after_its_time_only_if_nothing_logged(now, at, last, logged, due):
    assert reminder_due(now, at, last, logged) is due


def test_export_data_as_json_and_csv_then_import(
    qtbot, window, journal, recent_episode, monkeypatch, tmp_path
):
    saved = journal.add(recent_episode(notes="=SUM(A1)"))
    qtbot.waitUntil(lambda: window.service.count() == 1)
    target = tmp_path / "out" / "journal.json"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "save_path", lambda *args: target)
    window.export_data()
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "numbjournal"
    assert [e["notes"] for e in document["episodes"]] == ["=SUM(A1)"]
    assert str(target) in window.statusBar().currentMessage()

    csv_target = tmp_path / "out" / "journal.csv"
    monkeypatch.setattr(dialogs, "save_path", lambda *args: csv_target)
    window.export_data()
    assert csv_target.read_text(encoding="utf-8").splitlines()[1].endswith("'=SUM(A1)")

    journal.delete([saved.id])
    qtbot.waitUntil(lambda: window.service.count() == 0)
    monkeypatch.setattr(dialogs, "open_path", lambda *args: target)
    window.import_data()
    assert journal.count() == 1
    assert "Imported 1 episodes" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.journal_view.model.rowCount() == 1)


def test_import_of_a_bad_file_says_what_is_wrong(window, monkeypatch, tmp_path, journal):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "numbjournal", "version": 99, "episodes": []}', encoding="utf-8")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "open_path", lambda *args: bad)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    window.import_data()
    assert "Nothing was imported" in errors[0] and "99" in errors[0]
    assert journal.count() == 0


def test_charts_are_not_imported_until_the_patterns_tab_is_opened(tmp_path: Path) -> None:
    script = f"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from numbjournal.core.store import Journal
from numbjournal.ui.main_window import MainWindow, TAB_PATTERNS
from numbjournal.ui.service import JournalService
window = MainWindow(JournalService(Journal.open({str(tmp_path / "j.sqlite")!r})))
window.show()
app.processEvents()
print("before", "matplotlib" in sys.modules)
window.tabs.setCurrentIndex(TAB_PATTERNS)
for _ in range(100):
    app.processEvents()
    if window.patterns_tab.view is not None:
        break
print("after", "matplotlib" in sys.modules)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "before False" in done.stdout
    assert "after True" in done.stdout


def test_tray_reminder_fires_once_on_a_day_with_nothing_logged(qtbot) -> None:
    from numbjournal.ui.tray import JournalTray

    state = {"at": time(20, 0), "logged": False}
    tray = JournalTray([], lambda: None, lambda: "no timer", lambda: (state["at"], state["logged"]))
    evening = datetime(2026, 11, 25, 20, 1)
    assert not tray.check(datetime(2026, 11, 25, 19, 59))
    assert tray.check(evening)
    assert not tray.check(evening), "once a day"
    state["logged"] = True
    assert not tray.check(datetime(2026, 11, 26, 20, 1))
    tray.deleteLater()


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen has no window stacking
def test_run_window_opens_the_journal_then_the_window(
    qtbot, journal_path: Path, driver, monkeypatch
):
    seen: dict[str, object] = {}

    def event_loop(qapp) -> int:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        (window,) = windows
        seen["title"] = window.windowTitle()
        seen["hook"] = sys.excepthook
        qtbot.waitUntil(lambda: len(driver.seen) == 1)  # the welcome, once the loop runs
        seen["second launch"] = ask_running_instance(journal_path)  # answered once painted
        seen["app name"] = qapp.applicationName()
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", event_loop)
    before = sys.excepthook
    assert app.run_window(journal_path, []) == 0
    assert seen["title"] == "numbjournal"
    assert seen["app name"] == "numbjournal"
    assert seen["hook"] is not before, "a bug shows a dialog while the window runs"
    assert sys.excepthook is before
    assert seen["second launch"] is True
    assert isinstance(driver.seen[0], WelcomeDialog)
    assert Journal.open(journal_path).count() == 0
    assert not ask_running_instance(journal_path), "the instance server closes with the window"
