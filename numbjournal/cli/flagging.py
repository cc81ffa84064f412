"""Medical-help flags for the command line, when the triage rules are installed.

``list`` shows a flags column and ``log`` prints the advice for a new
episode straight away, because stroke-like signs must not wait for the
person to open the window.
"""

from __future__ import annotations

from types import ModuleType

from ..core.model import Episode
from ..core.store import Journal


def _triage() -> ModuleType | None:
    try:
        from ..core import triage
    except ImportError:
        return None
    return triage


def journal_flags(journal: Journal) -> dict[int, list[object]] | None:
    """Flags per episode id, or None when this build has no triage rules."""
    triage = _triage()
    if triage is None:
        return None
    result = triage.evaluate_journal(
        journal.episodes(), journal.profile(), triage.load_settings(journal)
    )
    return dict(result.episodes)


def flag_summary(flags: list[object]) -> str:
    """ "EMERGENCY: stroke signs" / "see doctor: pain, persistent" for one table cell."""
    emergency = [f for f in flags if getattr(f, "is_emergency", False)]
    urgent = [f for f in flags if str(getattr(f, "tier", "")) == "urgent"]
    other = [f for f in flags if f not in emergency and f not in urgent]
    parts = []
    if emergency:
        parts.append("EMERGENCY: " + ", ".join(_rule(f) for f in emergency))
    if urgent:
        parts.append("URGENT (today): " + ", ".join(_rule(f) for f in urgent))
    if other:
        parts.append("see doctor: " + ", ".join(_rule(f) for f in other))
    return "; ".join(parts)


def advice_for(journal: Journal, episode: Episode) -> list[str]:
    """Lines to print after logging ``episode``: the advice first, then each criterion."""
    triage = _triage()
    if triage is None:
        return []
    settings = triage.load_settings(journal)
    flags = triage.evaluate_episode(episode, journal.profile(), settings)
    if not flags:
        return []
    top = triage.top_tier(flags)
    lines = []
    if top is not triage.Tier.SEE_DOCTOR:
        mark = "!!!" if top is triage.Tier.EMERGENCY else "!"
        lines.append(f"{mark} {triage.advice_for(top, episode, settings)}")
    for flag in flags:
        lines.append(f'This episode matches: "{flag.criterion}" ({flag.reason})')
    if any(f.tier is triage.Tier.SEE_DOCTOR for f in flags):
        lines.append(triage.SEE_DOCTOR_ADVICE)
    lines.append(triage.NOT_A_DIAGNOSIS)
    return lines


def _rule(flag: object) -> str:
    return str(getattr(flag, "rule", flag)).replace("_", " ")
