"""Start-up: arguments, logging, the journal's path, then a command or the window.

The journal is opened (and migrated) by the command or the window itself,
before anything is drawn; nothing touches the disk at import time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from .cli import run

    return run(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
