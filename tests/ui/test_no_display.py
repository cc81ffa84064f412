"""Starting the window where there is no display (an SSH session, a server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from numbjournal.ui import app


@pytest.fixture
def linux_without_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(app.QApplication, "instance", staticmethod(lambda: None))


def test_no_display_gets_one_line_instead_of_a_qt_abort(
    linux_without_display: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal_path = tmp_path / "j.sqlite"
    assert app.run_window(journal_path, []) == 1
    err = capsys.readouterr().err
    assert err.startswith("numbjournal: there is no display to open the window on")
    assert "numbjournal --help" in err and err.count("\n") == 1
    assert not journal_path.exists()


def test_a_display_or_a_chosen_platform_lets_the_window_start(
    linux_without_display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert app.no_display() is not None
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert app.no_display() is None
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.no_display() is None
