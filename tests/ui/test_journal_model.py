"""The journal table model, without a database: what each column says, sorting, filtering."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from numbjournal.core.model import Episode, Location, Symptom
from numbjournal.core.triage import Flag, Source, Tier
from numbjournal.ui.journal_model import (
    COL_DATE,
    COL_DURATION,
    COL_FLAG,
    COL_SEVERITY,
    COL_SYMPTOMS,
    COL_WHERE,
    EPISODE_ID_ROLE,
    FLAG_LEVEL_ROLE,
    SORT_ROLE,
    EpisodeFilter,
    EpisodeTableModel,
    FlagFilter,
)

TZ = timezone(timedelta(hours=1))
EMERGENCY = Flag("stroke_signs", Tier.EMERGENCY, Source.ARTICLE, "Stroke criterion", "face drooped")
SEE_DOCTOR = Flag("pain", Tier.SEE_DOCTOR, Source.ARTICLE, "Pain criterion", "sharp pain logged")


def episode(eid: int, day: int, **changes: object) -> Episode:
    values: dict[str, object] = {
        "id": eid,
        "started_at": datetime(2026, 11, day, 8, 15, tzinfo=TZ),
        "duration_minutes": 5,
        "locations": (Location.LEFT_FOOT_TOP,),
    }
    values.update(changes)
    return Episode(**values)  # type: ignore[arg-type]


EPISODES = [
    episode(1, 2, locations=(Location.LEFT_FOOT_TOP, Location.LEFT_TOES), notes="long drive"),
    episode(
        2,
        10,
        duration_minutes=95,
        severity=8,
        locations=(Location.LEFT_SOLE, Location.RIGHT_SOLE, Location.FACE),
        symptoms=(Symptom.FACIAL_DROOPING,),
    ),
    episode(3, 20, duration_minutes=None, locations=(Location.RIGHT_CALF,), severity=5),
    episode(4, 15, symptoms=(Symptom.SHARP_OR_SEVERE_PAIN,), notes="Stairs"),
]
FLAGS = {1: [], 2: [EMERGENCY], 3: [], 4: [SEE_DOCTOR]}


@pytest.fixture
def model(qapp, qtmodeltester) -> EpisodeTableModel:
    made = EpisodeTableModel()
    made.set_episodes(EPISODES, FLAGS)
    qtmodeltester.check(made)
    return made


def ids(model: EpisodeTableModel) -> list[int]:
    return [model.data(model.index(r, 0), EPISODE_ID_ROLE) for r in range(model.rowCount())]


def text(model: EpisodeTableModel, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def test_passes_qt_model_checks_while_filtering_and_sorting(qtmodeltester) -> None:
    model = EpisodeTableModel()
    qtmodeltester.check(model)
    model.set_episodes(EPISODES, FLAGS)
    model.set_filter(EpisodeFilter(text="drive"))
    model.sort(COL_SEVERITY, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    model.set_filter(EpisodeFilter())
    qtmodeltester.check(model)


@pytest.fixture
def clock_at_plus_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """This computer's clock at UTC+01:00, the offset the episodes were recorded in."""
    monkeypatch.setattr("numbjournal.ui.display.local_offset_now", lambda: timedelta(hours=1))


def test_newest_first_with_readable_columns(clock_at_plus_one, model: EpisodeTableModel) -> None:
    assert ids(model) == [3, 4, 2, 1]
    assert text(model, 0, COL_DATE) == "Fri 20 Nov 2026  08:15"
    assert text(model, 0, COL_DURATION) == "still going"
    assert text(model, 2, COL_DURATION) == "1 h 35 min"
    assert text(model, 3, COL_WHERE) == "Left: top of foot, toes"
    assert text(model, 2, COL_WHERE) == "Both: sole of foot; Face"
    assert text(model, 2, COL_SEVERITY) == "8 / 10"
    assert text(model, 2, COL_SYMPTOMS) == "Face drooping on one side"


def test_flag_column_has_icon_words_and_a_tooltip_quoting_the_criterion(
    model: EpisodeTableModel,
) -> None:
    row = ids(model).index(2)
    index = model.index(row, COL_FLAG)
    assert model.data(index) == "Emergency"
    assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull()
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Seek immediate medical attention" in tip
    assert "Stroke criterion" in tip and "face drooped" in tip
    unflagged = model.index(ids(model).index(1), COL_FLAG)
    assert model.data(unflagged) == ""
    assert model.data(unflagged, Qt.ItemDataRole.DecorationRole) is None


def test_sorting_by_a_column_uses_its_values_not_its_text(model: EpisodeTableModel) -> None:
    model.sort(COL_DURATION, Qt.SortOrder.AscendingOrder)
    assert ids(model)[-1] == 3, "an ongoing episode is the longest"
    assert ids(model)[-2] == 2
    model.sort(COL_FLAG, Qt.SortOrder.DescendingOrder)
    assert ids(model)[:2] == [2, 4], "emergencies, then see-a-doctor flags"
    model.sort(COL_SEVERITY, Qt.SortOrder.DescendingOrder)
    assert ids(model)[0] == 2
    assert model.data(model.index(0, COL_SEVERITY), SORT_ROLE) == 8


@pytest.mark.parametrize(
    ("episode_filter", "expected"),
    [
        (EpisodeFilter(first=date(2026, 11, 10), last=date(2026, 11, 15)), [4, 2]),
        (EpisodeFilter(flags=FlagFilter.FLAGGED), [4, 2]),
        (EpisodeFilter(flags=FlagFilter.EMERGENCY), [2]),
        (EpisodeFilter(flags=FlagFilter.SEE_DOCTOR), [4]),
        (EpisodeFilter(flags=FlagFilter.UNFLAGGED), [3, 1]),
        (EpisodeFilter(place="right_leg"), [3, 2]),
        (EpisodeFilter(place="both_legs"), [2]),
        (EpisodeFilter(place="other"), [2]),
        (EpisodeFilter(place="left_toes"), [1]),
        (EpisodeFilter(text="DRIVE"), [1]),
        (EpisodeFilter(text="stairs pain"), [4]),
        (EpisodeFilter(text="calf"), [3]),
        (EpisodeFilter(text="nothing like this"), []),
    ],
)
def test_filters(model: EpisodeTableModel, episode_filter: EpisodeFilter, expected) -> None:
    model.set_filter(episode_filter)
    assert ids(model) == expected
    assert model.total == 4


def test_an_edited_episode_shows_its_new_text(model: EpisodeTableModel) -> None:
    assert text(model, 3, COL_WHERE) == "Left: top of foot, toes"
    changed = [*EPISODES[1:], episode(1, 2, locations=(Location.LEFT_SHIN,))]
    model.set_episodes(changed, FLAGS)
    assert text(model, 3, COL_WHERE) == "Left: shin"


def test_a_list_already_newest_first_comes_back_in_order_after_other_sorts(qapp) -> None:
    model = EpisodeTableModel()
    newest_first = sorted(EPISODES, key=lambda e: e.started_at, reverse=True)
    model.set_episodes(newest_first, FLAGS, newest_first=True)
    assert ids(model) == [3, 4, 2, 1]
    model.sort(COL_SEVERITY, Qt.SortOrder.DescendingOrder)
    assert ids(model)[0] == 2
    model.sort(COL_DATE, Qt.SortOrder.AscendingOrder)
    assert ids(model) == [1, 2, 4, 3]
    model.set_filter(EpisodeFilter(flags=FlagFilter.FLAGGED))
    model.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert ids(model) == [4, 2]


CONDITION = Flag(
    "known_condition",
    Tier.SEE_DOCTOR,
    Source.ARTICLE,
    "Known condition criterion",
    "diabetes in your profile since 2020-01-01",
)


def test_a_condition_only_episode_has_a_quiet_marker_distinct_from_see_a_doctor(qapp) -> None:
    model = EpisodeTableModel()
    model.set_episodes(
        [episode(1, 2), episode(2, 3), episode(3, 4), episode(4, 5)],
        {1: [CONDITION], 2: [SEE_DOCTOR, CONDITION], 3: [EMERGENCY, CONDITION], 4: []},
    )

    def flag_cell(eid: int, role: int = Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(ids(model).index(eid), COL_FLAG), role)

    assert [flag_cell(i, FLAG_LEVEL_ROLE) for i in (1, 2, 3, 4)] == [
        "condition",
        "see_doctor",
        "emergency",
        "",
    ]
    assert [flag_cell(i) for i in (1, 2, 3, 4)] == [
        "Your condition",
        "See a doctor",
        "Emergency",
        "",
    ]
    quiet = flag_cell(1, Qt.ItemDataRole.DecorationRole)
    doctor = flag_cell(2, Qt.ItemDataRole.DecorationRole)
    assert quiet.pixmap(16).toImage() != doctor.pixmap(16).toImage()
    assert flag_cell(1, Qt.ItemDataRole.AccessibleTextRole) != flag_cell(
        2, Qt.ItemDataRole.AccessibleTextRole
    )

    model.sort(COL_FLAG, Qt.SortOrder.DescendingOrder)
    assert ids(model) == [3, 2, 1, 4], "emergency, see a doctor, the quiet note, nothing"
    model.set_filter(EpisodeFilter(flags=FlagFilter.ACTION))
    assert sorted(ids(model)) == [2, 3], "the condition note alone needs no action"
    model.set_filter(EpisodeFilter(flags=FlagFilter.CONDITION))
    assert ids(model) == [1]


def test_a_time_recorded_in_another_offset_says_which(monkeypatch: pytest.MonkeyPatch) -> None:
    """Times from a trip (or summer time) otherwise look out of order among the others."""
    monkeypatch.setattr("numbjournal.ui.display.local_offset_now", lambda: timedelta(hours=1))
    travelling = replace(
        EPISODES[0],
        id=9,
        started_at=datetime(2026, 11, 21, 6, 5, tzinfo=timezone(timedelta(hours=-7))),
    )
    made = EpisodeTableModel()
    made.set_episodes([*EPISODES, travelling], FLAGS)
    rows = {
        made.data(made.index(r, 0), EPISODE_ID_ROLE): text(made, r, COL_DATE)
        for r in range(made.rowCount())
    }
    assert rows[9] == "Sat 21 Nov 2026  06:05 (UTC-07:00)"
    assert rows[3] == "Fri 20 Nov 2026  08:15"  # this computer's offset: no need to say it
    assert ids(made)[0] == 9  # 06:05 at UTC-07 is 14:05 here: the newest
