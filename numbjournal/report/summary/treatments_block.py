"""The summary's "Treatments tried" block: what was tried, when, and what came before and after.

Its own module so the overview's layout can change without touching it. It
is laid out right after the overview (page 2), one row per treatment with
the before/after figures and the relief answers, and says plainly that the
figures are what came after starting, not what the treatment did.
"""

from __future__ import annotations

from ...core import words
from ...core.patterns import treatment_text as text
from ...core.patterns.treatments import DEFAULT_WEEKS, BeforeAfter, Side
from .composer import GREY, Composer
from .document import SummaryDocument
from .tables import Column, Row, draw_table

HEADING = "Treatments tried"
COLUMNS = (
    Column("Treatment", 1.8),
    Column("Taken", 1.5),
    Column("Before starting", 2.1),
    Column("After starting", 2.1),
    Column("Relief when taken", 1.5),
)


def lay_out_treatments(c: Composer, doc: SummaryDocument) -> None:
    if not doc.treatments:
        return
    c.new_page()
    c.heading(HEADING)
    c.text(
        f"How often numbness was logged in the same length of time before each treatment "
        f"started and after ({DEFAULT_WEEKS} weeks each side unless noted), from the whole "
        f"journal. {words.NOT_CAUSE}",
        "small",
        colour=GREY,
    )
    c.gap(3)
    draw_table(c, COLUMNS, [_row(result) for result in doc.treatments])
    notes = [r for r in doc.treatments if r.limits]
    if notes:
        c.gap(4)
        for result in notes:
            c.text(f"{result.treatment.name}: {'; '.join(result.limits)}.", "small", colour=GREY)


def _row(result: BeforeAfter) -> Row:
    t = result.treatment
    name = f"{t.name}\n{words.TREATMENT_KIND_NAMES[t.kind]}" + (f"\n{t.dose}" if t.dose else "")
    if result.enough:
        before, after = _side(result.before), _side(result.after)
    else:
        before = after = _too_little(result)
    return Row(
        (name, text.treatment_dates(t), before, after, _relief(result)),
        first_bold=True,
    )


def _side(side: Side) -> str:
    assert side.span is not None
    lines = [
        f"{text.per_week(side)} ({text.episodes(side.episodes)})",
        f"length: {text.median_minutes(side)}",
        f"severity: {text.median_severity(side)}",
        f"{text.day(side.span.first)} to {text.day(side.span.last)}",
    ]
    return "\n".join(lines)


def _too_little(result: BeforeAfter) -> str:
    if result.after.span is None:
        return "Too little data: no days to compare."
    return f"Too little data: {text.length(result.days)} each side ({text.length(14)} needed)."


def _relief(result: BeforeAfter) -> str:
    counts = result.relief
    if not counts.total:
        return "No episode records it."
    return (
        f"{text.episodes(counts.total)}:\nhelped {counts.yes}\na little {counts.a_little}\n"
        f"did not help {counts.no}"
    )
