"""A key on the interview list, in a real terminal: from the key sent until the screen shows its
effect, at 1,000 and 10,000 interviews, against a bare Textual OptionList of as many rows in the
same run. Prints medians; asserts nothing.

    .venv/bin/python benchmarks/list_keys.py [--presses 15] [--sizes 1000 10000]

`down` moves one row (the checklist, notes and guidance line follow the interview); `end` jumps
to the last row and `home` back. Each press waits for the screen to stop changing before the next:
"echoed" is its first change, "every pane still" its last before it stays still for 0.3 s.
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

from startup import forget_kept_order, make_workbook  # noqa: E402
from terminal import Tmux, as_installed  # noqa: E402

BARE = (
    "import sys\nfrom textual.app import App\nfrom textual.widgets import OptionList\n"
    "class Bare(App):\n    def compose(self):\n"
    "        yield OptionList(*[f'Company {i} - Product Designer' for i in range(int(sys.argv[1]))])\n"
    "Bare().run()\n"
)


tmux = Tmux("keys")


def until_changed(before: str, quiet: float = 0.3, deadline: float = 10.0) -> tuple[float, float]:
    """Seconds until the screen first changes (the key echoed) and until its last change before it
    stays still for `quiet` seconds (every pane has followed)."""
    started = time.perf_counter()
    while (shown := tmux.screen("keys")) == before:
        if time.perf_counter() - started > deadline:
            return float("inf"), float("inf")
        time.sleep(0.002)
    first = last = time.perf_counter() - started
    while time.perf_counter() - started - last < quiet:
        time.sleep(0.002)
        if (now := tmux.screen("keys")) != shown:
            shown, last = now, time.perf_counter() - started
    return first, last


def press_times(command: list[str], marker: str, presses: int) -> dict[str, list[tuple[float, float]]]:
    tmux("new-session", "-d", "-s", "keys", "-x", "120", "-y", "36", "-c", str(ROOT), "exec " + shlex.join(command))
    try:
        tmux.wait_for("keys", marker)
        times: dict[str, list[tuple[float, float]]] = {"down": [], "end": [], "home": []}
        for _ in range(presses):
            for key in ("down", "end", "home"):
                before = tmux.settle("keys")
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
    as_installed()
    python = sys.executable
    print("| interviews | key | bare OptionList: echoed | followup: echoed | ratio | followup: every pane still |")
    print("|---:|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for count in args.sizes:
            book = make_workbook(Path(folder), count)
            bare = press_times([python, "-c", BARE, str(count)], "Company 0", args.presses)
            ours = press_times([python, "-m", "tui", "--db", str(book)], "Company ", args.presses)
            forget_kept_order(book)  # the workbook goes with the folder: so does the order kept at quit
            for key in ("down", "end", "home"):
                b = statistics.median(t for t, _ in bare[key]) * 1000
                o = statistics.median(t for t, _ in ours[key]) * 1000
                still = statistics.median(t for _, t in ours[key]) * 1000
                print(f"| {count:,} | {key} | {b:.0f} ms | {o:.0f} ms | {o / b:.2f}x | {still:.0f} ms |", flush=True)


if __name__ == "__main__":
    main()
