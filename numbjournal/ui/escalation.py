"""Saying so at once when an episode still going becomes an emergency, with nothing typed.

An episode saved as "still going" can cross a rule's time limit later (sudden
numbness of a leg not eased after 10 minutes). Its row turns red, but the
person may not be looking at the list: the window brings up the same
emergency card the editor shows, with the criterion and what to do now, and
asks the desktop for attention.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.flag_levels import LEVEL_WORDS, Level, advice
from ..core.model import Episode
from ..core.triage import Flag
from .display import when_text
from .editor.banner import FlagCard
from .service import JournalService
from .tray import JournalTray

STILL_GOING_NOW_EMERGENCY = (
    "An episode you logged as still going now matches an emergency criterion."
)


class EscalationNotice(QDialog):
    """One episode still going that now matches an emergency criterion."""

    def __init__(
        self, episode: Episode, flags: Sequence[Flag], now: datetime, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(LEVEL_WORDS[Level.EMERGENCY].title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.lead = QLabel(
            f"The episode that started {when_text(episode.started_at)} is still going, "
            "and it now matches an emergency criterion.",
            self,
        )
        self.lead.setWordWrap(True)
        self.card = FlagCard(Level.EMERGENCY)
        self.card.set_flags(flags, episode, now)
        # On a small screen at a large scale the card scrolls rather than lose its words.
        scroll = QScrollArea(self)
        scroll.setWidget(self.card)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lead)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        room = self.screen().availableGeometry().height() * 9 // 10
        self.card.setMinimumWidth(440)
        wanted = self.lead.sizeHint().height() + self.card.heightForWidth(440) + 90
        self.resize(460, min(room, wanted))


def warn_escalated(window: QWidget, service: JournalService, ids: Sequence[int]) -> None:
    """Show an :class:`EscalationNotice` for each episode the clock just made an emergency."""
    now = datetime.now().astimezone()
    for episode_id in ids:
        episode = service.episode(episode_id)
        if episode is None:
            continue
        notice = EscalationNotice(
            episode, service.flags().episodes.get(episode_id, []), now, window
        )
        notice.show()
        notice.raise_()
        notice.activateWindow()
    QApplication.alert(window)
    tray = getattr(window, "tray", None)  # the desktop's tray, when the app installed one
    if isinstance(tray, JournalTray) and ids:
        what_to_do = advice(Level.EMERGENCY, service.episode(ids[0]), now=now)
        tray.warn(LEVEL_WORDS[Level.EMERGENCY].title, f"{STILL_GOING_NOW_EMERGENCY} {what_to_do}")
