"""First-frame time of followup at 0, 1,000 and 10,000 interviews, against a minimal one-Static
Textual app measured in the same run. Prints a table of ratios; asserts nothing.

    .venv/bin/python benchmarks/startup.py [--runs 5]

Each measurement is a fresh process (interpreter start, imports, opening the workbook, first
paint, headless), timed from just before the process is spawned to the first frame.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from terminal import as_installed  # noqa: E402

CHILD = r"""
import sys, time
started = float(sys.argv[1]); kind = sys.argv[2]
from textual.app import App
if kind == "minimal":
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static("Hello")

        def on_mount(self):
            self.call_after_refresh(self.first_frame)

        def first_frame(self):
            print(time.time() - started)
            self.exit()

    Minimal().run(headless=True)
else:
    from tui.app import make_app
    from tui.screens.main import MainScreen
    from tui.store import Workbook

    book = Workbook.open(sys.argv[3])
    app = make_app(book)
    mount = MainScreen.on_mount

    def on_mount(screen):
        # queued before the screen's own after-first-frame work, so it times the first frame alone
        screen.call_after_refresh(lambda: (print(time.time() - started), app.exit()))
        mount(screen)

    MainScreen.on_mount = on_mount
    app.run(headless=True)
    book.close()
"""


def pasted_log(size: int) -> str:
    """`size` characters of a server log, as someone might paste into their notes."""
    line = "12:00:01 INFO request served in 3 ms from the cache, nothing to report\n"
    return (line * (size // len(line) + 1))[:size]


def forget_kept_order(path: Path) -> None:
    """Remove the list's order followup keeps, in the user's cache folder, for the workbook at `path`:
    as if it had never been opened, and so that a workbook made for a run leaves nothing behind."""
    from tui.locations import order_cache_path
    from tui.store.opening import real_path

    order_cache_path(real_path(path)).unlink(missing_ok=True)


def make_workbook(folder: Path, count: int, big_note: int = 0) -> Path:
    """A workbook of `count` interviews, a call for every third; `big_note` characters of notes on one."""
    from tui.domain.models import CallAttempt, Interview, Interviewer, Outcome
    from tui.store import Workbook

    path = folder / f"w{count}-{big_note}.json"
    now = datetime.now(UTC)
    book = Workbook.open(path, autosave=False)
    interviews = [
        Interview(
            company=f"Company {i}",
            role="Product Designer",
            interviewed_at=now - timedelta(days=i % 40, hours=i % 7),
            interviewer=Interviewer(name=f"Person {i}", phone="+12025550123"),
            checks={"D1": True, "D2": i % 2 == 0},
        )
        for i in range(count)
    ]
    book.load_many(interviews)
    book.load_many(
        CallAttempt(
            i.id,
            i.interviewed_at + timedelta(days=1),
            i.interviewed_at + timedelta(days=1, minutes=4),
            Outcome.NO_ANSWER,
        )
        for i in interviews[::3]
    )
    book.set_setting("profile_asked", True)
    if big_note and interviews:  # on the interview the list shows first, so its notes load at once
        from tui.session import Session

        first = Session(book).load().ordered()[0]
        book.set_interview_notes(first, pasted_log(big_note))
    book.close()
    return path


def first_frame(kind: str, path: Path | None = None) -> float:
    args = [sys.executable, "-c", CHILD, repr(time.time()), kind] + ([str(path)] if path else [])
    started = time.time()
    args[3] = repr(started)
    out = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[0, 1_000, 10_000])
    args = parser.parse_args()
    as_installed()
    with tempfile.TemporaryDirectory() as folder:
        books = {n: make_workbook(Path(folder), n) for n in args.sizes}
        first_frame("minimal")  # warm the disk cache and bytecode
        rows = []
        for n, path in books.items():
            minimal, ours = [], []
            for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
                minimal.append(first_frame("minimal"))
                ours.append(first_frame("followup", path))
            rows.append((n, statistics.median(minimal), statistics.median(ours)))
    print(f"{'interviews':>10}  {'minimal app':>11}  {'followup':>9}  {'ratio':>5}  target")
    for n, minimal, ours in rows:
        target = "1.5x" if n == 1_000 else "2x" if n == 10_000 else ""
        print(f"{n:>10,}  {minimal * 1000:>9.0f}ms  {ours * 1000:>7.0f}ms  {ours / minimal:>5.2f}  {target}")


if __name__ == "__main__":
    main()
