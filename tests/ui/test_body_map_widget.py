"""The legs-first body map: clicks, arrow keys and Space make one selection."""

from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from numbjournal.core.model import Location
from numbjournal.core.words import location_name
from numbjournal.ui.body_map_widget import BodyMapWidget


def shown_map(qtbot: QtBot) -> BodyMapWidget:
    widget = BodyMapWidget()
    qtbot.addWidget(widget)
    widget.resize(720, 560)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def click(qtbot: QtBot, widget: BodyMapWidget, location: Location) -> None:
    point = widget.view.widget_point(location).toPoint()
    qtbot.mouseClick(widget.view, Qt.MouseButton.LeftButton, pos=point)


def test_clicking_a_region_selects_it_names_it_and_clicking_again_unselects(
    qtbot: QtBot,
) -> None:
    widget = shown_map(qtbot)
    with qtbot.waitSignal(widget.selectionChanged):
        click(qtbot, widget, Location.LEFT_CALF)
    click(qtbot, widget, Location.RIGHT_SOLE)
    assert widget.selected() == (Location.LEFT_CALF, Location.RIGHT_SOLE)
    assert "Left calf" in widget.summary_label.text()
    click(qtbot, widget, Location.LEFT_CALF)
    assert widget.selected() == (Location.RIGHT_SOLE,)
    assert "Left calf" not in widget.summary_label.text()


def test_every_region_can_be_clicked(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    for location in Location:
        click(qtbot, widget, location)
    assert set(widget.selected()) == set(Location)


def test_clicking_between_the_figures_selects_nothing(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    rect = widget.view.picture_rect()
    qtbot.mouseClick(widget.view, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), 5))
    assert widget.selected() == ()


def test_arrow_keys_move_between_regions_and_space_toggles(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    view = widget.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert view.focused_location is Location.RIGHT_THIGH_FRONT  # top left of the picture
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.focused_location is Location.LEFT_THIGH_FRONT
    walked = []
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        walked.append(view.focused_location)
    assert walked == [
        Location.LEFT_KNEE,
        Location.LEFT_SHIN,
        Location.LEFT_ANKLE,
        Location.LEFT_FOOT_TOP,
    ]
    assert "Left top of foot" in widget.hover_label.text()
    assert "Space to select" in widget.hover_label.text()
    with qtbot.waitSignal(widget.selectionChanged):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert widget.selected() == (Location.LEFT_FOOT_TOP,)
    assert "Left top of foot (selected)" in view.accessibleDescription()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert widget.selected() == ()


def test_every_region_can_be_reached_with_the_arrow_keys(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    view = widget.view
    view.setFocus()
    start = view._focus
    seen, todo = {start}, [start]
    while todo:
        stop = todo.pop()
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            view._focus = stop
            view.move_focus(dx, dy)
            if view._focus not in seen:
                seen.add(view._focus)
                todo.append(view._focus)
    assert {view._stops[i].location for i in seen} == set(Location)


def test_the_keyboard_focus_is_drawn_on_the_map(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    view = widget.view
    widget.clear_button.setEnabled(True)
    widget.clear_button.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    unfocused = view.grab().toImage()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    focused = view.grab().toImage()
    assert focused != unfocused


def test_a_selected_region_is_drawn_differently(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    point = widget.view.widget_point(Location.TRUNK).toPoint()

    def colours() -> set[str]:
        image = widget.view.grab().toImage()
        return {
            QColor(image.pixel(point.x() + dx, point.y() + dy)).name()
            for dx in range(-3, 4)
            for dy in range(-3, 4)
        }

    before = colours()
    widget.set_selected([Location.TRUNK])
    after = colours()
    assert before.isdisjoint(after)
    assert len(after) > 1  # coloured and hatched, not a flat fill


def test_hovering_names_the_region_under_the_pointer(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    point = widget.view.widget_point(Location.SADDLE).toPoint()
    qtbot.mouseMove(widget.view, point)
    qtbot.waitUntil(lambda: widget.view.hovered_location == Location.SADDLE)
    assert location_name(Location.SADDLE) in widget.hover_label.text()
    assert "click to select" in widget.hover_label.text()


def test_clear_all_unselects_everything(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    widget.set_selected([Location.FACE, Location.LEFT_HAND])
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert widget.selected() == ()
    assert not widget.clear_button.isEnabled()


class ToolTips:
    """Stands in for QToolTip (the offscreen platform cannot raise a real one)."""

    shown: ClassVar[list[str]] = []

    @classmethod
    def showText(cls, _pos: object, text: str, _widget: object = None) -> None:
        cls.shown.append(text)

    @classmethod
    def hideText(cls) -> None:
        cls.shown.append("")


def test_the_tooltip_names_the_region_and_whether_it_is_selected(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("numbjournal.ui.body_map_widget.QToolTip", ToolTips)
    ToolTips.shown.clear()
    widget = shown_map(qtbot)
    widget.set_selected([Location.LEFT_ANKLE])
    view = widget.view
    for location in (Location.LEFT_ANKLE, Location.RIGHT_HIP):
        point = view.widget_point(location).toPoint()
        QApplication.sendEvent(
            view, QHelpEvent(QEvent.Type.ToolTip, point, view.mapToGlobal(point))
        )
    outside = QPoint(1, 1)
    QApplication.sendEvent(
        view, QHelpEvent(QEvent.Type.ToolTip, outside, view.mapToGlobal(outside))
    )
    assert ToolTips.shown == ["Left ankle (selected)", "Right hip (not selected)", ""]
