"""Pasting a large text into the interview notes, in a real terminal (tmux). Prints a table; asserts nothing.

    .venv/bin/python benchmarks/paste.py [--sizes 20000 200000]

followup opens a workbook of one interview, the notes are focused, and tmux pastes the text:
once as a bracketed paste (what a terminal sends when the app asks for it, as followup does), once
as plain keys (a terminal or multiplexer that does not bracket pastes sends every character as a
key). Timed from the paste until the file on disk holds the whole text; CPU is the process's own
(user + system, every thread); memory is its peak (VmHWM) before the paste and after.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from startup import pasted_log  # noqa: E402
from terminal import Tmux, as_installed  # noqa: E402

tmux = Tmux("paste")


def workbook(folder: Path) -> Path:
    from tui.domain.models import Interview, Interviewer
    from tui.store import Workbook

    path = folder / f"paste-{time.monotonic_ns()}.json"
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(Interview("Acme", "Designer", datetime.now(UTC) - timedelta(days=1), Interviewer("Dana")))
        book.set_setting("profile_asked", True)
    return path


def notes_on_disk(path: Path) -> str:
    try:
        interviews = json.loads(path.read_text(encoding="utf-8")).get("interviews", {})
    except (OSError, ValueError):
        return ""
    return next(iter(interviews.values()), {}).get("notes", "")


def process_figures(pid: int) -> tuple[float, float]:
    """CPU seconds so far (user + system) and peak memory in MB."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    peak = next(
        int(s.split()[1]) for s in Path(f"/proc/{pid}/status").read_text().splitlines() if s.startswith("VmHWM:")
    )
    return cpu, peak / 1024


def paste(size: int, bracketed: bool, folder: Path, deadline: float) -> tuple[str, str, str, str]:
    path = workbook(folder)
    text = pasted_log(size)
    text = text[:-1] + "." if text.endswith("\n") else text  # the editor keeps a last newline as typed
    source = folder / "clip.txt"
    source.write_text(text, encoding="utf-8")
    command = shlex.join([sys.executable, "-m", "tui", "--db", str(path)])
    tmux("new-session", "-d", "-s", "paste", "-x", "120", "-y", "36", "-c", str(ROOT), f"exec {command}")
    try:
        pid = int(tmux("display-message", "-p", "-t", "paste", "#{pane_pid}").strip())
        tmux.wait_for("paste", "Acme")
        while "Leave notes" not in tmux.screen("paste", escapes=False):  # the notes have the focus
            tmux("send-keys", "-t", "paste", "3")
            time.sleep(0.5)
        cpu0, peak0 = process_figures(pid)
        tmux("load-buffer", str(source))
        started = time.perf_counter()
        tmux("paste-buffer", "-t", "paste", *(["-p"] if bracketed else []))
        while notes_on_disk(path) != text:
            if time.perf_counter() - started > deadline:
                cpu1, peak1 = process_figures(pid)
                return (
                    f"> {deadline:.0f} s",
                    f"{cpu1 - cpu0:.1f} s",
                    f"{peak0:.0f} MB",
                    f"{peak1:.0f} MB (not saved yet)",
                )
            time.sleep(0.02)
        elapsed = time.perf_counter() - started
        cpu1, peak1 = process_figures(pid)
        return f"{elapsed:.2f} s", f"{cpu1 - cpu0:.2f} s", f"{peak0:.0f} MB", f"{peak1:.0f} MB ({peak1 / peak0:.2f}x)"
    finally:
        tmux("kill-server")
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[20_000, 200_000])
    parser.add_argument("--deadline", type=float, default=120.0, help="give up after this many seconds")
    args = parser.parse_args()
    as_installed()
    print("| paste | sent as | saved whole after | CPU | peak memory before | after |")
    print("|---:|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            for bracketed in (True, False):
                figures = paste(size, bracketed, Path(folder), args.deadline)
                how = "bracketed paste" if bracketed else "plain keys"
                print(f"| {size // 1000} KB | {how} | " + " | ".join(figures) + " |", flush=True)


if __name__ == "__main__":
    main()
