"""Storage costs at 100 / 1,000 / 10,000 interviews, against a bare atomic write of the same bytes.

Run: python benchmarks/storage.py [--sizes 100,1000,10000] [--repeat 15] [--big-note 20000000]
Prints a table: the UI-side cost of one notes change, the median durable save, the bare
temp+fsync+replace of the same bytes in the same run, and their ratio. Beside them, the time to join the
file's bytes from the records as kept (each record's JSON, made again only when it changed): a save
writes those pieces as they are, so this is what a save would add if it made one copy of the file.
The last row is 10,000 interviews with a 20 MB note (a pasted log) on one of them, the calls' notes
changing beside it: a save copies the note from the file it replaces, the bare write writes it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import pasted_log

from tui.domain.models import CallAttempt, Interview, Interviewer, Outcome
from tui.store import Workbook

NOTE = "Asked about the team's roadmap; mentioned the migration project. " * 11  # ~700 bytes


def build(path: Path, count: int, big_note: int = 0) -> None:
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    with Workbook.open(path, autosave=False) as book:
        interviews = [
            Interview(
                f"Company {n}",
                f"Role {n % 37}",
                start + timedelta(hours=n),
                Interviewer(f"Person {n}", phone="+13125550100"),
            )
            for n in range(count)
        ]
        calls = [
            CallAttempt(i.id, start + timedelta(days=k), start + timedelta(days=k, minutes=2), Outcome.NO_ANSWER, NOTE)
            for i in interviews
            for k in range(3)
        ]
        book.load_many(interviews)
        book.load_many(calls)
        if big_note:
            book.set_interview_notes(interviews[0], pasted_log(big_note))


def bare_write(path: Path, payload: bytes) -> None:
    temp = path.with_name(path.name + ".bare")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, payload)
    os.fsync(fd)
    os.close(fd)
    os.replace(temp, path)
    dfd = os.open(path.parent, os.O_RDONLY)
    os.fsync(dfd)
    os.close(dfd)


def measure(count: int, repeat: int, big_note: int = 0) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="followup-bench-"))
    path = folder / "wb.json"
    build(path, count, big_note)
    book = Workbook.open(path, autosave=False, later=True)  # as the app opens it: a pasted log read after
    book.read_the_rest()
    call = book.all_calls()[count // 2]
    keystrokes = []
    for n in range(max(200, repeat)):
        began = time.perf_counter()
        book.set_call_notes(call, NOTE + "x" * n)
        keystrokes.append(time.perf_counter() - began)
    saves, bares, joins = [], [], []
    storage = book._storage  # the benchmark looks inside on purpose: same bytes for both writers
    for n in range(repeat):
        book.set_call_notes(call, NOTE + "y" * n)
        began = time.perf_counter()
        book.flush()
        saves.append(time.perf_counter() - began)
        began = time.perf_counter()
        payload = storage.snapshot()[1]  # the file's bytes, joined from the records as kept
        joins.append(time.perf_counter() - began)
        began = time.perf_counter()
        bare_write(folder / "bare.json", payload)
        bares.append(time.perf_counter() - began)
    size = path.stat().st_size
    book.close()
    return {
        "interviews": f"{count:,}" + (f" + {big_note // 1_000_000} MB note" if big_note else ""),
        "file_mb": size / 1e6,
        "keystroke_ms": statistics.median(keystrokes) * 1e3,
        "save_ms": statistics.median(saves) * 1e3,
        "bare_ms": statistics.median(bares) * 1e3,
        "join_ms": statistics.median(joins) * 1e3,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--big-note", type=int, default=20_000_000, help="characters of the note (0: no such row)")
    args = parser.parse_args()
    print(
        f"{'interviews':>22} {'file MB':>8} {'notes change':>13} {'durable save':>13} "
        f"{'bare write':>11} {'save/bare':>9} {'bytes joined':>12}"
    )
    runs = [(int(s), 0) for s in args.sizes.split(",")] + ([(10_000, args.big_note)] if args.big_note else [])
    for count, big_note in runs:
        row = measure(count, args.repeat, big_note)
        print(
            f"{row['interviews']:>22} {row['file_mb']:>8.1f} {row['keystroke_ms']:>10.3f} ms "
            f"{row['save_ms']:>10.1f} ms {row['bare_ms']:>8.1f} ms {row['save_ms'] / row['bare_ms']:>8.2f}x"
            f" {row['join_ms']:>9.1f} ms"
        )


if __name__ == "__main__":
    main()
