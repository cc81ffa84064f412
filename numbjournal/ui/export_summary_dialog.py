"""Export summary (Ctrl+E): choose the range and sections, then save a PDF, preview or print.

All three outputs paint the same summary with the same layout code
(``report.summary.render``); the preview and the printer only differ in the
paint device. Long journals show a progress dialog that can be cancelled,
and a cancelled or failed save leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import words
from ..core.errors import NumbjournalError
from ..core.store import Journal
from ..core.timer import SettingStore
from ..report.summary import Paper, SummaryDocument, SummaryOptions, build_summary, render
from ..report.summary.render import Cancelled, paint_summary, set_up_page, write_pdf
from . import dialogs
from .encryption_dialog import plaintext_export_note
from .forms import DateField
from .patterns_presets import Preset, preset_range
from .progress_window import progress_window

SETTING = "summary.export"
MAX_QUESTIONS = 10_000
PRIVACY_NOTE = (
    "The PDF you save or print leaves numbjournal's protected folder: anyone who can open "
    "the file can read it. Keep it somewhere private and delete it when you no longer need it."
)
PAPER_NAMES = {Paper.A4: "A4", Paper.LETTER: "US Letter"}


TITLE = "Export summary"


def ask_printer(printer: QPrinter, parent: QWidget | None) -> bool:
    """The system print dialog; tests replace this function."""
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def run_preview(preview: QPrintPreviewDialog) -> int:
    """Show the print preview and wait; tests replace this function."""
    return dialogs.run_modal(preview)


class ExportSummaryDialog(QDialog):
    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        settings: SettingStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        # Where the choices are kept: the window passes its service, which owns every write.
        self._settings: SettingStore = settings or journal
        self._today = today
        self.setWindowTitle("Export summary for a doctor")
        self.setMinimumWidth(520)

        intro = QLabel(
            "A summary a clinician can read in a minute: key numbers, where and how often, "
            "and every episode that matched a “seek medical help” criterion."
        )
        intro.setWordWrap(True)

        self.preset = QComboBox()
        self.preset.setAccessibleName("Range")
        for preset in Preset:
            self.preset.addItem(preset.value, preset)
        self.first_edit = _date_edit("From")
        self.last_edit = _date_edit("To")
        dates = QHBoxLayout()
        dates.addWidget(self.first_edit)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.last_edit)
        dates.addStretch(1)

        self.charts = QCheckBox("More charts: duration, severity and time of day")
        self.appendix = QCheckBox("The full episode log as an appendix (many pages)")
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        for paper, name in PAPER_NAMES.items():
            self.paper.addItem(name, paper)
        self.questions = QPlainTextEdit()
        self.questions.setAccessibleName("Questions for the doctor")
        self.questions.setPlaceholderText(
            "Optional: questions you want to ask, one per line. They are printed in the summary."
        )
        self.questions.setTabChangesFocus(True)
        self.questions.setFixedHeight(90)

        form = QFormLayout()
        form.addRow("&Range:", self.preset)
        form.addRow("", _wrap(dates))
        sections = QGroupBox("Sections")
        box = QVBoxLayout(sections)
        always = QLabel(
            "Always included: the overview page and the red-flag events, at most 4 pages."
        )
        always.setWordWrap(True)
        box.addWidget(always)
        box.addWidget(self.charts)
        box.addWidget(self.appendix)
        form.addRow(sections)
        form.addRow("&Questions:", self.questions)
        form.addRow("&Paper:", self.paper)

        privacy = QLabel(PRIVACY_NOTE + plaintext_export_note(journal.path))
        privacy.setWordWrap(True)
        privacy.setObjectName("privacyNote")
        self.pages = QLabel("")
        self.pages.setObjectName("pageCount")
        self.pages.setAccessibleName("Pages in the summary")
        self._count = QTimer(self, singleShot=True, interval=300)
        self._count.timeout.connect(self.count_pages)
        self._built: tuple[SummaryOptions, SummaryDocument] | None = None
        self._counted: dict[SummaryOptions, int] = {}
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox()
        self.save_button = QPushButton("&Save PDF…")
        self.preview_button = QPushButton("Print pre&view…")
        self.print_button = QPushButton("&Print…")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_pdf)
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button.clicked.connect(self.print_summary)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_summary)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(privacy)
        layout.addWidget(self.pages)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.preset.currentIndexChanged.connect(self._preset_changed)
        self._restore()
        for signal in (
            self.preset.currentIndexChanged,
            self.first_edit.dateChanged,
            self.last_edit.dateChanged,
            self.charts.toggled,
            self.appendix.toggled,
            self.paper.currentIndexChanged,
            self.questions.textChanged,
        ):
            signal.connect(self._options_changed)
        self._options_changed()

    # -- choices ----------------------------------------------------------

    def options(self) -> SummaryOptions:
        """What the person chose; a ValueError says what is wrong with it."""
        first = self.first_edit.date().toPython()
        last = self.last_edit.date().toPython()
        preset = self.preset.currentData()
        if preset is Preset.ALL:
            first_day: date | None = None
            last_day: date | None = None
        else:
            first_day, last_day = first, last  # type: ignore[assignment]
            if first > last:  # type: ignore[operator]
                raise ValueError("The range starts after it ends: choose a “From” date first.")
        questions = self.questions.toPlainText().strip()
        if len(questions) > MAX_QUESTIONS:
            raise ValueError(
                f"The questions are {len(questions):,} characters long; "
                f"at most {MAX_QUESTIONS:,} fit."
            )
        return SummaryOptions(
            first=first_day,
            last=last_day,
            charts=self.charts.isChecked(),
            appendix=self.appendix.isChecked(),
            questions=questions,
            paper=Paper(self.paper.currentData()),
        )

    def _preset_changed(self) -> None:
        preset = self.preset.currentData()
        custom = preset is Preset.CUSTOM
        self.first_edit.setEnabled(custom)
        self.last_edit.setEnabled(custom)
        if not custom:
            first, last = preset_range(preset, self._today())
            if first is not None and last is not None:
                self.first_edit.setDate(_qdate(first))
                self.last_edit.setDate(_qdate(last))
        self.first_edit.setVisible(preset is not Preset.ALL)
        self.last_edit.setVisible(preset is not Preset.ALL)

    def _restore(self) -> None:
        saved = self._settings.setting(SETTING, {})
        saved = saved if isinstance(saved, dict) else {}
        names = {preset.name: preset for preset in Preset}
        preset = names.get(str(saved.get("range", "")), Preset.DAYS_90)
        self.charts.setChecked(bool(saved.get("charts", False)))
        self.appendix.setChecked(bool(saved.get("appendix", False)))
        paper = saved.get("paper")
        self.paper.setCurrentIndex(
            self.paper.findData(Paper(paper) if paper in set(Paper) else render.local_paper())
        )
        today = self._today()
        self.first_edit.setDate(_qdate(today))
        self.last_edit.setDate(_qdate(today))
        self.preset.setCurrentIndex(self.preset.findData(preset))
        self._preset_changed()

    def _remember(self, options: SummaryOptions) -> None:
        """Keep the choices (not the questions) for next time, with the journal."""
        choice = {
            "range": self.preset.currentData().name,
            "charts": options.charts,
            "appendix": options.appendix,
            "paper": str(options.paper),
        }
        if self._settings.setting(SETTING, {}) != choice:
            self._settings.set_setting(SETTING, choice)

    def _options_changed(self) -> None:
        self.pages.setText("Counting the pages…")
        self._count.start()

    def count_pages(self) -> int | None:
        """Say how many pages the summary will have, before anything is written.

        Years of episodes with the full log take seconds to lay out: past a
        moment a progress window shows, and Cancel stops the count.
        """
        self._count.stop()
        try:
            options = self.options()
            pages = self._counted.get(options)
            if pages is None:
                with progress_window(self, TITLE, "Counting the pages…") as report:

                    def say(what: str) -> None:
                        report(0.0, what)

                    document = self._build(options, say)
                    pages = render.count_pages(document, options.paper, report)
        except Cancelled:
            self.pages.setText("Counting stopped; the count is shown when you choose again.")
            return None
        except (ValueError, NumbjournalError) as exc:
            self.pages.setText(f"The pages could not be counted: {exc}")
            return None
        self._counted[options] = pages
        self.pages.setText(f"The summary will have {_pages(pages)}.")
        return pages

    def _build(
        self, options: SummaryOptions, say: Callable[[str], None] | None = None
    ) -> SummaryDocument:
        """The summary for ``options``, made once while the choices stay the same."""
        if self._built is None or self._built[0] != options:
            made = build_summary(self.journal, options, today=self._today(), progress=say)
            self._built = (options, made)
        return self._built[1]

    # -- outputs ----------------------------------------------------------

    def save_pdf(self) -> Path | None:
        document = self._document()
        if document is None:
            return None
        options = self.options()
        suggested = Path.home() / _file_name(document)
        path = dialogs.save_path(self, "Save the summary as PDF", suggested, "PDF (*.pdf)")
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        pages = self._run(lambda progress: write_pdf(document, path, options.paper, progress))
        if pages is None:
            return None
        self._remember(options)
        self.status.setText(f"Saved the summary ({_pages(pages)}) to {path}.")
        return path

    def print_preview(self) -> None:
        document = self._document()
        if document is None:
            return
        printer = self._printer()
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle("Print preview: summary for a doctor")
        preview.paintRequested.connect(lambda device: self._paint(document, device))
        run_preview(preview)
        self._remember(self.options())

    def print_summary(self) -> None:
        document = self._document()
        if document is None:
            return
        printer = self._printer()
        if not ask_printer(printer, self):
            return
        pages = self._paint(document, printer)
        if pages is not None:
            self._remember(self.options())
            self.status.setText(f"Sent the summary ({_pages(pages)}) to the printer.")

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("Leg numbness journal summary")
        printer.setCreator("numbjournal")
        set_up_page(printer, self.options().paper)
        return printer

    def _paint(self, document: SummaryDocument, printer: QPrinter) -> int | None:
        return self._run(
            lambda progress: paint_summary(document, printer, printer.resolution(), progress)
        )

    def _document(self) -> SummaryDocument | None:
        try:
            options = self.options()
        except ValueError as exc:
            dialogs.show_error(self, TITLE, str(exc))
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self._build(options)
        except NumbjournalError as exc:
            problem = str(exc)
        finally:
            QApplication.restoreOverrideCursor()
        dialogs.show_error(self, TITLE, f"The summary could not be made: {problem}")
        return None

    def _run(self, work: Callable[[Callable[[float, str], bool]], int]) -> int | None:
        """Do ``work`` behind a cancellable progress dialog; None if stopped or failed."""
        try:
            with progress_window(self, TITLE, "Making the summary…") as report:
                return work(report)
        except Cancelled:
            self.status.setText("Stopped; nothing was saved or printed.")
            return None
        except (NumbjournalError, OSError) as exc:
            dialogs.show_error(self, TITLE, f"The summary was not written: {exc}")
            return None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(name: str) -> DateField:
    edit = DateField(name)
    return edit


def _wrap(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder


def _file_name(document: SummaryDocument) -> str:
    if document.span is None:
        return "numbness-summary.pdf"
    return f"numbness-summary-{document.span.first}-to-{document.span.last}.pdf"


def _pages(count: int) -> str:
    return words.count(count, "page")
