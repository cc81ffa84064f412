"""Backups in the window: the list under File > Backups, and the choice offered
when the journal cannot be opened at start-up.

Restoring always asks first, says what will be replaced, and names where the
journal as it was is kept, because a restore replaces years of entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import words
from ..core.errors import (
    DamagedJournalError,
    JournalOpenError,
    NewerJournalError,
    NumbjournalError,
)
from ..core.store.backup import (
    Backup,
    BackupContents,
    backups_folder,
    describe,
    list_backups,
    read_backup,
)
from ..core.store.restore import RestoreResult, restore_backup
from . import dialogs
from .service import JournalService

RETRY = "retry"
QUIT = "quit"
OpenChoice = str | Path  # RETRY, QUIT, or another journal to open instead

_RESTORE = "restore"
_OTHER = "other"
_PATH_ROLE = Qt.ItemDataRole.UserRole


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while a large journal is copied (a fraction of a second)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def show_folder(folder: Path) -> None:
    """In the system's file manager (a local file URL; nothing leaves the machine)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def newest_good_backup(journal_path: Path) -> tuple[Backup, BackupContents] | None:
    """Checked in full: this is the one offered when the journal itself is damaged."""
    for backup in list_backups(journal_path):
        contents = read_backup(backup.path)
        if contents.usable:
            return backup, contents
    return None


def when(backup: Backup) -> str:
    return backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")


def episodes_text(count: int | None) -> str:
    if count is None:
        return "damaged"
    return words.count(count, "episode")


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def restored_message(result: RestoreResult, backup: Path) -> str:
    lines = [f"{episodes_text(result.episodes).capitalize()} restored from {backup.name}."]
    if result.safety is not None:
        lines.append(f"The journal as it was is kept in the backup {result.safety.path}.")
    if result.set_aside is not None:
        lines.append(
            f"The journal that could not be opened was kept, unchanged, as {result.set_aside}."
        )
    return "\n\n".join(lines)


class OpenFailureDialog(QDialog):
    """Why the journal would not open, and what the person can do now."""

    def __init__(
        self,
        error: JournalOpenError,
        path: Path,
        newest: tuple[Backup, BackupContents] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle("The journal cannot be opened")
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        if isinstance(error, NewerJournalError):
            advice = "Update numbjournal to open this journal, or use a backup for now."
        else:
            advice = "numbjournal does not try to repair a journal in place."
        self.message = QLabel(f"<b>numbjournal could not open {path.name}.</b>")
        self.detail = QLabel(f"{error}\n\n{advice}")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if not isinstance(error, DamagedJournalError | NewerJournalError):
            offer = "Restoring a backup would not help: the journal cannot be written here."
        elif newest is None:
            offer = "There is no backup of this journal that could be restored."
        else:
            backup, contents = newest
            offer = (
                f"The newest good backup is from {when(backup)} "
                f"({episodes_text(contents.episodes)})."
            )
        self.offer = QLabel(offer)
        self.offer.setWordWrap(True)

        self.restore_button = QPushButton("&Restore Newest Backup…")
        self.restore_button.setEnabled(newest is not None)
        self.other_button = QPushButton("&Open Another Journal…")
        self.quit_button = QPushButton("&Quit")
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        (self.restore_button if newest else self.other_button).setDefault(True)
        self.restore_button.clicked.connect(lambda: self._choose(_RESTORE))
        self.other_button.clicked.connect(lambda: self._choose(_OTHER))
        self.quit_button.clicked.connect(self.reject)

        text = QVBoxLayout()
        for label in (self.message, self.detail, self.offer):
            text.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_open_failure(error: JournalOpenError, path: Path, parent: QWidget | None) -> OpenChoice:
    """Returns RETRY (a backup was restored: open ``path`` again), QUIT, or the
    Path of another journal the person chose to open instead."""
    restorable = isinstance(error, DamagedJournalError | NewerJournalError)
    while True:
        # A read-only or locked journal is not helped by a restore (it could not be written).
        newest = newest_good_backup(path) if restorable else None
        dialog = OpenFailureDialog(error, path, newest, parent)
        dialogs.run_modal(dialog)
        if dialog.choice == _RESTORE and newest is not None:
            backup = newest[0]
            question = (
                f"Restore the backup from {when(backup)} "
                f"({episodes_text(newest[1].episodes)}) as {path}?\n\n"
                "The journal that cannot be opened is kept, unchanged, beside it."
            )
            if not dialogs.confirm(parent, "Restore the newest backup?", question, "Restore"):
                continue
            try:
                with _busy():
                    result = restore_backup(path, backup.path)
            except NumbjournalError as exc:
                dialogs.show_error(parent, "The backup was not restored", str(exc))
                continue
            dialogs.show_info(parent, "Journal restored", restored_message(result, backup.path))
            return RETRY
        if dialog.choice == _OTHER:
            chosen = dialogs.open_path(
                parent,
                "Open Another Journal",
                path.parent,
                "numbjournal journals (*.sqlite);;All files (*)",
            )
            if chosen is not None:
                return chosen
            continue
        return QUIT


class BackupsDialog(QDialog):
    """File > Backups: what backups exist, make one now, restore one."""

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._usable: dict[Path, int | None] = {}
        self.setWindowTitle("Backups")
        folder = backups_folder(service.path)
        intro = QLabel(
            "numbjournal backs up your journal once a day when it changed, and before "
            "every import and upgrade. It keeps every backup from the last day, then one "
            "a day for a week, one a week for a month and one a month for a year."
        )
        where = QLabel(f"Backups are kept in {folder}")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Taken", "Why", "Episodes", "Size"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            "No backups yet. The first one is made automatically tomorrow if you log an "
            "episode today, or make one now."
        )
        self.empty.setWordWrap(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)

        self.folder = folder
        self.folder_button = QPushButton("Show &Folder")
        self.folder_button.setToolTip("Open the backups folder, to copy backups to another disk")
        self.folder_button.clicked.connect(lambda: show_folder(self.folder))
        self.backup_button = QPushButton("&Back Up Now")
        self.restore_button = QPushButton("&Restore…")
        self.restore_button.setToolTip("Replace the journal with the selected backup")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button.setShortcut(QKeySequence("Ctrl+B"))
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda *_: self.restore_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        folder_row = QHBoxLayout()
        folder_row.addWidget(where, 1)
        folder_row.addWidget(self.folder_button)
        layout.addLayout(folder_row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.reload()
        self.tree.setFocus()

    def reload(self, select: Path | None = None) -> None:
        self._usable = {}
        self.tree.clear()
        for backup, contents in describe(list_backups(self.service.path)):
            item = QTreeWidgetItem(
                [
                    when(backup),
                    backup.reason_label,
                    episodes_text(contents.episodes),
                    size_text(backup.size),
                ]
            )
            item.setData(0, _PATH_ROLE, str(backup.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if contents.usable:
                self._usable[backup.path] = contents.episodes
            else:
                item.setToolTip(0, contents.problem or "")
                item.setForeground(2, self.palette().placeholderText())
            self.tree.addTopLevelItem(item)
            if backup.path == select:
                self.tree.setCurrentItem(item)
        newest = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and newest is not None:
            self.tree.setCurrentItem(newest)
        for column in (0, 2, 3):
            self.tree.resizeColumnToContents(column)
        self.tree.setVisible(self.tree.topLevelItemCount() > 0)
        self.empty.setVisible(self.tree.topLevelItemCount() == 0)
        self._update_buttons()

    def selected_backup(self) -> Path | None:
        items = self.tree.selectedItems()
        return Path(items[0].data(0, _PATH_ROLE)) if items else None

    def back_up_now(self) -> None:
        try:
            with _busy():
                made = self.service.backup_now()
        except NumbjournalError as exc:
            dialogs.show_error(self, "No backup was made", str(exc))
            return
        self.status.setText(f"Backup made: {made.path}")
        self.reload(select=made.path)

    def restore_selected(self) -> None:
        chosen = self.selected_backup()
        if chosen is None or chosen not in self._usable:
            return
        taken = self.tree.selectedItems()[0].text(0)
        question = (
            f"Replace everything in your journal ({episodes_text(self.service.count())}) "
            f"with the backup from {taken} ({episodes_text(self._usable[chosen])})?\n\n"
            "The journal as it is now is backed up first, so you can go back to it."
        )
        if not dialogs.confirm(self, "Restore this backup?", question, "Restore"):
            return
        try:
            with _busy():
                result = self.service.restore_from_backup(chosen)
        except NumbjournalError as exc:
            dialogs.show_error(self, "The backup was not restored", str(exc))
            return
        self.service.undo_stack.clear()
        self.status.setText(restored_message(result, chosen))
        self.reload(select=result.safety.path if result.safety else None)

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() in self._usable)
        self.folder_button.setEnabled(self.folder.is_dir())
