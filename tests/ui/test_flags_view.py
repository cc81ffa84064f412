"""The Flags tab: patterns on top, groups by level newest first, the condition said once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from numbjournal.core.model import Condition, ConditionEntry, Profile, Symptom
from numbjournal.core.store import Journal
from numbjournal.core.triage import Tier, advice_for
from numbjournal.ui.flagged_model import COL_REASON, COL_STARTED
from numbjournal.ui.flags_view import FlagsView
from numbjournal.ui.journal_model import FLAG_LEVEL_ROLE
from numbjournal.ui.service import JournalService


@pytest.fixture
def view(qtbot, service: JournalService) -> FlagsView:
    made = FlagsView(service)
    qtbot.addWidget(made)
    return made


def _labels(view: FlagsView) -> str:
    return "\n".join(label.text() for label in view.journal_box.findChildren(type(view.details)))


def test_groups_by_level_newest_first_with_the_condition_said_once(
    qtbot, view: FlagsView, journal: Journal, recent_episode
) -> None:
    since = date.today() - timedelta(days=400)
    journal.set_profile(Profile(conditions=(ConditionEntry(Condition.DIABETES, since=since),)))
    quiet = [journal.add(recent_episode(days_ago=d)) for d in (30, 31, 33, 60, 90)]
    old_pain = journal.add(recent_episode(days_ago=20, symptoms=(Symptom.PAIN,)))
    new_pain = journal.add(recent_episode(days_ago=3, symptoms=(Symptom.PAIN,)))
    old_stroke = journal.add(recent_episode(days_ago=50, symptoms=(Symptom.CONFUSION,)))
    new_stroke = journal.add(recent_episode(days_ago=10, symptoms=(Symptom.FACIAL_DROOPING,)))
    view.show()
    qtbot.waitUntil(lambda: len(view.model.rows) == 4)

    model = view.model
    levels = [model.data(model.index(r, 0), FLAG_LEVEL_ROLE) for r in range(model.rowCount())]
    assert levels == ["emergency", "see_doctor"]
    assert [r.episode.id for r in model.rows] == [
        new_stroke.id,
        old_stroke.id,
        new_pain.id,
        old_pain.id,
    ], "grouped by level, newest first in each group"
    assert all(r.episode.id not in {q.id for q in quiet} for r in model.rows)

    doctor = model.index(1, 0)
    why = model.data(model.index(0, COL_REASON, doctor))
    assert "pain was logged" in why
    assert "diabetes" not in why, "the condition is said once, not on every row"

    lines = [label.text() for label in view.conditions_box.findChildren(type(view.details))]
    assert lines == [
        "",  # the icon, named "Your condition" for screen readers
        f"Diabetes in your profile since {since.isoformat()}: 5 episodes; the article says "
        "to see a provider about numbness a known condition could be causing.",
    ]
    assert not view.conditions_box.isHidden()
    layout = view.layout()
    assert layout.indexOf(view.conditions_box) < layout.indexOf(view.episodes_box)
    assert view.episodes_box.title() == (
        "Flagged episodes (4), and 5 noted only for a condition in your profile"
    )
    assert model.data(model.index(0, COL_STARTED, model.index(0, 0)))

    for group in range(model.rowCount()):
        assert view.tree.isExpanded(model.index(group, 0))
    view.tree.collapse(doctor)
    assert not view.tree.isExpanded(doctor), "each group folds away"

    assert view.model.row_at(view.tree.currentIndex()).episode.id == new_stroke.id
    # Ten days on, the advice fits the episode's age: no "call now" for what passed long ago.
    assert advice_for(Tier.EMERGENCY, new_stroke) in view.details.text()
    assert "even if the symptoms have passed" not in view.details.text()
    view.tree.setCurrentIndex(doctor)
    assert not view.open_button.isEnabled(), "a group heading is not an episode"


def test_journal_patterns_lead_with_their_numbers_and_dates(
    qtbot, view: FlagsView, journal: Journal, recent_episode
) -> None:
    added = [journal.add(recent_episode(days_ago=d, duration_minutes=20)) for d in (2, 4, 6)]
    view.show()
    qtbot.waitUntil(lambda: "Keeps coming back" in _labels(view))
    text = _labels(view)
    first = min(e.started_at for e in added).date().isoformat()
    last = max(e.started_at for e in added).date().isoformat()
    assert "3 episodes within 14 days" in text
    assert first in text and last in text
    layout = view.layout()
    assert layout.indexOf(view.journal_box) < layout.indexOf(view.episodes_box)


def test_a_view_with_nothing_flagged_says_so(qtbot, view: FlagsView) -> None:
    view.show()
    assert view.model.rowCount() == 0
    assert "No episode matches" in view.details.text()
    assert "No pattern across the journal" in _labels(view)
    assert view.conditions_box.isHidden()
    assert view.tree.currentIndex().isValid() is False


def test_an_emergency_happening_now_says_call_now_first(
    qtbot, view: FlagsView, journal: Journal, recent_episode
) -> None:
    journal.add(recent_episode(days_ago=30, symptoms=(Symptom.CONFUSION,)))
    now = journal.add(
        recent_episode(days_ago=0.02, duration_minutes=None, symptoms=(Symptom.FACIAL_DROOPING,))
    )
    view.show()
    qtbot.waitUntil(lambda: len(view.model.rows) == 2)

    assert view.current_row().episode.id == now.id
    text = view.details.text()
    assert text.startswith("<b>Seek immediate medical attention: call")
    assert "even if the symptoms have passed" in text
