"""The body map widget: clicking the picture and ticking the list make one selection."""

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


def test_clicking_a_region_selects_it_ticks_the_list_and_clicking_again_unselects(
    qtbot: QtBot,
) -> None:
    widget = shown_map(qtbot)
    with qtbot.waitSignal(widget.selectionChanged):
        click(qtbot, widget, Location.LEFT_CALF)
    click(qtbot, widget, Location.RIGHT_SOLE)
    assert widget.selected() == (Location.LEFT_CALF, Location.RIGHT_SOLE)
    assert widget.item(Location.LEFT_CALF).checkState(0) == Qt.CheckState.Checked
    assert "Left calf" in widget.summary_label.text()
    click(qtbot, widget, Location.LEFT_CALF)
    assert widget.selected() == (Location.RIGHT_SOLE,)
    assert widget.item(Location.LEFT_CALF).checkState(0) == Qt.CheckState.Unchecked


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


def test_ticking_the_list_with_the_keyboard_selects_the_region(qtbot: QtBot) -> None:
    widget = shown_map(qtbot)
    widget.list.setFocus()
    widget.list.setCurrentItem(widget.item(Location.LEFT_BUTTOCK))
    qtbot.keyClick(widget.list, Qt.Key.Key_Down)
    with qtbot.waitSignal(widget.selectionChanged):
        qtbot.keyClick(widget.list, Qt.Key.Key_Space)
    assert widget.selected() == (Location.LEFT_HIP,)
    assert widget.view.location_at(widget.view.widget_point(Location.LEFT_HIP)) == (
        Location.LEFT_HIP
    )


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
