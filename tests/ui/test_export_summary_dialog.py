"""The Export summary dialog: saving, previewing and printing the same summary."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from numbjournal.core.model import Episode, Location, Profile, Symptom
from numbjournal.core.store import Journal
from numbjournal.report.summary import Paper
from numbjournal.ui import dialogs, export_summary_dialog, progress_window
from numbjournal.ui.export_summary_dialog import SETTING, ExportSummaryDialog
from numbjournal.ui.patterns_presets import Preset

TODAY = date(2026, 11, 25)
TZ = timezone(timedelta(hours=1))


@pytest.fixture
def filled(journal: Journal) -> Journal:
    journal.import_all(
        [
            Episode(datetime(2026, 11, 10, 8, tzinfo=TZ), 6, (Location.LEFT_TOES,)),
            Episode(
                datetime(2026, 11, 14, 19, 30, tzinfo=TZ),
                20,
                (Location.FACE, Location.LEFT_CALF),
                symptoms=(Symptom.CONFUSION,),
            ),
            Episode(datetime(2025, 1, 3, 8, tzinfo=TZ), 6, (Location.LEFT_TOES,)),
        ]
    )
    journal.set_profile(Profile(name="Ada Example"))
    return journal


def _dialog(qtbot: QtBot, journal: Journal) -> ExportSummaryDialog:
    dialog = ExportSummaryDialog(journal, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_save_pdf_writes_a_private_summary_of_the_chosen_range(
    qtbot: QtBot, filled: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "for the doctor"
    monkeypatch.setattr(dialogs, "save_path", lambda *_args: chosen)
    dialog = _dialog(qtbot, filled)
    assert dialog.preset.currentData() is Preset.DAYS_90
    dialog.charts.setChecked(True)
    qtbot.keyClicks(dialog.questions, "Is this my back?")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    written = tmp_path / "for the doctor.pdf"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = _text(written)
    assert "Range: 2026-08-28 to 2026-11-25 (90 days) · 2 episodes" in text
    assert "2026-11-14 19:30 (Sat)" in text
    assert "More charts" in text and "Is this my back?" in text
    assert "2025-01-03" not in text  # outside the range
    assert dialog.status.text().startswith("Saved the summary (")
    assert filled.setting(SETTING) == {
        "range": "DAYS_90",
        "charts": True,
        "appendix": False,  # the full log only when asked
        "paper": str(dialog.paper.currentData()),
    }


def test_last_12_months_on_29_february(qtbot: QtBot, filled: Journal) -> None:
    # The dialog crashed on opening with "Last 12 months" chosen on a leap day.
    filled.set_setting(SETTING, {"range": Preset.YEAR.name})
    dialog = ExportSummaryDialog(filled, today=lambda: date(2024, 2, 29))
    qtbot.addWidget(dialog)
    assert dialog.preset.currentData() is Preset.YEAR
    options = dialog.options()
    assert (options.first, options.last) == (date(2023, 3, 1), date(2024, 2, 29))


def test_choices_come_back_next_time(qtbot: QtBot, filled: Journal) -> None:
    filled.set_setting(
        SETTING, {"range": "ALL", "charts": True, "appendix": False, "paper": "letter"}
    )
    dialog = _dialog(qtbot, filled)

    assert dialog.preset.currentData() is Preset.ALL
    assert dialog.charts.isChecked() and not dialog.appendix.isChecked()
    options = dialog.options()
    assert (options.first, options.last, options.paper) == (None, None, Paper.LETTER)
    assert not dialog.first_edit.isVisible()


def test_preview_and_printer_paint_the_same_summary(
    qtbot: QtBot, filled: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previewed = tmp_path / "preview.pdf"
    printed = tmp_path / "printed.pdf"

    def preview(dialog: QPrintPreviewDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(previewed))
        dialog.paintRequested.emit(printer)
        return 0

    def choose_printer(printer: QPrinter, _parent: QWidget | None) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(export_summary_dialog, "run_preview", preview)
    monkeypatch.setattr(export_summary_dialog, "ask_printer", choose_printer)
    dialog = _dialog(qtbot, filled)

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    for path in (previewed, printed):
        text = _text(path)
        assert "Ada Example" in text and "Page 1 of" in text
        assert "2026-11-14 19:30 (Sat)" in text
    assert dialog.status.text().startswith("Sent the summary (")


def test_a_backwards_custom_range_is_refused_with_a_message(
    qtbot: QtBot, filled: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: errors.append(text))
    monkeypatch.setattr(dialogs, "save_path", lambda *_a: pytest.fail("no file to choose"))
    dialog = _dialog(qtbot, filled)
    dialog.preset.setCurrentIndex(dialog.preset.findData(Preset.CUSTOM))
    dialog.first_edit.setDate(QDate(2026, 11, 20))
    dialog.last_edit.setDate(QDate(2026, 11, 1))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert errors == ["The range starts after it ends: choose a “From” date first."]
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_dialog_says_the_file_leaves_the_protected_folder(
    qtbot: QtBot, filled: Journal
) -> None:
    dialog = _dialog(qtbot, filled)
    note = dialog.findChild(QWidget, "privacyNote")

    assert note is not None and note.isVisible()
    assert "leaves numbjournal's protected folder" in note.text()  # type: ignore[attr-defined]


def test_the_page_count_shows_before_writing_and_the_log_is_left_out_by_default(
    qtbot: QtBot, filled: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, filled)

    assert not dialog.appendix.isChecked(), "the full log only when asked"
    qtbot.waitUntil(lambda: dialog.pages.text().startswith("The summary will have"))
    assert dialog.pages.text() == "The summary will have 2 pages."

    dialog.appendix.setChecked(True)
    assert dialog.pages.text() == "Counting the pages…"
    qtbot.waitUntil(lambda: dialog.pages.text() == "The summary will have 3 pages.")

    chosen = tmp_path / "counted.pdf"
    monkeypatch.setattr(dialogs, "save_path", lambda *_args: chosen)
    dialog.save_pdf()
    assert len(PdfReader(chosen).pages) == 3, "the count is what gets written"


def test_a_long_page_count_can_be_cancelled_and_says_so(
    qtbot: QtBot, filled: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Years of episodes with the full log take seconds to count: the progress
    window's Cancel stops the count instead of leaving the dialog frozen."""
    dialog = _dialog(qtbot, filled)
    qtbot.waitUntil(lambda: dialog.pages.text().startswith("The summary will have"))

    class Cancelled(QProgressDialog):
        def wasCanceled(self) -> bool:
            return True

    monkeypatch.setattr(progress_window, "QProgressDialog", Cancelled)
    dialog.appendix.setChecked(True)
    qtbot.waitUntil(lambda: dialog.pages.text().startswith("Counting stopped"))
    assert dialog.save_button.isEnabled(), "the dialog stays usable"

    monkeypatch.undo()
    dialog.appendix.setChecked(False)
    dialog.appendix.setChecked(True)
    qtbot.waitUntil(lambda: dialog.pages.text() == "The summary will have 3 pages.")
