"""File > Backups and the start-up choice when the journal cannot be opened."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from numbjournal.core.errors import JournalOpenError
from numbjournal.core.model import Episode
from numbjournal.core.store import Journal
from numbjournal.core.store.backup import list_backups, make_backup
from numbjournal.ui import backups_dialog, dialogs
from numbjournal.ui.backups_dialog import (
    QUIT,
    RETRY,
    BackupsDialog,
    OpenFailureDialog,
    newest_good_backup,
)
from numbjournal.ui.service import JournalService


class Person:
    """Stands in for the person at the dialogs: records what they were shown."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
        self.clicks: list[str] = []
        self.confirm_answers: list[bool] = []
        self.questions: list[str] = []
        self.infos: list[str] = []
        self.errors: list[str] = []
        self.open_path: Path | None = None
        self.shown: list[OpenFailureDialog] = []
        self.qtbot = qtbot
        monkeypatch.setattr(dialogs, "run_modal", self._run_modal)
        monkeypatch.setattr(dialogs, "confirm", self._confirm)
        monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: self.infos.append(text))
        monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: self.errors.append(text))
        monkeypatch.setattr(dialogs, "open_path", lambda *_a: self.open_path)

    def _run_modal(self, dialog: QDialog) -> int:
        assert isinstance(dialog, OpenFailureDialog)
        self.qtbot.addWidget(dialog)
        self.shown.append(dialog)
        button = getattr(dialog, f"{self.clicks.pop(0)}_button")
        assert button.isEnabled()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    def _confirm(self, _parent: QWidget | None, _title: str, text: str, _yes: str) -> bool:
        self.questions.append(text)
        return self.confirm_answers.pop(0)


@pytest.fixture
def person(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Person:
    return Person(monkeypatch, qtbot)


@pytest.fixture
def backed_up(journal_path: Path, episode_factory: Callable[..., Episode]) -> Path:
    """A journal of two episodes with one backup, then damaged."""
    with Journal.open(journal_path, automatic_backups=False) as journal:
        journal.add(episode_factory())
        journal.add(episode_factory(severity=9))
    make_backup(journal_path)
    journal_path.write_bytes(journal_path.read_bytes()[:7000])
    return journal_path


def _open_error(path: Path) -> JournalOpenError:
    with pytest.raises(JournalOpenError) as caught:
        Journal.open(path)
    return caught.value


def test_restore_newest_backup_after_confirming(backed_up: Path, person: Person) -> None:
    damaged = backed_up.read_bytes()
    person.clicks = ["restore"]
    person.confirm_answers = [True]
    choice = backups_dialog.ask_open_failure(_open_error(backed_up), backed_up, None)
    assert choice == RETRY
    shown = person.shown[0]
    assert "damaged" in shown.detail.text() and "left untouched" in shown.detail.text()
    assert "(2 episodes)" in shown.offer.text()
    assert "kept, unchanged" in person.questions[0]
    (aside,) = backed_up.parent.glob("journal.sqlite.unreadable-*Z")
    assert aside.read_bytes() == damaged
    assert str(aside) in person.infos[0] and "2 episodes restored" in person.infos[0]
    with Journal.open(backed_up) as journal:
        assert journal.count() == 2


def test_declining_the_restore_asks_again_and_quit_leaves_the_file(
    backed_up: Path, person: Person
) -> None:
    damaged = backed_up.read_bytes()
    person.clicks = ["restore", "quit"]
    person.confirm_answers = [False]
    choice = backups_dialog.ask_open_failure(_open_error(backed_up), backed_up, None)
    assert choice == QUIT and len(person.shown) == 2
    assert backed_up.read_bytes() == damaged


def test_without_backups_offers_another_journal(
    tmp_path: Path, person: Person, qtbot: QtBot
) -> None:
    foreign = tmp_path / "shopping.txt"
    foreign.write_text("eggs, milk")
    other = tmp_path / "other.sqlite"
    person.open_path = other
    error = _open_error(foreign)
    dialog = OpenFailureDialog(error, foreign, None)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert "no backup" in dialog.offer.text()
    person.clicks = ["other"]
    assert backups_dialog.ask_open_failure(error, foreign, None) == other


@pytest.fixture
def service(
    journal_path: Path, episode_factory: Callable[..., Episode]
) -> Iterator[JournalService]:
    journal = Journal.open(journal_path, automatic_backups=False)
    for severity in (1, 2, 3):
        journal.add(episode_factory(severity=severity))
    opened = JournalService(journal)
    yield opened
    opened.close()


def test_empty_list_explains_and_back_up_now_adds_a_row(
    service: JournalService, qtbot: QtBot
) -> None:
    dialog = BackupsDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.tree.isVisible()
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    (made,) = list_backups(service.path)
    assert dialog.tree.isVisible() and dialog.tree.topLevelItemCount() == 1
    row = dialog.tree.topLevelItem(0)
    assert [row.text(1), row.text(2)] == ["made by hand", "3 episodes"]
    assert str(made.path) in dialog.status.text()
    assert dialog.restore_button.isEnabled(), "the new backup is selected"


def test_restore_from_the_list_reloads_views_and_keeps_the_present(
    service: JournalService, qtbot: QtBot, person: Person, episode_factory: Callable[..., Episode]
) -> None:
    older = make_backup(service.path)
    service.add(episode_factory(notes="after the backup"))
    dialog = BackupsDialog(service)
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    person.confirm_answers = [False, True]
    dialog.restore_button.click()
    assert service.count() == 4, "declining changes nothing"
    with qtbot.waitSignal(service.episodes_changed):
        dialog.restore_button.click()
    assert "(4 episodes) with the backup" in person.questions[1]
    assert service.count() == 3 and len(service.episodes()) == 3
    assert service.undo_stack.count() == 0
    assert "kept in the backup" in dialog.status.text()
    reasons = [dialog.tree.topLevelItem(i).text(1) for i in range(2)]
    assert reasons == ["before a restore", "made by hand"]
    assert older.path.exists()


def test_the_newest_backup_is_selected_on_opening(service: JournalService, qtbot: QtBot) -> None:
    make_backup(service.path)
    newest = make_backup(service.path)
    dialog = BackupsDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.selected_backup() == newest.path
    assert dialog.restore_button.isEnabled()


def test_a_damaged_backup_cannot_be_chosen(service: JournalService, qtbot: QtBot) -> None:
    made = make_backup(service.path)
    made.path.write_bytes(made.path.read_bytes()[:5000])
    dialog = BackupsDialog(service)
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    assert dialog.tree.topLevelItem(0).text(2) == "damaged"
    assert "damaged" in dialog.tree.topLevelItem(0).toolTip(0)
    assert not dialog.restore_button.isEnabled()


def test_newer_journal_offers_its_backup_and_says_to_update(
    journal_path: Path, episode_factory: Callable[..., Episode], qtbot: QtBot
) -> None:
    with Journal.open(journal_path, automatic_backups=False) as journal:
        journal.add(episode_factory())
    make_backup(journal_path)
    conn = sqlite3.connect(journal_path)
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    error = _open_error(journal_path)
    dialog = OpenFailureDialog(error, journal_path, newest_good_backup(journal_path))
    qtbot.addWidget(dialog)
    assert "newer version" in dialog.detail.text() and "Update numbjournal" in dialog.detail.text()
    assert dialog.restore_button.isEnabled() and "(1 episode)" in dialog.offer.text()


def test_a_journal_that_cannot_be_written_is_not_offered_a_restore(
    tmp_path: Path, person: Person
) -> None:
    error = JournalOpenError(f"{tmp_path} cannot be opened for writing: the disk is read-only")
    person.clicks = ["quit"]
    assert backups_dialog.ask_open_failure(error, tmp_path / "journal.sqlite", None) == QUIT
    shown = person.shown[0]
    assert not shown.restore_button.isEnabled()
    assert "would not help" in shown.offer.text()


def test_show_folder_opens_the_backups_folder(
    service: JournalService, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Path] = []
    monkeypatch.setattr(backups_dialog, "show_folder", shown.append)
    dialog = BackupsDialog(service)
    qtbot.addWidget(dialog)
    assert not dialog.folder_button.isEnabled(), "no folder before the first backup"
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_button.isEnabled()
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert shown == [service.path.parent / "backups"]
