"""Pieces the window's own dialogs share, so they look and behave alike.

The journal's date filter is in the window's first frame, so this module
names at its top only the Qt classes that frame uses: PySide6 builds a
class's enums when the class is first named, and the dialogs' classes are
imported where they are used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from .icons import calendar_icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractScrollArea, QDialog, QDialogButtonBox, QScrollArea


def warning_red(widget: QWidget) -> str:
    """Red text that stays readable: dark red on a light window, light red on a dark theme."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return "#ff8a80" if dark else "#b00020"


def error_label() -> QLabel:
    """A hidden line that says, in red and in words, why something was not saved."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {warning_red(label)};")
    label.setAccessibleName("Problem")
    label.hide()
    return label


def save_cancel(dialog: QDialog, save: Callable[[], None]) -> QDialogButtonBox:
    """Save runs ``save`` (which accepts the dialog when it worked); Cancel rejects."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area, so a dialog taller than the screen scrolls
    (text at 200 % on a 1366x768 laptop leaves 384 points of height)."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    scroll = QScrollArea()
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Open at ``width`` x ``height``, within 90 % of the screen's width and 85 % of its height."""
    room = dialog.screen().availableGeometry()
    dialog.resize(min(width, room.width() * 9 // 10), min(height, room.height() * 85 // 100))


# -- dates typed as people type them ---------------------------------------


_TYPED_DATE = re.compile(
    r"\s*(\d{4})\s*[-./ ]\s*(\d{1,2})\s*[-./ ]\s*(\d{1,2})\s*|\s*(\d{4})(\d\d)(\d\d)\s*"
)
DATE_HINT = "YYYY-MM-DD, e.g. 1968-04-02"


def parse_typed_date(text: str) -> date | None:
    """1968-04-02, 1968/4/2, 1968.04.02 or 19680402 as a date; None if it is not one."""
    match = _TYPED_DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateField(QLineEdit):
    """A date the person types whole ("1968-04-02") or picks from a calendar.

    A spin-box date edit types into one section at a time, so typing a full
    date into it gave another date (1968-04-02 became 1968-11-04). Here the
    text is read as a whole when it is a date; until then the field says
    what it expects and :meth:`date` keeps the last date it held. Up and
    Down move a day.
    """

    dateChanged = Signal(QDate)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._date = QDate.currentDate()
        self._minimum = QDate(1900, 1, 1)
        self._maximum = QDate(9998, 12, 31)
        self.setPlaceholderText("YYYY-MM-DD")
        self.setAccessibleName(name)
        self.setToolTip(f"{name}: type {DATE_HINT}, or pick it from the calendar")
        width = self.fontMetrics().horizontalAdvance("8888-88-88") + self.fontMetrics().height() * 3
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + self.fontMetrics().height() * 3)
        pick = self.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip("Pick the date from a calendar")
        pick.triggered.connect(self._pick)
        self.setText(self._date.toString(Qt.DateFormat.ISODate))
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._tidy)

    # The QDateEdit calls the window's date fields use.
    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, value: QDate) -> None:
        value = self._clamped(value)
        self.setText(value.toString(Qt.DateFormat.ISODate))
        self._set(value)
        self._show_state()

    def setMinimumDate(self, value: QDate) -> None:
        self._minimum = QDate(value)
        self._show_state()

    def setMaximumDate(self, value: QDate) -> None:
        self._maximum = QDate(value)
        self._show_state()

    def setDateRange(self, first: QDate, last: QDate) -> None:
        self._minimum, self._maximum = QDate(first), QDate(last)
        self._show_state()

    def minimumDate(self) -> QDate:
        return QDate(self._minimum)

    def maximumDate(self) -> QDate:
        return QDate(self._maximum)

    def problem(self) -> str:
        """Why the text is not a usable date ("" when it is), worded for the person."""
        typed = parse_typed_date(self.text())
        if typed is None:
            return f"{self._name}: “{self.text().strip()}” is not a date; type {DATE_HINT}"
        value = QDate(typed.year, typed.month, typed.day)
        if value < self._minimum:
            return f"{self._name}: must be {self._minimum.toString(Qt.DateFormat.ISODate)} or later"
        if value > self._maximum:
            return (
                f"{self._name}: must be {self._maximum.toString(Qt.DateFormat.ISODate)} or earlier"
            )
        return ""

    def _clamped(self, value: QDate) -> QDate:
        return max(self._minimum, min(self._maximum, QDate(value)))

    def _set(self, value: QDate) -> None:
        if value != self._date:
            self._date = QDate(value)
            self.dateChanged.emit(QDate(value))

    def _typed(self, text: str) -> None:
        typed = parse_typed_date(text)
        if typed is not None and not self.problem():
            self._set(QDate(typed.year, typed.month, typed.day))
        self._show_state()

    def _tidy(self) -> None:
        if not self.problem():
            self.setText(self._date.toString(Qt.DateFormat.ISODate))

    def _show_state(self) -> None:
        problem = self.problem() if self.text().strip() else f"{self._name}: type {DATE_HINT}"
        self.setStyleSheet(
            f"QLineEdit {{ border: 2px solid {warning_red(self)}; border-radius: 3px; }}"
            if problem
            else ""
        )
        self.setAccessibleDescription(problem)
        if problem:
            self.setToolTip(problem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        if step is not None and not self.problem():
            self.setDate(self._date.addDays(step))
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Typing replaces the whole date, however the field was reached (Tab or a click)."""
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            QTimer.singleShot(0, self, self.selectAll)

    def _pick(self) -> None:
        from PySide6.QtWidgets import QCalendarWidget, QMenu, QWidgetAction

        popup = QMenu(self)
        calendar = QCalendarWidget(popup)
        calendar.setDateRange(self._minimum, self._maximum)
        calendar.setSelectedDate(self._date)

        def chosen(day: QDate) -> None:
            self.setDate(day)
            popup.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        holder = QWidgetAction(popup)
        holder.setDefaultWidget(calendar)
        popup.addAction(holder)
        popup.exec(self.mapToGlobal(self.rect().bottomLeft()))


# -- the mouse wheel scrolls the form, not the field under it ---------------


class WheelGuard(QObject):
    """Send the wheel to the scroll area unless the control under it has the focus.

    Rolling the wheel over a form used to change severity, activity and
    duration on the way down. A control changes with the wheel only once
    the person has clicked or tabbed into it.
    """

    def __init__(self, scroll_area: QAbstractScrollArea) -> None:
        super().__init__(scroll_area)
        self._scroll_area = scroll_area

    def guard(self, root: QWidget) -> None:
        """Guard every spin box, combo box and slider inside ``root``."""
        from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QScrollBar

        for kind in (QAbstractSpinBox, QComboBox, QAbstractSlider):
            for widget in root.findChildren(kind):
                if isinstance(widget, QScrollBar):
                    continue
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            QCoreApplication.sendEvent(self._scroll_area.verticalScrollBar(), event)
            return True
        return super().eventFilter(watched, event)
