"""``numbjournal settings``: show and change the flag thresholds stored with the journal."""

from __future__ import annotations

import argparse
import dataclasses
import json
import textwrap
from typing import Any

from ..core.triage import SETTINGS, SettingSpec, load_settings, save_settings, spec_for
from ..core.triage.settings import DEFAULTS
from .context import CommandContext


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    names = ", ".join(spec.name for spec in SETTINGS)
    parser = subparsers.add_parser(
        "settings",
        parents=[common],
        help="show or change the thresholds and switches of the flags",
        description="Show the flag settings stored with the journal, with their defaults "
        "and what they do; 'set KEY VALUE' changes one, 'reset [KEY]' goes back to the "
        f"default. Settings: {names}.",
    )
    parser.add_argument("--json", action="store_true", help="print the settings as JSON")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    set_parser = actions.add_parser(
        "set", parents=[common], help="change one setting", description="Change one setting."
    )
    set_parser.add_argument("key", metavar="KEY", help="e.g. persistent_minutes")
    set_parser.add_argument("value", metavar="VALUE", help="a whole number, or on/off")
    set_parser.set_defaults(handler=set_setting)
    reset_parser = actions.add_parser(
        "reset",
        parents=[common],
        help="go back to the default of one setting, or of all",
        description="Go back to the default of KEY, or of every setting without KEY.",
    )
    reset_parser.add_argument("key", metavar="KEY", nargs="?")
    reset_parser.set_defaults(handler=reset_settings)
    parser.set_defaults(handler=show_settings)


def show_settings(ctx: CommandContext) -> int:
    current = load_settings(ctx.journal())
    if ctx.args.json:
        values = {spec.key: getattr(current, spec.name) for spec in SETTINGS}
        json.dump(values, ctx.out, indent=2)
        ctx.out.write("\n")
        return 0
    ctx.out.write(f"Flag settings stored in {ctx.journal_path}:\n\n")
    for spec in SETTINGS:
        ctx.out.write(_describe(spec, getattr(current, spec.name)))
    ctx.out.write(
        "Change one with: numbjournal settings set KEY VALUE\n"
        "Back to the default with: numbjournal settings reset [KEY]\n"
    )
    return 0


def set_setting(ctx: CommandContext) -> int:
    spec = spec_for(ctx.args.key)
    value = spec.parse(ctx.args.value)
    journal = ctx.journal()
    change: dict[str, Any] = {spec.name: value}
    changed = dataclasses.replace(load_settings(journal), **change)
    save_settings(journal, changed)
    ctx.out.write(_value_line(spec, value))
    return 0


def reset_settings(ctx: CommandContext) -> int:
    journal = ctx.journal()
    if ctx.args.key is None:
        save_settings(journal, DEFAULTS)
        ctx.out.write("Every flag setting is back to its default.\n")
        return 0
    spec = spec_for(ctx.args.key)
    change: dict[str, Any] = {spec.name: spec.default}
    changed = dataclasses.replace(load_settings(journal), **change)
    save_settings(journal, changed)
    ctx.out.write(_value_line(spec, spec.default))
    return 0


def _value_line(spec: SettingSpec, value: int | bool | str) -> str:
    note = "the default" if value == spec.default else f"default {spec.show(spec.default)}"
    return f"{spec.key} = {spec.show(value)}  ({note})\n"


def _describe(spec: SettingSpec, value: int | bool | str) -> str:
    text = textwrap.fill(spec.description, 84, initial_indent="    ", subsequent_indent="    ")
    if spec.is_switch:
        bounds = "on or off"
    elif spec.is_text:
        bounds = "a telephone number, or empty"
    else:
        bounds = f"{spec.low} to {spec.high}"
    return _value_line(spec, value) + f"{text}\n    (allowed: {bounds})\n\n"
