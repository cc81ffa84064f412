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
    urgent = [f for f in flags if getattr(f, "is_emergency", False)]
    other = [f for f in flags if not getattr(f, "is_emergency", False)]
    parts = []
    if urgent:
        parts.append("EMERGENCY: " + ", ".join(_rule(f) for f in urgent))
    if other:
        parts.append("see doctor: " + ", ".join(_rule(f) for f in other))
    return "; ".join(parts)


def advice_for(journal: Journal, episode: Episode) -> list[str]:
    """Lines to print after logging ``episode``: the advice first, then each criterion."""
    triage = _triage()
    if triage is None:
        return []
    flags = triage.evaluate_episode(episode, journal.profile(), triage.load_settings(journal))
    if not flags:
        return []
    lines = []
    if any(f.is_emergency for f in flags):
        lines.append(f"!!! {triage.EMERGENCY_ADVICE}")
    for flag in flags:
        lines.append(f'This episode matches: "{flag.criterion}" ({flag.reason})')
    if not all(f.is_emergency for f in flags):
        lines.append(triage.SEE_DOCTOR_ADVICE)
    lines.append(triage.NOT_A_DIAGNOSIS)
    return lines


def _rule(flag: object) -> str:
    return str(getattr(flag, "rule", flag)).replace("_", " ")
