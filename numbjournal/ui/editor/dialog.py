"""The episode editor: log a new episode, or change one, in a few seconds.

Everything typed is checked as it is typed (the same ``validate_episode``
the journal uses), the triage rules run on the draft so an emergency shows
before saving, and a failed save keeps everything on screen.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import NumbjournalError, ValidationError
from ...core.model import (
    MAX_DURATION_MINUTES,
    Context,
    Episode,
    FieldProblem,
    Location,
)
from ...core.triage import Flag, Tier
from ...core.validation import validate_episode
from ...core.words import (
    CONTEXT_NAMES,
    ONSET_NAMES,
    POSITION_NAMES,
    SENSATION_NAMES,
    field_name,
)
from ..body_map_widget import BodyMapWidget
from ..forms import warning_red
from .banner import FlagBanners
from .fields import (
    ChoiceField,
    DurationField,
    NotesField,
    SeverityField,
    SymptomsField,
    WhenField,
)

SaveFunction = Callable[[Episode], Episode]
EvaluateFunction = Callable[[Episode], list[Flag]]
FLAG_DELAY_MS = 150
# The journal words this in minutes; the editor asks in hours and minutes.
_EDITOR_WORDING = {
    "duration_minutes": (
        f"can be at most {MAX_DURATION_MINUTES // 60} h (30 days); "
        "tick “Still going” if it has not stopped"
    ),
}


def local_now() -> datetime:
    return datetime.now().astimezone()


def confirm_discard(parent: QWidget) -> bool:
    """Ask before throwing away what was typed (tests replace this)."""
    answer = QMessageBox.question(
        parent,
        "Discard this entry?",
        "You have not saved this episode. Discard what you entered?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class _Section(QWidget):
    """A field with its title above and its problem, if any, right under it."""

    def __init__(self, title: str, field: QWidget, buddy: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setBuddy(buddy)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(3)
        column.addWidget(self.title)
        column.addWidget(field)
        column.addWidget(self.error)

    def show_problems(self, messages: list[str]) -> None:
        self.error.setStyleSheet(f"color: {warning_red(self)};")
        self.error.setText("⚠ " + "; ".join(messages) if messages else "")
        self.error.setVisible(bool(messages))
        self.error.setAccessibleName(f"Problem: {'; '.join(messages)}" if messages else "")


class EpisodeEditor(QDialog):
    """Log an episode (``episode`` None or an unsaved draft) or edit a saved one."""

    saved = Signal(object)  # the Episode as stored

    def __init__(
        self,
        save: SaveFunction,
        evaluate: EvaluateFunction,
        episode: Episode | None = None,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._evaluate = evaluate
        self._clock = clock
        self._original = episode
        self.saved_episode: Episode | None = None
        self.flags: list[Flag] = []
        self._problem_fields: list[str] = []
        self._flag_problem = ""
        editing = episode is not None and episode.id is not None
        self.setWindowTitle("Edit episode" if editing else "Log an episode")
        self._build()
        self._fill(episode)
        self._initial = self.draft()
        self._unsaved_from_start = episode is not None and episode.id is None

        self._flag_timer = QTimer(self)
        self._flag_timer.setSingleShot(True)
        self._flag_timer.setInterval(FLAG_DELAY_MS)
        self._flag_timer.timeout.connect(self.refresh_flags)
        for field in self._fields:
            field.changed.connect(self._changed)  # type: ignore[attr-defined]
        self.body_map.selectionChanged.connect(self._changed)
        self.context.currentIndexChanged.connect(self._changed)
        self._validate()
        self.refresh_flags()

    # -- building ---------------------------------------------------------

    def _build(self) -> None:
        form = QWidget()
        self.banners = FlagBanners(self)
        self.emergency_banner = self.banners.emergency
        self.see_doctor_banner = self.banners.see_doctor
        self.when = WhenField(self._clock, form)
        self.duration = DurationField(form)
        self.body_map = BodyMapWidget(form)
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
        self._fields: list[QWidget] = [
            self.when,
            self.duration,
            self.sensation,
            self.severity,
            self.onset,
            self.position_change,
            self.symptoms,
            self.notes,
        ]

        self.sections: dict[str, _Section] = {}

        def section(name: str, title: str, field: QWidget, buddy: QWidget) -> _Section:
            made = _Section(title, field, buddy, form)
            self.sections[name] = made
            return made

        left = QVBoxLayout()
        left.addWidget(section("started_at", "&When it started", self.when, self.when.edit))
        left.addWidget(
            section("duration_minutes", "How &long it lasted", self.duration, self.duration.hours)
        )
        left.addWidget(
            section("locations", "Whe&re on the body", self.body_map, self.body_map.list), 1
        )
        right = QVBoxLayout()
        right.addWidget(
            section("sensation", "How it &felt", self.sensation, self.sensation.first_button())
        )
        right.addWidget(section("severity", "How &bad", self.severity, self.severity.slider))
        right.addWidget(section("onset", "How it be&gan", self.onset, self.onset.first_button()))
        right.addWidget(section("context", "What you were &doing", self.context, self.context))
        right.addWidget(
            section(
                "position_change",
                "Did changing &position help?",
                self.position_change,
                self.position_change.first_button(),
            )
        )
        first_symptom = self.symptoms.in_tab_order()[0]
        right.addWidget(section("symptoms", "Also &noticed", self.symptoms, first_symptom))
        right.addWidget(section("notes", "No&tes", self.notes, self.notes.edit))
        right.addStretch(1)
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._columns.addLayout(left, 5)
        self._columns.addSpacing(12)
        self._columns.addLayout(right, 4)
        form.setLayout(self._columns)
        self._two_columns_width = form.minimumSizeHint().width() + 40

        scroll = QScrollArea(self)
        scroll.setWidget(form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area = scroll

        self.save_error = QLabel(self)
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet(
            "QLabel { color: #7f0000; background: #fdecea; border: 1px solid #e57373;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.save_error.setAccessibleName("Could not save")
        self.save_error.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setAccessibleName("Status")
        self.buttons = QDialogButtonBox(self)
        self.save_button: QPushButton = self.buttons.addButton(
            "&Save", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip("Save this episode (Ctrl+Enter or Ctrl+S)")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_button.clicked.connect(self.try_save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.try_save)

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.banners)
        outer.addWidget(self.save_error)
        outer.addLayout(bottom)
        self._set_tab_order()
        self._fit_to_screen()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.when.edit,
            *self.when.picks,
            self.duration.hours,
            self.duration.minutes,
            self.duration.ongoing,
            self.body_map.list,
            self.body_map.clear_button,
            *self.sensation.buttons.values(),
            self.severity.slider,
            self.severity.spin,
            *self.onset.buttons.values(),
            self.context,
            *self.position_change.buttons.values(),
            *self.symptoms.in_tab_order(),
            self.notes.edit,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """One column when two would not fit (small screens, large text)."""
        wide = event.size().width() >= self._two_columns_width
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)
        super().resizeEvent(event)
        self.banners.refit()

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry()
        width = min(1280, int(screen.width() * 0.95))
        height = min(860, int(screen.height() * 0.92))
        self.resize(width, height)

    # -- values -----------------------------------------------------------

    def _fill(self, episode: Episode | None) -> None:
        if episode is None:
            episode = Episode(started_at=self._clock(), duration_minutes=5, locations=())
        self.when.set_value(episode.started_at)
        self.duration.set_value(episode.duration_minutes)
        self.body_map.set_selected(episode.locations)
        self.sensation.set_value(episode.sensation)
        self.severity.set_value(episode.severity)
        self.onset.set_value(episode.onset)
        self.context.setCurrentIndex(list(CONTEXT_NAMES).index(episode.context))
        self.position_change.set_value(episode.position_change)
        self.symptoms.set_value(episode.symptoms)
        self.notes.set_value(episode.notes)

    def _started_at(self) -> datetime:
        """The typed start; an unchanged start keeps its original seconds and offset."""
        typed = self.when.value()
        original = self._original
        if original is not None:
            shown = original.started_at.astimezone().replace(second=0, microsecond=0)
            if typed == shown:
                return original.started_at
        return typed

    def draft(self) -> Episode:
        """What is on screen now, as an (unvalidated) episode."""
        return Episode(
            started_at=self._started_at(),
            duration_minutes=self.duration.value(),
            locations=tuple(Location(loc) for loc in self.body_map.selected()),
            sensation=self.sensation.value(),
            severity=self.severity.value(),
            onset=self.onset.value(),
            context=Context(self.context.currentData()),
            position_change=self.position_change.value(),
            symptoms=self.symptoms.value(),
            notes=self.notes.value(),
            id=self._original.id if self._original is not None else None,
        )

    def has_changes(self) -> bool:
        return self._unsaved_from_start or self.draft() != self._initial

    # -- reacting ---------------------------------------------------------

    def _changed(self) -> None:
        self.save_error.hide()
        self._validate()
        self._flag_timer.start()

    def problems(self) -> list[FieldProblem]:
        return validate_episode(self.draft(), now=self._clock())

    def _validate(self) -> list[FieldProblem]:
        problems = self.problems()
        self._show_problems(problems)
        return problems

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            message = _EDITOR_WORDING.get(problem.field, problem.message)
            by_field.setdefault(problem.field, []).append(message)
        for name, section in self.sections.items():
            section.show_problems(by_field.get(name, []))
        self.save_button.setEnabled(not problems)
        self._problem_fields = list(dict.fromkeys(field_name(p.field) for p in problems))
        self._show_status()

    def _show_status(self) -> None:
        """The line beside Save: what blocks saving, and any flag, even if scrolled away."""
        red = f"<span style='color:{warning_red(self)}'>{{}}</span>"
        lines: list[str] = []
        if any(f.tier is Tier.EMERGENCY for f in self.flags):
            lines.append(
                red.format(
                    "<b>⚠ Possible emergency: read the red message above "
                    "and call your local emergency number now.</b>"
                )
            )
        elif any(f.tier is Tier.URGENT for f in self.flags):
            lines.append("<b>Flagged: contact a doctor or urgent care today (reasons above).</b>")
        elif self.flags:
            lines.append("Flagged: see a healthcare provider (reasons above).")
        if self._flag_problem:
            lines.append(html.escape(self._flag_problem))
        if self._problem_fields:
            fields = html.escape(", ".join(self._problem_fields))
            lines.append(red.format(f"Before saving, check: {fields}"))
        else:
            keys = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
            lines.append(f"Ready to save ({keys}).")
        self.status.setText("<br>".join(lines))

    def refresh_flags(self) -> None:
        """Run the triage rules on the draft now (normally debounced while typing)."""
        self._flag_timer.stop()
        try:
            flags = self._evaluate(self.draft())
        except NumbjournalError as error:
            self._flag_problem = f"The flags could not be checked: {error}"
            self._show_status()
            return
        self._flag_problem = ""
        had_emergency = any(f.tier is Tier.EMERGENCY for f in self.flags)
        self.flags = flags
        self.banners.set_flags(flags)
        self._show_status()
        if self.emergency_banner.flags and not had_emergency:
            self.banners.ensureWidgetVisible(self.emergency_banner, 0, 0)
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.emergency_banner, QAccessible.Event.Alert)
            )

    # -- saving and leaving -----------------------------------------------

    def try_save(self) -> bool:
        """Save if everything is valid; on failure show why and keep the entry."""
        problems = self._validate()
        if problems:
            return False
        try:
            stored = self._save(self.draft())
        except ValidationError as error:
            self._show_problems(error.problems)
            self._show_save_error(str(error))
            return False
        except NumbjournalError as error:
            self._show_save_error(str(error))
            return False
        self.saved_episode = stored
        self.saved.emit(stored)
        self.accept()
        return True

    def _show_save_error(self, message: str) -> None:
        self.save_error.setText(f"⚠ Not saved: {message}\nEverything you entered is still here.")
        self.save_error.show()

    def reject(self) -> None:
        if self.saved_episode is None and self.has_changes() and not confirm_discard(self):
            return
        super().reject()
