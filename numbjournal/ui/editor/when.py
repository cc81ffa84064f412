"""When it happened, as people remember it: it just ended, it ended at, or it started at.

Most episodes are logged after they stop, so the end is what a person
knows; the start is then the end minus how long it lasted. An episode
still going on has a start and no end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.formats.fields import local_moment
from ..display import qdate_to_date
from ..forms import DateField, warning_red

Clock = Callable[[], datetime]
_TYPED_TIME = re.compile(r"\s*(\d{1,2})\s*[:.h ]?\s*(\d{2})\s*")


class Mode(StrEnum):
    JUST_ENDED = "just_ended"
    ENDED_AT = "ended_at"
    STARTED_AT = "started_at"


MODE_WORDS = {
    Mode.JUST_ENDED: "&Just ended",
    Mode.ENDED_AT: "It &ended at",
    Mode.STARTED_AT: "&Started at",
}


def parse_typed_time(text: str) -> time | None:
    """14:30, 14.30, 1430 or 9:05 as a time of day; None if it is not one."""
    match = _TYPED_TIME.fullmatch(text)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class TimeField(QLineEdit):
    """A time of day typed as HH:MM; typing replaces it whole."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self.setPlaceholderText("HH:MM")
        self.setAccessibleName(name)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("88:888") * 2)
        self.textChanged.connect(self._show_state)

    def value(self) -> time | None:
        return parse_typed_time(self.text())

    def set_value(self, value: time) -> None:
        self.setText(f"{value.hour:02d}:{value.minute:02d}")

    def problem(self) -> str:
        if self.value() is None:
            return f"{self._name}: “{self.text().strip()}” is not a time of day; type HH:MM"
        return ""

    def _show_state(self) -> None:
        problem = self.problem()
        self.setStyleSheet(
            f"QLineEdit {{ border: 2px solid {warning_red(self)}; }}" if problem else ""
        )
        self.setAccessibleDescription(problem)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self, self.selectAll)


class WhenField(QWidget):
    """Just ended / It ended at / Started at, with a typed date and time for the last two."""

    changed = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._group = QButtonGroup(self)
        self.modes: dict[Mode, QRadioButton] = {}
        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        for mode, text in MODE_WORDS.items():
            button = QRadioButton(text, self)
            button.setAccessibleName(text.replace("&", ""))
            self._group.addButton(button)
            self.modes[mode] = button
            choices.addWidget(button)
        choices.addStretch(1)
        self.date = DateField("Date", self)
        self.date.setMaximumDate(QDate.currentDate().addDays(1))
        self.time = TimeField("Time of day", self)
        self.span = QLabel(self)
        self.span.setAccessibleName("Start and end")
        typed = QHBoxLayout()
        typed.setContentsMargins(0, 0, 0, 0)
        typed.addWidget(self.date)
        typed.addWidget(self.time)
        typed.addSpacing(8)
        typed.addWidget(self.span, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addLayout(choices)
        column.addLayout(typed)
        self._group.buttonToggled.connect(self._mode_toggled)
        self.date.textEdited.connect(self._typed)
        self.time.textEdited.connect(self._typed)
        self.set_mode(Mode.JUST_ENDED)
        self.set_moment(clock())

    # -- reading ------------------------------------------------------------

    def mode(self) -> Mode:
        for mode, button in self.modes.items():
            if button.isChecked():
                return mode
        return Mode.JUST_ENDED

    def typed(self) -> datetime | None:
        """The date and time in the boxes, as a local aware moment (None if not readable)."""
        clock = self.time.value()
        if self.date.problem() or clock is None:
            return None
        day: date = qdate_to_date(self.date.date())
        try:
            return local_moment(datetime.combine(day, clock), f"{day} {clock:%H:%M}")
        except ValueError:
            return None

    def problem(self) -> str:
        """Why the typed time cannot be used ("" when it can, or is not needed)."""
        if self.mode() is Mode.JUST_ENDED:
            return ""
        found = self.date.problem() or self.time.problem()
        if found:
            return found
        clock = self.time.value()
        day = qdate_to_date(self.date.date())
        try:
            local_moment(datetime.combine(day, clock or time()), f"{day} {self.time.text()}")
        except ValueError as error:
            return str(error)
        return ""

    def start_for(self, minutes: int | None) -> datetime:
        """When it started, given how long it lasted (None: still going)."""
        mode = self.mode()
        if mode is Mode.STARTED_AT:
            return self.typed() or self._clock()
        end = self._clock() if mode is Mode.JUST_ENDED else (self.typed() or self._clock())
        return end - timedelta(minutes=minutes or 0)

    # -- writing ------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        self.modes[mode].setChecked(True)

    def set_moment(self, moment: datetime) -> None:
        local = moment.astimezone()
        self.date.setDate(QDate(local.year, local.month, local.day))
        self.time.set_value(local.time())

    def set_started(self, moment: datetime) -> None:
        self.set_mode(Mode.STARTED_AT)
        self.set_moment(moment)

    def set_ongoing(self, ongoing: bool) -> None:
        """Still going has no end: only "Started at" applies, from the time shown."""
        if ongoing and self.mode() is not Mode.STARTED_AT:
            start = self.start_for(0)
            self.set_started(start)
        for mode in (Mode.JUST_ENDED, Mode.ENDED_AT):
            self.modes[mode].setEnabled(not ongoing)

    def show_span(self, start: datetime | None, minutes: int | None) -> None:
        """Say the start and end it works out, so the arithmetic is visible."""
        if start is None:
            self.span.setText("")
            return
        local = start.astimezone()
        if minutes is None:
            self.span.setText(f"from {local:%H:%M}, still going")
        else:
            end = (start + timedelta(minutes=minutes)).astimezone()
            day = "" if end.date() == local.date() else f" {end:%a %d %b}"
            self.span.setText(f"{local:%H:%M} to {end:%H:%M}{day}")

    def _mode_toggled(self, _button: QRadioButton, on: bool) -> None:
        if on:
            if self.mode() is Mode.JUST_ENDED:
                self.set_moment(self._clock())
            self.changed.emit()

    def _typed(self) -> None:
        if self.mode() is Mode.JUST_ENDED:
            self.set_mode(Mode.ENDED_AT)
        self.changed.emit()
