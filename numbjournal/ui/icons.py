"""The app icon, the toolbar icons and (from :mod:`numbjournal.ui.tiers`) the flag icons.

Icons are drawn here rather than shipped as files so they stay sharp at any
scale.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..core.flag_levels import Level
from ..core.triage import Tier
from .tiers import tier_icon


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    folder = files("numbjournal.resources") / "icons"
    for name in ("numbjournal.svg", "numbjournal-256.png"):
        resource = folder / name
        if resource.is_file():
            pixmap = QPixmap()
            pixmap.loadFromData(resource.read_bytes())
            if not pixmap.isNull():
                icon.addPixmap(pixmap)
    return icon


def flag_icon(tier: Tier | Level) -> QIcon:
    """The icon of a tier (or a shown level); drawn in :mod:`numbjournal.ui.tiers`."""
    return tier_icon(tier)


def _tile_icon(colour: str, symbol: Callable[[QPainter, float], None]) -> QIcon:
    """A white symbol on a coloured tile, readable on light and dark toolbars alike."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), size * 0.2, size * 0.2)
        painter.setBrush(QColor("white"))
        symbol(painter, size)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@cache
def log_icon() -> QIcon:
    """A plus on a page: "add an entry", drawn so it matches the app icon's colours."""

    def plus(painter: QPainter, size: float) -> None:
        bar, long = size * 0.16, size * 0.56
        centre = size / 2
        painter.drawRect(QRectF(centre - bar / 2, centre - long / 2, bar, long))
        painter.drawRect(QRectF(centre - long / 2, centre - bar / 2, long, bar))

    return _tile_icon("#1f7a80", plus)


@cache
def timer_start_icon() -> QIcon:
    """Numbness started: a play triangle (the style's own is black, lost on dark themes)."""

    def triangle(painter: QPainter, size: float) -> None:
        painter.drawPolygon(
            [
                QPointF(size * 0.36, size * 0.26),
                QPointF(size * 0.76, size * 0.5),
                QPointF(size * 0.36, size * 0.74),
            ]
        )

    return _tile_icon("#1f7a80", triangle)


@cache
def timer_stop_icon() -> QIcon:
    """It stopped: a stop square on a neutral tile (red is kept for emergencies)."""

    def square(painter: QPainter, size: float) -> None:
        painter.drawRect(QRectF(size * 0.3, size * 0.3, size * 0.4, size * 0.4))

    return _tile_icon("#51606b", square)


_NEUTRAL = "#51606b"
_EXPORT = "#2f5d8a"


@cache
def delete_icon() -> QIcon:
    """A bin: drawn, like the others, so it stays visible on dark toolbars."""

    def bin_(painter: QPainter, size: float) -> None:
        painter.drawRect(QRectF(size * 0.26, size * 0.24, size * 0.48, size * 0.08))  # lid
        painter.drawRect(QRectF(size * 0.42, size * 0.18, size * 0.16, size * 0.06))  # handle
        painter.drawRoundedRect(
            QRectF(size * 0.31, size * 0.35, size * 0.38, size * 0.42), size * 0.05, size * 0.05
        )
        painter.setBrush(QColor(_NEUTRAL))
        for x in (0.41, 0.56):
            painter.drawRect(QRectF(size * x, size * 0.42, size * 0.04, size * 0.28))

    return _tile_icon(_NEUTRAL, bin_)


@cache
def summary_icon() -> QIcon:
    """A page of text with its corner turned: the summary for a doctor."""

    def page(painter: QPainter, size: float) -> None:
        left, top, right, bottom, fold = 0.28, 0.18, 0.72, 0.82, 0.14
        painter.drawPolygon(
            [
                QPointF(size * left, size * top),
                QPointF(size * (right - fold), size * top),
                QPointF(size * right, size * (top + fold)),
                QPointF(size * right, size * bottom),
                QPointF(size * left, size * bottom),
            ]
        )
        painter.setBrush(QColor(_EXPORT))
        for row in range(4):
            y = 0.40 + row * 0.1
            width = 0.30 if row < 3 else 0.18
            painter.drawRect(QRectF(size * 0.35, size * y, size * width, size * 0.045))

    return _tile_icon(_EXPORT, page)


@cache
def export_icon() -> QIcon:
    """An arrow down into a tray: the journal saved out as a file."""

    def arrow(painter: QPainter, size: float) -> None:
        painter.drawRect(QRectF(size * 0.44, size * 0.18, size * 0.12, size * 0.32))
        painter.drawPolygon(
            [
                QPointF(size * 0.30, size * 0.46),
                QPointF(size * 0.70, size * 0.46),
                QPointF(size * 0.50, size * 0.66),
            ]
        )
        painter.drawRect(QRectF(size * 0.22, size * 0.72, size * 0.56, size * 0.08))
        painter.drawRect(QRectF(size * 0.22, size * 0.58, size * 0.08, size * 0.2))
        painter.drawRect(QRectF(size * 0.70, size * 0.58, size * 0.08, size * 0.2))

    return _tile_icon(_EXPORT, arrow)


@cache
def calendar_icon() -> QIcon:
    """A month page with its top bar: pick a date from the calendar."""

    def month(painter: QPainter, size: float) -> None:
        painter.drawRect(QRectF(size * 0.2, size * 0.24, size * 0.6, size * 0.56))
        painter.drawRect(QRectF(size * 0.3, size * 0.16, size * 0.08, size * 0.12))  # rings
        painter.drawRect(QRectF(size * 0.62, size * 0.16, size * 0.08, size * 0.12))
        painter.setBrush(QColor(_NEUTRAL))
        for row in range(2):
            for column in range(3):
                painter.drawRect(
                    QRectF(
                        size * (0.28 + column * 0.16),
                        size * (0.44 + row * 0.16),
                        size * 0.1,
                        size * 0.1,
                    )
                )

    return _tile_icon(_NEUTRAL, month)
