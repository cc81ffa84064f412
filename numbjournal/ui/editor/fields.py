"""The editor's field widgets, one per field of the format.

Each widget reads and writes domain values (an aware datetime, minutes or
None, an enum member), so the dialog only assembles an Episode and never
converts text itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.model import (
    ARTICLE_SYMPTOMS,
    GUIDANCE_SYMPTOMS,
    MAX_DURATION_MINUTES,
    MAX_NOTES_LENGTH,
    SEVERITY_MAX,
    SEVERITY_MIN,
    Symptom,
)
from ...core.words import SYMPTOM_HINTS, SYMPTOM_NAMES

E = TypeVar("E", bound=StrEnum)
Clock = Callable[[], datetime]

QUICK_PICKS: tuple[tuple[str, timedelta], ...] = (
    ("Now", timedelta(0)),
    ("15 min ago", timedelta(minutes=15)),
    ("1 h ago", timedelta(hours=1)),
)


def to_qdatetime(moment: datetime) -> QDateTime:
    """An aware datetime shown in this computer's local time, to the minute."""
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    """The local wall-clock time typed, as an aware datetime with the local offset then."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()


class WhenField(QWidget):
    """Start date and time with one-click picks for the usual answers."""

    changed = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.edit.setAccessibleName("Date and time it started")
        self.picks: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        for text, ago in QUICK_PICKS:
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.setAccessibleName(f"Started {text.lower()}" if ago else "Started now")
            button.clicked.connect(lambda _=False, ago=ago: self.set_value(self._clock() - ago))
            row.addWidget(button)
            self.picks.append(button)
        self.edit.dateTimeChanged.connect(self.changed)

    def value(self) -> datetime:
        return from_qdatetime(self.edit.dateTime())

    def set_value(self, moment: datetime) -> None:
        self.edit.setDateTime(to_qdatetime(moment))


class DurationField(QWidget):
    """Hours and minutes, or "still going" for an episode that has not ended."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours = QSpinBox(self)
        self.hours.setRange(0, MAX_DURATION_MINUTES // 60)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName("Duration, hours")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 59)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Duration, minutes")
        self.ongoing = QCheckBox("Still going", self)
        self.ongoing.setToolTip("Tick if it has not stopped yet; edit the episode when it has.")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hours)
        row.addWidget(self.minutes)
        row.addSpacing(12)
        row.addWidget(self.ongoing)
        row.addStretch(1)
        for spin in (self.hours, self.minutes):
            spin.valueChanged.connect(self.changed)
        self.ongoing.toggled.connect(self._ongoing_toggled)

    def _ongoing_toggled(self, ongoing: bool) -> None:
        self.hours.setEnabled(not ongoing)
        self.minutes.setEnabled(not ongoing)
        self.changed.emit()

    def value(self) -> int | None:
        if self.ongoing.isChecked():
            return None
        return self.hours.value() * 60 + self.minutes.value()

    def set_value(self, minutes: int | None) -> None:
        self.ongoing.setChecked(minutes is None)
        if minutes is not None:
            hours, rest = divmod(max(0, minutes), 60)
            self.hours.setValue(hours)
            self.minutes.setValue(rest)


class SeverityField(QWidget):
    """A 0-10 slider with a number box, and the meaning of both ends in words."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(SEVERITY_MIN, SEVERITY_MAX)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName("Severity, 0 barely noticeable to 10 worst imaginable")
        self.spin = QSpinBox(self)
        self.spin.setRange(SEVERITY_MIN, SEVERITY_MAX)
        self.spin.setSuffix(" / 10")
        self.spin.setAccessibleName("Severity from 0 to 10")
        low = QLabel(f"{SEVERITY_MIN} barely noticeable", self)
        high = QLabel(f"{SEVERITY_MAX} worst imaginable", self)
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.slider, 0, 0, 1, 2)
        grid.addWidget(self.spin, 0, 2)
        grid.addWidget(low, 1, 0)
        grid.addWidget(high, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 0)
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self.slider.setValue)
        self.spin.valueChanged.connect(self.changed)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, severity: int) -> None:
        self.spin.setValue(severity)


class ChoiceField(QWidget, Generic[E]):
    """One of a few choices as radio buttons: one click, and all options in view."""

    changed = Signal()

    def __init__(self, words: Mapping[E, str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self.buttons: dict[E, QRadioButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for value, text in words.items():
            button = QRadioButton(text, self)
            button.setAccessibleName(f"{name}: {text}")
            self._group.addButton(button)
            self.buttons[value] = button
            row.addWidget(button)
        row.addStretch(1)
        self._group.buttonToggled.connect(self._toggled)

    def _toggled(self, _button: QRadioButton, on: bool) -> None:
        if on:
            self.changed.emit()

    def value(self) -> E:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        raise LookupError("no choice is checked")

    def set_value(self, value: E) -> None:
        self.buttons[value].setChecked(True)

    def first_button(self) -> QRadioButton:
        return next(iter(self.buttons.values()))


class SymptomsField(QWidget):
    """Checkboxes for what came with it: the article's symptoms, then other warning signs."""

    changed = Signal()
    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[Symptom, QCheckBox] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for title, symptoms in (
            ("Symptoms that can come with numbness", ARTICLE_SYMPTOMS),
            ("Other warning signs", GUIDANCE_SYMPTOMS),
        ):
            column.addWidget(self._group(title, symptoms))

    def _group(self, title: str, symptoms: Sequence[Symptom]) -> QGroupBox:
        box = QGroupBox(title, self)
        grid = QGridLayout(box)
        rows = -(-len(symptoms) // self.COLUMNS)
        for index, symptom in enumerate(symptoms):
            check = QCheckBox(SYMPTOM_NAMES[symptom], box)
            if symptom in SYMPTOM_HINTS:
                check.setToolTip(SYMPTOM_HINTS[symptom])
            check.toggled.connect(self.changed)
            grid.addWidget(check, index % rows, index // rows)
            self.boxes[symptom] = check
        return box

    def value(self) -> tuple[Symptom, ...]:
        return tuple(s for s in Symptom if self.boxes[s].isChecked())

    def set_value(self, symptoms: Sequence[Symptom]) -> None:
        for symptom, box in self.boxes.items():
            box.setChecked(symptom in symptoms)

    def in_tab_order(self) -> list[QCheckBox]:
        return [self.boxes[s] for s in (*ARTICLE_SYMPTOMS, *GUIDANCE_SYMPTOMS)]


class NotesField(QWidget):
    """Free text, with a character count once the text nears the limit."""

    changed = Signal()
    WARN_AT = int(MAX_NOTES_LENGTH * 0.9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText("Anything else worth remembering (optional)")
        self.edit.setAccessibleName("Notes")
        self.edit.setMinimumHeight(70)
        self.count = QLabel(self)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.edit)
        column.addWidget(self.count)
        self.edit.textChanged.connect(self._text_changed)
        self._text_changed()

    def _text_changed(self) -> None:
        length = len(self.value())
        self.count.setText(f"{length:,} of {MAX_NOTES_LENGTH:,} characters")
        self.count.setVisible(length >= self.WARN_AT)
        self.changed.emit()

    def value(self) -> str:
        return self.edit.toPlainText()

    def set_value(self, text: str) -> None:
        self.edit.setPlainText(text)
