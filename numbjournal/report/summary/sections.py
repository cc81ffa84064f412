"""The pages after the overview: red-flag events, more charts, questions, the full log."""

from __future__ import annotations

from collections.abc import Callable

from ...core.flag_levels import Level, condition_line, episode_level
from ...core.triage import EMERGENCY_ADVICE
from . import describe
from .composer import AMBER, GREY, RED, Composer, level_colour
from .document import Chart, SummaryDocument
from .red_flags import Criterion, FlaggedEvent
from .tables import Column, PageLimit, Row, draw_table

LOUD = (Level.EMERGENCY, Level.URGENT)

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


def lay_out_red_flags(c: Composer, doc: SummaryDocument, last_page: int | None = None) -> None:
    """The red-flag pages: newest first, ending by ``last_page`` (what does not fit is counted)."""
    flags = doc.red_flags
    if not flags.total and not flags.journal:
        return
    c.start_section()
    c.heading("Red-flag events")
    c.text(
        "Episodes that matched a “seek medical help” criterion, newest first. Episodes flagged "
        "only because of a condition in the profile are summed up once per condition below. "
        f"“The article” is “{describe.ARTICLE_TITLE}” (its list “When to Seek Medical Help”).",
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
    left_out = dict(flags.left_out)
    if flags.shown:
        c.ensure(4 * c.m.line_height("table") + c.m.line_height("h2"))
        c.text("Flagged episodes, newest first", "h2")
        c.gap(2)
        limit = None if last_page is None else PageLimit(last_page, _after_table(c, doc))
        drawn = _red_flag_table(c, list(flags.shown), limit)
        listed = {id(event) for event in drawn}
        for event in flags.shown:
            if id(event) not in listed:
                for flag in event.flags:
                    left_out[flag.rule] = left_out.get(flag.rule, 0) + 1
        not_listed = flags.left_out_total + len(flags.shown) - len(drawn)
        if not_listed:
            _left_out(c, doc, not_listed, left_out)
    if flags.conditions:
        c.heading("Known conditions: one line each", "h2", keep_with=20)
        for note in flags.conditions:
            line = condition_line(note)
            c.text(f"{line[:1].upper()}{line[1:]}.", "body", colour=level_colour(Level.CONDITION))
    if flags.journal:
        c.heading("Patterns across the journal", "h2", keep_with=40)
        for flag in flags.journal:
            c.text(describe.flag_text(flag, quote=True), "body")
            c.gap(3)
    c.gap(6)
    c.text(doc.not_a_diagnosis, "italic", colour=GREY)


def _red_flag_table(
    c: Composer, events: list[FlaggedEvent], limit: PageLimit | None
) -> list[FlaggedEvent]:
    """Draw the events newest first within ``limit``; returns those drawn.

    When not all fit, the oldest see-a-doctor rows give way first, so an
    emergency or urgent event stays listed however long the journal.
    """
    keep = events
    while True:
        mark = (len(c.pages), len(c.page.ops), c.y)
        drawn = draw_table(c, RED_FLAG_COLUMNS, [_event_row(e) for e in keep], limit=limit)
        optional = [e for e in keep if e.level not in LOUD]
        if drawn == len(keep) or not optional:
            return keep[:drawn]
        gone = {id(e) for e in optional[-(len(keep) - drawn) :]}
        keep = [e for e in keep if id(e) not in gone]
        del c.pages[mark[0] :]
        del c.page.ops[mark[1] :]
        c.y = mark[2]


def _event_row(event: FlaggedEvent) -> Row:
    return Row(
        (
            describe.when(event.episode.started_at),
            describe.logged(event.episode),
            "\n".join(describe.flag_text(f) for f in event.flags),
        ),
        colour=level_colour(event.level),
        first_bold=True,
    )


def _after_table(c: Composer, doc: SummaryDocument) -> float:
    """Room kept below the red-flag table for what follows it on the same page."""
    flags, m, pt = doc.red_flags, c.m, c.pt

    def tall(text: str, style: str) -> float:
        return len(m.wrap(text, style, c.width)) * m.line_height(style)

    heading = m.line_height("h2") + 17 * pt  # the gap, the rule and the gap under it
    # "N more flagged episodes not listed here (by criterion: ...)", at its longest:
    # every criterion of the range named, each with the largest count.
    most = flags.left_out_total + len(flags.shown)
    every_rule = {rule: most for rule in flags.left_out}
    every_rule.update({f.rule: most for event in flags.shown for f in event.flags})
    need = 4 * pt + tall(_left_out_text(doc, most, every_rule), "bold")
    if flags.conditions:
        need += heading + sum(tall(condition_line(n) + ".", "body") for n in flags.conditions)
    if flags.journal:
        listed = sum(
            tall(describe.flag_text(f, quote=True), "body") + 3 * pt for f in flags.journal
        )
        need += heading + max(listed, 40 * pt)
    return need + 6 * pt + tall(doc.not_a_diagnosis, "italic")


def _criterion_row(item: Criterion) -> Row:
    return Row(
        (
            f"“{item.text}”",
            item.source,
            describe.LEVEL_TEXT[item.level],
            f"{item.episodes:,}",
        ),
        colour=level_colour(item.level),
    )


def _left_out(c: Composer, doc: SummaryDocument, total: int, by_rule: dict[str, int]) -> None:
    c.gap(4)
    c.text(_left_out_text(doc, total, by_rule), "bold", colour=AMBER)


def _left_out_text(doc: SummaryDocument, total: int, by_rule: dict[str, int]) -> str:
    listed = ", ".join(f"{describe.rule_name(rule)} {n:,}" for rule, n in sorted(by_rule.items()))
    where = (
        "each is marked in the appendix"
        if doc.appendix is not None
        else "include the appendix to list them all"
    )
    return (
        f"{describe.count(total, 'more flagged episode')} not listed here "
        f"(by criterion: {listed}); {where}."
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
        "changing position helped; EMERGENCY marks a stroke-like or other emergency sign, "
        "URGENT a sign that needs care the same day.",
        "small",
        colour=GREY,
    )
    c.gap(3)
    rows = []
    for episode, flags in doc.appendix:
        level = episode_level(flags)
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
                colour=level_colour(level) if level in LOUD else "#000000",
            )
        )
    draw_table(c, APPENDIX_COLUMNS, rows, progress=progress)
