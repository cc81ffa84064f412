"""numbjournal's benchmarks: speed and memory against floors measured in the same run.

Run with ``python -m benchmarks``; docs/performance.md says what each item
measures. Not part of the test suite.
"""
