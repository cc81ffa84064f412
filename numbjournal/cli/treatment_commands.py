"""``numbjournal treatment``: what was tried (journal-format.md section 2).

``add``, ``list``, ``stop`` and ``remove``; every mistake is one line naming
the option, and a refused command changes nothing.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ..core import words
from ..core.errors import NumbjournalError, ValidationError
from ..core.model import Treatment, TreatmentKind
from ..core.patterns.treatment_text import comparison_lines, relief_line, treatment_dates
from ..core.words import TREATMENT_KIND_NAMES
from .context import CommandContext
from .options import choice, date_argument

EXAMPLES = """examples:
  numbjournal treatment add gabapentin --kind medication --started 2026-03-01 --dose "300 mg"
  numbjournal treatment add "new desk chair" --kind lifestyle --started 2026-05-10
  numbjournal treatment list
  numbjournal treatment stop 2 --on 2026-06-30
  numbjournal treatment remove 2

kinds: {kinds}"""
_OPTIONS = {
    "name": "NAME",
    "kind": "--kind",
    "started": "--started",
    "stopped": "--stopped",
    "dose": "--dose",
    "notes": "--notes",
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    epilog = EXAMPLES.format(kinds=", ".join(TreatmentKind))
    parser = subparsers.add_parser(
        "treatment",
        parents=[common],
        help="record what you tried (medication, therapy, a change of habit)",
        description="Treatments: what you tried and when. 'list' also shows how often "
        "numbness came before and after each one started.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=list_treatments)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))

    add = actions.add_parser(
        "add",
        parents=[common],
        help="add a treatment",
        description="Add something you tried, with the day you started it.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("name", metavar="NAME", help="what it is, e.g. gabapentin or physiotherapy")
    add.add_argument("--kind", required=True, metavar="K", help="one of the kinds below")
    add.add_argument(
        "--started",
        required=True,
        type=date_argument,
        metavar="DATE",
        help="the day you started (YYYY-MM-DD)",
    )
    add.add_argument(
        "--stopped",
        type=date_argument,
        metavar="DATE",
        help="the last day, if you have stopped (YYYY-MM-DD)",
    )
    add.add_argument("--dose", default="", metavar="TEXT", help="dose or detail")
    add.add_argument("--notes", default="", metavar="TEXT", help="anything else")
    add.set_defaults(handler=add_treatment)

    listing = actions.add_parser(
        "list",
        parents=[common],
        help="list treatments with the before/after figures",
        description="List treatments, each with how often numbness came in the same "
        "length of time before and after it started.",
    )
    listing.set_defaults(handler=list_treatments)

    stop = actions.add_parser(
        "stop",
        parents=[common],
        help="mark a treatment stopped",
        description="Record the last day of a treatment; 'numbjournal treatment list' "
        "shows the ids.",
        epilog="example:\n  numbjournal treatment stop 2 --on 2026-06-30",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    stop.add_argument("id", type=int, metavar="ID", help="the treatment's id")
    stop.add_argument(
        "--on",
        required=True,
        type=date_argument,
        metavar="DATE",
        help="the last day you took it (YYYY-MM-DD)",
    )
    stop.set_defaults(handler=stop_treatment)

    remove = actions.add_parser(
        "remove",
        parents=[common],
        help="remove a treatment by its id",
        description="Remove a treatment and the relief answers that name it.",
        epilog="example:\n  numbjournal treatment remove 2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    remove.add_argument("id", type=int, metavar="ID", help="the treatment's id")
    remove.set_defaults(handler=remove_treatment)


def add_treatment(ctx: CommandContext) -> int:
    args = ctx.args
    try:
        kind = TreatmentKind(choice(TreatmentKind, "--kind", args.kind))
    except ValueError as exc:
        raise NumbjournalError(str(exc)) from None
    treatment = Treatment(
        name=args.name.strip(),
        kind=kind,
        started=args.started,
        stopped=args.stopped,
        dose=args.dose.strip(),
        notes=args.notes,
    )
    try:
        saved = ctx.journal().treatments.add(treatment)
    except ValidationError as exc:
        raise NumbjournalError(_options(exc)) from None
    print(f"Added {saved.name} (id {saved.id}), {treatment_dates(saved)}.", file=ctx.out)
    return 0


def list_treatments(ctx: CommandContext) -> int:
    from ..core.patterns.treatments import before_after

    results = before_after(ctx.journal(), today=date.today())
    out = ctx.out
    if not results:
        print(
            "No treatments recorded. Add one with: numbjournal treatment add NAME "
            "--kind K --started DATE",
            file=out,
        )
        return 0
    for result in results:
        t = result.treatment
        dose = f" ({t.dose})" if t.dose else ""
        print(
            f"{t.id:>4}  {t.name}{dose}, {words.in_sentence(TREATMENT_KIND_NAMES[t.kind])}, "
            f"{treatment_dates(t)}",
            file=out,
        )
        for line in [*comparison_lines(result), relief_line(result.relief)]:
            print(f"      {line}", file=out)
    return 0


def stop_treatment(ctx: CommandContext) -> int:
    journal = ctx.journal()
    if journal.treatments.get(ctx.args.id) is None:
        raise NumbjournalError(_missing(ctx.args.id))
    try:
        stopped = journal.treatments.stop(ctx.args.id, ctx.args.on)
    except ValidationError as exc:
        raise NumbjournalError(_options(exc, stopped="--on")) from None
    print(f"Stopped {stopped.name} (id {stopped.id}): {treatment_dates(stopped)}.", file=ctx.out)
    return 0


def remove_treatment(ctx: CommandContext) -> int:
    removed = ctx.journal().treatments.remove(ctx.args.id)
    if removed is None:
        raise NumbjournalError(_missing(ctx.args.id))
    answers = len(removed.relief)
    extra = f" and its relief answer in {answers} episode" + ("s" if answers != 1 else "")
    print(
        f"Removed {removed.treatment.name} (id {ctx.args.id}){extra if answers else ''}.",
        file=ctx.out,
    )
    return 0


def _missing(treatment_id: int) -> str:
    return f"there is no treatment with id {treatment_id}; 'numbjournal treatment list' lists them"


def _options(exc: ValidationError, **renamed: str) -> str:
    names = {**_OPTIONS, **renamed}
    return "; ".join(f"{names.get(p.field, p.field)}: {p.message}" for p in exc.problems)
