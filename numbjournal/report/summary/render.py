"""One layout for every output: the PDF file, the print preview and the printer.

Each output is a ``QPagedPaintDevice``; the summary is laid out for that
device's page and resolution, then painted onto it, so what the preview
shows is what prints and what the PDF holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

from ...core.atomic import atomic_path
from ...core.bulk import bulk_allocation
from .charts import chart_svg
from .composer import Composer, Metrics
from .document import MAX_PAGES, Chart, Paper, SummaryDocument
from .overview import lay_out_overview
from .pages import Page
from .paint import footer_height, paint_pages
from .sections import lay_out_appendix, lay_out_charts, lay_out_questions, lay_out_red_flags
from .treatments_block import lay_out_treatments

APP_NAME = "numbjournal"
PDF_TITLE = "Leg numbness journal summary"
MARGIN_MM = 15.0
PDF_RESOLUTION = 300
LAID_OUT = 0.6  # the share of an export's progress that laying out takes; painting the rest

PAGE_SIZES = {Paper.A4: QPageSize.PageSizeId.A4, Paper.LETTER: QPageSize.PageSizeId.Letter}

# progress(fraction done 0..1, what is happening) -> False to stop
Progress = Callable[[float, str], bool]


class Cancelled(Exception):
    """The person stopped a long export; nothing was written."""


@dataclass(frozen=True)
class LaidOut:
    pages: list[Page]
    metrics: Metrics
    footer: str


def set_up_page(device: QPagedPaintDevice, paper: Paper) -> None:
    device.setPageSize(QPageSize(PAGE_SIZES[paper]))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )


def lay_out(
    doc: SummaryDocument,
    device: QPagedPaintDevice,
    resolution: int,
    progress: Progress | None,
    charts: Callable[[Chart, float, float], bytes] = chart_svg,
) -> LaidOut:
    """Pages for ``device``, whose printable area and resolution decide every measure."""
    metrics = Metrics.for_device(device, resolution)
    composer = Composer(
        metrics, float(device.width()), float(device.height()), footer_height(metrics)
    )

    def say(fraction: float, what: str) -> None:
        if progress is not None and not progress(fraction, what):
            raise Cancelled

    say(0.05, "Drawing the overview")
    lay_out_overview(composer, doc, charts)
    lay_out_treatments(composer, doc)
    # At most MAX_PAGES before any appendix: the red-flag list gives way to the charts page.
    lay_out_red_flags(composer, doc, MAX_PAGES - (1 if doc.extra_charts else 0))
    lay_out_questions(composer, doc)
    say(0.15, "Drawing the charts")
    lay_out_charts(composer, doc, charts)
    rows = len(doc.appendix or ())

    def rows_done(done: int) -> None:
        share = 0.2 + (LAID_OUT - 0.2) * done / max(rows, 1)
        say(share, f"Laying out the log ({done:,} of {rows:,})")

    with bulk_allocation():  # the log's hundreds of thousands of text runs hold no cycles
        lay_out_appendix(composer, doc, rows_done)
    return LaidOut(composer.pages, metrics, _footer(doc))


def _footer(doc: SummaryDocument) -> str:
    who = doc.patient or "Patient not named"
    return f"{who}  ·  leg numbness journal  ·  {doc.describe_range()}  ·  not a diagnosis"


def paint_summary(
    doc: SummaryDocument,
    device: QPagedPaintDevice,
    resolution: int,
    progress: Progress | None = None,
) -> int:
    """Lay out and paint the summary onto ``device``; returns the number of pages."""
    laid = lay_out(doc, device, resolution, progress)
    total = len(laid.pages)

    def painted(done: int) -> bool:
        if progress is None:
            return True
        return progress(
            LAID_OUT + (1 - LAID_OUT) * done / total, f"Writing page {done:,} of {total:,}"
        )

    with bulk_allocation():
        finished = paint_pages(laid.pages, device, laid.metrics, laid.footer, progress=painted)
    if not finished:
        raise Cancelled
    return total


def local_paper() -> Paper:
    """US Letter where it is the norm (the Americas' letter countries), else A4."""
    from PySide6.QtCore import QLocale

    territory = QLocale().territory()
    letter = {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
    }
    return Paper.LETTER if territory in letter else Paper.A4


def count_pages(doc: SummaryDocument, paper: Paper, progress: Progress | None = None) -> int:
    """How many pages the PDF of ``doc`` will have, laid out exactly as written, nothing saved.

    ``progress`` hears of the layout from 0 to 1 and stops it (Cancelled) by returning False.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    set_up_page(writer, paper)
    scaled: Progress | None = None
    if progress is not None:
        told = progress

        def scaled(fraction: float, what: str) -> bool:
            return told(min(1.0, fraction / LAID_OUT), what)

    try:
        # A chart's place on the page does not depend on its picture: skip drawing them.
        return len(lay_out(doc, writer, PDF_RESOLUTION, scaled, lambda *_size: b"").pages)
    finally:
        del writer
        buffer.close()


def write_pdf(
    doc: SummaryDocument, path: Path, paper: Paper, progress: Progress | None = None
) -> int:
    """Write the summary to ``path`` (owner-only, complete or not at all); returns pages."""
    with atomic_path(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(PDF_TITLE)
        writer.setCreator(APP_NAME)
        set_up_page(writer, paper)
        pages = paint_summary(doc, writer, PDF_RESOLUTION, progress)
        del writer
    return pages
