"""The window's journal service: every change undoable, views told once, reads cached."""

from __future__ import annotations

from numbjournal.core.model import Condition, ConditionEntry, Location, Profile, Symptom
from numbjournal.core.store import Journal
from numbjournal.core.triage import Tier
from numbjournal.ui.service import JournalService


def test_add_then_undo_and_redo(qtbot, service: JournalService, journal: Journal, recent_episode):
    with qtbot.waitSignal(service.episodes_changed):
        saved = service.add(recent_episode(notes="first"))
    assert journal.get(saved.id) == saved
    assert service.undo_stack.undoText() == "Log episode"
    service.undo_stack.undo()
    assert journal.count() == 0 and service.episodes() == []
    service.undo_stack.redo()
    assert journal.get(saved.id) == saved, "redo puts it back with the same id"
    assert service.episodes() == [saved]


def test_delete_several_then_undo_restores_them_all(
    service: JournalService, journal: Journal, recent_episode
):
    saved = [service.add(recent_episode(days_ago=d, severity=d)) for d in (1, 2, 3)]
    gone = service.delete([saved[0].id, saved[2].id])
    assert {e.id for e in gone} == {saved[0].id, saved[2].id}
    assert [e.id for e in service.episodes()] == [saved[1].id]
    assert service.undo_stack.undoText() == "Delete 2 episodes"
    service.undo_stack.undo()
    assert journal.episodes(newest_first=True) == saved
    assert service.episodes() == saved


def test_edit_then_undo_brings_back_the_old_version(
    service: JournalService, journal: Journal, recent_episode
):
    saved = service.add(recent_episode(severity=2))
    edited = service.update(saved.__class__(**{**_fields(saved), "severity": 9}))
    assert journal.get(saved.id).severity == 9
    service.undo_stack.undo()
    assert journal.get(saved.id) == saved
    assert service.episode(saved.id) == saved
    service.undo_stack.redo()
    assert journal.get(saved.id) == edited


def test_flags_follow_changes(service: JournalService, recent_episode):
    saved = service.add(recent_episode(symptoms=(Symptom.FACIAL_DROOPING,)))
    assert [f.tier for f in service.flags().episodes[saved.id]] == [Tier.EMERGENCY]
    service.delete([saved.id])
    assert saved.id not in service.flags().episodes


def test_a_write_made_elsewhere_is_picked_up(
    qtbot, service: JournalService, journal: Journal, recent_episode
):
    assert service.episodes() == []
    with qtbot.waitSignal(service.episodes_changed):
        journal.add(recent_episode(locations=(Location.RIGHT_CALF,)))
    assert [e.locations for e in service.episodes()] == [(Location.RIGHT_CALF,)]


def test_an_episode_logged_by_another_program_shows_up(
    qtbot, journal: Journal, recent_episode, monkeypatch
):
    monkeypatch.setattr(JournalService, "OUTSIDE_CHECK_MS", 50)
    service = JournalService(journal)
    assert service.episodes() == []
    with Journal.open(journal.path) as command_line:  # its own connection, like the CLI
        command_line.add(recent_episode(locations=(Location.LEFT_SOLE,)))
    qtbot.waitUntil(lambda: len(service.episodes()) == 1)
    assert service.episodes()[0].locations == (Location.LEFT_SOLE,)
    service.close()


def test_a_failed_undo_is_reported_not_raised(
    qtbot, service: JournalService, journal: Journal, recent_episode
):
    saved = service.add(recent_episode())
    journal.delete([saved.id])  # gone behind the window's back
    qtbot.waitUntil(lambda: service.episodes() == [])
    service.undo_stack.undo()  # undoing the add: nothing left to delete, fine
    service.undo_stack.redo()  # puts it back
    journal.update(saved)
    edited = service.update(saved)
    journal.delete([edited.id])
    with qtbot.waitSignal(service.failed) as signal:
        service.undo_stack.undo()
    assert "no longer in the journal" in signal.args[0]


def _fields(episode):
    return {name: getattr(episode, name) for name in episode.__slots__}


def test_the_charts_flagged_ids_leave_out_the_profile_condition_note(
    qtbot, service: JournalService, recent_episode
) -> None:
    service.set_profile(Profile(conditions=(ConditionEntry(Condition.SCIATICA),)))
    plain = service.add(recent_episode(days_ago=2))
    stroke = service.add(recent_episode(symptoms=(Symptom.FACIAL_DROOPING,)))
    assert service.flags().episodes[plain.id or 0], "the quiet note is still on the episode"
    assert service.flagged_ids() == {stroke.id}
