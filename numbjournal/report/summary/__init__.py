"""The doctor summary: a document built from the journal, rendered to PDF or a printer."""

from ..pyside_source_scan import stop_keeping_scanned_sources

stop_keeping_scanned_sources()

from .document import Paper, SummaryDocument, SummaryOptions, build_summary  # noqa: E402

__all__ = ["Paper", "SummaryDocument", "SummaryOptions", "build_summary"]
