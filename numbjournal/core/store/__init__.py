"""SQLite storage behind the Journal service."""

from .journal import ImportResult, Journal
from .rows import day_bounds

__all__ = ["ImportResult", "Journal", "day_bounds"]
