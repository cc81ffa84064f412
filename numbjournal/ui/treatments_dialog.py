"""Edit > Treatments…: what was tried, when, and what came before and after.

Every change is saved at once as one step Edit > Undo takes back, so the
dialog needs no Save button; removing asks first and says it can be undone.
Keyboard: the list takes Delete to remove, Enter in the form adds or saves.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
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

from ..core.errors import NumbjournalError
from ..core.model import MAX_DOSE_LENGTH, MAX_NAME_LENGTH, Treatment, TreatmentKind
from ..core.patterns.treatment_text import comparison_lines, relief_line
from ..core.words import NOT_CAUSE, TREATMENT_KIND_NAMES
from . import dialogs
from .display import qdate_to_date
from .forms import error_label
from .service import JournalService

COLUMNS = ("Treatment", "Kind", "Dose or detail", "Started", "Stopped")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class TreatmentsDialog(QDialog):
    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Treatments")
        self._service = service
        self._treatments: list[Treatment] = []

        about = QLabel(
            "What you tried for the numbness: medication, supplements, therapy, a change of "
            "habit. The charts show when each was taken, and the summary for your doctor "
            "compares the weeks before and after each start. Changes are saved at once; "
            "Edit > Undo takes them back."
        )
        about.setWordWrap(True)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName("Treatments")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        remove_key = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)

        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures.setAccessibleName("Before and after starting")

        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setPlaceholderText("e.g. gabapentin, physiotherapy, a new desk chair")
        self.kind = QComboBox()
        for kind in TreatmentKind:
            self.kind.addItem(TREATMENT_KIND_NAMES[kind], str(kind))
        self.dose = QLineEdit()
        self.dose.setMaxLength(MAX_DOSE_LENGTH)
        self.dose.setPlaceholderText("optional, e.g. 300 mg at night")
        self.started = QDateEdit()
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("yyyy-MM-dd")
        self.started.setMaximumDate(QDate.currentDate())
        self.started.setDate(QDate.currentDate())
        self.going = QCheckBox("&Still taking it")
        self.going.setChecked(True)
        self.stopped = QDateEdit()
        self.stopped.setCalendarPopup(True)
        self.stopped.setDisplayFormat("yyyy-MM-dd")
        self.stopped.setMaximumDate(QDate.currentDate())
        self.stopped.setDate(QDate.currentDate())
        self.stopped.setAccessibleName("Last day")
        self.stopped.setEnabled(False)
        self.going.toggled.connect(lambda going: self.stopped.setEnabled(not going))
        stop_row = QHBoxLayout()
        stop_row.addWidget(self.going)
        stop_row.addWidget(self.stopped)
        stop_row.addStretch(1)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText("optional")
        for edit in (self.name, self.dose, self.notes):
            edit.returnPressed.connect(self.submit)

        form_box = QGroupBox("Treatment")
        form = QFormLayout(form_box)
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Dose or detail:", self.dose)
        form.addRow("Sta&rted on:", self.started)
        form.addRow("Stopped:", stop_row)
        form.addRow("N&otes:", self.notes)

        self.add_button = QPushButton("&Add as new")
        self.add_button.clicked.connect(self.add)
        self.save_button = QPushButton("&Save changes")
        self.save_button.clicked.connect(self.save_changes)
        self.remove_button = QPushButton("Re&move…")
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton("&New")
        self.clear_button.setToolTip("Clear the form to add another treatment")
        self.clear_button.clicked.connect(self.clear_form)
        row = QHBoxLayout()
        for button in (self.clear_button, self.add_button, self.save_button):
            row.addWidget(button)
        for button in (self.clear_button, self.add_button, self.save_button, self.remove_button):
            # Enter in the form adds or saves (submit); no button may take it first.
            button.setAutoDefault(False)
        row.addStretch(1)
        row.addWidget(self.remove_button)

        self.error = error_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)

        caution = QLabel(NOT_CAUSE)
        caution.setWordWrap(True)
        caution.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.figures)
        layout.addWidget(caution)
        layout.addWidget(form_box)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(close)
        service.treatments_changed.connect(self.reload)
        service.changed.connect(self.reload)  # also a treatment added from the command line
        self.reload()
        self.resize(max(720, self.sizeHint().width()), max(620, self.sizeHint().height()))
        self.name.setFocus()

    # -- reading ----------------------------------------------------------

    def reload(self) -> None:
        """Show the journal's treatments again, keeping the selection.

        The form is refilled only when the selected treatment itself changed,
        so a write elsewhere (the command line) never wipes what is being typed.
        """
        chosen = self.selected()
        self._treatments = self._service.treatments()
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(0)
        for treatment in self._treatments:
            row = self.table.rowCount()
            self.table.insertRow(row)
            stopped = treatment.stopped.isoformat() if treatment.stopped else "still going"
            cells = (
                treatment.name,
                TREATMENT_KIND_NAMES[treatment.kind],
                treatment.dose,
                treatment.started.isoformat(),
                stopped,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        ids = [t.id for t in self._treatments]
        if chosen is not None and chosen.id in ids:
            self.table.selectRow(ids.index(chosen.id))
        self.table.blockSignals(blocked)
        self._selected(refill=self.selected() != chosen)

    def selected(self) -> Treatment | None:
        rows = self.table.selectionModel().selectedRows()
        return self._treatments[rows[0].row()] if rows else None

    def _selected(self, *, refill: bool = True) -> None:
        treatment = self.selected()
        self.save_button.setEnabled(treatment is not None)
        self.remove_button.setEnabled(treatment is not None)
        if treatment is None:
            self.figures.setText(
                "Choose a treatment to see how often numbness came before and after it started."
                if self._treatments
                else "No treatments recorded yet."
            )
            return
        if refill:
            self._fill_form(treatment)
        for result in self._service.treatment_figures():
            if result.treatment.id == treatment.id:
                lines = [*comparison_lines(result), relief_line(result.relief)]
                self.figures.setText("\n".join(lines))

    def _fill_form(self, treatment: Treatment) -> None:
        self.name.setText(treatment.name)
        self.kind.setCurrentIndex(self.kind.findData(str(treatment.kind)))
        self.dose.setText(treatment.dose)
        self.started.setDate(_qdate(treatment.started))
        self.going.setChecked(treatment.stopped is None)
        if treatment.stopped is not None:
            self.stopped.setDate(_qdate(treatment.stopped))
        self.notes.setText(treatment.notes)

    def form_treatment(self) -> Treatment:
        return Treatment(
            name=self.name.text().strip(),
            kind=TreatmentKind(self.kind.currentData()),
            started=qdate_to_date(self.started.date()),
            stopped=None if self.going.isChecked() else qdate_to_date(self.stopped.date()),
            dose=self.dose.text().strip(),
            notes=self.notes.text().strip(),
        )

    # -- writing ----------------------------------------------------------

    def submit(self) -> None:
        """Enter in the form: save the selected treatment, or add a new one."""
        if self.selected() is not None:
            self.save_changes()
        else:
            self.add()

    def add(self) -> None:
        try:
            saved = self._service.add_treatment(self.form_treatment())
        except NumbjournalError as exc:
            self._show_error(f"Not added: {exc}")
            return
        self.error.hide()
        self.table.selectRow([t.id for t in self._treatments].index(saved.id))

    def save_changes(self) -> None:
        current = self.selected()
        if current is None:
            return
        changed = dataclasses.replace(self.form_treatment(), id=current.id)
        try:
            self._service.update_treatment(changed)
        except NumbjournalError as exc:
            self._show_error(f"Not saved: {exc}")
            return
        self.error.hide()

    def remove_selected(self) -> None:
        current = self.selected()
        if current is None or current.id is None:
            return
        answers = self._service.relief_count(current.id, self._service.episodes())
        extra = (
            f" {answers} episode{'s' if answers != 1 else ''} recorded taking it for relief; "
            "those answers go with it."
            if answers
            else ""
        )
        if not dialogs.confirm(
            self,
            "Remove treatment",
            f"Remove {current.name} from the journal?{extra} Edit > Undo brings it back.",
            "Remove",
        ):
            return
        try:
            self._service.remove_treatment(current.id)
        except NumbjournalError as exc:
            self._show_error(f"Not removed: {exc}")
            return
        self.clear_form()

    def clear_form(self) -> None:
        self.table.clearSelection()
        self.name.clear()
        self.dose.clear()
        self.notes.clear()
        self.kind.setCurrentIndex(0)
        self.started.setDate(QDate.currentDate())
        self.going.setChecked(True)
        self.error.hide()
        self.name.setFocus()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
