"""The editor's optional "Took something for it": a treatment, and whether it helped.

One row per treatment in the journal, each a choice that starts at "not
taken" and is never filled in for the person; a row left alone records
nothing. Issue 13's editor places this field with ``add_section``; the
editor asks it for its value when it builds the draft.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from ...core.model import Helped, Relief, Treatment
from ...core.words import HELPED_NAMES, RELIEF_QUESTION

NOT_TAKEN = "not taken"
TITLE = f"{RELIEF_QUESTION} (optional)"
NO_TREATMENTS = "No treatments recorded yet: add them with Edit ▸ Treatments."


class ReliefField(QWidget):
    """A choice per treatment: not taken, or taken and helped / a little / did not help."""

    changed = Signal()

    def __init__(self, treatments: Sequence[Treatment], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._treatments = [t for t in treatments if t.id is not None]
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.choices: dict[int, QComboBox] = {}
        self.empty = QLabel(NO_TREATMENTS, self)
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self._treatments)
        grid.addWidget(self.empty, 0, 0, 1, 2)
        for row, treatment in enumerate(self._treatments, start=1):
            assert treatment.id is not None
            name = f"{treatment.name} ({treatment.dose})" if treatment.dose else treatment.name
            label = QLabel(name, self)
            choice = QComboBox(self)
            choice.addItem(NOT_TAKEN, None)
            for answer in Helped:
                choice.addItem(f"took it: {HELPED_NAMES[answer].lower()}", str(answer))
            choice.setAccessibleName(f"{RELIEF_QUESTION}: {treatment.name}")
            choice.currentIndexChanged.connect(self.changed)
            label.setBuddy(choice)
            grid.addWidget(label, row, 0)
            grid.addWidget(choice, row, 1)
            self.choices[treatment.id] = choice
        grid.setColumnStretch(1, 1)

    def focus_target(self) -> QWidget:
        """Where the section's title takes the keyboard."""
        return next(iter(self.choices.values()), self.empty)

    def in_tab_order(self) -> list[QWidget]:
        return list(self.choices.values())

    def value(self) -> tuple[Relief, ...]:
        return tuple(
            Relief(treatment_id, Helped(choice.currentData()))
            for treatment_id, choice in self.choices.items()
            if choice.currentData() is not None
        )

    def set_value(self, relief: Sequence[Relief]) -> None:
        answers = {r.treatment_id: r.helped for r in relief}
        for treatment_id, choice in self.choices.items():
            helped = answers.get(treatment_id)
            choice.setCurrentIndex(0 if helped is None else choice.findData(str(helped)))
