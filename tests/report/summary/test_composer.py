"""Line breaks in the summary: where Qt's own text layout puts them, found faster."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPdfWriter, QTextLayout, QTextOption

from numbjournal.report.summary.composer import Metrics
from numbjournal.report.summary.document import Paper
from numbjournal.report.summary.render import PDF_RESOLUTION, set_up_page


@pytest.fixture(scope="module")
def metrics(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Metrics:
    """The PDF writer's own measures; a writer on a file owns it, so nothing dangles."""
    writer = QPdfWriter(str(tmp_path_factory.mktemp("composer") / "unused.pdf"))
    writer.setResolution(PDF_RESOLUTION)
    set_up_page(writer, Paper.A4)
    return Metrics.for_device(writer, PDF_RESOLUTION)


def qt_lines(metrics: Metrics, paragraph: str, style: str, width: float) -> list[str]:
    """What one QTextLayout breaks ``paragraph`` into: the summary's reference."""
    layout = QTextLayout(paragraph, metrics.fonts[style], metrics.device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, 0))
        lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    return lines


# Letters, digits, spaces (single and double) and punctuation that does and does not break.
ALPHABET = "afjyTWmei019 ,.:;()'-/é日😀"
TEXT = st.text(alphabet=ALPHABET, min_size=1, max_size=60).map(str.strip).filter(bool)


@settings(max_examples=500, deadline=None)
@given(text=TEXT, points=st.floats(min_value=4, max_value=160), bold=st.booleans())
def test_lines_break_exactly_where_qt_breaks_them(
    metrics: Metrics, text: str, points: float, bold: bool
) -> None:
    style = "table_bold" if bold else "table"
    width = points * metrics.pt
    metrics.wrapped.clear()
    assert list(metrics.wrap(text, style, width)) == qt_lines(metrics, text, style, width)


def test_a_start_time_breaks_between_date_and_time_never_inside_the_date(
    metrics: Metrics,
) -> None:
    started = "2026-04-04 18:25 (Sat)"
    width = metrics.advance("2026-04-04 18:2", "table")
    assert list(metrics.wrap(started, "table", width)) == ["2026-04-04", "18:25 (Sat)"]
    assert list(metrics.wrap(started, "table", width)) == qt_lines(metrics, started, "table", width)
