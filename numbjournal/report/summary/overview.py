"""Page 1: who and when, the newest emergency and urgent events, key numbers, shares, charts.

Everything a clinician reads in the first minute sits on this one page: what
happened most recently that needed urgent care (newest first, whatever the
range), then the numbers, how it felt and began, where and how often (over
the last year); details follow on later pages.
"""

from __future__ import annotations

from collections.abc import Callable

from ...core.flag_levels import Level
from .composer import AMBER, GREY, RED, RULE, Composer, level_colour
from .describe import count, day, event_lines
from .document import Chart, SummaryDocument, Tally

ChartSvg = Callable[[Chart, float, float], bytes]

KEY_COLUMNS = 4
BOX_GAP = 6.0  # points


def lay_out_overview(c: Composer, doc: SummaryDocument, chart_svg: ChartSvg) -> None:
    _masthead(c, doc)
    if doc.empty:
        if doc.recent.events:  # the newest emergency shows whatever the range
            _recent_events(c, doc)
        _empty(c, doc)
        return
    _recent_events(c, doc)
    _key_numbers(c, doc)
    _tallies(c, doc)
    _pictures(c, doc, chart_svg, 5 * c.m.line_height("bold"))
    _red_flag_pointer(c, doc)


def _masthead(c: Composer, doc: SummaryDocument) -> None:
    c.text(doc.title, "title")
    c.gap(2)
    who = f"Patient: {doc.patient}" if doc.patient else "Patient: (no name in the profile)"
    if doc.date_of_birth is not None:
        who += f"  ·  born {day(doc.date_of_birth)}"
    c.text(who, "subtitle")
    if doc.span is None:
        period = "Range: nothing logged yet"
    else:
        period = f"Range: {doc.describe_range()}  ·  {count(doc.episode_count, 'episode')}"
    c.text(f"{period}  ·  made on {day(doc.made_on)}", "body")
    c.text(doc.source_note, "italic", colour=GREY)
    c.gap(4)
    c.text("Known conditions (from the profile):", "bold")
    conditions = "; ".join(doc.conditions) if doc.conditions else "none recorded"
    c.text(conditions, "body", x=10 * c.pt)
    c.gap(4)


def _empty(c: Composer, doc: SummaryDocument) -> None:
    c.gap(30)
    c.text("No episodes in this range.", "h1")
    c.gap(4)
    if doc.span is None:
        c.text("Nothing has been logged in this journal yet, so there is nothing to summarise.")
    else:
        c.text(
            f"No episode was logged between {day(doc.span.first)} and {day(doc.span.last)}. "
            "Choose a longer range to include episodes logged at other times."
        )
    c.gap(8)
    c.text(doc.not_a_diagnosis, "italic", colour=GREY)


def _recent_events(c: Composer, doc: SummaryDocument) -> None:
    """The newest emergency and urgent events, at most five, with what was logged."""
    recent = doc.recent
    since = f" since {day(recent.since)}" if recent.since else ""
    if not recent.events:
        c.text(f"No emergency or urgent event{since}.", "bold")
        c.gap(2)
        return
    c.heading(f"Most recent emergency and urgent events{since}, newest first", "h2", keep_with=40)
    for event in recent.events:
        head, body = event_lines(event.episode, event.flags)
        colour = level_colour(event.level)
        c.ensure(c.m.line_height("bold") + 2 * c.m.line_height("small"))
        c.text(head, "bold", colour=colour)
        c.text(body, "small", x=10 * c.pt)
        c.gap(2)
    if recent.more:
        more = count(recent.more, "more emergency or urgent event")
        c.text(f"and {more}{since} (the newest are above).", "bold", colour=RED)
    c.gap(2)


def _key_numbers(c: Composer, doc: SummaryDocument) -> None:
    c.heading("Key numbers", "h2", keep_with=130)
    pt = c.pt
    gap = BOX_GAP * pt
    width = (c.width - gap * (KEY_COLUMNS - 1)) / KEY_COLUMNS
    pad = 4 * pt
    inner = width - 2 * pad
    numbers = list(doc.key_numbers)
    for start in range(0, len(numbers), KEY_COLUMNS):
        row = numbers[start : start + KEY_COLUMNS]
        cells = [
            (
                c.m.wrap(n.label, "small", inner),
                c.m.wrap(n.value, "big", inner),
                c.m.wrap(n.change, "small", inner),
            )
            for n in row
        ]
        small, big = c.m.line_height("small"), c.m.line_height("big")
        height = max(len(a) * small + len(b) * big + len(d) * small for a, b, d in cells)
        height += 2 * pad + 2 * pt
        c.ensure(height)
        top = c.y
        for index, (label_lines, value_lines, change_lines) in enumerate(cells):
            x = index * (width + gap)
            c.box(x, top, width, height, "#f6f6f6", RULE)
            y = top + pad
            y += c.lines_at(label_lines, "small", x + pad, y, GREY)
            y += c.lines_at(value_lines, "big", x + pad, y)
            colour = RED if row[index].label == "Flagged episodes" and _urgent(doc) else GREY
            c.lines_at(change_lines, "small", x + pad, y + 2 * pt, colour)
        c.y = top + height + gap


def _urgent(doc: SummaryDocument) -> bool:
    return doc.red_flags.emergency_total + doc.red_flags.urgent_total > 0


def _pictures(c: Composer, doc: SummaryDocument, chart_svg: ChartSvg, reserve: float) -> None:
    """The body map and the frequency chart, full width, sharing what page 1 has left."""
    pt = c.pt
    room = c.remaining() - reserve - 12 * pt
    # Page 1 first fits the events and numbers; the charts take what is left, down to a
    # size that stays legible, and move to the next page rather than shrink further.
    heights = {
        "body_map": min(max(room * 0.56, 130 * pt), 270 * pt),
        "frequency": min(max(room * 0.44, 110 * pt), 220 * pt),
    }
    for chart in doc.overview_charts:
        height = heights.get(chart.name, 180 * pt)
        c.ensure(height)
        svg = chart_svg(chart, c.width / pt, height / pt)
        c.picture(svg, 0, c.y, c.width, height)
        c.y += height
        c.gap(6)


def _tallies(c: Composer, doc: SummaryDocument) -> float:
    """Four columns: how it felt, how it began, symptoms, activities; returns their height."""
    pt = c.pt
    gap = 8 * pt
    width = (c.width - 3 * gap) / 4
    columns = [
        ("How it felt", _tally_lines(doc.sensations, "not recorded")),
        ("How it began", _tally_lines(doc.onsets, "not recorded")),
        ("What came with it", _tally_lines(doc.symptoms, "none logged")),
        ("What they were doing", _tally_lines(doc.activities, "not recorded")),
    ]
    wrapped = [
        (
            c.m.wrap(title, "h2", width),
            [line for text in lines for line in c.m.wrap(text, "small", width)],
        )
        for title, lines in columns
    ]
    height = max(
        len(t) * c.m.line_height("h2") + len(b) * c.m.line_height("small") + pt for t, b in wrapped
    )
    c.ensure(height)
    top = c.y
    for index, (title_lines, body_lines) in enumerate(wrapped):
        x = index * (width + gap)
        y = top + c.lines_at(title_lines, "h2", x, top)
        c.lines_at(body_lines, "small", x, y + pt)
    c.y = top + height + 3 * pt
    c.text(doc.position, "small")
    c.gap(4)
    return height + 6 * pt


def _tally_lines(items: tuple[Tally, ...], nothing: str) -> list[str]:
    return [item.text for item in items] or [nothing]


def _red_flag_pointer(c: Composer, doc: SummaryDocument) -> None:
    flags = doc.red_flags
    # The "Treatments tried" page, when there is one, comes before the red flags.
    where = "after the Treatments tried page" if doc.treatments else "under “Red-flag events”"
    c.rule()
    if flags.action_total == 0:
        known = ""
        if flags.condition_total:
            noted = count(flags.condition_total, "episode")
            known = (
                f" beyond a known condition ({noted} noted only because of a condition in the "
                f"profile, one line per condition {where})"
            )
        c.text(
            "No episode in this range matched a medical-help criterion of the article or of "
            f"the public guidance numbjournal checks{known}. {doc.no_flag_caveat}",
            "bold",
        )
    else:
        parts: list[str] = []
        for level, words in (
            (Level.EMERGENCY, "an EMERGENCY criterion"),
            (Level.URGENT, "an URGENT criterion (care today)"),
            (Level.SEE_DOCTOR, "a see-a-doctor criterion"),
        ):
            n = flags.counts.get(level, 0)
            if n:
                parts.append(f"{count(n, 'episode')} {'matched ' if not parts else ''}{words}")
        top = next(level for level in Level if flags.counts.get(level, 0))
        c.text(
            "Red flags: " + " and ".join(parts) + f" (listed newest first {where}).",
            "bold",
            colour=level_colour(top),
        )
        if flags.condition_total:
            c.text(
                f"{count(flags.condition_total, 'more episode')} flagged only because of a "
                "condition in the profile, summed up once per condition.",
                "body",
                colour=GREY,
            )
    if flags.journal:
        c.text(
            f"{count(len(flags.journal), 'pattern')} across the journal also matched ({where}).",
            "body",
            colour=AMBER,
        )
