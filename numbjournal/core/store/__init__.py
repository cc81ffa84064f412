"""SQLite storage behind the Journal service."""

from .importing import ImportResult
from .journal import Journal
from .rows import day_bounds

__all__ = ["ImportResult", "Journal", "day_bounds"]
