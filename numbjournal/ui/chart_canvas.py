"""The Patterns tab's chart canvas: it remembers the pixels of the charts it drew.

Building and drawing a ten-year chart takes a quarter to half a second, most
of it matplotlib laying out and drawing text, and a person flicking through
the charts pays that on every choice. A chart chosen again with the same
range, journal, size and colours is painted from the pixels kept when it was
last drawn; they are kept compressed (50-120 KB a chart rather than 2.4 MB),
so remembering every chart costs less than one more figure would.

The figure behind remembered pixels is built only when something needs it:
the mouse over the chart (tooltips), a resize, a change of screen, or any
other draw. Until then :attr:`figure` still holds the chart drawn before.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

Build = Callable[[Figure], object]

# Seven charts in a few ranges and both colour schemes; the oldest go first.
REMEMBERED = 24

# matplotlib's Qt canvas is untyped.
_QtAggCanvas: Any = FigureCanvasQTAgg


class ChartCanvas(_QtAggCanvas):  # type: ignore[misc]
    """A matplotlib Qt canvas that paints a chart it has drawn before without drawing it."""

    def __init__(self, figure: Figure) -> None:
        super().__init__(figure)
        self._pixels: OrderedDict[Hashable, bytes] = OrderedDict()
        self._shown: Hashable | None = None
        self._owed: Build | None = None

    def show_chart(self, key: Hashable, build: Build) -> bool:
        """Show the chart named by ``key``, which must change whenever its picture would.

        ``build`` draws it into a figure. Returns whether the remembered pixels
        were painted, without building the figure.
        """
        self._shown = key
        remembered = self._pixels_key(key)
        pixels = self._pixels.get(remembered)
        if pixels is not None and self._paint(pixels):
            self._pixels.move_to_end(remembered)
            self._owed = build
            self.update()
            return True
        self._owed = None
        build(self.figure)
        self.draw_idle()
        return False

    def show_drawing(self) -> None:
        """Whatever the figure holds now is drawn as it is and not remembered (a message)."""
        self._shown = None
        self._owed = None

    def figure_ready(self) -> bool:
        """Build and draw the figure behind remembered pixels, if it is still owed.

        Returns whether it had to, so a caller holding an event about the
        figure before knows that event is stale.
        """
        if self._owed is None:
            return False
        self.draw()
        return True

    def forget(self) -> None:
        """Drop every remembered chart: the journal changed, so none is current."""
        self._pixels.clear()

    def draw(self) -> None:
        if self._owed is not None:
            build, self._owed = self._owed, None
            build(self.figure)
        super().draw()
        self._remember()

    def _pixels_key(self, key: Hashable) -> Hashable:
        width, height = self.get_width_height(physical=True)
        return key, width, height, self.figure.dpi

    def _remember(self) -> None:
        renderer = getattr(self, "renderer", None)
        if self._shown is None or renderer is None:
            return
        self._pixels[self._pixels_key(self._shown)] = zlib.compress(renderer.buffer_rgba(), 1)
        while len(self._pixels) > REMEMBERED:
            self._pixels.popitem(last=False)

    def _paint(self, pixels: bytes) -> bool:
        """Put remembered pixels in the renderer Qt paints from; False if the size moved."""
        buffer = np.asarray(self.get_renderer().buffer_rgba()).reshape(-1)
        raw = np.frombuffer(zlib.decompress(pixels), dtype=np.uint8)
        if raw.size != buffer.size:
            return False
        buffer[:] = raw
        return True
