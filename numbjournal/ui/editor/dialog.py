"""The episode editor: log a new episode, or change one, in a few keystrokes.

Everything typed is checked as it is typed (the journal's own rules, with
those for an entered episode: it cannot end in the future nor lie before
birth), the triage rules run on the draft so an emergency shows before
saving, and a failed save keeps everything on screen. Severity and how
long it lasted start empty: nothing is saved that the person did not
choose. The layout lives in :mod:`.view`.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core import repeats
from ...core.errors import NumbjournalError, ValidationError
from ...core.flag_levels import flag_level, needs_action
from ...core.model import (
    MAX_DURATION_MINUTES,
    SEVERITY_MIN,
    Context,
    Episode,
    FieldProblem,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Treatment,
)
from ...core.triage import Flag, Tier
from ...core.validation import validate_episode
from ...core.words import CONTEXT_NAMES, MISSING_ANSWERS, field_name
from ..forms import warning_red
from .view import EditorView
from .when import Mode

SaveFunction = Callable[[Episode], Episode]
EvaluateFunction = Callable[[Episode], list[Flag]]
FLAG_DELAY_MS = 150
ONGOING_RECHECK_MS = 30_000  # the flags of a draft still going, checked again
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


class EpisodeEditor(EditorView):
    """Log an episode (``episode`` None or an unsaved draft) or edit a saved one.

    ``history`` (the journal's episodes) offers "Same as last time" and the
    most frequent episodes as starting points; ``born`` (the profile's date
    of birth) refuses an episode before it.
    """

    saved = Signal(object)  # the Episode as stored

    def __init__(
        self,
        save: SaveFunction,
        evaluate: EvaluateFunction,
        episode: Episode | None = None,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = local_now,
        history: Sequence[Episode] = (),
        born: date | None = None,
        treatments: Sequence[Treatment] = (),
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._evaluate = evaluate
        self._clock = clock
        self._born = born
        self._original = episode
        self.saved_episode: Episode | None = None
        self.flags: list[Flag] = []
        self._problem_fields: list[str] = []
        self._flag_problem = ""
        editing = episode is not None and episode.id is not None
        self.setWindowTitle("Edit episode" if editing else "Log an episode")
        self._build(clock, treatments)
        self._fill(episode)
        self._initial = self.draft()
        self._unsaved_from_start = episode is not None and episode.id is None
        self._offer_repeats([] if editing else list(history))

        self._flag_timer = QTimer(self)
        self._flag_timer.setSingleShot(True)
        self._flag_timer.setInterval(FLAG_DELAY_MS)
        self._flag_timer.timeout.connect(self.refresh_flags)
        for signal in (
            self.when.changed,
            self.duration.changed,
            self.sensation.changed,
            self.severity.changed,
            self.onset.changed,
            self.position_change.changed,
            self.symptoms.changed,
            self.notes.changed,
            self.relief.changed,
            self.body_map.selectionChanged,
        ):
            signal.connect(self._changed)
        self.duration.ongoing_toggled.connect(self.when.set_ongoing)
        # A draft still going crosses the rules' time limits while the editor is open.
        self._clock_timer = QTimer(self, interval=ONGOING_RECHECK_MS)
        self._clock_timer.timeout.connect(self.refresh_flags)
        self.duration.ongoing_toggled.connect(self._follow_the_clock)
        self._follow_the_clock(self.duration.ongoing.isChecked())
        self.context.currentIndexChanged.connect(self._changed)
        self.save_button.clicked.connect(self.try_save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.try_save)
        self._set_tab_order()
        self._validate()
        self.refresh_flags()
        self.body_map.view.setFocus()

    # -- tab order and fast repeats ---------------------------------------

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.repeat_buttons,
            self.body_map.view,
            self.severity.spin,
            self.duration.hours,
            self.duration.minutes,
            self.duration.ongoing,
            *self.when.modes.values(),
            self.when.date,
            self.when.time,
            *self.sensation.buttons.values(),
            *self.onset.buttons.values(),
            self.context,
            *self.position_change.buttons.values(),
            *self.symptoms.in_tab_order(),
            *self.relief.in_tab_order(),
            self.notes.edit,
            self.body_map.clear_button,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _offer_repeats(self, history: list[Episode]) -> None:
        last = repeats.last_episode(history)
        offers: list[tuple[str, str, Episode]] = []
        if last is not None:
            offers.append(("Same as l&ast time", repeats.describe(last), last))
        for number, repeat in enumerate(repeats.frequent(history), start=1):
            offers.append((f"&{number} {repeat.label}", repeat.label, repeat.template))
        for text, tip, template in offers:
            button = self.add_repeat_button(
                text, f"Fill in {tip} (everything but the time); you confirm how bad it was"
            )
            button.clicked.connect(lambda _=False, t=template: self.apply_repeat(t))
        visible = bool(offers)
        self.repeat_label.setVisible(visible)

    def apply_repeat(self, template: Episode) -> None:
        """Everything from ``template`` but the time, notes and severity (shown as a hint)."""
        if self.duration.value() is None or not self.duration.chosen():
            self.duration.set_value(template.duration_minutes)
        self.body_map.set_selected(template.locations)
        self.sensation.set_value(template.sensation)
        self.onset.set_value(template.onset)
        self.context.setCurrentIndex(list(CONTEXT_NAMES).index(template.context))
        self.position_change.set_value(template.position_change)
        self.symptoms.set_value(template.symptoms)
        self.severity.set_value(None)
        self.severity.set_hint(f"Last time: {template.severity}/10 — type or click this time's")
        self.severity.spin.setFocus()

    # -- values -----------------------------------------------------------

    def _fill(self, episode: Episode | None) -> None:
        if episode is None:
            self.duration.clear()
            self.severity.set_value(None)
            self.sensation.set_value(Sensation.NUMBNESS)
            self.onset.set_value(Onset.UNKNOWN)
            self.position_change.set_value(PositionChange.NOT_TRIED)
            self.context.setCurrentIndex(list(CONTEXT_NAMES).index(Context.UNKNOWN))
            return
        new = episode.id is None
        self.when.set_started(episode.started_at)
        if new and episode.duration_minutes is not None:  # the timer: when it stopped
            self.when.set_mode(Mode.ENDED_AT)
            self.when.set_moment(episode.started_at + timedelta(minutes=episode.duration_minutes))
        self.duration.set_value(episode.duration_minutes)
        self.body_map.set_selected(episode.locations)
        self.sensation.set_value(episode.sensation)
        self.severity.set_value(None if new else episode.severity)
        self.onset.set_value(episode.onset)
        self.context.setCurrentIndex(list(CONTEXT_NAMES).index(episode.context))
        self.position_change.set_value(episode.position_change)
        self.symptoms.set_value(episode.symptoms)
        self.notes.set_value(episode.notes)
        self.relief.set_value(episode.relief)

    def _started_at(self, minutes: int | None) -> datetime:
        """The start on screen; an unchanged start keeps its original seconds and offset."""
        start = self.when.start_for(minutes)
        original = self._original
        if original is not None:
            shown = original.started_at.astimezone().replace(second=0, microsecond=0)
            if start == shown:
                return original.started_at
        return start

    def draft(self) -> Episode:
        """What is on screen now, as an episode (severity None while not chosen)."""
        minutes = self.duration.value()
        return Episode(
            started_at=self._started_at(minutes),
            duration_minutes=minutes,
            locations=tuple(Location(loc) for loc in self.body_map.selected()),
            sensation=self.sensation.value(),
            severity=self.severity.value(),  # type: ignore[arg-type]
            onset=self.onset.value(),
            context=Context(self.context.currentData()),
            position_change=self.position_change.value(),
            symptoms=self.symptoms.value(),
            notes=self.notes.value(),
            relief=self.relief.value(),
            id=self._original.id if self._original is not None else None,
        )

    def is_blank(self) -> bool:
        """Nothing entered yet that the flags could be about."""
        return not (
            self.body_map.selected()
            or self.symptoms.value()
            or self.severity.chosen()
            or self.duration.chosen()
        )

    def has_changes(self) -> bool:
        return self._unsaved_from_start or self.draft() != self._initial

    # -- reacting ---------------------------------------------------------

    def _changed(self) -> None:
        self.save_error.hide()
        self._validate()
        self._flag_timer.start()

    def _follow_the_clock(self, ongoing: bool) -> None:
        (self._clock_timer.start if ongoing else self._clock_timer.stop)()

    def problems(self) -> list[FieldProblem]:
        draft = self.draft()
        missing: list[FieldProblem] = []
        if not self.severity.chosen():
            missing.append(FieldProblem("severity", MISSING_ANSWERS["severity"]))
            draft = replace(draft, severity=SEVERITY_MIN)
        if not self.duration.chosen():
            missing.append(FieldProblem("duration_minutes", MISSING_ANSWERS["duration_minutes"]))
        when = self.when.problem()
        if when:
            missing.append(FieldProblem("started_at", when))
        found = validate_episode(draft, now=self._clock(), entered=True, born=self._born)
        if not self.duration.chosen():
            found = [p for p in found if p.field != "duration_minutes"]
        return missing + found

    def _validate(self) -> list[FieldProblem]:
        problems = self.problems()
        self._show_problems(problems)
        start = None if self.when.problem() else self.draft().started_at
        self.when.show_span(start, self.duration.value() if self.duration.chosen() else 0)
        return problems

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            message = problem.message
            if problem.field in _EDITOR_WORDING and message.startswith("must be"):
                message = _EDITOR_WORDING[problem.field]
            by_field.setdefault(problem.field, []).append(message)
        red = warning_red(self)
        for name, section in self.sections.items():
            messages = by_field.get(name, [])
            section.error.setStyleSheet(f"color: {red};")
            section.error.setText("⚠ " + "; ".join(messages) if messages else "")
            section.error.setVisible(bool(messages))
            section.error.setAccessibleName(f"Problem: {'; '.join(messages)}" if messages else "")
        self.save_button.setEnabled(not problems)
        self._problem_fields = list(dict.fromkeys(field_name(p.field) for p in problems))
        self._show_status()

    def _show_status(self) -> None:
        """The lines beside Save: what is still needed, and any flag, even if scrolled away."""
        red = f"<span style='color:{warning_red(self)}'>{{}}</span>"
        lines: list[str] = []
        if any(f.tier is Tier.EMERGENCY for f in self.flags):
            lines.append(
                red.format(
                    "<b>⚠ Possible emergency: read the red message with the flags "
                    "and call your local emergency number now.</b>"
                )
            )
        elif any(f.tier is Tier.URGENT for f in self.flags):
            lines.append("<b>Flagged: contact a doctor or urgent care today (see the flags).</b>")
        elif any(needs_action(flag_level(f)) for f in self.flags):
            lines.append("Flagged: see a healthcare provider (see the flags).")
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
        """Run the triage rules on the draft now (normally debounced while typing).

        A blank entry shows nothing: a condition in the profile would
        otherwise flag an episode nobody has described yet.
        """
        self._flag_timer.stop()
        draft = self.draft()
        if not self.severity.chosen():  # the rules need a number; 0 until one is chosen
            draft = replace(draft, severity=SEVERITY_MIN)
        try:
            flags = [] if self.is_blank() else self._evaluate(draft)
        except NumbjournalError as error:
            self._flag_problem = f"The flags could not be checked: {error}"
            self._show_status()
            return
        self._flag_problem = ""
        had_emergency = any(f.tier is Tier.EMERGENCY for f in self.flags)
        self.flags = flags
        self.banners.set_flags(flags, draft, self._clock())
        self.condition_note.set_flags(flags)
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
        self.save_error.setText(f"⚠ Not saved: {message} Everything you entered is still here.")
        self.save_error.show()

    def reject(self) -> None:
        if self.saved_episode is None and self.has_changes() and not confirm_discard(self):
            return
        super().reject()
