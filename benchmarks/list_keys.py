"""A key on the interview list, in a real terminal: from the key sent until the screen shows its
effect, at 1,000 and 10,000 interviews, against a bare Textual OptionList of as many rows in the
same run. Prints medians; asserts nothing.

    .venv/bin/python benchmarks/list_keys.py [--presses 15] [--sizes 1000 10000]

`down` moves one row (the checklist, notes and guidance line follow the interview); `end` jumps
to the last row and `home` back. Each press waits for the screen to change before the next.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from startup import make_workbook  # noqa: E402

SERVER = f"followup-keys-{os.getpid()}"
BARE = (
    "import sys\nfrom textual.app import App\nfrom textual.widgets import OptionList\n"
    "class Bare(App):\n    def compose(self):\n"
    "        yield OptionList(*[f'Company {i} - Product Designer' for i in range(int(sys.argv[1]))])\n"
    "Bare().run()\n"
)


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SERVER, *args], capture_output=True, text=True, check=False).stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-e", "-t", "keys")


def until_changed(before: str, deadline: float = 10.0) -> float:
    started = time.perf_counter()
    while screen() == before:
        if time.perf_counter() - started > deadline:
            return float("inf")
        time.sleep(0.002)
    return time.perf_counter() - started


def settle(quiet: float = 0.3) -> str:
    """The screen once it has stopped changing for `quiet` seconds."""
    last, since = screen(), time.perf_counter()
    while time.perf_counter() - since < quiet:
        time.sleep(0.02)
        now = screen()
        if now != last:
            last, since = now, time.perf_counter()
    return last


def press_times(command: list[str], marker: str, presses: int) -> dict[str, list[float]]:
    tmux("new-session", "-d", "-s", "keys", "-x", "120", "-y", "36", "-c", str(ROOT), "exec " + shlex.join(command))
    try:
        started = time.perf_counter()
        while marker not in screen():
            if time.perf_counter() - started > 120:
                raise SystemExit(f"{marker!r} never appeared")
            time.sleep(0.02)
        times: dict[str, list[float]] = {"down": [], "end": [], "home": []}
        for _ in range(presses):
            for key in ("down", "end", "home"):
                before = settle()
                tmux("send-keys", "-t", "keys", key.capitalize())
                times[key].append(until_changed(before))
        return times
    finally:
        tmux("kill-server")
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=15)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000])
    args = parser.parse_args()
    python = sys.executable
    print("| interviews | key | bare OptionList | followup | ratio |")
    print("|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for count in args.sizes:
            book = make_workbook(Path(folder), count)
            bare = press_times([python, "-c", BARE, str(count)], "Company 0", args.presses)
            ours = press_times([python, "-m", "tui", "--db", str(book)], "Company ", args.presses)
            for key in ("down", "end", "home"):
                b, o = statistics.median(bare[key]) * 1000, statistics.median(ours[key]) * 1000
                print(f"| {count:,} | {key} | {b:.0f} ms | {o:.0f} ms | {o / b:.2f}x |", flush=True)


if __name__ == "__main__":
    main()
