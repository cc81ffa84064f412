"""A draft still going is checked again as the editor sits open.

Sudden numbness of a leg, moving not tried, becomes an emergency at 10
minutes; the red banner must appear then, not only after another edit.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from numbjournal.core.model import Episode, Location, Onset, PositionChange
from numbjournal.core.store import Journal
from numbjournal.core.triage import Flag, evaluate_episode, load_settings
from numbjournal.ui.editor import EpisodeEditor, dialog

from .conftest import NOW, DiscardQuestion


def test_the_emergency_banner_appears_when_the_limit_passes(
    qtbot: QtBot,
    journal: Journal,
    monkeypatch: pytest.MonkeyPatch,
    discard_question: DiscardQuestion,
) -> None:
    monkeypatch.setattr(dialog, "ONGOING_RECHECK_MS", 20)
    moment = [NOW]

    def evaluate(draft: Episode) -> list[Flag]:
        return evaluate_episode(draft, journal.profile(), load_settings(journal), now=moment[0])

    draft = Episode(
        started_at=NOW - timedelta(minutes=5),
        duration_minutes=None,
        locations=(Location.LEFT_CALF,),
        severity=4,
        onset=Onset.SUDDEN,
        position_change=PositionChange.NOT_TRIED,
    )
    editor = EpisodeEditor(journal.add, evaluate, draft, clock=lambda: moment[0])
    qtbot.addWidget(editor)
    editor.show()
    editor.refresh_flags()
    assert editor.duration.ongoing.isChecked()
    assert editor.emergency_banner.isHidden()
    moment[0] = NOW + timedelta(minutes=6)  # nothing typed: only the clock moved
    qtbot.waitUntil(lambda: editor.emergency_banner.isVisible(), timeout=2000)
