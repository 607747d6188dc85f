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
