"""Painting laid-out pages onto a PDF writer, a print preview or a printer.

Everything a page shows is real text drawn with the bundled font (so a PDF
reader can select and search it) and vector pictures; the footer with the
patient's name and "page i of n" is added here, once the page count is known.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

from .composer import GREY, RULE, Metrics
from .pages import Box, Cells, Line, Page, Picture, Text


def paint_pages(
    pages: Sequence[Page],
    device: QPagedPaintDevice,
    metrics: Metrics,
    footer_left: str,
    *,
    progress: Callable[[int], bool] | None = None,
) -> bool:
    """Paint every page; ``progress(pages_done)`` returning False stops early (returns False)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the page could not be opened for drawing")
    finished = False
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        width = float(device.width())
        height = float(device.height())
        for index, page in enumerate(pages):
            if index:
                device.newPage()
            _paint_page(painter, page, metrics)
            _paint_footer(painter, metrics, width, height, footer_left, index + 1, len(pages))
            if progress is not None and not progress(index + 1):
                return False
        finished = True
    finally:
        if not painter.end() and finished:
            raise OSError("the summary could not be written")
    return True


def _paint_page(painter: QPainter, page: Page, metrics: Metrics) -> None:
    style = colour = ""
    for op in page.ops:
        if isinstance(op, Cells):
            if op.colour != colour:
                colour = op.colour
                painter.setPen(QColor(colour))
            for x, cell_style, lines in op.cells:
                if cell_style != style:
                    style = cell_style
                    painter.setFont(metrics.fonts[style])
                left = round(x)
                baseline = op.top + metrics.ascents[style]
                for line in lines:
                    if line:
                        painter.drawText(left, round(baseline), line)
                    baseline += metrics.heights[style]
            continue
        if isinstance(op, Text):
            if op.style != style:
                style = op.style
                painter.setFont(metrics.fonts[style])
            if op.colour != colour:
                colour = op.colour
                painter.setPen(QColor(colour))
            # Whole device pixels (1/300 inch in the PDF, finer on a printer): the int overload
            # skips building a QPointF, about a third of the Python time of painting a long log.
            painter.drawText(round(op.x), round(op.baseline), op.text)
            continue
        style = colour = ""  # lines, boxes and pictures change the pen and font
        if isinstance(op, Line):
            painter.setPen(QPen(QColor(op.colour), op.width))
            painter.drawLine(QPointF(op.x1, op.y1), QPointF(op.x2, op.y2))
        elif isinstance(op, Box):
            rect = QRectF(op.x, op.y, op.width, op.height)
            painter.fillRect(rect, QColor(op.fill))
            if op.border:
                painter.setPen(QPen(QColor(op.border), 0.6 * metrics.pt))
                painter.drawRect(rect)
        else:
            _paint_picture(painter, op, metrics)


def _paint_picture(painter: QPainter, picture: Picture, metrics: Metrics) -> None:
    renderer = QSvgRenderer(QByteArray(picture.svg))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    painter.save()
    # SVG text without a weight takes the painter's; the last text drawn may have been bold.
    painter.setFont(metrics.fonts["body"])
    renderer.render(painter, QRectF(picture.x, picture.y, picture.width, picture.height))
    painter.restore()


def _paint_footer(
    painter: QPainter,
    metrics: Metrics,
    width: float,
    height: float,
    left: str,
    number: int,
    total: int,
) -> None:
    style = "footer"
    baseline = height - metrics.measures[style].descent()
    top = baseline - metrics.ascent(style) - 3 * metrics.pt
    painter.setPen(QPen(QColor(RULE), 0.4 * metrics.pt))
    painter.drawLine(QPointF(0, top), QPointF(width, top))
    painter.setFont(metrics.fonts[style])
    painter.setPen(QColor(GREY))
    right = f"Page {number} of {total}"
    right_width = metrics.advance(right, style)
    room = width - right_width - 12 * metrics.pt
    shown = metrics.measures[style].elidedText(left, Qt.TextElideMode.ElideRight, room)
    painter.drawText(QPointF(0, baseline), shown)
    painter.drawText(QPointF(width - right_width, baseline), right)


def footer_height(metrics: Metrics) -> float:
    """Room kept free at the foot of every page for the footer."""
    return metrics.line_height("footer") + 10 * metrics.pt
