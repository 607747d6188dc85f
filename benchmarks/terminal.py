"""What the benchmarks that start followup share: it runs as an installed copy does, in tmux.

An installed copy has its modules compiled to bytecode (pip does that when it installs). A checkout
run with PYTHONDONTWRITEBYTECODE set, as some shells and containers set it, would compile every one
of followup's modules from source at each start, while Textual's come compiled: 45-120 ms a start
that no user pays. So the package is compiled once here, and the apps started from here may keep
what they compile.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["Tmux", "as_installed"]


def as_installed() -> None:
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(ROOT / "tui", quiet=1)


class Tmux:
    """One tmux server of the benchmark's own (named after its process), so nothing else is touched."""

    def __init__(self, name: str) -> None:
        self.server = f"followup-{name}-{os.getpid()}"

    def __call__(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.server, *args], capture_output=True, text=True, check=False).stdout

    def screen(self, session: str, escapes: bool = True) -> str:
        """The pane as shown; with `escapes`, its colours too (so a cursor moved over a space shows)."""
        return self("capture-pane", "-p", *(["-e"] if escapes else []), "-t", session)

    def wait_for(self, session: str, marker: str, deadline: float = 120.0) -> None:
        """Until `marker` is on the screen; SystemExit after `deadline` seconds."""
        started = time.perf_counter()
        while marker not in self.screen(session, escapes=False):
            if time.perf_counter() - started > deadline:
                raise SystemExit(f"{marker!r} never appeared")
            time.sleep(0.02)

    def settle(self, session: str, quiet: float = 0.3) -> str:
        """The screen once it has stopped changing for `quiet` seconds."""
        last, since = self.screen(session), time.perf_counter()
        while time.perf_counter() - since < quiet:
            time.sleep(0.02)
            if (now := self.screen(session)) != last:
                last, since = now, time.perf_counter()
        return last
