"""The summary's typeface: DejaVu Sans from inside matplotlib, the same on every machine.

A font found on the system would make the PDF differ between computers (and
a missing one would silently fall back), so the summary always registers and
uses the copy matplotlib ships.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

FAMILY = "DejaVu Sans"
_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


def font_folder() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def summary_family() -> str:
    """Register the bundled files once (needs a QGuiApplication) and name the family."""
    families: list[str] = []
    for name in _FILES:
        font_id = QFontDatabase.addApplicationFont(str(font_folder() / name))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY not in families:
        raise RuntimeError(f"the bundled font {FAMILY} could not be loaded from {font_folder()}")
    return FAMILY


def summary_font(point_size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A font whose text a PDF reader extracts letter for letter."""
    font = QFont(summary_family())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setItalic(italic)
    # Unshaped text has no ligatures, which PDF readers would extract as one odd glyph;
    # scripts that need shaping are still shaped.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    # Unrounded advances: positions in the PDF match the font, so readers see no false gaps.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
