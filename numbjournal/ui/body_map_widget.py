"""Choosing where it happened: a legs-first body map for the mouse and the keyboard.

The legs are drawn large (front, back and soles), the rest of the body
small, from the one SVG the charts and the summary draw too. A click toggles
a region; with the keyboard the arrow keys move a visible focus ring from
region to region (to the nearest one in that direction) and Space toggles it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QBrush,
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import bodymap
from ..core.model import Location
from ..core.words import location_name
from .body_map_stops import next_stop, stops

SELECTED_FILL = "#f08c4a"
SELECTED_STROKE = "#7a2e00"
HOVER_STROKE = "#1f5fbf"
FOCUS_STROKE = "#0b57d0"
HATCH = QColor(90, 30, 0, 170)

# The keyboard's first stop: the front of the person's right thigh (top left).
_FIRST_STOP = Location.RIGHT_THIGH_FRONT
_DIRECTIONS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}


class BodyMapView(QWidget):
    """The picture: click or Space toggles a region, hover and focus name it.

    Selected regions are coloured, hatched and outlined thickly, so the
    selection shows without relying on colour; the keyboard focus is a
    dashed blue ring.
    """

    toggled = Signal(object)  # Location
    hovered = Signal(object)  # Location | None
    focusMoved = Signal(object)  # Location

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._svg = bodymap.body_map_svg()
        self._view = QRectF(*bodymap.view_box(self._svg))
        self._stops = stops()
        self._paths: dict[Location, QPainterPath] = {}
        for stop in self._stops:
            self._paths.setdefault(stop.location, QPainterPath()).addPath(stop.path)
        self._focus = next(i for i, s in enumerate(self._stops) if s.location is _FIRST_STOP)
        self._selected: set[Location] = set()
        self._hover: Location | None = None
        self._renderer = QSvgRenderer(self)
        self._reload()
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName("Body map")
        self._describe_focus()

    def sizeHint(self) -> QSize:
        return QSize(int(self._view.width()), int(self._view.height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(int(self._view.width() * 0.45), int(self._view.height() * 0.45))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * self._view.height() / self._view.width())

    def width_for_height(self, height: int) -> int:
        return int(height * self._view.width() / self._view.height())

    @property
    def hovered_location(self) -> Location | None:
        return self._hover

    @property
    def focused_location(self) -> Location:
        return self._stops[self._focus].location

    def set_selected(self, locations: Iterable[Location]) -> None:
        selected = set(locations)
        if selected != self._selected:
            self._selected = selected
            self._reload()
            self._describe_focus()

    def _reload(self) -> None:
        svg = bodymap.colour_regions(
            self._svg,
            dict.fromkeys(self._selected, SELECTED_FILL),
            stroke=dict.fromkeys(self._selected, SELECTED_STROKE),
            stroke_width=2.6,
        )
        self._renderer.load(QByteArray(svg.encode("utf-8")))
        self.update()

    # -- geometry -----------------------------------------------------------

    def picture_rect(self) -> QRectF:
        """Where the picture sits: as large as fits, aspect kept, centred across, at the top."""
        scale = min(self.width() / self._view.width(), self.height() / self._view.height())
        w, h = self._view.width() * scale, self._view.height() * scale
        return QRectF((self.width() - w) / 2, 0, w, h)

    def to_widget(self) -> QTransform:
        """From viewBox coordinates to this widget's pixels."""
        rect = self.picture_rect()
        scale = rect.width() / self._view.width()
        return QTransform(
            scale, 0, 0, scale, rect.x() - self._view.x() * scale, rect.y() - self._view.y() * scale
        )

    def region_parts(self, location: Location) -> list[QPainterPath]:
        """Each drawn part of ``location`` in widget pixels (for hit-size checks)."""
        transform = self.to_widget()
        return [transform.map(s.path) for s in self._stops if s.location is location]

    def widget_point(self, location: Location) -> QPointF:
        """Where to click to hit ``location`` (the centre of its largest part)."""
        x, y = bodymap.region_centre(location)
        return self.to_widget().map(QPointF(x, y))

    def location_at(self, point: QPointF) -> Location | None:
        inverse, invertible = self.to_widget().inverted()
        if not invertible or self.picture_rect().width() <= 0:
            return None
        where = inverse.map(point)
        return bodymap.region_at(where.x(), where.y())

    # -- painting -----------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A light card behind the figure, so it reads the same in a dark theme.
        painter.setPen(QPen(QColor("#c9c1b9"), 1))
        painter.setBrush(QColor("#fdfbf8"))
        painter.drawRoundedRect(self.picture_rect().adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        self._renderer.render(painter, self.picture_rect())
        transform = self.to_widget()
        hatch = QBrush(HATCH, Qt.BrushStyle.BDiagPattern)
        for location in self._selected:
            painter.fillPath(transform.map(self._paths[location]), hatch)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._hover is not None:
            painter.setPen(QPen(QColor(HOVER_STROKE), 2.5))
            painter.drawPath(transform.map(self._paths[self._hover]))
        if self.hasFocus():
            pen = QPen(QColor(FOCUS_STROKE), 3.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPath(transform.map(self._stops[self._focus].path))
        painter.end()

    # -- mouse --------------------------------------------------------------

    def _set_hover(self, location: Location | None) -> None:
        if location != self._hover:
            self._hover = location
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if location else Qt.CursorShape.ArrowCursor
            )
            self.update()
            self.hovered.emit(location)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.location_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            location = self.location_at(event.position())
            if location is not None:
                self._focus_location(location, event.position())
                self.toggled.emit(location)
                event.accept()
                return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            location = self.location_at(QPointF(event.pos()))
            if location is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._state_text(location), self)
            return True
        return super().event(event)

    # -- keyboard -----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _DIRECTIONS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.move_focus(*_DIRECTIONS[key])
            event.accept()
            return
        if key == Qt.Key.Key_Space:
            self.toggled.emit(self.focused_location)
            event.accept()
            return
        super().keyPressEvent(event)

    def move_focus(self, dx: float, dy: float) -> None:
        self._set_focus_stop(next_stop(self._stops, self._focus, dx, dy))

    def focus_location(self, location: Location) -> None:
        """Put the keyboard focus ring on ``location`` (its largest part)."""
        self._focus_location(location, self.widget_point(location))

    def _focus_location(self, location: Location, near: QPointF) -> None:
        inverse, _ = self.to_widget().inverted()
        point = inverse.map(near)
        candidates = [i for i, s in enumerate(self._stops) if s.location is location]
        hit = [i for i in candidates if self._stops[i].path.contains(point)]
        self._set_focus_stop((hit or candidates)[0])

    def _set_focus_stop(self, index: int) -> None:
        if index != self._focus:
            self._focus = index
            self.update()
            self._describe_focus()
            self.focusMoved.emit(self.focused_location)
            if self.hasFocus():
                QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Focus))

    def _state_text(self, location: Location) -> str:
        state = "selected" if location in self._selected else "not selected"
        return f"{location_name(location)} ({state})"

    def _describe_focus(self) -> None:
        self.setAccessibleDescription(
            f"{self._state_text(self.focused_location)}. Arrow keys move between body parts, "
            "Space selects or unselects."
        )

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focusMoved.emit(self.focused_location)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


class BodyMapWidget(QWidget):
    """The picture, a line naming the part under the pointer or focus, and what is chosen."""

    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected: list[Location] = []
        self.view = BodyMapView(self)
        self.hover_label = QLabel(self)
        self.hover_label.setTextFormat(Qt.TextFormat.RichText)
        self.hover_label.setAccessibleName("Body part under the pointer")
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setAccessibleName("Selected body parts")
        self.clear_button = QPushButton("Clear all", self)
        self.clear_button.setAccessibleName("Clear all body parts")
        self.clear_button.setAutoDefault(False)
        self.clear_button.setEnabled(False)

        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.summary_label, 1)
        below.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(3)
        outer.addWidget(self.hover_label)
        outer.addWidget(self.view, 1)
        outer.addLayout(below)

        self.view.toggled.connect(self.toggle)
        self.view.hovered.connect(self._show_hover)
        self.view.focusMoved.connect(lambda _loc: self._show_hover(self.view.hovered_location))
        self.clear_button.clicked.connect(lambda: self.set_selected(()))
        self.setFocusProxy(self.view)
        self._refresh()

    def selected(self) -> tuple[Location, ...]:
        """The chosen locations, in the order they were chosen."""
        return tuple(self._selected)

    def set_selected(self, locations: Iterable[Location]) -> None:
        chosen: list[Location] = []
        for location in locations:
            if location not in chosen:
                chosen.append(Location(location))
        if chosen != self._selected:
            self._selected = chosen
            self._refresh()
            self.selectionChanged.emit()

    def toggle(self, location: Location) -> None:
        if location in self._selected:
            self.set_selected(loc for loc in self._selected if loc != location)
        else:
            self.set_selected([*self._selected, location])

    def _refresh(self) -> None:
        self.view.set_selected(self._selected)
        self._show_hover(self.view.hovered_location)
        self.clear_button.setEnabled(bool(self._selected))
        if self._selected:
            names = ", ".join(location_name(loc) for loc in self._selected)
            self.summary_label.setText(f"<b>Selected:</b> {names}")
        else:
            self.summary_label.setText(
                "Nothing selected yet: click the picture, or use the arrow keys and Space."
            )

    def _show_hover(self, location: Location | None) -> None:
        if location is None and self.view.hasFocus():
            location = self.view.focused_location
        if location is None:
            self.hover_label.setText("Point at a body part to see its name.")
        else:
            action = "unselect" if location in self._selected else "select"
            keyboard = self.view.hasFocus() and self.view.hovered_location is None
            how = "Space" if keyboard else "click"
            self.hover_label.setText(f"<b>{location_name(location)}</b>: {how} to {action}")
