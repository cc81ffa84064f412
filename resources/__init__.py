"""Data files shipped with numbjournal (body map, icons, desktop entry)."""
