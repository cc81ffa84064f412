"""PySide6's scan of newly imported modules gives the same answers and keeps no source."""

from __future__ import annotations

import importlib
import linecache
import sys
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from numbjournal.report.pyside_source_scan import stop_keeping_scanned_sources

USES_QT = "from PySide6.QtCore import QObject\n"
PLAIN = "ANSWER = 42\n"


@pytest.fixture
def scan() -> Any:
    stop_keeping_scanned_sources()
    return sys.modules["shibokensupport.feature"]


@pytest.fixture
def on_path(tmp_path: Path) -> Iterator[Path]:
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))


def _import(name: str) -> Any:
    """As an ``import`` statement does: through ``builtins.__import__``, where PySide6 listens."""
    return __import__(name)


def _write_module(folder: Path, text: str) -> str:
    name = f"scanned_{uuid.uuid4().hex}"
    (folder / f"{name}.py").write_text(text, encoding="utf-8")
    importlib.invalidate_caches()
    return name


def test_a_module_imported_after_pyside_leaves_no_source_in_memory(scan: Any, on_path: Path):
    name = _write_module(on_path, PLAIN * 2000)
    module = _import(name)
    assert module.ANSWER == 42
    assert name in scan.pyside_feature_dict  # PySide6 did look at it
    assert module.__file__ not in linecache.cache


def test_pyside_still_tells_modules_that_use_it_from_those_that_do_not(scan: Any, on_path: Path):
    uses_qt = _write_module(on_path, USES_QT)
    plain = _write_module(on_path, PLAIN)
    _import(uses_qt)
    _import(plain)
    assert scan.pyside_feature_dict[uses_qt] == 0
    assert scan.pyside_feature_dict[plain] == -1


def test_a_module_without_a_file_of_its_own_gets_pyside_own_scan_and_nothing_kept(
    scan: Any, tmp_path: Path
):
    """A packaged app's modules live in an archive: PySide6 reads them its way."""
    name = f"zipped_{uuid.uuid4().hex}"
    archive = tmp_path / "modules.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(f"{name}.py", USES_QT)
    sys.path.insert(0, str(archive))
    try:
        module = _import(name)
    finally:
        sys.path.remove(str(archive))
    assert scan.pyside_feature_dict[name] == 0
    assert module.__file__ not in linecache.cache


def test_installing_again_does_not_wrap_the_scan_twice(scan: Any):
    installed = scan._mod_uses_pyside
    stop_keeping_scanned_sources()
    assert scan._mod_uses_pyside is installed
    assert not hasattr(installed.__wrapped__, "__wrapped__")
