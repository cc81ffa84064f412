"""What to do about a flag, worded for when the episode happened.

An emergency sign that is happening now, or passed less than 48 hours ago,
means calling the emergency number now, even if it has passed (NHS and the
American Stroke Association both say so for stroke and TIA). For an older
episode the flag and its tier stay, but "call now" would be advice nobody
can follow any more: NHS advice after a TIA that has passed and was never
assessed is to make an urgent appointment the same day. Every screen and
report calls :func:`advice_for`, so they cannot disagree.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ..model import Episode
from .flags import Tier
from .settings import DEFAULTS, TriageSettings

RECENT = timedelta(hours=48)
"""An episode that ended less than this long ago still gets "call now"."""

LOCAL_NUMBER = "your local emergency number"
NUMBER_EXAMPLES = "(for example 911, 999, 112, 000)"
DEFAULT_EMERGENCY_NUMBER = f"{LOCAL_NUMBER} {NUMBER_EXAMPLES}"
"""What the advice says when the person has not set their own emergency number."""

SEE_DOCTOR_ADVICE = (
    "Arrange to see a healthcare provider about these symptoms and show them this journal. "
    "If the symptoms get worse or new ones appear, seek care sooner."
)


def is_recent(episode: Episode | None, now: datetime) -> bool:
    """Still going, or ended less than 48 hours before ``now`` (None: a journal pattern).

    The end is the start plus the duration, so a long episode counts from
    when it stopped, not from when it began.
    """
    if episode is None or episode.duration_minutes is None:
        return True
    ended = episode.started_at + timedelta(minutes=episode.duration_minutes)
    return now - ended < RECENT


def call_words(settings: TriageSettings = DEFAULTS) -> str:
    """ "call 999 now", or "call your local emergency number now (for example ...)"."""
    number = settings.emergency_number.strip()
    if number:
        return f"call {number} now"
    return f"call {LOCAL_NUMBER} now {NUMBER_EXAMPLES}"


def advice_for(
    tier: Tier,
    episode: Episode | None = None,
    settings: TriageSettings = DEFAULTS,
    *,
    now: datetime | None = None,
) -> str:
    """The advice to show beside a flag of ``tier`` on ``episode``.

    ``episode`` None means a journal-wide pattern or a draft being typed:
    treated as happening now. ``now`` defaults to the current time.
    """
    call = call_words(settings)
    if tier is Tier.EMERGENCY:
        if is_recent(episode, now or datetime.now(UTC)):
            return (
                f"Seek immediate medical attention: {call}, even if the symptoms have passed. "
                "Do not wait to see whether they come back, and do not drive yourself."
            )
        return (
            "This episode matched an emergency sign. If it was never assessed by a "
            "healthcare professional, make an urgent appointment with a doctor today. "
            f"If any of these signs come back or are happening now, {call}."
        )
    if tier is Tier.URGENT:
        return (
            "Contact a doctor or an urgent-care service today; do not wait for a routine "
            f"appointment. If the symptoms get worse or new ones appear, {call}."
        )
    return SEE_DOCTOR_ADVICE


EMERGENCY_ADVICE = advice_for(Tier.EMERGENCY)
URGENT_ADVICE = advice_for(Tier.URGENT)
