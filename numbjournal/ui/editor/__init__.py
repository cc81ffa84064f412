"""The episode editor dialog and its parts."""

from .dialog import EpisodeEditor, confirm_discard

__all__ = ["EpisodeEditor", "confirm_discard"]
