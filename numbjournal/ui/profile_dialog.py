"""The profile: known conditions (they feed the "known condition" flag) and optional details.

Name and date of birth are optional and appear only on the doctor summary;
the whole profile is saved at once, so Cancel really leaves it unchanged.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import words
from ..core.errors import NumbjournalError, ValidationError
from ..core.model import (
    MAX_CONDITION_NOTE_LENGTH,
    MAX_NAME_LENGTH,
    Condition,
    ConditionEntry,
    Profile,
)
from ..core.validation import oldest_date
from .display import qdate_to_date
from .forms import DateField, error_label, save_cancel
from .service import JournalService


class OptionalDate(QWidget):
    """A date that may be left out: a check box switches the typed date field on."""

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(text)
        self.known.setAccessibleName(f"{name} known")
        self.edit = DateField(name)
        today = date.today()
        self.edit.setDateRange(_qdate(oldest_date(today)), QDate.currentDate())
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.known)

    def value(self) -> date | None:
        return qdate_to_date(self.edit.date()) if self.known.isChecked() else None

    def problem(self) -> str:
        return self.edit.problem() if self.known.isChecked() else ""

    def set_value(self, value: date | None) -> None:
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(_qdate(value))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ProfileDialog(QDialog):
    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Profile")
        self._service = service
        profile = service.profile()
        self._conditions: list[ConditionEntry] = list(profile.conditions)

        about = QLabel(
            "Known conditions can explain numbness, so an episode while one applies is "
            "flagged to discuss with a doctor. Name and date of birth are optional and are "
            "used only in the summary you export for a doctor."
        )
        about.setWordWrap(True)

        self.name = QLineEdit(profile.name)
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setPlaceholderText("optional")
        self.birth = OptionalDate("Known", "Date of birth")
        self.birth.set_value(profile.date_of_birth)
        person = QGroupBox("You (used only in the summary)")
        form = QFormLayout(person)
        form.addRow("&Name:", self.name)
        form.addRow("Date of &birth:", self.birth)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Condition", "Since", "Note"])
        self.table.setAccessibleName("Known conditions")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.remove_button = QPushButton("&Remove selected")
        self.remove_button.clicked.connect(self._remove)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.condition = QComboBox()
        self.condition.setAccessibleName("Condition to add")
        for condition in Condition:
            self.condition.addItem(words.name(condition), str(condition))
        self.since = OptionalDate("Since", "Since")
        self.note = QLineEdit()
        self.note.setPlaceholderText("note (optional)")
        self.note.setAccessibleName("Note for the condition")
        self.note.setMaxLength(MAX_CONDITION_NOTE_LENGTH)
        self.add_button = QPushButton("&Add condition")
        self.add_button.clicked.connect(self._add)
        adder = QHBoxLayout()
        for widget in (self.condition, self.since, self.note):
            adder.addWidget(widget)
        adder.addWidget(self.add_button)

        conditions = QGroupBox("Known conditions")
        box = QVBoxLayout(conditions)
        box.addWidget(self.table)
        box.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addLayout(adder)

        self.error = error_label()

        buttons = save_cancel(self, self.save)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(person)
        layout.addWidget(conditions, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill()
        hint = self.sizeHint()
        self.resize(max(680, hint.width()), max(520, hint.height()))

    def _fill(self) -> None:
        self.table.setRowCount(0)
        for entry in self._conditions:
            row = self.table.rowCount()
            self.table.insertRow(row)
            since = entry.since.isoformat() if entry.since else "—"
            for column, text in enumerate((words.name(entry.condition), since, entry.note)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _add(self) -> None:
        if self.since.problem():
            self._show_error(f"Not added: {self.since.problem()}")
            return
        entry = ConditionEntry(
            condition=Condition(self.condition.currentData()),
            since=self.since.value(),
            note=self.note.text().strip(),
        )
        if any(e.content_key() == entry.content_key() for e in self._conditions):
            self._show_error(f"{words.name(entry.condition)} is already in the list.")
            return
        self._conditions.append(entry)
        self.note.clear()
        self.since.set_value(None)
        self.error.hide()
        self._fill()

    def _remove(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        self._conditions = [e for i, e in enumerate(self._conditions) if i not in rows]
        self._fill()

    def profile(self) -> Profile:
        return Profile(
            conditions=tuple(self._conditions),
            name=self.name.text().strip(),
            date_of_birth=self.birth.value(),
        )

    def save(self) -> None:
        if self.birth.problem():
            self._show_error(f"The profile was not saved: {self.birth.problem()}")
            return
        try:
            self._service.set_profile(self.profile())
        except ValidationError as exc:
            said = "; ".join(f"{words.field_name(p.field)} {p.message}" for p in exc.problems)
            self._show_error(f"The profile was not saved: {said}.")
            return
        except NumbjournalError as exc:
            self._show_error(f"The profile was not saved: {exc}")
            return
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
