"""Spawn to rows visible, in a real terminal, at 0, 1,000 and 10,000 interviews (and 10,000 with one
20 MB note), against a one-Static Textual app in the same run. Prints medians and ratios; asserts nothing.

Beside them, the floor of any start over one workbook file: the one-Static app that first opens the
workbook with followup's store (read, checked, every record made) and shows nothing of it.

    .venv/bin/python benchmarks/rows_visible.py [--runs 5]

Each run starts a fresh process in a tmux pane and polls `capture-pane` until the first interview
row (the welcome, for an empty workbook; "Hello" for the one-Static app) is on screen: that is
what the user waits for. Peak memory is the process's own high-water mark (VmHWM) read then.
The two apps take turns, run by run, so load on the machine hits both alike.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from startup import make_workbook  # noqa: E402
from terminal import Tmux, as_installed  # noqa: E402

MINIMAL = (
    "from textual.app import App\nfrom textual.widgets import Static\n"
    "class Minimal(App):\n    def compose(self):\n        yield Static('Hello')\nMinimal().run()\n"
)

#: The one-Static app after opening the workbook: what reading one file costs before anything is drawn.
OPENED = "import sys\nfrom tui.store import Workbook\nbook = Workbook.open(sys.argv[1], autosave=False)\n" + MINIMAL

tmux = Tmux("rows")


def time_to(command: list[str], marker: str, deadline: float = 120.0) -> tuple[float, float]:
    """Seconds from spawn until `marker` is on screen (inf after `deadline`), and the peak memory in MB."""
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
        peak = 0.0
        for status in Path(f"/proc/{pid}/status").read_text().splitlines():
            if status.startswith("VmHWM:"):
                peak = int(status.split()[1]) / 1024
        return elapsed, peak
    finally:
        tmux("kill-server")
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
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
            ours_cmd = [python, "-m", "tui", "--db", str(path)]
            opened_cmd = [python, "-c", OPENED, str(path)]
            time_to(ours_cmd, marker)
            minimal, opened, ours = [], [], []
            for _ in range(args.runs):
                minimal.append(time_to([python, "-c", MINIMAL], "Hello"))
                opened.append(time_to(opened_cmd, "Hello"))
                ours.append(time_to(ours_cmd, marker))
            rows.append((label, minimal, opened, ours))
    print(
        "| interviews | one-Static app | the same after opening the file | ratio | followup | ratio "
        "| peak RSS one-Static | after opening | ratio | followup | ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, minimal, opened, ours in rows:
        t_min, t_open, t_ours = (statistics.median(t for t, _ in runs) for runs in (minimal, opened, ours))
        m_min, m_open, m_ours = (statistics.median(m for _, m in runs) for runs in (minimal, opened, ours))
        shown = f"{t_ours * 1000:.0f} ms" if t_ours < float("inf") else "> 120 s"
        print(
            f"| {label} | {t_min * 1000:.0f} ms | {t_open * 1000:.0f} ms | {t_open / t_min:.2f}x "
            f"| {shown} | {t_ours / t_min:.2f}x "
            f"| {m_min:.0f} MB | {m_open:.0f} MB | {m_open / m_min:.2f}x | {m_ours:.0f} MB | {m_ours / m_min:.2f}x |"
        )


if __name__ == "__main__":
    main()
