"""Medical-help flags: which "seek medical help" criteria an episode or the journal meets.

No Qt here: the editor's banner, the flags view, the command line and the
doctor summary all call the same functions, so they cannot disagree.
"""

from .advice import (
    DEFAULT_EMERGENCY_NUMBER,
    EMERGENCY_ADVICE,
    SEE_DOCTOR_ADVICE,
    URGENT_ADVICE,
    advice_for,
    is_recent,
)
from .article_rules import ARTICLE_RULES
from .engine import (
    EPISODE_RULES,
    evaluate_episode,
    evaluate_episodes,
    evaluate_journal,
    revise_journal,
    settled_within_the_hour,
)
from .flags import (
    CONDITION_RULE,
    NOT_A_DIAGNOSIS,
    Flag,
    JournalFlags,
    Source,
    Tier,
    emergencies_first,
    only_conditions,
    top_tier,
)
from .guidance_rules import GUIDANCE_RULES
from .journal_rules import JOURNAL_RULES
from .rule import JournalView, Rule, Situation
from .settings import (
    SETTINGS,
    SettingSpec,
    TriageSettings,
    load_settings,
    save_settings,
    spec_for,
    validate_settings,
)

__all__ = [
    "ARTICLE_RULES",
    "CONDITION_RULE",
    "DEFAULT_EMERGENCY_NUMBER",
    "EMERGENCY_ADVICE",
    "EPISODE_RULES",
    "GUIDANCE_RULES",
    "JOURNAL_RULES",
    "NOT_A_DIAGNOSIS",
    "SEE_DOCTOR_ADVICE",
    "SETTINGS",
    "URGENT_ADVICE",
    "Flag",
    "JournalFlags",
    "JournalView",
    "Rule",
    "SettingSpec",
    "Situation",
    "Source",
    "Tier",
    "TriageSettings",
    "advice_for",
    "emergencies_first",
    "evaluate_episode",
    "evaluate_episodes",
    "evaluate_journal",
    "is_recent",
    "load_settings",
    "only_conditions",
    "revise_journal",
    "save_settings",
    "settled_within_the_hour",
    "spec_for",
    "top_tier",
    "validate_settings",
]
