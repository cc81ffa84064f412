"""What every item needs: the run's settings, its scratch folder, cached journals."""

from __future__ import annotations

import importlib
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType

from numbjournal.core.model import Episode

from . import journals
from .harness import probe_env


class NotBuilt(Exception):
    """The code an item measures is not in this checkout yet."""


def need(module: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise NotBuilt(f"{module} is not importable ({exc})") from exc


@dataclass
class RunContext:
    quick: bool = False
    runs: int = 5
    fresh_runs: int = 5
    seed: int = journals.DEFAULT_SEED
    qpa: str = "offscreen"
    scratch: Path = field(
        default_factory=lambda: Path(tempfile.mkdtemp(prefix="numbjournal-bench-"))
    )
    scaling_sizes: tuple[int, ...] = (1_000, 5_000, 20_000, 100_000)
    view_sizes: tuple[int, ...] = (20_000, 100_000)

    def journal(self, count: int) -> Path:
        """The cached generated journal of ``count`` episodes (read-only use)."""
        return journals.cached_journal(count, self.seed)

    def journal_copy(self, count: int, name: str) -> Path:
        """A private copy of the cached journal that an item may change."""
        return journals.private_copy(self.journal(count), self.scratch / name / "journal.sqlite")

    def episodes(self, count: int) -> list[Episode]:
        return _episodes(count, self.seed)

    def env(self) -> dict[str, str]:
        home = self.scratch / "home"
        home.mkdir(exist_ok=True)
        return probe_env(home, self.qpa)


@cache
def _episodes(count: int, seed: int) -> list[Episode]:
    return journals.generate_episodes(count, seed)
