"""Each flag level's look: its own icon shape, its own words, readable light and dark colours."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QLabel

from numbjournal.core.flag_levels import Level
from numbjournal.core.triage import Tier
from numbjournal.ui import tiers


def _shape(level: Level) -> list[bool]:
    """Where the icon is painted at all (alpha), ignoring its colour."""
    image = tiers.tier_icon(level).pixmap(32, 32).toImage()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [image.pixelColor(x, y).alpha() > 128 for y in range(32) for x in range(32)]


def test_levels_differ_in_icon_shape_not_only_colour(qapp) -> None:
    for first, second in combinations(Level, 2):
        a, b = _shape(first), _shape(second)
        differing = sum(x != y for x, y in zip(a, b, strict=True))
        assert differing > 40, f"{first} and {second} icons have nearly the same shape"


def test_every_level_has_its_own_words(qapp) -> None:
    names = [tiers.name(level) for level in Level]
    assert names == ["Emergency", "Urgent: today", "See a doctor", "Your condition"]
    assert tiers.name(Tier.EMERGENCY) == "Emergency", "a rules' tier maps to its level"


def _contrast(one: str, two: str) -> float:
    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = []
        for value in (c.redF(), c.greenF(), c.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_is_readable_on_each_levels_box_in_light_and_dark_themes(qapp) -> None:
    for level in Level:
        for colours in (tiers.look(level).light, tiers.look(level).dark):
            assert _contrast(colours.text, colours.background) >= 7, level


def test_the_dark_palette_is_chosen_on_a_dark_theme(qapp) -> None:
    label = QLabel()
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    label.setPalette(palette)
    assert tiers.is_dark(label)
    assert tiers.colours(Level.EMERGENCY, label) == tiers.look(Level.EMERGENCY).dark
    assert tiers.look(Level.EMERGENCY).dark.background in tiers.box_style(Level.EMERGENCY, label)
    light = QLabel()
    light_palette = light.palette()
    light_palette.setColor(QPalette.ColorRole.Window, QColor("#f5f5f5"))
    light_palette.setColor(QPalette.ColorRole.WindowText, QColor("#111111"))
    light.setPalette(light_palette)
    assert not tiers.is_dark(light)
    assert tiers.colours(Level.CONDITION, light) == tiers.look(Level.CONDITION).light


def test_each_icon_stands_out_on_a_selected_row(qapp) -> None:
    """On the selection's blue the quiet condition ring was nearly invisible and the
    others faded: in Selected mode each icon keeps its colours, the ring turns white."""
    highlight = QColor("#308cc6")  # the Fusion style's selection colour
    for level in Level:
        image = tiers.tier_icon(level).pixmap(32, 32, QIcon.Mode.Selected).toImage()
        drawn = [
            image.pixelColor(x, y)
            for y in range(32)
            for x in range(32)
            if image.pixelColor(x, y).alpha() > 200
        ]
        contrast = max(_colour_contrast(colour, highlight) for colour in drawn)
        assert contrast >= 3, f"{level}: its strongest colour on the selection is {contrast:.1f}:1"


def _colour_contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
