"""The editor's "took something for it": nothing chosen until the person chooses."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from numbjournal.core.model import Helped, Relief, Treatment, TreatmentKind
from numbjournal.ui.editor.relief import NO_TREATMENTS, NOT_TAKEN, ReliefField

GABAPENTIN = Treatment("gabapentin", TreatmentKind.MEDICATION, date(2026, 3, 1), id=4)
IBUPROFEN = Treatment("ibuprofen", TreatmentKind.MEDICATION, date(2026, 1, 1), dose="400 mg", id=9)


def test_every_treatment_starts_not_taken_and_records_nothing(qtbot) -> None:
    field = ReliefField([GABAPENTIN, IBUPROFEN])
    qtbot.addWidget(field)
    assert [c.currentText() for c in field.choices.values()] == [NOT_TAKEN, NOT_TAKEN]
    assert field.value() == ()
    assert not field.empty.isVisibleTo(field)


def test_choosing_with_the_keyboard_records_the_answer(qtbot) -> None:
    field = ReliefField([GABAPENTIN, IBUPROFEN])
    qtbot.addWidget(field)
    with qtbot.waitSignal(field.changed):
        qtbot.keyClick(field.choices[9], Qt.Key.Key_Down)
    qtbot.keyClick(field.choices[9], Qt.Key.Key_Down)
    assert field.choices[9].currentText() == "took it: helped a little"
    assert field.value() == (Relief(9, Helped.A_LITTLE),)


def test_an_episode_s_answers_show_and_come_back_unchanged(qtbot) -> None:
    field = ReliefField([GABAPENTIN, IBUPROFEN])
    qtbot.addWidget(field)
    field.set_value((Relief(4, Helped.NO),))
    assert field.choices[4].currentText() == "took it: did not help"
    assert field.value() == (Relief(4, Helped.NO),)
    field.set_value(())
    assert field.value() == ()


def test_without_treatments_it_says_where_to_add_them(qtbot) -> None:
    field = ReliefField([])
    qtbot.addWidget(field)
    assert field.empty.text() == NO_TREATMENTS and field.empty.isVisibleTo(field)
    assert field.value() == () and field.in_tab_order() == []
