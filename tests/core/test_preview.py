"""The first frame's preview: the newest episodes, read without writing and without SQLAlchemy."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from numbjournal.core.model import Condition, ConditionEntry, Profile, Symptom
from numbjournal.core.preview import is_plain_sqlite, preview_journal
from numbjournal.core.store import Journal
from numbjournal.core.triage import evaluate_journal, load_settings

from ..conftest import make_episode


def fill(journal: Journal, count: int) -> list[int]:
    first = make_episode()
    drafts = [
        make_episode(
            started_at=first.started_at - timedelta(hours=7 * i),
            symptoms=(Symptom.WEAKNESS,) if i % 5 == 0 else (),
            notes=f"episode {i}",
        )
        for i in range(count)
    ]
    journal.import_all(drafts)
    return [e.id for e in journal.episodes(newest_first=True) if e.id is not None]


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir()}


def test_the_newest_rows_as_the_full_load_reads_them(journal: Journal) -> None:
    newest = fill(journal, 30)
    journal.set_profile(Profile(conditions=(ConditionEntry(Condition.SCIATICA),), name="Ana"))
    preview = preview_journal(journal.path, rows=12)
    assert preview is not None
    assert preview.count == 30 and not preview.complete
    full = journal.episodes(newest_first=True)
    assert [e.id for e in preview.episodes] == newest[:12]
    assert list(preview.episodes) == full[:12], "same episodes, fields and times"
    assert preview.profile == journal.profile()
    assert load_settings(preview) == load_settings(journal)


def test_the_newest_rows_keep_their_own_flags(journal: Journal) -> None:
    fill(journal, 20)
    preview = preview_journal(journal.path, rows=20)
    assert preview is not None and preview.complete
    flags = evaluate_journal(
        list(reversed(journal.episodes(newest_first=True))),
        journal.profile(),
        load_settings(journal),
    )
    from numbjournal.core.triage import evaluate_episode

    for episode in preview.episodes:
        assert episode.id is not None
        own = evaluate_episode(episode, preview.profile, load_settings(preview))
        assert own == flags.episodes[episode.id]


def test_reading_writes_nothing(journal: Journal) -> None:
    fill(journal, 5)
    journal.close()
    for side in ("-wal", "-shm"):
        assert not Path(f"{journal.path}{side}").exists()
    before = snapshot(journal.path.parent)
    content = journal.path.read_bytes()
    assert preview_journal(journal.path) is not None
    assert snapshot(journal.path.parent) == before, "no file made, touched or grown"
    assert journal.path.read_bytes() == content


def test_no_preview_for_files_the_normal_opening_must_judge(tmp_path: Path) -> None:
    encrypted = tmp_path / "encrypted.sqlite"
    encrypted.write_bytes(os.urandom(4096))  # what an SQLCipher journal looks like
    assert not is_plain_sqlite(encrypted)
    assert preview_journal(encrypted) is None
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE episode (id INTEGER)")
    assert preview_journal(foreign) is None
    text = tmp_path / "notes.txt"
    text.write_text("not a journal")
    assert preview_journal(text) is None


def test_a_journal_not_made_yet_previews_empty(tmp_path: Path) -> None:
    missing = tmp_path / "new" / "journal.sqlite"
    preview = preview_journal(missing)
    assert preview is not None and preview.count == 0 and preview.episodes == ()
    assert not missing.parent.exists(), "nothing created"


def test_the_preview_needs_no_sqlalchemy(journal: Journal) -> None:
    fill(journal, 3)
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from numbjournal.core.preview import preview_journal\n"
        "from numbjournal.core.triage import evaluate_episode, load_settings\n"
        f"p = preview_journal(Path({str(journal.path)!r}))\n"
        "[evaluate_episode(e, p.profile, load_settings(p)) for e in p.episodes]\n"
        "print(len(p.episodes), sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'alembic', 'matplotlib', 'PySide6'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3", "[]"]
