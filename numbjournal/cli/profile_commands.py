"""``numbjournal profile``: the person's name, date of birth and known conditions.

Conditions matter beyond the record: the triage rules flag episodes of a
person with a condition the article names (diabetes, MS, a recent injury).
"""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from typing import Any

from ..core import words
from ..core.errors import NumbjournalError, ValidationError
from ..core.model import Condition, ConditionEntry
from .context import CommandContext
from .options import choice, date_argument

PROFILE_EXAMPLES = """examples:
  numbjournal profile
  numbjournal profile add diabetes --since 2019-03-01
  numbjournal profile add recent_injury --since 2026-11-01 --note "twisted left knee"
  numbjournal profile remove 2
  numbjournal profile set --name "Alex Example" --date-of-birth 1968-04-02

conditions: {conditions}"""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    epilog = PROFILE_EXAMPLES.format(conditions=", ".join(Condition))
    parser = subparsers.add_parser(
        "profile",
        parents=[common],
        help="show or change your profile (name, date of birth, conditions)",
        description="Show the profile; 'add', 'remove' and 'set' change it.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=show_profile)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))

    add = actions.add_parser(
        "add",
        parents=[common],
        help="add a known condition",
        description="Add a condition you have been diagnosed with.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("condition", metavar="CONDITION", help="one of the conditions below")
    add.add_argument("--since", type=date_argument, metavar="DATE", help="since when (YYYY-MM-DD)")
    add.add_argument("--note", default="", metavar="TEXT", help="anything to add, e.g. the type")
    add.set_defaults(handler=add_condition)

    remove = actions.add_parser(
        "remove",
        parents=[common],
        help="remove a condition by its id",
        description="Remove a condition; 'numbjournal profile' shows the ids.",
        epilog="example:\n  numbjournal profile remove 2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    remove.add_argument("id", type=int, metavar="ID", help="the condition's id")
    remove.set_defaults(handler=remove_condition)

    change = actions.add_parser(
        "set",
        parents=[common],
        help="set your name or date of birth",
        description="Set the name and date of birth shown on the doctor summary. "
        "An empty value clears it.",
        epilog='examples:\n  numbjournal profile set --name "Alex Example"\n'
        "  numbjournal profile set --date-of-birth 1968-04-02\n"
        '  numbjournal profile set --date-of-birth ""',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    change.add_argument("--name", metavar="TEXT")
    change.add_argument("--date-of-birth", metavar="DATE", help="YYYY-MM-DD")
    change.set_defaults(handler=set_details)


def show_profile(ctx: CommandContext) -> int:
    profile = ctx.journal().profile()
    out = ctx.out
    print(f"Name:          {profile.name or '(not set)'}", file=out)
    born = profile.date_of_birth.isoformat() if profile.date_of_birth else "(not set)"
    print(f"Date of birth: {born}", file=out)
    if not profile.conditions:
        print(
            "Conditions:    none recorded. Add one with: numbjournal profile add CONDITION",
            file=out,
        )
        return 0
    print("Conditions:", file=out)
    for entry in profile.conditions:
        since = f", since {entry.since.isoformat()}" if entry.since else ""
        note = f" ({entry.note})" if entry.note else ""
        print(f"  {entry.id:>4}  {words.name(entry.condition)}{since}{note}", file=out)
    return 0


def add_condition(ctx: CommandContext) -> int:
    args = ctx.args
    try:
        condition = Condition(choice(Condition, "CONDITION", args.condition))
    except ValueError as exc:
        raise NumbjournalError(str(exc)) from None
    entry = ConditionEntry(condition, args.since, args.note)
    try:
        saved = ctx.journal().add_condition(entry)
    except ValidationError as exc:
        raise NumbjournalError(_options(exc)) from None
    print(f"Added {words.name(saved.condition).lower()} (id {saved.id}).", file=ctx.out)
    return 0


def remove_condition(ctx: CommandContext) -> int:
    removed = ctx.journal().remove_condition(ctx.args.id)
    if removed is None:
        raise NumbjournalError(
            f"there is no condition with id {ctx.args.id}; 'numbjournal profile' lists them"
        )
    print(f"Removed {words.name(removed.condition).lower()} (id {ctx.args.id}).", file=ctx.out)
    return 0


def set_details(ctx: CommandContext) -> int:
    args = ctx.args
    if args.name is None and args.date_of_birth is None:
        raise NumbjournalError("give --name or --date-of-birth (or both)")
    changes: dict[str, Any] = {}
    if args.name is not None:
        changes["name"] = args.name.strip()
    if args.date_of_birth is not None:
        changes["date_of_birth"] = _birth_date(args.date_of_birth)
    journal = ctx.journal()
    try:
        journal.set_profile(dataclasses.replace(journal.profile(), **changes))
    except ValidationError as exc:
        raise NumbjournalError(_options(exc)) from None
    print("Profile saved.", file=ctx.out)
    return 0


def _birth_date(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date_argument(text)
    except argparse.ArgumentTypeError as exc:
        raise NumbjournalError(f"--date-of-birth: {exc}") from None


def _options(exc: ValidationError) -> str:
    names = {
        "since": "--since",
        "note": "--note",
        "condition": "CONDITION",
        "name": "--name",
        "date_of_birth": "--date-of-birth",
    }
    return "; ".join(f"{names.get(p.field, p.field)}: {p.message}" for p in exc.problems)
