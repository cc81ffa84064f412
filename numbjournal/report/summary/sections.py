"""The pages after the overview: red-flag events, more charts, questions, the full log."""

from __future__ import annotations

from collections.abc import Callable

from ...core.triage import EMERGENCY_ADVICE, Tier
from . import describe
from .composer import AMBER, GREY, RED, Composer
from .document import Chart, Criterion, SummaryDocument
from .tables import Column, Row, draw_table

ChartSvg = Callable[[Chart, float, float], bytes]

CRITERIA_COLUMNS = (
    Column("Criterion (quoted)", 5.0),
    Column("Source", 2.0),
    Column("Tier", 1.1),
    Column("Episodes", 0.9),
)

RED_FLAG_COLUMNS = (
    Column("When", 1.2),
    Column("What was logged", 3.4),
    Column("Criteria matched, and why", 3.6),
)

APPENDIX_COLUMNS = (
    Column("Started", 1.25),
    Column("Lasted", 0.75),
    Column("Sev.", 0.4),
    Column("Where", 1.6),
    Column("Felt (onset)", 0.95),
    Column("Doing", 0.8),
    Column("Moving", 0.75),
    Column("With", 1.35),
    Column("Flags", 1.15),
    Column("Notes", 1.9),
)


def lay_out_red_flags(c: Composer, doc: SummaryDocument) -> None:
    flags = doc.red_flags
    if not flags.total and not flags.journal:
        return
    c.new_page()
    c.heading("Red-flag events")
    c.text(
        "Episodes that matched a “seek medical help” criterion: emergencies first, then other "
        "warning signs, then episodes flagged only because of a condition in the profile; "
        "oldest first within each group. “The article” is “"
        f"{describe.ARTICLE_TITLE}” (its list “When to Seek Medical Help”).",
        "small",
        colour=GREY,
    )
    c.gap(4)
    if flags.emergency_total:
        c.text(f"For the patient: {EMERGENCY_ADVICE}", "bold", colour=RED)
        c.gap(4)
    if flags.criteria:
        c.text("Criteria matched in this range", "h2")
        c.gap(2)
        draw_table(c, CRITERIA_COLUMNS, [_criterion_row(item) for item in flags.criteria])
        c.gap(8)
    if flags.shown:
        c.ensure(4 * c.m.line_height("table") + c.m.line_height("h2"))
        c.text("Flagged episodes", "h2")
        c.gap(2)
        rows = [
            Row(
                (
                    describe.when(event.episode.started_at),
                    describe.logged(event.episode),
                    "\n".join(describe.flag_text(f) for f in event.flags),
                ),
                colour=RED if event.emergency else "#000000",
                first_bold=True,
            )
            for event in flags.shown
        ]
        draw_table(c, RED_FLAG_COLUMNS, rows)
    if flags.left_out_total:
        _left_out(c, doc)
    if flags.journal:
        c.heading("Patterns across the journal", "h2", keep_with=40)
        for flag in flags.journal:
            colour = RED if flag.tier is Tier.EMERGENCY else "#000000"
            c.text(describe.flag_text(flag, quote=True), "body", colour=colour)
            c.gap(3)
    c.gap(6)
    c.text(doc.not_a_diagnosis, "italic", colour=GREY)


def _criterion_row(item: Criterion) -> Row:
    urgent = item.tier is Tier.EMERGENCY
    return Row(
        (
            f"“{item.text}”",
            item.source,
            "EMERGENCY" if urgent else "See a doctor",
            f"{item.episodes:,}",
        ),
        colour=RED if urgent else "#000000",
    )


def _left_out(c: Composer, doc: SummaryDocument) -> None:
    flags = doc.red_flags
    by_rule = ", ".join(
        f"{describe.rule_name(rule)} {n:,}" for rule, n in sorted(flags.left_out.items())
    )
    where = (
        "each is marked in the appendix"
        if doc.appendix is not None
        else "include the appendix to list them all"
    )
    c.gap(4)
    c.text(
        f"{describe.count(flags.left_out_total, 'more flagged episode')} not listed here "
        f"(by criterion: {by_rule}); {where}.",
        "bold",
        colour=AMBER,
    )


def lay_out_charts(c: Composer, doc: SummaryDocument, chart_svg: ChartSvg) -> None:
    if not doc.extra_charts:
        return
    c.new_page()
    c.heading("More charts")
    pt = c.pt
    height = min(230 * pt, c.width * 0.45)
    for chart in doc.extra_charts:
        c.ensure(height + 8 * pt)
        svg = chart_svg(chart, c.width / pt, height / pt)
        c.picture(svg, 0, c.y, c.width, height)
        c.y += height
        c.gap(10)


def lay_out_questions(c: Composer, doc: SummaryDocument) -> None:
    if not doc.questions:
        return
    c.heading("The patient's questions", keep_with=40)
    c.text(doc.questions, "body")


def lay_out_appendix(
    c: Composer, doc: SummaryDocument, progress: Callable[[int], None] | None = None
) -> None:
    if doc.appendix is None:
        return
    c.new_page()
    c.heading(
        f"Appendix: every episode in the range ({describe.count(len(doc.appendix), 'episode')})"
    )
    c.text(
        "Oldest first. Times are as recorded. Sev. is severity 0-10; “Moving” is whether "
        "changing position helped; EMERGENCY marks a stroke-like or other emergency sign.",
        "small",
        colour=GREY,
    )
    c.gap(3)
    rows = []
    for episode, flags in doc.appendix:
        urgent = any(f.tier is Tier.EMERGENCY for f in flags)
        rows.append(
            Row(
                (
                    describe.when(episode.started_at),
                    describe.lasted(episode),
                    str(episode.severity),
                    describe.where(episode, short=True),
                    describe.felt(episode, short=True),
                    describe.doing(episode.context),
                    describe.moved(episode),
                    describe.with_symptoms(episode),
                    describe.flag_names(flags),
                    episode.notes.strip(),
                ),
                colour=RED if urgent else "#000000",
            )
        )
    draw_table(c, APPENDIX_COLUMNS, rows, progress=progress)
