"""The window's side of encryption: the passphrase dialog at start, File > Encryption...,
the idle lock, and the plaintext warning on exports."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QScrollArea

pytest.importorskip("sqlcipher3", reason="the optional [encryption] extra is not installed")

from numbjournal.core import encryption
from numbjournal.core.store import Journal
from numbjournal.core.store.conversion import encrypt_journal
from numbjournal.ui import app, keyring_store
from numbjournal.ui.encryption_dialog import LOCK_SETTING, EncryptionDialog, install_encryption
from numbjournal.ui.idle_lock import IdleLock, LockCover
from numbjournal.ui.main_window import MainWindow
from numbjournal.ui.passphrase_dialog import PassphraseDialog, unlock_for_window
from numbjournal.ui.service import JournalService

PASSPHRASE = "quiet river stone"


@pytest.fixture(autouse=True)
def no_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(keyring_store, "available", lambda: False)
    monkeypatch.setattr(keyring_store, "load", lambda path: None)
    encryption.forget_all()
    yield
    encryption.forget_all()


@pytest.fixture
def locked_path(journal_path: Path, recent_episode) -> Path:
    with Journal.open(journal_path) as journal:
        journal.add(recent_episode(notes="numb toes at the bus stop"))
    encrypt_journal(journal_path, PASSPHRASE)
    encryption.forget_all()
    return journal_path


def _type_and_open(qtbot, dialog: PassphraseDialog, text: str) -> None:
    qtbot.keyClicks(dialog.field.edit, text)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._pending is None and dialog.field.isEnabled(), timeout=20_000)


def test_passphrase_dialog_refuses_a_wrong_one_then_opens(qtbot, locked_path: Path) -> None:
    dialog = PassphraseDialog(locked_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember.isVisible(), "no keyring: no 'remember' offered"
    _type_and_open(qtbot, dialog, "quiet river")
    assert "does not open" in dialog.status.text()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.field.text() == ""
    _type_and_open(qtbot, dialog, PASSPHRASE)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with Journal.open(locked_path) as journal:
        assert journal.count() == 1


def test_show_hide_and_caps_lock_warning(qtbot, locked_path: Path) -> None:
    dialog = PassphraseDialog(locked_path)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.field
    assert field.edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(field.show_button, Qt.MouseButton.LeftButton)
    assert field.edit.echoMode() == QLineEdit.EchoMode.Normal and field.show_button.text() == "Hide"
    qtbot.mouseClick(field.show_button, Qt.MouseButton.LeftButton)
    assert field.edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(field.edit, "a")
    assert not field.caps_warning.isVisible()
    qtbot.keyClicks(field.edit, "Q")  # a capital without Shift: Caps Lock is on
    assert field.caps_warning.isVisible()
    qtbot.keyClicks(field.edit, "b")
    assert not field.caps_warning.isVisible()


def test_remember_is_offered_only_with_a_keyring(qtbot, locked_path: Path, monkeypatch) -> None:
    stored: dict[str, str] = {}
    monkeypatch.setattr(keyring_store, "available", lambda: True)
    monkeypatch.setattr(keyring_store, "save", lambda p, s: stored.__setitem__(str(p), s))
    dialog = PassphraseDialog(locked_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.remember.isVisible() and not dialog.remember.isChecked()
    dialog.remember.setChecked(True)
    _type_and_open(qtbot, dialog, PASSPHRASE)
    assert stored == {str(locked_path): PASSPHRASE}


def test_a_plain_journal_opens_without_asking(qtbot, journal_path: Path, driver) -> None:
    Journal.open(journal_path).close()
    assert unlock_for_window(journal_path) is True
    assert driver.seen == []


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_window_asks_before_it_reads_an_encrypted_journal(
    qtbot, locked_path: Path, driver, monkeypatch
) -> None:
    def unlock(dialog: PassphraseDialog) -> None:
        assert not [w for w in qtbot_windows() if isinstance(w, MainWindow)], "read first"
        _type_and_open(qtbot, dialog, PASSPHRASE)

    def qtbot_windows():
        from PySide6.QtWidgets import QApplication

        return [w for w in QApplication.topLevelWidgets() if w.isVisible()]

    driver.steps.append(unlock)
    seen: dict[str, object] = {}

    def event_loop(qapp) -> int:
        (window,) = [w for w in qtbot_windows() if isinstance(w, MainWindow)]
        seen["episodes"] = window.service.count()
        window.close()
        return 0

    monkeypatch.setattr(app, "run_event_loop", event_loop)
    monkeypatch.setattr(app, "first_run", lambda window: None)
    before = sys.excepthook
    assert app.run_window(locked_path, []) == 0
    assert sys.excepthook is before
    assert isinstance(driver.seen[0], PassphraseDialog)
    assert seen["episodes"] == 1


def test_quitting_the_passphrase_dialog_opens_nothing(qtbot, locked_path: Path, driver) -> None:
    before = locked_path.read_bytes()
    files = sorted(p.name for p in locked_path.parent.iterdir())
    assert app.run_window(locked_path, []) == 1
    assert isinstance(driver.seen[0], PassphraseDialog)
    assert locked_path.read_bytes() == before
    assert sorted(p.name for p in locked_path.parent.iterdir()) == files
    assert "journal.sqlite-journal" not in files and "journal.sqlite-wal" not in files


def test_the_plaintext_dialog_shows_nothing_that_belongs_to_an_encrypted_journal(
    qtbot, service: JournalService
) -> None:
    """The lock delay, current passphrase and change/off choices were left floating
    over the dialog's first line when the journal was not encrypted."""
    dialog = EncryptionDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for widget in (dialog.current, dialog.change_choice, dialog.off_choice, dialog.lock):
        assert not widget.isVisible(), widget
    assert dialog.new.isVisible() and dialog.again.isVisible()
    assert dialog.state.geometry().top() < dialog.new.geometry().top()


def test_the_dialog_fits_a_small_screen_and_scrolls_what_does_not_fit(
    qtbot, service: JournalService
) -> None:
    """At 200 % on a 1366x768 laptop the dialog was squeezed to the screen's height and
    cut off its fields; now it opens within the screen and its text scrolls, with
    Close always in view."""
    dialog = EncryptionDialog(service)
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry()
    dialog.resize(dialog.width(), min(dialog.height(), 260))  # a screen with little room
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= room.height()
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None and scroll.isAncestorOf(dialog.new)
    assert scroll.verticalScrollBar().maximum() > 0, "what does not fit scrolls"
    close = dialog.findChild(QDialogButtonBox)
    assert not scroll.isAncestorOf(close) and close.isVisible()
    assert close.geometry().bottom() <= dialog.height()


def test_encrypt_change_and_turn_off_from_the_dialog(
    qtbot, service: JournalService, recent_episode, driver, monkeypatch
) -> None:
    service.add(recent_episode(notes="pins and needles in the left foot"))
    infos: list[str] = []
    monkeypatch.setattr("numbjournal.ui.dialogs.show_info", lambda p, t, text: infos.append(text))
    dialog = EncryptionDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "not encrypted" in dialog.state.text()
    qtbot.keyClicks(dialog.new.edit, PASSPHRASE)
    qtbot.keyClicks(dialog.again.edit, PASSPHRASE + "x")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.status.text()
    assert service.path.read_bytes().startswith(b"SQLite format 3")
    dialog.again.clear()
    qtbot.keyClicks(dialog.again.edit, PASSPHRASE)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert infos == ["The journal is encrypted."]
    data = service.path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and b"pins and needles" not in data
    assert service.count() == 1  # the window goes on with the encrypted journal
    service.add(recent_episode(days_ago=0.5))
    assert service.count() == 2

    dialog = EncryptionDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "are encrypted" in dialog.state.text()
    qtbot.keyClicks(dialog.current.edit, "wrong")
    dialog.off_choice.setChecked(True)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "does not open" in dialog.status.text()
    assert encryption.looks_encrypted(service.path)
    dialog.lock.setValue(5)
    dialog.current.clear()
    qtbot.keyClicks(dialog.current.edit, PASSPHRASE)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert infos[-1] == "Encryption is off."
    assert service.path.read_bytes().startswith(b"SQLite format 3")
    assert service.count() == 2
    assert service.setting(LOCK_SETTING) == 5


@pytest.mark.qt_log_ignore("does not support raise")
def test_idle_lock_covers_the_window_and_asks_again(
    qtbot, locked_path: Path, driver, monkeypatch
) -> None:
    encryption.unlock(locked_path, PASSPHRASE)
    journal = Journal.open(locked_path)
    service = JournalService(journal)
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    service.set_setting(LOCK_SETTING, 3)
    lock = install_encryption(window, service, window.actions_.backups)
    assert lock.timer.isActive() and lock.timer.interval() == 3 * 60_000
    covered: list[bool] = []

    def ask(dialog: PassphraseDialog) -> None:
        covered.append(
            bool(window.findChildren(LockCover)) and dialog.windowTitle() == "Journal locked"
        )
        _type_and_open(qtbot, dialog, PASSPHRASE)

    driver.steps.append(ask)
    lock.timer.timeout.emit()
    assert covered == [True]
    assert not [c for c in window.findChildren(LockCover) if c.isVisible()]
    assert lock.timer.isActive()
    service.close()


def test_idle_lock_stays_off_for_a_plain_journal(qtbot, service: JournalService) -> None:
    service.set_setting(LOCK_SETTING, 3)
    lock = IdleLock(service, lambda: 3)
    assert not lock.timer.isActive()
    assert lock.lock() is True


def test_exports_of_an_encrypted_journal_say_they_are_plain_text(
    qtbot, locked_path: Path, monkeypatch
) -> None:
    from numbjournal.ui import dialogs, transfer
    from numbjournal.ui.export_summary_dialog import ExportSummaryDialog

    encryption.unlock(locked_path, PASSPHRASE)
    journal = Journal.open(locked_path)
    service = JournalService(journal)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda p, title, text, yes: asked.append(text) or False)
    monkeypatch.setattr(dialogs, "save_path", lambda *a: pytest.fail("asked where to save"))
    assert transfer.export_data(service, None) is None
    assert asked and "will not be" in asked[0] and "without the passphrase" in asked[0]
    summary = ExportSummaryDialog(journal)
    qtbot.addWidget(summary)
    (note,) = [
        label for label in summary.findChildren(QLabel) if label.objectName() == "privacyNote"
    ]
    assert "Your journal is encrypted, but this export will not be" in note.text()
    service.close()
