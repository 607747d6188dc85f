"""SIGKILL a writer at random moments: the file always parses and holds one whole snapshot."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys

import tinydb

KILLS = int(os.environ.get("FOLLOWUP_CRASH_KILLS", "50"))

WRITER = r"""
import sys
from tui.domain.models import Interview
from tui.store import Workbook

book = Workbook.open(sys.argv[1])
interviews = book.interviews()
if not interviews:
    interviews = [Interview(f"Company {n}", "Role") for n in range(3)]
    for interview in interviews:
        book.save_interview(interview)
    book.flush()
print("ready", flush=True)
i = int(sys.argv[2])
while True:
    i += 1
    for interview in interviews:
        # Same number at both ends: a torn record could not have them equal.
        book.set_interview_notes(interview, f"{i}|" + "note " * (i % 400) + f"|{i}")
    if i % 50 == 0:
        book.save_interview(Interview(f"Added {i}", "Role"))
    if i % 7 == 0:
        book.flush()
"""


def check_snapshot(path) -> tuple[int, int]:
    """Parse with plain TinyDB; return (highest counter, interview count) after checking integrity."""
    db = tinydb.TinyDB(path)
    try:
        interviews = db.table("interviews").all()
        assert db.table("meta").all()[0]["schema_version"] == 1
    finally:
        db.close()
    counters = []
    for doc in interviews:
        notes = doc["notes"]
        if not notes:
            continue
        head, _, tail = notes.partition("|")
        assert notes.rsplit("|", 1)[1] == head, f"torn notes in {doc['company']}"
        counters.append(int(head))
        assert tail.count("note ") == int(head) % 400
    return (max(counters) if counters else 0), len(interviews)


def test_sigkill_at_random_moments_never_damages_the_file(tmp_path):
    path = tmp_path / "wb.json"
    rng = random.Random(20261126)
    counter, count = 0, 0
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(counter)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout.readline().strip() == "ready"
        with contextlib.suppress(subprocess.TimeoutExpired):
            writer.wait(timeout=rng.uniform(0.02, 0.4))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        assert writer.returncode == -signal.SIGKILL, "the writer should have been running until killed"
        new_counter, new_count = check_snapshot(path)
        assert new_counter >= counter, "a saved change went missing"
        assert new_count >= count, "a saved interview went missing"
        counter, count = new_counter, new_count
    assert counter > 0, "the writer never got a save through"
    from tui.store import Workbook

    with Workbook.open(path, autosave=False) as book:  # and followup itself opens it cleanly
        assert len(book.interviews()) == count
    assert not (tmp_path / ".wb.json.tmp").exists()
