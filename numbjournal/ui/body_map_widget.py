"""Choosing where it happened: a clickable body map with a keyboard twin.

The picture is the quick way for a mouse; the checkable list beside it is
the same choice for the keyboard and screen readers. Both edit one
selection, so whichever a person uses, the other shows the result.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import bodymap
from ..core.model import LEFT_LEG, LEG_PARTS, RIGHT_LEG, Location
from ..core.words import location_name

SELECTED_FILL = "#f08c4a"
SELECTED_STROKE = "#7a2e00"
HOVER_STROKE = "#1f5fbf"
HATCH = QColor(90, 30, 0, 170)

_GROUPS: tuple[tuple[str, tuple[Location, ...]], ...] = (
    ("Left leg", tuple(Location(f"left_{part}") for part in LEG_PARTS)),
    ("Right leg", tuple(Location(f"right_{part}") for part in LEG_PARTS)),
    (
        "Elsewhere",
        tuple(loc for loc in Location if loc not in LEFT_LEG and loc not in RIGHT_LEG),
    ),
)


_LIST_NAMES = {
    Location.TRUNK: "Chest, belly, upper back",
    Location.SADDLE: "Saddle area (groin)",
}


def _painter_path(location: Location) -> QPainterPath:
    path = QPainterPath()
    for polygon in bodymap.region_outlines()[location]:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in polygon]))
        path.closeSubpath()
    return path


class BodyMapView(QWidget):
    """The picture: click toggles a region, hover names it.

    Selected regions are coloured, hatched and outlined thickly, so the
    selection shows without relying on colour.
    """

    toggled = Signal(object)  # Location
    hovered = Signal(object)  # Location | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._svg = bodymap.body_map_svg()
        self._view = QRectF(*bodymap.view_box(self._svg))
        self._paths = {loc: _painter_path(loc) for loc in Location}
        self._selected: set[Location] = set()
        self._hover: Location | None = None
        self._renderer = QSvgRenderer(self)
        self._reload()
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName("Body map")
        self.setAccessibleDescription(
            "Picture of the body, front and back. Click a body part to select or "
            "unselect it. The list beside the picture does the same from the keyboard."
        )

    def sizeHint(self) -> QSize:
        return QSize(int(self._view.width() * 0.62), int(self._view.height() * 0.62))

    def minimumSizeHint(self) -> QSize:
        return QSize(int(self._view.width() * 0.4), int(self._view.height() * 0.4))

    @property
    def hovered_location(self) -> Location | None:
        return self._hover

    def set_selected(self, locations: Iterable[Location]) -> None:
        selected = set(locations)
        if selected != self._selected:
            self._selected = selected
            self._reload()

    def _reload(self) -> None:
        svg = bodymap.colour_regions(
            self._svg,
            dict.fromkeys(self._selected, SELECTED_FILL),
            stroke=dict.fromkeys(self._selected, SELECTED_STROKE),
            stroke_width=2.6,
        )
        self._renderer.load(QByteArray(svg.encode("utf-8")))
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * self._view.height() / self._view.width())

    def picture_rect(self) -> QRectF:
        """Where the picture sits: as large as fits, aspect kept, centred across, at the top."""
        scale = min(self.width() / self._view.width(), self.height() / self._view.height())
        w, h = self._view.width() * scale, self._view.height() * scale
        return QRectF((self.width() - w) / 2, 0, w, h)

    def widget_point(self, location: Location) -> QPointF:
        """Where to click to hit ``location`` (the centre of its largest part)."""
        x, y = bodymap.region_centre(location)
        rect = self.picture_rect()
        scale = rect.width() / self._view.width()
        return QPointF(
            rect.x() + (x - self._view.x()) * scale, rect.y() + (y - self._view.y()) * scale
        )

    def location_at(self, point: QPointF) -> Location | None:
        rect = self.picture_rect()
        if rect.width() <= 0:
            return None
        scale = self._view.width() / rect.width()
        x = self._view.x() + (point.x() - rect.x()) * scale
        y = self._view.y() + (point.y() - rect.y()) * scale
        return bodymap.region_at(x, y)

    def _to_widget(self) -> QTransform:
        rect = self.picture_rect()
        scale = rect.width() / self._view.width()
        return QTransform(
            scale, 0, 0, scale, rect.x() - self._view.x() * scale, rect.y() - self._view.y() * scale
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A light card behind the figure, so it reads the same in a dark theme.
        painter.setPen(QPen(QColor("#c9c1b9"), 1))
        painter.setBrush(QColor("#fdfbf8"))
        painter.drawRoundedRect(self.picture_rect().adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        self._renderer.render(painter, self.picture_rect())
        transform = self._to_widget()
        hatch = QBrush(HATCH, Qt.BrushStyle.BDiagPattern)
        for location in self._selected:
            painter.fillPath(transform.map(self._paths[location]), hatch)
        if self._hover is not None:
            painter.setPen(QPen(QColor(HOVER_STROKE), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(transform.map(self._paths[self._hover]))
        painter.end()

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
                state = "selected" if location in self._selected else "not selected"
                QToolTip.showText(event.globalPos(), f"{location_name(location)} ({state})", self)
            return True
        return super().event(event)


class BodyMapWidget(QWidget):
    """The picture, the checkable list and a line naming what is under the pointer."""

    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected: list[Location] = []
        self._syncing = False

        self.view = BodyMapView(self)
        # Tall enough to tell a knee from a shin, short enough to leave the form in view.
        self.view.setMaximumHeight(self.fontMetrics().height() * 30)
        self.hover_label = QLabel(self)
        self.hover_label.setTextFormat(Qt.TextFormat.RichText)
        self.hover_label.setAccessibleName("Body part under the pointer")
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setAccessibleName("Selected body parts")

        self.list = QTreeWidget(self)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName("Body parts")
        self.list.setAccessibleDescription("Tick every body part that was affected")
        # The picture decides the height; the list scrolls within it.
        self.list.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 8)
        self._items: dict[Location, QTreeWidgetItem] = {}
        for title, locations in _GROUPS:
            group = QTreeWidgetItem(self.list, [title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for location in locations:
                name = location_name(location)
                shown = (
                    name.split(" ", 1)[1] if location.is_leg else _LIST_NAMES.get(location, name)
                )
                item = QTreeWidgetItem(group, [shown[:1].upper() + shown[1:]])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setData(0, Qt.ItemDataRole.UserRole, str(location))
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, name)
                item.setToolTip(0, name)
                self._items[location] = item
        self.list.expandAll()
        metrics = self.list.fontMetrics()
        widest = max(metrics.horizontalAdvance(item.text(0)) for item in self._items.values())
        self.list.setFixedWidth(widest + metrics.height() * 4)
        self.list.setItemsExpandable(False)
        self.list.setCurrentItem(self._items[Location.LEFT_BUTTOCK])

        self.clear_button = QPushButton("Clear all", self)
        self.clear_button.setAccessibleName("Clear all body parts")
        self.clear_button.setEnabled(False)

        picture = QVBoxLayout()
        picture.setContentsMargins(0, 0, 0, 0)
        picture.addWidget(self.hover_label)
        picture.addWidget(self.view)
        picture.addStretch(1)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.list, 1)
        side.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(picture, 1)
        row.addLayout(side, 0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row, 1)
        outer.addWidget(self.summary_label)

        self.view.toggled.connect(self.toggle)
        self.view.hovered.connect(self._show_hover)
        self.list.itemChanged.connect(self._item_changed)
        self.clear_button.clicked.connect(lambda: self.set_selected(()))
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

    def item(self, location: Location) -> QTreeWidgetItem:
        return self._items[location]

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._syncing:
            return
        value = item.data(0, Qt.ItemDataRole.UserRole)
        if value is None:
            return
        location = Location(value)
        checked = item.checkState(0) == Qt.CheckState.Checked
        if checked != (location in self._selected):
            self.toggle(location)

    def _refresh(self) -> None:
        self._syncing = True
        try:
            for location, item in self._items.items():
                state = (
                    Qt.CheckState.Checked if location in self._selected else Qt.CheckState.Unchecked
                )
                if item.checkState(0) != state:
                    item.setCheckState(0, state)
        finally:
            self._syncing = False
        self.view.set_selected(self._selected)
        self._show_hover(self.view.hovered_location)
        self.clear_button.setEnabled(bool(self._selected))
        if self._selected:
            names = ", ".join(location_name(loc) for loc in self._selected)
            self.summary_label.setText(f"<b>Selected:</b> {names}")
        else:
            self.summary_label.setText("Nothing selected yet: click the picture or tick the list.")

    def _show_hover(self, location: Location | None) -> None:
        if location is None:
            self.hover_label.setText("Point at a body part to see its name.")
        else:
            action = "unselect" if location in self._selected else "select"
            self.hover_label.setText(f"<b>{location_name(location)}</b>: click to {action}")
