"""Legs first: at the editor's default size on a 1366x768 screen every leg region is easy to hit."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize
from pytestqt.qtbot import QtBot

from numbjournal.core.model import LEG_LOCATIONS, Location, Symptom
from numbjournal.ui.editor.view import default_size

TARGET = 32  # px: a comfortable target for a finger on a touchpad or a shaky hand
LAPTOP = QSize(1366, 768)


def largest_square(paths, step: int = 2) -> int:
    """The side of the largest axis-aligned square inside one drawn part of a region."""
    best = 0
    for path in paths:
        box = path.boundingRect()
        side = best + 1
        while side <= min(box.width(), box.height()):
            fits = any(
                path.contains(QRectF(x, y, side, side))
                for x in range(int(box.left()), int(box.right() - side) + 1, step)
                for y in range(int(box.top()), int(box.bottom() - side) + 1, step)
            )
            if not fits:
                break
            best = side
            side += 1
    return best


def test_every_leg_region_is_at_least_32_px_square_with_two_banners_showing(
    qtbot: QtBot, open_editor
) -> None:
    editor = open_editor()
    editor.resize(default_size(LAPTOP))
    # Two banners: what used to push the feet out of view.
    editor.body_map.set_selected([Location.LEFT_SOLE])
    editor.symptoms.boxes[Symptom.FACIAL_DROOPING].setChecked(True)
    editor.symptoms.boxes[Symptom.WEAKNESS].setChecked(True)
    editor.refresh_flags()
    qtbot.waitUntil(lambda: editor.emergency_banner.isVisible())
    assert editor.see_doctor_banner.isVisible()
    view = editor.body_map.view
    qtbot.waitUntil(lambda: 300 < view.height() < editor.height() - 100)

    # The whole map is on screen: both legs to the toes, nothing scrolled away.
    top_left = view.mapTo(editor, view.picture_rect().topLeft().toPoint())
    bottom = top_left.y() + view.picture_rect().height()
    assert top_left.y() >= 0 and bottom <= editor.save_button.mapTo(editor, QPoint(0, 0)).y()
    assert view.visibleRegion().boundingRect().height() >= int(view.picture_rect().height())

    sizes = {loc: largest_square(view.region_parts(loc)) for loc in LEG_LOCATIONS}
    small = {str(loc): side for loc, side in sizes.items() if side < TARGET}
    assert not small, f"leg regions under {TARGET}x{TARGET} px: {small}"
