"""File > Encryption...: turn passphrase encryption on, change the passphrase, turn it off,
and choose the idle lock.

The conversion itself is core's (export, check, atomic swap, backups
converted); here the window lets go of the journal for it and connects again
afterwards. It takes a few seconds (a backup, the key derivation, the copy),
during which the dialog says what it is doing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import encryption
from ..core.errors import NumbjournalError
from . import dialogs, keyring_store
from .forms import fit_to_screen, scrolling
from .idle_lock import IdleLock
from .passphrase_dialog import PassphraseField
from .service import JournalService

if TYPE_CHECKING:  # the conversion brings SQLAlchemy: imported when it is used, after start-up
    from ..core.store.conversion import ConversionResult

LOCK_SETTING = "encryption.lock_minutes"
MAX_LOCK_MINUTES = 24 * 60
FORGOTTEN = (
    "<b>A forgotten passphrase cannot be recovered</b>: not by you, not by numbjournal, "
    "not by anyone. Write it down and keep it somewhere safe."
)
PROTECTS = (
    "Encryption protects the journal file and its backups from anyone who gets hold of "
    "them without the passphrase: a lost or shared laptop, a copied disk. It does not "
    "protect the journal while it is open on this screen, nor files you export (JSON, CSV, "
    "PDF), which are written in plain text."
)


PLAINTEXT_EXPORT = (
    "Your journal is encrypted, but this export will not be: anyone who gets the file "
    "can read it without the passphrase."
)


def plaintext_export_note(path: Path) -> str:
    """A sentence for export dialogs: empty for a plain journal."""
    return f" {PLAINTEXT_EXPORT}" if encryption.looks_encrypted(path) else ""


def confirm_plaintext_export(parent: QWidget | None, path: Path) -> bool:
    """Before writing a JSON or CSV export of an encrypted journal: the person's choice."""
    if not encryption.looks_encrypted(path):
        return True
    return dialogs.confirm(parent, "Export in plain text?", PLAINTEXT_EXPORT, "Export anyway")


def lock_minutes(service: JournalService) -> int:
    """The idle lock in minutes (0: never); only an encrypted journal locks."""
    value = service.setting(LOCK_SETTING, 0)
    return value if isinstance(value, int) and 0 <= value <= MAX_LOCK_MINUTES else 0


class EncryptionDialog(QDialog):
    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle("Encryption")
        self.encrypted = encryption.looks_encrypted(service.path)
        self.usable = encryption.available()
        content = QWidget(self)
        layout = QVBoxLayout(content)
        self.state = QLabel(self._state_text(), self)
        self.state.setObjectName("encryptionState")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        protects = QLabel(PROTECTS, self)
        protects.setWordWrap(True)
        layout.addWidget(protects)
        self.current = PassphraseField("Current passphrase:", self)
        self.new = PassphraseField("New passphrase:", self)
        self.again = PassphraseField("The new passphrase again:", self)
        self.change_choice = QRadioButton("Change the passphrase", self)
        self.off_choice = QRadioButton(
            "Turn encryption off (store the journal in plain text)", self
        )
        self.change_choice.setChecked(True)
        self.change_choice.toggled.connect(self._update_fields)
        self.lock = QSpinBox(self)
        self.lock.setRange(0, MAX_LOCK_MINUTES)
        self.lock.setSpecialValueText("never")
        self.lock.setSuffix(" minutes")
        self.lock.setValue(lock_minutes(service))
        self.lock.setAccessibleName("Lock after minutes without use")
        self.apply_button = QPushButton(self._apply_text(), self)
        self.apply_button.setObjectName("applyEncryption")
        self.apply_button.clicked.connect(self.apply)
        if self.encrypted:
            layout.addWidget(self.current)
            layout.addWidget(self.change_choice)
            layout.addWidget(self.off_choice)
        layout.addWidget(self.new)
        layout.addWidget(self.again)
        forgotten = QLabel(FORGOTTEN, self)
        forgotten.setWordWrap(True)
        layout.addWidget(forgotten)
        layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignLeft)
        if self.encrypted:
            row = QHBoxLayout()
            row.addWidget(QLabel("Lock the window after", self))
            row.addWidget(self.lock)
            row.addWidget(QLabel("without use", self))
            row.addStretch(1)
            layout.addLayout(row)
        else:  # made above for both states; here they would float over the text
            for unused in (self.current, self.change_choice, self.off_choice, self.lock):
                unused.hide()
        self.status = QLabel("", self)
        self.status.setObjectName("encryptionStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(content), 1)  # at 200 % it is taller than a laptop's screen
        outer.addWidget(buttons)
        if not self.usable:
            for widget in (self.current, self.new, self.again, self.apply_button):
                widget.setEnabled(False)
        self._update_fields()
        fit_to_screen(self, 560, content.sizeHint().height() + buttons.sizeHint().height() + 40)

    def _state_text(self) -> str:
        if not self.usable:
            return (
                "Encryption needs the optional sqlcipher3 package, which is not installed: "
                f"{encryption.INSTALL_HINT}"
            )
        if self.encrypted:
            return (
                "<b>This journal and its backups are encrypted</b> with a passphrase "
                "(SQLCipher 4, AES-256)."
            )
        return (
            "<b>This journal is not encrypted.</b> Anyone who can read the file can read "
            "every note in it."
        )

    def _apply_text(self) -> str:
        if not self.encrypted:
            return "Encrypt the journal"
        return "Change the passphrase" if self.change_choice.isChecked() else "Turn encryption off"

    def _update_fields(self) -> None:
        changing = not self.encrypted or self.change_choice.isChecked()
        self.new.setVisible(changing)
        self.again.setVisible(changing)
        self.apply_button.setText(self._apply_text())

    def accept(self) -> None:
        self._save_lock()
        super().accept()

    def reject(self) -> None:
        self._save_lock()
        super().reject()

    def _save_lock(self) -> None:
        if self.encrypted and self.lock.value() != lock_minutes(self.service):
            self.service.set_setting(LOCK_SETTING, self.lock.value())

    def apply(self) -> None:
        """Check what was typed, then convert; every refusal leaves the journal as it was."""
        path = self.service.path
        changing = not self.encrypted or self.change_choice.isChecked()
        try:
            if self.encrypted:
                _check_current(path, self.current.text())
            if changing:
                if self.new.text() != self.again.text():
                    raise encryption.PassphraseError(
                        "the two new passphrases are not the same; nothing was changed"
                    )
                encryption.check_new_passphrase(self.new.text())
        except NumbjournalError as exc:
            self.status.setText(_sentence(str(exc)))
            return
        from ..core.store.conversion import change_passphrase, decrypt_journal, encrypt_journal

        new = self.new.text()
        if not self.encrypted:
            work: Callable[[Path], ConversionResult] = lambda p: encrypt_journal(p, new)  # noqa: E731
            doing, done = "Encrypting the journal and its backups...", "The journal is encrypted."
        elif changing:
            work = lambda p: change_passphrase(p, new)  # noqa: E731
            doing, done = "Re-encrypting with the new passphrase...", "The passphrase is changed."
        else:
            work = decrypt_journal
            doing, done = "Decrypting the journal and its backups...", "Encryption is off."
        if self._convert(work, doing):
            if self.encrypted:
                keyring_store.forget(path)  # the remembered passphrase no longer opens it
            for field in (self.current, self.new, self.again):
                field.clear()
            self.status.setText("")
            dialogs.show_info(self, "Encryption", done)
            self.accept()

    def _convert(self, work: Callable[[Path], ConversionResult], doing: str) -> bool:
        self.status.setText(doing)
        self.apply_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.processEvents()  # paint the message before the few seconds of work
        journal = self.service.journal
        try:
            journal.close()  # the conversion needs the file to itself
            try:
                result = work(journal.path)
            finally:
                journal.reopen()
        except NumbjournalError as exc:
            self.status.setText(_sentence(str(exc)))
            return False
        finally:
            QApplication.restoreOverrideCursor()
            self.apply_button.setEnabled(True)
        if result.backups_left:
            self.status.setText(
                f"{result.backups_left} older backups open only with the passphrase they "
                "were made with."
            )
        return True


def _check_current(path: Path, passphrase: str) -> None:
    if not passphrase:
        raise encryption.PassphraseError("type the current passphrase first")
    encryption.unlock(path, passphrase)


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def show_encryption_dialog(service: JournalService, parent: QWidget | None) -> None:
    dialogs.run_modal(EncryptionDialog(service, parent))


def install_encryption(window: QMainWindow, service: JournalService, after: QAction) -> IdleLock:
    """File > Encryption... after ``after`` (Backups...), and the idle lock."""
    lock = IdleLock(service, lambda: lock_minutes(service), parent=window)

    def show() -> None:
        show_encryption_dialog(service, window)
        lock.restart()  # encryption or the lock's minutes may have changed

    action = QAction("&Encryption…", window)
    action.setObjectName("encryptionAction")
    action.setStatusTip("Protect the journal with a passphrase, change it, or turn it off")
    action.triggered.connect(show)
    for menu in window.menuBar().findChildren(QMenu):
        actions = menu.actions()
        if after in actions:
            index = actions.index(after)
            before = actions[index + 1] if index + 1 < len(actions) else None
            menu.insertAction(before, action) if before else menu.addAction(action)
            break
    if service.sample:
        action.setEnabled(False)
    return lock
