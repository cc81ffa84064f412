"""The doctor summary: a document built from the journal, rendered to PDF or a printer."""

from .document import Paper, SummaryDocument, SummaryOptions, build_summary

__all__ = ["Paper", "SummaryDocument", "SummaryOptions", "build_summary"]
