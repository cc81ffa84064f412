"""``numbjournal install-desktop-entry``: a menu entry and icon in the user's XDG data folder."""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

import pytest

from numbjournal.cli import run


def test_installs_entry_and_icons_into_xdg_data_home(
    journal_path: Path, private_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    code = run(["--db", str(journal_path), "install-desktop-entry"])
    assert code == 0
    data = Path(os.environ["XDG_DATA_HOME"])
    entry = data / "applications" / "numbjournal.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(entry.read_text(encoding="utf-8"))
    section = parser["Desktop Entry"]
    assert section["Name"] == "numbjournal"
    assert section["Icon"] == "numbjournal"
    assert section["Type"] == "Application"
    assert "numbjournal" in section["Exec"]
    svg = data / "icons" / "hicolor" / "scalable" / "apps" / "numbjournal.svg"
    png = data / "icons" / "hicolor" / "256x256" / "apps" / "numbjournal.png"
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert str(entry) in capsys.readouterr().out
    assert not journal_path.exists(), "installing a menu entry must not create a journal"


def test_other_platforms_get_a_clear_message(
    journal_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    code = run(["--db", str(journal_path), "install-desktop-entry"])
    assert code == 1
    err = capsys.readouterr().err
    assert "only on Linux" in err
    assert "numbjournal-gui" in err
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "applications").exists()
