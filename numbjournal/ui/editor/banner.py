"""The flag banners shown while an episode is typed.

An emergency must be impossible to miss and must say what to do now, before
the person thinks about saving; a see-a-doctor flag is worded calmly. Both
quote the criterion matched and say why it applies, and both carry an icon
and words, so colour is never the only signal.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.triage import EMERGENCY_ADVICE, SEE_DOCTOR_ADVICE, URGENT_ADVICE, Flag, Tier
from ..icons import flag_icon

_TITLES = {
    Tier.EMERGENCY: "This may be an emergency",
    Tier.URGENT: "Contact a doctor or urgent care today",
    Tier.SEE_DOCTOR: "See a healthcare provider about this",
}
_ADVICE = {
    Tier.EMERGENCY: EMERGENCY_ADVICE,
    Tier.URGENT: URGENT_ADVICE,
    Tier.SEE_DOCTOR: SEE_DOCTOR_ADVICE,
}
_STYLES = {
    Tier.EMERGENCY: (
        "QFrame#banner { background: #b71c1c; border: 3px solid #7f0000; border-radius: 6px; }"
        "QFrame#banner QLabel { color: white; background: transparent; }"
        "QFrame#banner QLabel#icon { background: white; border-radius: 8px; padding: 6px; }"
    ),
    Tier.URGENT: (
        "QFrame#banner { background: #ffe0c2; border: 2px solid #d35400; border-radius: 6px; }"
        "QFrame#banner QLabel { color: #3a1500; background: transparent; }"
    ),
    Tier.SEE_DOCTOR: (
        "QFrame#banner { background: #fff6dc; border: 1px solid #d9a520; border-radius: 6px; }"
        "QFrame#banner QLabel { color: #3a2a00; background: transparent; }"
    ),
}


class FlagBanner(QFrame):
    """One banner for one tier; hidden while no flag of that tier applies."""

    def __init__(self, tier: Tier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tier = tier
        self._flags: list[Flag] = []
        self.setObjectName("banner")
        self.setStyleSheet(_STYLES[tier])
        emergency = tier is Tier.EMERGENCY
        self.icon = QLabel(self)
        self.icon.setObjectName("icon")
        size = 40 if emergency else 28
        self.icon.setPixmap(flag_icon(tier).pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.icon.setAccessibleName(_TITLES[tier])
        self.title = QLabel(_TITLES[tier], self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * (1.35 if emergency else 1.1))
        self.title.setFont(font)
        self.advice = QLabel(_ADVICE[tier], self)
        self.advice.setWordWrap(True)
        if emergency:
            advice_font = self.advice.font()
            advice_font.setBold(True)
            self.advice.setFont(advice_font)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.title, self.advice, self.reasons):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.title)
        if emergency:
            text.addWidget(self.advice)
            text.addWidget(self.reasons)
        else:
            text.addWidget(self.reasons)
            text.addWidget(self.advice)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.setAccessibleName(_TITLES[tier])
        self.hide()

    @property
    def flags(self) -> list[Flag]:
        return list(self._flags)

    def set_flags(self, flags: Sequence[Flag]) -> None:
        mine = [f for f in flags if f.tier is self.tier]
        if mine == self._flags:
            return
        self._flags = mine
        items = "".join(
            f"<li><i>“{html.escape(f.criterion)}”</i><br>Why: {html.escape(f.reason)}</li>"
            for f in mine
        )
        lead = "Because of what you have entered:" if mine else ""
        self.reasons.setText(f"{lead}<ul style='margin-left:-20px; margin-top:2px'>{items}</ul>")
        self.setAccessibleDescription(
            " ".join([_ADVICE[self.tier], *(f"{f.criterion} Why: {f.reason}" for f in mine)])
        )
        self.setVisible(bool(mine))


class FlagBanners(QScrollArea):
    """Both banners, placed right above Save, scrolling on their own if they get tall.

    Placed below the form rather than above it, a banner that appears while
    someone is ticking boxes never moves the box under their pointer.
    """

    MAX_SHARE = 0.45  # of the dialog's height, so the form stays usable

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = self._content = QWidget(self)
        self.emergency = FlagBanner(Tier.EMERGENCY, content)
        self.urgent = FlagBanner(Tier.URGENT, content)
        self.see_doctor = FlagBanner(Tier.SEE_DOCTOR, content)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.emergency)
        column.addWidget(self.urgent)
        column.addWidget(self.see_doctor)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Medical-help flags")
        self.hide()

    def set_flags(self, flags: Sequence[Flag]) -> None:
        for banner in (self.emergency, self.urgent, self.see_doctor):
            banner.set_flags(flags)
        self.refit()

    def refit(self) -> None:
        """As tall as the banners need, up to a share of the dialog; hidden without flags."""
        shown = bool(self.emergency.flags or self.urgent.flags or self.see_doctor.flags)
        self.setVisible(shown)
        host = self.parentWidget()
        if not shown or host is None:
            return
        scrollbar = self.verticalScrollBar().sizeHint().width()
        width = max(self.viewport().width(), host.contentsRect().width() - 2 * scrollbar)
        layout = self._content.layout()
        needed = (
            layout.totalHeightForWidth(width)
            if layout is not None and layout.hasHeightForWidth()
            else self._content.sizeHint().height()
        )
        self.setFixedHeight(max(60, min(needed, int(host.height() * self.MAX_SHARE))))
