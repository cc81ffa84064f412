"""The editor's field widgets, one per field of the format (the time is in ``when``).

Each widget reads and writes domain values (minutes or None, an enum
member), so the dialog only assembles an Episode and never converts text
itself. Severity and duration start empty: nothing is saved that the
person did not choose.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
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


def blank_spin(low: int, high: int, suffix: str, parent: QWidget) -> QSpinBox:
    """A spin box shown blank (value ``low - 1``) until a value is typed or stepped to."""
    spin = QSpinBox(parent)
    spin.setRange(low - 1, high)
    spin.setSpecialValueText(" ")
    spin.setSuffix(suffix)
    spin.setValue(low - 1)
    spin.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToNearestValue)
    width = (
        spin.fontMetrics().horizontalAdvance(f"{high}{suffix}") + spin.fontMetrics().height() * 3
    )
    spin.setMinimumWidth(width)
    return spin


class DurationField(QWidget):
    """Hours and minutes, or "still going"; empty until the person says how long."""

    changed = Signal()
    ongoing_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours = blank_spin(0, MAX_DURATION_MINUTES // 60, " h", self)
        self.hours.setAccessibleName("Duration, hours")
        self.minutes = blank_spin(0, 59, " min", self)
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
        self.ongoing_toggled.emit(ongoing)
        self.changed.emit()

    def chosen(self) -> bool:
        """Whether the person has said how long (a number, or still going)."""
        return self.ongoing.isChecked() or self.hours.value() >= 0 or self.minutes.value() >= 0

    def value(self) -> int | None:
        """Minutes; None while still going, 0 while nothing is typed (see :meth:`chosen`)."""
        if self.ongoing.isChecked():
            return None
        return max(0, self.hours.value()) * 60 + max(0, self.minutes.value())

    def set_value(self, minutes: int | None) -> None:
        self.ongoing.setChecked(minutes is None)
        if minutes is not None:
            hours, rest = divmod(max(0, minutes), 60)
            self.hours.setValue(hours)
            self.minutes.setValue(rest)

    def clear(self) -> None:
        self.ongoing.setChecked(False)
        self.hours.setValue(-1)
        self.minutes.setValue(-1)


class SeverityField(QWidget):
    """How bad, 0 to 10: one click on a number, or type it; empty until chosen."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = blank_spin(SEVERITY_MIN, SEVERITY_MAX, " / 10", self)
        self.spin.setAccessibleName("Severity from 0 barely noticeable to 10 worst imaginable")
        self.spin.setToolTip("Type a number from 0 to 10, or click one")
        self._group = QButtonGroup(self)
        self.buttons: list[QPushButton] = []
        numbers = QHBoxLayout()
        numbers.setContentsMargins(0, 0, 0, 0)
        numbers.setSpacing(2)
        for value in range(SEVERITY_MIN, SEVERITY_MAX + 1):
            button = QPushButton(str(value), self)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the spin box is the keyboard's way
            button.setAccessibleName(f"Severity {value}")
            metrics = button.fontMetrics()
            button.setFixedWidth(metrics.horizontalAdvance("10") + metrics.height())
            self._group.addButton(button, value)
            numbers.addWidget(button)
            self.buttons.append(button)
        numbers.addSpacing(6)
        numbers.addWidget(self.spin)
        numbers.addStretch(1)
        self.hint = QLabel(self)
        self.hint.setAccessibleName("Severity last time")
        words = QHBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(QLabel(f"{SEVERITY_MIN} barely noticeable, {SEVERITY_MAX} worst", self))
        words.addSpacing(12)
        words.addWidget(self.hint)
        words.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(numbers)
        column.addLayout(words)
        self._group.idClicked.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self._spun)

    def _spun(self, value: int) -> None:
        self._group.setExclusive(False)
        for number, button in enumerate(self.buttons, start=SEVERITY_MIN):
            button.setChecked(number == value)
        self._group.setExclusive(True)
        self.changed.emit()

    def chosen(self) -> bool:
        return self.spin.value() >= SEVERITY_MIN

    def value(self) -> int | None:
        return self.spin.value() if self.chosen() else None

    def set_value(self, severity: int | None) -> None:
        self.spin.setValue(SEVERITY_MIN - 1 if severity is None else severity)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)


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
