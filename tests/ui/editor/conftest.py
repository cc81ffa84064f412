"""An editor on a real temporary journal, with a clock the test controls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from numbjournal.core.model import Episode
from numbjournal.core.store import Journal
from numbjournal.core.triage import Flag, evaluate_episode, load_settings
from numbjournal.ui.editor import EpisodeEditor

# Local wall-clock time, as the editor shows it; aware so it is one instant.
NOW = datetime(2026, 11, 25, 14, 30).astimezone()

OpenEditor = Callable[..., EpisodeEditor]


@pytest.fixture
def now() -> datetime:
    return NOW


class DiscardQuestion:
    """Stands in for the "Discard this entry?" box: records the asking, gives ``answer``."""

    def __init__(self) -> None:
        self.answer = True
        self.asked = 0

    def __call__(self, _parent: object) -> bool:
        self.asked += 1
        return self.answer


@pytest.fixture
def discard_question(monkeypatch: pytest.MonkeyPatch) -> DiscardQuestion:
    question = DiscardQuestion()
    monkeypatch.setattr("numbjournal.ui.editor.dialog.confirm_discard", question)
    return question


@pytest.fixture
def open_editor(qtbot: QtBot, journal: Journal, discard_question: DiscardQuestion) -> OpenEditor:
    """``open_editor(episode=None, save=None)``: a shown editor saving into ``journal``."""

    def evaluate(draft: Episode) -> list[Flag]:
        return evaluate_episode(draft, journal.profile(), load_settings(journal), now=NOW)

    def default_save(draft: Episode) -> Episode:
        return journal.add(draft) if draft.id is None else journal.update(draft)

    def make(
        episode: Episode | None = None,
        save: Callable[[Episode], Episode] | None = None,
        history: Sequence[Episode] = (),
    ) -> EpisodeEditor:
        editor = EpisodeEditor(
            save or default_save,
            evaluate,
            episode,
            clock=lambda: NOW,
            history=history,
            treatments=journal.treatments.all(),
        )
        qtbot.addWidget(editor)
        with qtbot.waitExposed(editor):
            editor.show()
        return editor

    return make


def choose_how_bad_and_how_long(editor: EpisodeEditor, severity: int = 3, minutes: int = 5) -> None:
    """The two answers a new entry starts without; set as a click on the widgets would."""
    editor.severity.buttons[severity].click()
    editor.duration.minutes.setValue(minutes)
