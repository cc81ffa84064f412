"""Timing, fresh-process probes, the result table and its JSON form.

A figure is the median of several runs; an item and its floor are run
alternately so that load from elsewhere on the machine hits both alike.
"""

from __future__ import annotations

import json
import math
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PROBE_TIMEOUT_S = 120
MB = 1024 * 1024


@dataclass
class Row:
    """One line of the table: a figure, its floor, and what it must stay under."""

    item: str
    figure: float
    unit: str = "ms"  # "ms": times (stored in seconds); "MB": memory (bytes); "exp": exponent
    floor: float | None = None
    max_ratio: float | None = None
    max_figure: float | None = None
    peak_bytes: float | None = None
    note: str = ""
    samples: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.figure / self.floor

    @property
    def passed(self) -> bool | None:
        checks: list[bool] = []
        if self.max_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.max_ratio)
        if self.max_figure is not None:
            checks.append(self.figure <= self.max_figure)
        return all(checks) if checks else None

    def target_text(self) -> str:
        parts = []
        if self.max_figure is not None:
            parts.append(f"<{_amount(self.max_figure, self.unit)}")
        if self.max_ratio is not None:
            parts.append(f"<={self.max_ratio:g}x")
        return " & ".join(parts) or "-"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(ratio=self.ratio, passed=self.passed, target=self.target_text())
        return data


def _amount(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value / MB:.1f} MB"
    if unit == "exp":
        return f"{value:.2f}"
    return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.2f} s"


def median_of(
    runs: int, item: Callable[[], float], floor: Callable[[], float] | None = None
) -> tuple[list[float], list[float]]:
    """Run ``item`` (and ``floor``) ``runs`` times, alternating; each returns seconds."""
    item_times: list[float] = []
    floor_times: list[float] = []
    for _ in range(runs):
        if floor is not None:
            floor_times.append(floor())
        item_times.append(item())
    return item_times, floor_times


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def python_peak(action: Callable[[], object]) -> int:
    """Peak bytes the Python heap grew by during ``action`` (tracemalloc, one extra run)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def max_rss_bytes() -> int:
    """This process's peak resident memory.

    On Linux this is VmHWM: ru_maxrss survives fork and exec, so a probe
    started by a big benchmark process would report its parent's size.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def probe_env(home: Path, qpa: str) -> dict[str, str]:
    """A private home for the child: no real data, settings or caches are touched."""
    env = dict(os.environ)
    env["HOME"] = str(home)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    env.pop("NUMBJOURNAL_DB", None)
    # Compiled modules are cached, as after any install: compiling numbjournal's
    # sources again on every start is not what a person waits for.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["QT_QPA_PLATFORM"] = qpa
    # A stable matplotlib cache, as a person has after the first run.
    env["MPLCONFIGDIR"] = str(Path(tempfile.gettempdir()) / "numbjournal-bench-cache" / "mpl")
    return env


def run_probe(name: str, args: Sequence[str], env: dict[str, str]) -> dict[str, Any]:
    """Run one probe in a fresh interpreter; ``elapsed`` counts from just before spawn."""
    command = [sys.executable, "-m", "benchmarks.probes", name, *args]
    started = time.monotonic()
    done = subprocess.run(
        command,
        env=env,
        capture_output=True,
        text=True,
        timeout=PROBE_TIMEOUT_S,
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(
            f"probe {name} failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}"
        )
    report: dict[str, Any] = json.loads(lines[-1])
    if "at" in report:
        report["elapsed"] = report["at"] - started
    return report


COMMAND_VARIABLE = "NUMBJOURNAL_COMMAND"


def numbjournal_command() -> list[str]:
    """The command to time: ``$NUMBJOURNAL_COMMAND`` (split like a shell would), else the
    ``numbjournal`` script installed beside this interpreter (or on PATH)."""
    given = os.environ.get(COMMAND_VARIABLE, "").strip()
    if given:
        return shlex.split(given)
    beside = Path(sys.executable).parent / "numbjournal"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("numbjournal")
    if found is None:
        raise RuntimeError("the numbjournal command is not installed (pip install -e .)")
    return [found]


def run_command_probe(args: Sequence[str], env: dict[str, str]) -> dict[str, Any]:
    """Start the real ``numbjournal`` command; ``elapsed``: spawn to its first frame with rows.

    ``benchmarks/site_hook/sitecustomize.py`` watches the paints from inside
    the child without any change to the app; the child ends after reporting.
    """
    root = Path(__file__).resolve().parent.parent
    child_env = dict(env)
    child_env["PYTHONPATH"] = str(root / "benchmarks" / "site_hook")
    child_env["NUMBJOURNAL_BENCH_ROOT"] = str(root)
    started = time.monotonic()
    done = subprocess.run(
        [*numbjournal_command(), *args],
        env=child_env,
        capture_output=True,
        text=True,
        timeout=PROBE_TIMEOUT_S,
        cwd=tempfile.gettempdir(),
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(
            f"numbjournal {' '.join(args)} showed no rows (exit {done.returncode}): "
            f"{done.stderr.strip()[-2000:]}"
        )
    report: dict[str, Any] = json.loads(lines[-1])
    report["elapsed"] = report["at"] - started
    return report


def growth_exponent(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """The slope of log(time) against log(size): 1.0 is linear growth."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in seconds]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    num = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mean_x) ** 2 for x in xs)
    return num / den if den else float("nan")


def _memory(peak: float | None) -> str:
    if peak is None:
        return "-"
    return f"{peak / MB:.1f} MB" if peak >= MB / 10 else f"{peak / 1024:.0f} KB"


def format_table(rows: Sequence[Row]) -> str:
    header = ("item", "figure", "floor", "ratio", "target", "result", "peak mem")
    lines = [header]
    for row in rows:
        verdict = {True: "pass", False: "FAIL", None: "info"}[row.passed]
        lines.append(
            (
                row.item,
                _amount(row.figure, row.unit),
                "-" if row.floor is None else _amount(row.floor, row.unit),
                "-" if row.ratio is None else f"{row.ratio:.2f}x",
                row.target_text(),
                verdict,
                _memory(row.peak_bytes),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    notes = [f"  {row.item}: {row.note}" for row in rows if row.note]
    if notes:
        out += ["", "notes:", *notes]
    return "\n".join(out)


def write_json(path: Path, rows: Sequence[Row], extra: dict[str, Any]) -> None:
    document = {"rows": [row.as_dict() for row in rows], **extra}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def compare_text(old_path: Path, rows: Sequence[Row]) -> str:
    """Each item's figure and ratio now against a table saved earlier with --json."""
    old = {r["item"]: r for r in json.loads(old_path.read_text(encoding="utf-8"))["rows"]}
    lines = [f"compared with {old_path}:"]
    for row in rows:
        before = old.get(row.item)
        if before is None:
            continue
        change = (row.figure / before["figure"] - 1) * 100 if before["figure"] else float("nan")
        ratios = ""
        if before.get("ratio") is not None and row.ratio is not None:
            ratios = f"  ratio {before['ratio']:.2f}x -> {row.ratio:.2f}x"
        lines.append(
            f"  {row.item}: {_amount(before['figure'], row.unit)} -> "
            f"{_amount(row.figure, row.unit)} ({change:+.0f}%){ratios}"
        )
    return "\n".join(lines)
