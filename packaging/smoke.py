"""Smoke-test a built archive as a person would meet it: ``python packaging/smoke.py ARCHIVE``.

The archive is unpacked into a new temporary folder and its program is run
with an environment that has no Python on PATH and no virtual environment,
a fresh home folder and no display (Qt's offscreen platform):

- ``--version`` names this project's version;
- ``log`` adds an episode, ``flags --json`` reports it, ``export --format pdf``
  writes a summary;
- a journal of the oldest saved schema is upgraded (Alembic reads its
  migrations from the app folder);
- the window starts and stays up.

Exit status 0 when everything passed; otherwise one line per failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAVED_JOURNAL = ROOT / "tests" / "core" / "store" / "data" / "journal-schema-1.sqlite"
WINDOW_SECONDS = 8.0


def unpack(archive: Path, into: Path) -> Path:
    if archive.name.endswith(".tar.gz"):
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="data")
    else:
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(into)
    app = into / "numbjournal.app" / "Contents" / "MacOS"
    return app if app.is_dir() else into / "numbjournal"


def clean_environment(home: Path) -> dict[str, str]:
    """No Python, no venv, no user settings: only what a fresh login would have."""
    empty_bin = home / "empty-bin"
    empty_bin.mkdir()
    env = {
        "HOME": str(home),
        "PATH": str(empty_bin),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "TMPDIR": str(home / "tmp"),
    }
    (home / "tmp").mkdir()
    if sys.platform == "win32":  # Windows cannot start a program without these.
        for name in ("SystemRoot", "SYSTEMDRIVE", "TEMP", "TMP", "USERPROFILE", "LOCALAPPDATA"):
            if name in os.environ:
                env[name] = os.environ[name]
    return env


class Smoke:
    def __init__(self, program: Path, env: dict[str, str], work: Path) -> None:
        self.program = program
        self.env = env
        self.work = work
        self.failures: list[str] = []

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        started = time.monotonic()
        done = subprocess.run(
            [str(self.program), *args],
            env=self.env,
            cwd=self.work,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        took = time.monotonic() - started
        print(f"  {' '.join(args)[:70]:<72} exit {done.returncode} ({took:.1f} s)")
        return done

    def check(
        self, ok: bool, what: str, done: subprocess.CompletedProcess[str] | None = None
    ) -> None:
        if ok:
            return
        detail = ""
        if done is not None:
            detail = f" (exit {done.returncode}; stderr: {done.stderr.strip()[-400:]!r})"
        self.failures.append(what + detail)


def smoke(archive: Path) -> list[str]:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    with tempfile.TemporaryDirectory(prefix="numbjournal-smoke-") as tmp:
        top = Path(tmp)
        folder = unpack(archive, top / "unpacked")
        program = folder / ("numbjournal.exe" if sys.platform == "win32" else "numbjournal")
        home = top / "home"
        home.mkdir()
        s = Smoke(program, clean_environment(home), top)
        journal = str(top / "journal.sqlite")
        print(f"smoke-testing {program}")

        done = s.run("--version")
        s.check(
            done.returncode == 0 and done.stdout.strip() == f"numbjournal {version}",
            f"--version printed {done.stdout.strip()!r}, not 'numbjournal {version}'",
            done,
        )

        done = s.run(
            "log",
            "--db",
            journal,
            "--where",
            "left_calf,left_foot_top",
            "--ago",
            "2h",
            "--severity",
            "4",
            "--duration",
            "12",
        )
        s.check(
            done.returncode == 0 and done.stdout.strip().isdigit(),
            "log did not print the new episode's id",
            done,
        )
        done = s.run(
            "log",
            "--db",
            journal,
            "--where",
            "left_calf,face",
            "--severity",
            "8",
            "--ago",
            "30m",
            "--duration",
            "20",
            "--onset",
            "sudden",
            "--symptoms",
            "facial_drooping,difficulty_speaking",
        )
        s.check(done.returncode == 0, "log of a stroke-like episode failed", done)

        done = s.run("flags", "--json", "--db", journal)
        try:
            report = json.loads(done.stdout)
            tiers = {f["tier"] for e in report["episodes"] for f in e["flags"]}
            s.check(
                len(report["episodes"]) == 2 and "emergency" in tiers,
                f"flags --json: expected 2 episodes with an emergency, got tiers {tiers}",
                done,
            )
        except (json.JSONDecodeError, KeyError, TypeError):
            s.check(False, "flags --json did not print the flags report", done)

        pdf = top / "summary.pdf"
        done = s.run("export", "--db", journal, "--format", "pdf", "--output", str(pdf))
        s.check(
            done.returncode == 0 and pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-",
            "export --format pdf wrote no PDF",
            done,
        )

        encrypted_round_trip(s, journal, top)

        if SAVED_JOURNAL.is_file():
            old = top / "old-journal.sqlite"
            shutil.copy2(SAVED_JOURNAL, old)
            done = s.run("list", "--db", str(old))
            s.check(done.returncode == 0, "a journal of schema 1 could not be opened", done)

        window_ok(s, journal)
        return s.failures


def encrypted_round_trip(s: Smoke, journal: str, top: Path) -> None:
    """The packaged app carries SQLCipher: encrypt a copy, read it back, decrypt it."""
    copy = top / "encrypted.sqlite"
    shutil.copy2(journal, copy)
    passphrase = "smoke test passphrase, long enough"
    s.env["NUMBJOURNAL_PASSPHRASE"] = passphrase
    try:
        done = s.run("encrypt", "--db", str(copy))
        s.check(
            done.returncode == 0 and not copy.read_bytes().startswith(b"SQLite format 3"),
            "encrypt did not encrypt the journal (is SQLCipher in the package?)",
            done,
        )
        done = s.run("list", "--db", str(copy))
        s.check(done.returncode == 0 and "8/10" in done.stdout, "an encrypted journal's list", done)
        done = s.run("decrypt", "--db", str(copy))
        s.check(
            done.returncode == 0 and copy.read_bytes().startswith(b"SQLite format 3"),
            "decrypt did not turn encryption off",
            done,
        )
    finally:
        del s.env["NUMBJOURNAL_PASSPHRASE"]


def window_ok(s: Smoke, journal: str) -> None:
    """The window starts on the offscreen platform and is still running a few seconds later."""
    started = time.monotonic()
    process = subprocess.Popen(
        [str(s.program), "--db", journal],
        env=s.env,
        cwd=s.work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        process.wait(timeout=WINDOW_SECONDS)
        _, err = process.communicate()
        s.failures.append(f"the window exited with {process.returncode}: {err.strip()[-400:]!r}")
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            _, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            _, err = process.communicate()
        if "Traceback" in err or "could not load the Qt platform plugin" in err:
            s.failures.append(f"the window reported an error: {err.strip()[-400:]!r}")
    print(f"  {'(window, offscreen)':<72} up for {time.monotonic() - started:.1f} s")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/smoke.py ARCHIVE", file=sys.stderr)
        return 2
    archive = Path(argv[0])
    if not archive.is_file():
        print(f"smoke.py: {archive}: no such archive", file=sys.stderr)
        return 2
    print(f"archive: {archive.name}, {archive.stat().st_size / 1024 / 1024:.1f} MiB")
    failures = smoke(archive)
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    print("smoke test passed" if not failures else f"{len(failures)} smoke check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
