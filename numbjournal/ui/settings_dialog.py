"""Settings: the flag thresholds and switches, and the optional daily reminder.

The thresholds are built from the triage module's own setting list, so a
new threshold there appears here with its description and limits.
"""

from __future__ import annotations

import dataclasses
from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import NumbjournalError
from ..core.triage import DEFAULT_EMERGENCY_NUMBER, SETTINGS, SettingSpec, TriageSettings
from .forms import WheelGuard, error_label, fit_to_screen, save_cancel, scrolling
from .service import JournalService

REMINDER_KEY = "ui.reminder_time"


def reminder_time(service: JournalService) -> time | None:
    """The daily reminder time, or None when reminders are off (the default)."""
    value = service.setting(REMINDER_KEY)
    if not isinstance(value, str) or not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


def _value(field: QSpinBox | QCheckBox | QLineEdit) -> int | bool | str:
    if isinstance(field, QCheckBox):
        return field.isChecked()
    if isinstance(field, QLineEdit):
        return field.text().strip()
    return field.value()


def _title(spec: SettingSpec) -> str:
    text = spec.name.replace("_", " ")
    return text[:1].upper() + text[1:] + ":"


class SettingsDialog(QDialog):
    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._service = service
        current = service.triage_settings()
        self.fields: dict[str, QSpinBox | QCheckBox | QLineEdit] = {}

        flags = QGroupBox("When to flag an episode")
        form = QFormLayout(flags)
        for spec in SETTINGS:
            value = getattr(current, spec.name)
            field: QSpinBox | QCheckBox | QLineEdit
            if spec.is_switch:
                field = QCheckBox("On")
                field.setChecked(bool(value))
            elif spec.is_text:
                field = QLineEdit(str(value))
                field.setPlaceholderText(DEFAULT_EMERGENCY_NUMBER)
                field.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 48))
            else:
                field = QSpinBox()
                field.setRange(spec.low, spec.high)
                field.setValue(int(value))
            field.setToolTip(spec.description)
            field.setAccessibleName(spec.name.replace("_", " "))
            field.setAccessibleDescription(spec.description)
            hint = QLabel(spec.description[:1].upper() + spec.description[1:] + ".")
            hint.setWordWrap(True)
            small = hint.font()
            small.setPointSizeF(small.pointSizeF() * 0.9)
            hint.setFont(small)
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 6)
            column.setSpacing(2)
            line = QHBoxLayout()
            line.addWidget(field)
            line.addStretch(1)
            column.addLayout(line)
            column.addWidget(hint)
            form.addRow(_title(spec), cell)
            self.fields[spec.name] = field
        defaults = QPushButton("Restore defaults")
        defaults.clicked.connect(self._restore_defaults)
        form.addRow("", defaults)
        form.setAlignment(defaults, Qt.AlignmentFlag.AlignLeft)
        scroll = scrolling(flags)
        # Scrolling past a threshold must not change it: the wheel scrolls the list.
        self._wheel_guard = WheelGuard(scroll)
        self._wheel_guard.guard(flags)

        reminders = QGroupBox("Daily reminder")
        self.remind = QCheckBox("Remind me to write in the journal every day at")
        self.remind_at = QTimeEdit()
        self.remind_at.setDisplayFormat("HH:mm")
        self.remind_at.setAccessibleName("Reminder time")
        chosen = reminder_time(service)
        self.remind.setChecked(chosen is not None)
        self.remind_at.setTime(
            QTime(20, 0) if chosen is None else QTime(chosen.hour, chosen.minute)
        )
        self.remind_at.setEnabled(chosen is not None)
        self.remind.toggled.connect(self.remind_at.setEnabled)
        line = QHBoxLayout()
        line.addWidget(self.remind)
        line.addWidget(self.remind_at)
        line.addStretch(1)
        note = QLabel(
            "Shown as a notification from the tray icon while numbjournal is running, "
            "and only on days with nothing logged yet."
        )
        if not QSystemTrayIcon.isSystemTrayAvailable():
            note.setText(
                note.text() + " This desktop shows no tray icons, so the reminder cannot "
                "appear here."
            )
        note.setWordWrap(True)
        self.reminder_note = note
        box = QVBoxLayout(reminders)
        box.addLayout(line)
        box.addWidget(note)

        looks = QLabel(
            "Appearance: numbjournal follows your system's light or dark theme and text size."
        )
        looks.setWordWrap(True)

        self.error = error_label()
        buttons = save_cancel(self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(reminders)
        layout.addWidget(looks)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        wanted = flags.sizeHint().height() + reminders.sizeHint().height() + 160
        fit_to_screen(self, 760, wanted)

    def triage_settings(self) -> TriageSettings:
        values = {name: _value(field) for name, field in self.fields.items()}
        return dataclasses.replace(TriageSettings(), **values)  # type: ignore[arg-type]

    def _restore_defaults(self) -> None:
        defaults = TriageSettings()
        for name, field in self.fields.items():
            value = getattr(defaults, name)
            if isinstance(field, QCheckBox):
                field.setChecked(bool(value))
            elif isinstance(field, QLineEdit):
                field.setText(str(value))
            else:
                field.setValue(int(value))

    def save(self) -> None:
        try:
            if self.triage_settings() != self._service.triage_settings():
                self._service.save_triage_settings(self.triage_settings())
            chosen = self.remind_at.time().toString("HH:mm") if self.remind.isChecked() else ""
            if chosen != (self._service.setting(REMINDER_KEY) or ""):
                self._service.set_setting(REMINDER_KEY, chosen)
        except NumbjournalError as exc:
            self.error.setText(f"The settings were not saved: {exc}")
            self.error.show()
            return
        self.accept()
