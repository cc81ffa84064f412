"""The PySide6 window, built on the core journal service."""
