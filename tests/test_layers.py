"""The layers hold: the contracts in pyproject.toml, checked in every test run.

core imports no Qt, matplotlib, report, ui or cli; report no ui or cli; and no
package or module imports another that imports it back. A wrong-way import
fails here with import-linter's report of the offending line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"

# In a child Python: import-linter sets up logging its own way, which would
# silence the log records later tests look for.
LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))"
)


def test_every_import_goes_the_right_way() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LINT, str(PYPROJECT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
