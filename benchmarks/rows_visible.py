"""Spawn to rows visible, in a real terminal, at 0, 1,000 and 10,000 interviews (and 10,000 with one
20 MB note), against a one-Static Textual app in the same run. Prints medians and ratios; asserts nothing.

Beside them, the floor of any start over one workbook file: the one-Static app that first opens the
workbook with followup's store (read, checked, every record made) and shows nothing of it.

    .venv/bin/python benchmarks/rows_visible.py [--runs 7]

Each run starts a fresh process in a tmux pane and polls `capture-pane` until the first interview
row (the welcome, for an empty workbook; "Hello" for the one-Static app) is on screen: that is
what the user waits for. The apps take turns in a new order each run, so load on the machine hits
them alike and none always follows the same one (a start right after the same program is faster).
A ratio is the median of each run's own ratio to the one-Static app started in the same run.

A workbook of more than a few hundred interviews that was opened before shows its rows in the order
kept from then, and puts them in order once every next step is worked out. So each workbook is also
timed at its first start, its kept order deleted before each run: the first rows are then worked out
in their final order, with only the steps they need, and the rest follow once every step is known.

Peak memory is the process's own high-water mark (VmHWM), read twice: when the rows show, and once
the start has settled (its CPU time still for half a second: the steps, the look at what is due and
the modules loaded ahead of the first dialog are done).
"""

from __future__ import annotations

import argparse
import random
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from startup import forget_kept_order, make_workbook  # noqa: E402
from terminal import Tmux, as_installed  # noqa: E402

MINIMAL = (
    "from textual.app import App\nfrom textual.widgets import Static\n"
    "class Minimal(App):\n    def compose(self):\n        yield Static('Hello')\nMinimal().run()\n"
)

#: The one-Static app after opening the workbook: what reading one file costs before anything is drawn.
OPENED = "import sys\nfrom tui.store import Workbook\nbook = Workbook.open(sys.argv[1], autosave=False)\n" + MINIMAL

tmux = Tmux("rows")


@dataclass
class Run:
    seconds: float  # spawn to the marker on screen
    at_rows: float  # peak memory then, MB
    settled: float  # peak memory once the start is done, MB


def _peak(pid: int) -> float:
    for status in Path(f"/proc/{pid}/status").read_text().splitlines():
        if status.startswith("VmHWM:"):
            return int(status.split()[1]) / 1024
    return 0.0


def _cpu(pid: int) -> int:
    """User and system CPU time so far, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _settle(pid: int, quiet: float = 0.5, deadline: float = 20.0) -> None:
    """Until the process has used at most two clock ticks of CPU in `quiet` seconds (a timer's tick)."""
    started = time.perf_counter()
    last = _cpu(pid)
    while time.perf_counter() - started < deadline:
        time.sleep(quiet)
        now = _cpu(pid)
        if now - last <= 2:
            return
        last = now


def time_to(command: list[str], marker: str, deadline: float = 120.0) -> Run:
    """Seconds from spawn until `marker` is on screen (inf after `deadline`), and the peak memory then
    and once settled."""
    line = "exec " + shlex.join(command)
    started = time.perf_counter()
    tmux("new-session", "-d", "-s", "bench", "-x", "120", "-y", "36", "-c", str(ROOT), line)
    try:
        pid = int(tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").strip() or 0)
        elapsed = 0.0
        while marker not in tmux("capture-pane", "-p", "-t", "bench"):
            if time.perf_counter() - started > deadline:
                elapsed = float("inf")
                break
            time.sleep(0.01)
        elapsed = elapsed or time.perf_counter() - started
        at_rows = _peak(pid)
        _settle(pid)
        return Run(elapsed, at_rows, _peak(pid))
    finally:
        tmux("kill-server")
        time.sleep(0.2)


def runs_of(python: str, path: Path, marker: str, runs: int) -> list[list[Run]]:
    """The one-Static app, it after opening the workbook, followup, and followup at the workbook's first
    start, in a shuffled order each run, so none always follows the same one."""
    ours = [python, "-m", "tui", "--db", str(path)]

    def at_first_start() -> Run:
        forget_kept_order(path)  # the kept holidays stay
        return time_to(ours, marker)

    starts: list[Callable[[], Run]] = [
        lambda: time_to([python, "-c", MINIMAL], "Hello"),
        lambda: time_to([python, "-c", OPENED, str(path)], "Hello"),
        lambda: time_to(ours, marker),
        at_first_start,
    ]
    results: list[list[Run]] = [[] for _ in starts]
    for run in range(runs):  # a new order each run: a start right after the same program runs a little faster
        for which in random.Random(run).sample(range(len(starts)), len(starts)):
            results[which].append(starts[which]())
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="*", default=[0, 1_000, 10_000])
    parser.add_argument("--no-big-note", action="store_true", help="skip 10,000 with a 20 MB note")
    args = parser.parse_args()
    as_installed()
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        books: list[tuple[str, Path, str]] = [
            (f"{n:,}", make_workbook(Path(folder), n), "Company " if n else "Welcome to your") for n in args.sizes
        ]
        if not args.no_big_note:
            books.append(("10,000 + 20 MB note", make_workbook(Path(folder), 10_000, big_note=20_000_000), "Company "))
        time_to([python, "-c", MINIMAL], "Hello")  # warm the disk cache and bytecode
        rows = []
        for label, path, marker in books:
            time_to([python, "-m", "tui", "--db", str(path)], marker)  # opened once before: its order is kept
            minimal, opened, ours, first = runs_of(python, path, marker, args.runs)
            forget_kept_order(path)  # the workbook goes with the folder: so does its kept order
            rows.append((label, minimal, opened, ours, first))
    print(
        "| interviews | one-Static app | the same after opening the file | ratio | followup | ratio "
        "| followup, the workbook's first start | ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, minimal, *others in rows:
        t_min, t_open, t_ours, t_first = (statistics.median(run.seconds for run in each) for each in (minimal, *others))
        r_open, r_ours, r_first = (_paired(each, minimal) for each in others)
        print(
            f"| {label} | {t_min * 1000:.0f} ms | {t_open * 1000:.0f} ms | {r_open:.2f}x "
            f"| {_ms(t_ours)} | {r_ours:.2f}x | {_ms(t_first)} | {r_first:.2f}x |"
        )
    print()
    print(
        "| interviews | one-Static app, at rows / settled | after opening | ratio | followup at rows | ratio "
        "| followup settled | ratio | first start, settled | ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, *runs in rows:
        (m_min, s_min), (m_open, _), (m_ours, s_ours), (_, s_first) = (
            (statistics.median(run.at_rows for run in each), statistics.median(run.settled for run in each))
            for each in runs
        )
        print(
            f"| {label} | {m_min:.0f} / {s_min:.0f} MB | {m_open:.0f} MB | {m_open / m_min:.2f}x "
            f"| {m_ours:.1f} MB | {m_ours / m_min:.2f}x | {s_ours:.1f} MB | {s_ours / s_min:.2f}x "
            f"| {s_first:.1f} MB | {s_first / s_min:.2f}x |"
        )


def _paired(runs: list[Run], minimal: list[Run]) -> float:
    """The median of each run's ratio to the one-Static app of the same run: a shared machine's speed
    drifts over minutes, and each run's starts come within seconds of each other."""
    return statistics.median(run.seconds / base.seconds for run, base in zip(runs, minimal, strict=True))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < float("inf") else "> 120 s"


if __name__ == "__main__":
    main()
