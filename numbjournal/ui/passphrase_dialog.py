"""Asking for an encrypted journal's passphrase: at start, and after the idle lock.

The key derivation (the slow, deliberate step of SQLCipher) runs in a worker
thread while the dialog says "Opening..."; the window is built only after
the journal is unlocked, so nothing reads the file before that.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import encryption
from ..core.errors import JournalOpenError
from . import dialogs, keyring_store

POLL_MS = 30


class PassphraseField(QWidget):
    """A hidden passphrase line with a Show/Hide button and a Caps Lock warning.

    Qt cannot ask the keyboard for Caps Lock, so it is inferred where it can be:
    a capital letter typed without Shift (or a small one with Shift).
    """

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(label)
        self.edit.installEventFilter(self)
        self.show_button = QPushButton("Show", self)
        self.show_button.setCheckable(True)
        self.show_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.show_button.toggled.connect(self._set_shown)
        self.caps_warning = QLabel("Caps Lock seems to be on.", self)
        self.caps_warning.setObjectName("capsLockWarning")
        self.caps_warning.setStyleSheet("color: #9a5b00;")
        self.caps_warning.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(label, self))
        layout.addLayout(row)
        layout.addWidget(self.caps_warning)

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()

    def _set_shown(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)
        self.show_button.setText("Hide" if shown else "Show")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            typed = event.text()
            if typed.isalpha() and typed.lower() != typed.upper():
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.caps_warning.setVisible(typed.isupper() != shift)
        return False


class PassphraseDialog(QDialog):
    """Asks until the passphrase opens ``path`` (accepted) or the person gives up."""

    def __init__(
        self,
        path: Path,
        parent: QWidget | None = None,
        *,
        locked: bool = False,
        unlock: Callable[[Path, str], object] = encryption.unlock,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._unlock = unlock
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._pending: Future[object] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_done)
        self.setWindowTitle("Journal locked" if locked else "Encrypted journal")
        self.setModal(True)
        heading = (
            "numbjournal was locked after a while without use."
            if locked
            else "This journal is encrypted with a passphrase."
        )
        intro = QLabel(f"<b>{heading}</b><br>Type the passphrase to open {path.name}.", self)
        intro.setWordWrap(True)
        where = QLabel(str(path), self)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setStyleSheet("color: palette(mid);")
        self.field = PassphraseField("Passphrase:", self)
        self.remember = QCheckBox("Remember it in this computer's keyring", self)
        self.remember.setToolTip(
            "Anyone who can log in as you could then open the journal without the passphrase."
        )
        self.remember.setVisible(keyring_store.available() and not locked)
        self.status = QLabel("", self)
        self.status.setObjectName("passphraseStatus")
        self.status.setWordWrap(True)
        note = QLabel(
            "A forgotten passphrase cannot be recovered: not by you, not by anyone.", self
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton("Open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Quit", QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, where, self.field, self.remember, self.status, note, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(440)
        self.field.edit.setFocus()

    def _try(self) -> None:
        if self._pending is not None:
            return
        passphrase = self.field.text()
        if not passphrase:
            self.status.setText("Type the passphrase first.")
            return
        self._set_busy(True)
        self._pending = self._pool.submit(self._unlock, self.path, passphrase)
        self._poll.start()

    def _check_done(self) -> None:
        pending = self._pending
        if pending is None or not pending.done():
            return
        self._poll.stop()
        self._pending = None
        self._set_busy(False)
        try:
            pending.result()
        except encryption.PassphraseError:
            self.field.clear()
            self.status.setText("That passphrase does not open this journal. Try again.")
            self.field.edit.setFocus()
            return
        except JournalOpenError as exc:
            self.status.setText(str(exc))
            return
        if self.remember.isVisible() and self.remember.isChecked():
            keyring_store.save(self.path, self.field.text())
        self.field.clear()
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self.field.setEnabled(not busy)
        self.open_button.setEnabled(not busy)
        if busy:
            self.status.setText("Opening... (deriving the key takes a moment)")
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.status.setText("")
            self.unsetCursor()

    def done(self, result: int) -> None:
        if self._pending is not None:
            return  # let the derivation finish; closing meanwhile would lose its answer
        self._pool.shutdown(wait=False)
        super().done(result)


def unlock_for_window(path: Path, parent: QWidget | None = None, *, locked: bool = False) -> bool:
    """Before the window reads ``path``: True once it may be read (plaintext or unlocked)."""
    if not encryption.looks_encrypted(path):
        return True
    if not encryption.available():
        dialogs.show_error(
            parent,
            "Encrypted journal",
            f"{path} is encrypted (or is not a numbjournal journal), and this numbjournal "
            "was installed without encryption support.\n\nInstall it with: "
            f"{encryption.INSTALL_HINT}",
        )
        return False
    if not locked:
        remembered = keyring_store.load(path)
        if remembered is not None:
            try:
                encryption.unlock(path, remembered)
                return True
            except JournalOpenError:
                keyring_store.forget(path)  # changed elsewhere: ask, and forget the old one
    dialog = PassphraseDialog(path, parent, locked=locked)
    return dialogs.run_modal(dialog) == QDialog.DialogCode.Accepted
