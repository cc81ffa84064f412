"""The layers hold: the contracts in pyproject.toml, checked in every test run.

core imports no Qt, matplotlib, report, ui or cli; report no ui or cli; and no
package or module imports another that imports it back. A wrong-way import
fails here with import-linter's report of the offending line.
"""

from __future__ import annotations

from pathlib import Path

from importlinter import cli as lint

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_every_import_goes_the_right_way() -> None:
    status = lint.lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True)
    assert status == 0, "a contract is broken: see the report above (lint-imports)"
