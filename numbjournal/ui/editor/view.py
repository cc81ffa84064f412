"""The editor's layout: which widget goes where, and nothing about what they do.

Wide (a laptop screen): the body map on the left, as tall as the window
allows; the other fields in a scrolling column; the flag panel on the
right at a fixed width. Below them, one quiet line for a profile
condition, then the Save row. Nothing above the Save row changes height
when a flag appears, so neither the map nor a control ever moves.

Narrow (a small window, or 200% on a small screen): the map moves to the
top of the scrolling column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Treatment
from ...core.words import CONTEXT_NAMES, ONSET_NAMES, POSITION_NAMES, SENSATION_NAMES
from ..body_map_widget import BodyMapWidget
from ..forms import WheelGuard
from . import relief
from .banner import ConditionNote, FlagPanel
from .fields import ChoiceField, DurationField, NotesField, SeverityField, SymptomsField
from .relief import ReliefField
from .when import WhenField


def default_size(available: QSize) -> QSize:
    """The editor's size on a screen with ``available`` room (leaving room for a title bar)."""
    return QSize(min(1360, available.width() - 6), min(900, available.height() - 40))


class Section(QWidget):
    """A field with its title above and its problem, if any, right under it."""

    def __init__(self, title: str, field: QWidget, buddy: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setBuddy(buddy)
        self.field = field
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 3, 0, 3)
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(field, 1)
        column.addWidget(self.error)


class EditorView(QDialog):
    """Builds and places the editor's widgets; :class:`EpisodeEditor` adds the behaviour."""

    def _build(self, clock: Callable[[], datetime], treatments: Sequence[Treatment]) -> None:
        self.form = form = QWidget()
        self.when = WhenField(clock, form)
        self.duration = DurationField(form)
        self.body_map = BodyMapWidget(self)
        self.sensation = ChoiceField(SENSATION_NAMES, "How it felt", form)
        self.severity = SeverityField(form)
        self.onset = ChoiceField(ONSET_NAMES, "How it began", form)
        self.context = QComboBox(form)
        for value, text in CONTEXT_NAMES.items():
            self.context.addItem(text, str(value))
        self.context.setAccessibleName("What you were doing")
        self.position_change = ChoiceField(POSITION_NAMES, "Changing position", form)
        self.symptoms = SymptomsField(form)
        self.notes = NotesField(form)
        self.sections: dict[str, Section] = {}

        self._form_column = QVBoxLayout(form)
        self._form_column.setContentsMargins(0, 0, 6, 0)
        self.map_section = self._section(
            "locations", "Whe&re on the body", self.body_map, self.body_map.view, self
        )
        column = self._form_column
        column.addWidget(self._section("severity", "How &bad", self.severity, self.severity.spin))
        column.addWidget(
            self._section("duration_minutes", "How &long", self.duration, self.duration.hours)
        )
        column.addWidget(
            self._section(
                "started_at", "When", self.when, self.when.modes[next(iter(self.when.modes))]
            )
        )
        column.addWidget(
            self._section(
                "sensation", "How it &felt", self.sensation, self.sensation.first_button()
            )
        )
        column.addWidget(
            self._section("onset", "How it be&gan", self.onset, self.onset.first_button())
        )
        column.addWidget(
            self._section("context", "What you were &doing", self.context, self.context)
        )
        column.addWidget(
            self._section(
                "position_change",
                "Did changing &position help?",
                self.position_change,
                self.position_change.first_button(),
            )
        )
        first_symptom = self.symptoms.in_tab_order()[0]
        column.addWidget(self._section("symptoms", "Also &noticed", self.symptoms, first_symptom))
        # Further sections (issue 17's "took something for it") go here, via add_section.
        self.extra_sections = QVBoxLayout()
        self.extra_sections.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.extra_sections)
        column.addWidget(self._section("notes", "No&tes", self.notes, self.notes.edit))
        column.addStretch(1)

        scroll = self.scroll_area = QScrollArea(self)
        scroll.setWidget(form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scrollbar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(form.minimumSizeHint().width() + scrollbar + 2)
        self.wheel_guard = WheelGuard(scroll)
        self.wheel_guard.guard(form)
        self.relief = ReliefField(treatments, form)
        self.add_section("relief", relief.TITLE, self.relief, self.relief.focus_target())

        self.banners = FlagPanel(self)
        self.emergency_banner = self.banners.emergency
        self.see_doctor_banner = self.banners.see_doctor
        self.condition_note = ConditionNote(self)

        self.repeat_row = QHBoxLayout()
        self.repeat_row.setContentsMargins(0, 0, 0, 0)
        self.repeat_label = QLabel("Start from:", self)
        self.repeat_row.addWidget(self.repeat_label)
        self.repeat_buttons: list[QPushButton] = []
        self.repeat_row.addStretch(1)

        self.save_error = QLabel(self)
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet(
            "QLabel { color: #7f0000; background: #fdecea; border: 1px solid #e57373;"
            " border-radius: 4px; padding: 4px; }"
        )
        self.save_error.setAccessibleName("Could not save")
        self.save_error.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setAccessibleName("What is needed before saving")
        self.status.setFixedHeight(self.status.fontMetrics().lineSpacing() * 3 + 4)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)

        self._columns = QHBoxLayout()
        self._columns.addWidget(self.map_section, 0)
        self._columns.addWidget(scroll, 1)
        self._columns.addWidget(self.banners, 0)
        status = QVBoxLayout()
        status.setSpacing(2)
        status.addWidget(self.save_error)
        status.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addLayout(status, 1)
        bottom.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignBottom)
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        outer.addLayout(self.repeat_row)
        outer.addLayout(self._columns, 1)
        outer.addWidget(self.condition_note)
        outer.addLayout(bottom)
        self._wide = True
        size = default_size(self.screen().availableGeometry().size())
        self._arrange(size)  # a small screen starts narrow, so the window can be that small
        self.resize(size)

    def _section(
        self, name: str, title: str, field: QWidget, buddy: QWidget, parent: QWidget | None = None
    ) -> Section:
        made = Section(title, field, buddy, parent or self.form)
        self.sections[name] = made
        return made

    def add_section(self, name: str, title: str, field: QWidget, buddy: QWidget) -> Section:
        """Add a section before Notes (for a field another module owns, like relief)."""
        made = self._section(name, title, field, buddy)
        self.extra_sections.addWidget(made)
        self.wheel_guard.guard(made)
        return made

    def add_repeat_button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.setToolTip(tip)
        self.repeat_row.insertWidget(self.repeat_row.count() - 1, button)
        self.repeat_buttons.append(button)
        return button

    # -- arranging ------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size())

    def _arrange(self, size: QSize) -> None:
        """Wide: the map as tall as the window allows; narrow: the map atop the fields."""
        form_min = self.scroll_area.minimumWidth()
        map_room = size.width() - form_min - self.banners.sizeHint().width() - 60
        wide = map_room >= self.body_map.view.minimumSizeHint().width()
        if wide != self._wide:
            self._wide = wide
            self._move_map_and_flags(wide)
        if wide:
            view = self.body_map.view
            chrome = self.map_section.sizeHint().height() - view.sizeHint().height()
            height = self._columns.geometry().height() or size.height() - 150
            width = view.width_for_height(max(1, height - chrome))
            self.map_section.setMaximumWidth(max(1, min(map_room, width)))
            self.map_section.setMinimumHeight(0)
        else:
            # As large as the field column is wide, but never taller than it is high, so
            # both legs show to the toes once scrolled to.
            width = self.scroll_area.viewport().width() - 8
            high = max(120, self.scroll_area.viewport().height() - 70)
            self.map_section.setMinimumHeight(
                min(self.body_map.view.heightForWidth(width), high) + 70
            )
            self.banners.setFixedHeight(max(90, size.height() // 4))

    def _move_map_and_flags(self, wide: bool) -> None:
        """Narrow: the map tops the fields; the flags take a fixed strip below them."""
        if wide:
            self._form_column.removeWidget(self.map_section)
            self._columns.insertWidget(0, self.map_section, 0)
            self._outer.removeWidget(self.banners)
            self._columns.addWidget(self.banners, 0)
            self.banners.setMinimumHeight(0)
            self.banners.setMaximumHeight(16_777_215)
            self.banners.setFixedWidth(self.banners.sizeHint().width())
        else:
            self._columns.removeWidget(self.map_section)
            self._form_column.insertWidget(0, self.map_section)
            self.map_section.setMaximumWidth(16_777_215)
            self._columns.removeWidget(self.banners)
            self._outer.insertWidget(self._outer.indexOf(self.condition_note), self.banners)
            self.banners.setMinimumWidth(0)
            self.banners.setMaximumWidth(16_777_215)
