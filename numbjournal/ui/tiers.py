"""Each flag level's look in the window: colours for light and dark themes, icon, words.

Every widget that shows a flag (the table, the Flags tab, the editor, the
tray) takes its colours, icon and words from here, so an emergency looks the
same everywhere. Colour is never the only signal: each level has its own icon
shape and symbol, and its words (from ``core.flag_levels``) go beside it.

- Emergency: a red triangle with "!".
- Urgent (today): an orange diamond with "!".
- See a doctor: an amber circle with "i".
- Your condition (the quiet note): a slate ring with a dot, small and calm.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QWidget

from ..core.flag_levels import LEVEL_WORDS, Level, LevelWords
from ..core.triage import Tier

ICON_SIZES = (16, 24, 32, 48)


@dataclass(frozen=True, slots=True)
class Colours:
    """Text on background, with an accent for borders and the icon."""

    text: str
    background: str
    accent: str


@dataclass(frozen=True, slots=True)
class TierLook:
    level: Level
    light: Colours
    dark: Colours
    words: LevelWords

    def colours(self, dark: bool) -> Colours:
        return self.dark if dark else self.light


LOOKS: dict[Level, TierLook] = {
    Level.EMERGENCY: TierLook(
        Level.EMERGENCY,
        light=Colours("#3d0000", "#fdecea", "#c62828"),
        dark=Colours("#ffdad6", "#4a1212", "#ef5350"),
        words=LEVEL_WORDS[Level.EMERGENCY],
    ),
    Level.URGENT: TierLook(
        Level.URGENT,
        light=Colours("#3b1a00", "#fff0e0", "#e65100"),
        dark=Colours("#ffe0c2", "#4a2600", "#ff8f3a"),
        words=LEVEL_WORDS[Level.URGENT],
    ),
    Level.SEE_DOCTOR: TierLook(
        Level.SEE_DOCTOR,
        light=Colours("#2b2000", "#fff8e1", "#f0a202"),
        dark=Colours("#fff0c0", "#3a2f0a", "#f5b82e"),
        words=LEVEL_WORDS[Level.SEE_DOCTOR],
    ),
    Level.CONDITION: TierLook(
        Level.CONDITION,
        light=Colours("#263238", "#eef2f5", "#607d8b"),
        dark=Colours("#d5dee3", "#252d32", "#90a4ae"),
        words=LEVEL_WORDS[Level.CONDITION],
    ),
}


def as_level(value: Level | Tier) -> Level:
    """A rules' tier is shown at the level of the same name."""
    return value if isinstance(value, Level) else Level(str(value))


def look(value: Level | Tier) -> TierLook:
    return LOOKS[as_level(value)]


def name(value: Level | Tier) -> str:
    """The short words: "Emergency", "Urgent: today", "See a doctor", "Your condition"."""
    return look(value).words.name


def title(value: Level | Tier) -> str:
    return look(value).words.title


def is_dark(widget: QWidget | None = None) -> bool:
    """Whether the theme (of ``widget``, or the application) is dark: light text on dark."""
    if widget is not None:
        palette = widget.palette()
    else:
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            return False
        palette = app.palette()
    return palette.window().color().lightnessF() < palette.windowText().color().lightnessF()


def colours(value: Level | Tier, widget: QWidget | None = None) -> Colours:
    return look(value).colours(is_dark(widget))


def box_style(
    value: Level | Tier,
    widget: QWidget | None = None,
    *,
    selector: str = "QLabel",
    strong: bool = False,
) -> str:
    """A style sheet for a box in this level's colours (a thicker border when ``strong``)."""
    c = colours(value, widget)
    border = 3 if strong else 1
    return (
        f"{selector} {{ background: {c.background}; color: {c.text}; "
        f"border: {border}px solid {c.accent}; border-radius: 4px; padding: 8px; }}"
    )


def text_colour(value: Level | Tier, widget: QWidget | None = None) -> QColor:
    """The level's accent as a text colour readable on the window's own background."""
    c = colours(value, widget)
    if as_level(value) is Level.CONDITION:
        return QColor(c.text if is_dark(widget) else "#455a64")
    dark_text = {Level.EMERGENCY: "#b71c1c", Level.URGENT: "#a63c00", Level.SEE_DOCTOR: "#7a5200"}
    return QColor(c.accent if is_dark(widget) else dark_text[as_level(value)])


@cache
def tier_icon(value: Level | Tier) -> QIcon:
    """The level's icon at the usual sizes; shape and symbol differ, not only colour.

    A selected table row is drawn on the highlight colour: there the icons keep
    their colours (the style would fade them) and the quiet condition ring is
    white, as the row's text is.
    """
    level = as_level(value)
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = _draw(level, size)
        icon.addPixmap(pixmap)
        if level is Level.CONDITION:
            pixmap = _draw(level, size, selected=True)
        icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


def _draw(level: Level, size: int, *, selected: bool = False) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    accent = QColor(LOOKS[level].light.accent)
    box = QRectF(1, 1, size - 2, size - 2)
    centre = box.center()
    if level is Level.EMERGENCY:
        path = QPainterPath()
        path.moveTo(QPointF(centre.x(), box.top()))
        path.lineTo(box.bottomRight())
        path.lineTo(box.bottomLeft())
        path.closeSubpath()
        painter.setBrush(accent)
        painter.drawPath(path)
        _symbol(painter, "!", "white", box.adjusted(0, size * 0.22, 0, 0), size)
    elif level is Level.URGENT:
        path = QPainterPath()
        path.moveTo(QPointF(centre.x(), box.top()))
        path.lineTo(QPointF(box.right(), centre.y()))
        path.lineTo(QPointF(centre.x(), box.bottom()))
        path.lineTo(QPointF(box.left(), centre.y()))
        path.closeSubpath()
        painter.setBrush(accent)
        painter.drawPath(path)
        _symbol(painter, "!", "white", box, size)
    elif level is Level.SEE_DOCTOR:
        painter.setBrush(accent)
        painter.drawEllipse(box)
        _symbol(painter, "i", "#202020", box, size)
    else:
        if selected:
            accent = QColor("white")
        ring = box.adjusted(size * 0.14, size * 0.14, -size * 0.14, -size * 0.14)
        painter.setPen(Qt.PenStyle.SolidLine)
        pen = painter.pen()
        pen.setColor(accent)
        pen.setWidthF(max(1.5, size * 0.1))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(ring)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        dot = size * 0.12
        painter.drawEllipse(centre, dot, dot)
    painter.end()
    return pixmap


def _symbol(painter: QPainter, symbol: str, colour: str, box: QRectF, size: int) -> None:
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(8, int(size * 0.62)))
    painter.setFont(font)
    painter.setPen(QColor(colour))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, symbol)
