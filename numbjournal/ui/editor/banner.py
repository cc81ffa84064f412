"""The flags shown while an episode is typed: a side panel, and a quiet line for a condition.

An emergency must be impossible to miss and must say what to do now; a
see-a-doctor flag is worded calmly. Each card quotes the criterion matched
and why it applies, with the level's icon, colour and words (issue 12's
tier presentation), so colour is never the only signal.

The panel sits beside the form with a fixed width and scrolls on its own,
so a flag appearing never hides the body map nor moves a control. A flag
whose only reason is a condition in the profile is not an alarm: it is one
quiet line under the form.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...core.flag_levels import LEVEL_WORDS, Level, advice, flag_level
from ...core.model import Episode
from ...core.triage import Flag
from ..tiers import box_style, tier_icon

PANEL_LEVELS = (Level.EMERGENCY, Level.URGENT, Level.SEE_DOCTOR)
EMPTY_TEXT = (
    "Flags show here when what you enter matches a published reason to see a doctor "
    "or to get help now. The journal is not a diagnosis."
)


class FlagCard(QFrame):
    """One card for one level; hidden while no flag of that level applies."""

    def __init__(self, level: Level, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self._flags: list[Flag] = []
        self._advice_for: tuple[Episode | None, datetime | None] = (None, None)
        self.setObjectName("card")
        emergency = level is Level.EMERGENCY
        self.setStyleSheet(box_style(level, self, selector="QFrame#card", strong=emergency))
        words = LEVEL_WORDS[level]
        self.icon = QLabel(self)
        size = 36 if emergency else 26
        self.icon.setPixmap(tier_icon(level).pixmap(size, size))
        self.icon.setAccessibleName(words.name)
        self.icon.setStyleSheet("background: transparent; border: none;")
        self.title = QLabel(words.title, self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * (1.25 if emergency else 1.05))
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.advice = QLabel(advice(level), self)
        self.advice.setWordWrap(True)
        if emergency:
            bold = self.advice.font()
            bold.setBold(True)
            self.advice.setFont(bold)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.title, self.advice, self.reasons):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet("background: transparent; border: none; padding: 0;")
        head = QHBoxLayout()
        head.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.setSpacing(4)
        column.addLayout(head)
        column.addWidget(self.advice)
        column.addWidget(self.reasons)
        self.setAccessibleName(words.title)
        self.hide()

    @property
    def flags(self) -> list[Flag]:
        return list(self._flags)

    def set_flags(
        self, flags: Sequence[Flag], episode: Episode | None, now: datetime | None
    ) -> None:
        mine = [f for f in flags if flag_level(f) is self.level]
        if mine == self._flags and self._advice_for == (episode, now):
            return
        self._flags = mine
        self._advice_for = (episode, now)
        self.advice.setText(advice(self.level, episode, now=now))
        items = "".join(
            f"<li><i>“{html.escape(f.criterion)}”</i><br>Why: {html.escape(f.reason)}</li>"
            for f in mine
        )
        lead = "Because of what you have entered:" if mine else ""
        self.reasons.setText(f"{lead}<ul style='margin-left:-20px; margin-top:2px'>{items}</ul>")
        self.setAccessibleDescription(
            " ".join([self.advice.text(), *(f"{f.criterion} Why: {f.reason}" for f in mine)])
        )
        self.setVisible(bool(mine))


class FlagPanel(QScrollArea):
    """The cards, most serious first, in a fixed-width column that scrolls on its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget(self)
        self.cards = {level: FlagCard(level, content) for level in PANEL_LEVELS}
        self.emergency = self.cards[Level.EMERGENCY]
        self.urgent = self.cards[Level.URGENT]
        self.see_doctor = self.cards[Level.SEE_DOCTOR]
        self.empty = QLabel(EMPTY_TEXT, content)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)  # greyed: a hint, not news
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 4, 0)
        heading = QLabel("<b>Medical-help flags</b>", content)
        column.addWidget(heading)
        for card in self.cards.values():
            column.addWidget(card)
        column.addWidget(self.empty)
        column.addStretch(1)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Medical-help flags")
        self._width = max(230, self.fontMetrics().averageCharWidth() * 32)
        self.setFixedWidth(self._width)

    def sizeHint(self) -> QSize:
        return QSize(self._width, super().sizeHint().height())

    def set_flags(
        self,
        flags: Sequence[Flag],
        episode: Episode | None = None,
        now: datetime | None = None,
    ) -> None:
        for card in self.cards.values():
            card.set_flags(flags, episode, now)
        self.empty.setVisible(not any(card.flags for card in self.cards.values()))


class ConditionNote(QLabel):
    """One quiet line under the form for flags that only a profile condition raised.

    It always takes its line, empty or not, so the Save row never moves.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(LEVEL_WORDS[Level.CONDITION].name)
        self.setFixedHeight(self.fontMetrics().height() + 6)
        self.flags: list[Flag] = []
        self.full_text = ""

    def minimumSizeHint(self) -> QSize:
        """Never wider than the window: a long note is shortened with "…" (whole in the tip)."""
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        elided = self.fontMetrics().elidedText(
            self.full_text, Qt.TextElideMode.ElideRight, max(0, self.width() - 4)
        )
        super().setText(elided)
        self.setToolTip(self.full_text if elided != self.full_text else "")

    def set_flags(self, flags: Sequence[Flag]) -> None:
        self.flags = [f for f in flags if flag_level(f) is Level.CONDITION]
        if not self.flags:
            self.full_text = ""
        else:
            reasons = "; ".join(dict.fromkeys(f.reason for f in self.flags))
            words = LEVEL_WORDS[Level.CONDITION]
            self.full_text = (
                f"{words.mark.strip()} {words.name}: {reasons}. {advice(Level.CONDITION)}"
            )
        self.setAccessibleDescription(self.full_text)
        self._fit()
