"""Commands: import and export (issue 2; pdf export: issue 6)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Registers nothing yet; filled in by its issue in this session."""
