"""followup in a real terminal: one private tmux server per test module, sessions driven by keys.

Textual draws on stderr, so nothing is redirected inside tmux. Bound keys go one at a time and the
screen is polled with a deadline before any text is typed (Textual issue #6605).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

__all__ = ["Tmux", "needs_tmux"]

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
ROOT = Path(__file__).resolve().parent.parent


class Tmux:
    """A tmux server of our own (its own socket), so the user's sessions are never touched."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check)
        return done.stdout

    def start(
        self, name: str, argv: list[str], env: dict[str, str] | None = None, keep: bool = False, size: str = "120x36"
    ) -> int:
        """Start followup in a session of `size` (120x36); return the pid of the followup process itself."""
        env = {"TERM": "xterm-256color", "PYTHONPATH": str(ROOT), **(env or {})}
        command = "exec " + shlex.join([sys.executable, "-m", "tui", *argv])
        flags = [f"-e{key}={value}" for key, value in env.items()]
        width, height = size.split("x")
        self.run("new-session", "-d", "-x", width, "-y", height, "-s", name, "-c", str(ROOT), *flags, command)
        if keep:  # the pane stays after followup ends, to read what it printed and its status
            self.run("set-option", "-t", name, "remain-on-exit", "on")
        return int(self.run("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def start_shell(self, name: str, argv: list[str]) -> None:
        """followup that may end at once: a shell runs it, prints its status and stays to be read."""
        command = shlex.join([sys.executable, "-m", "tui", *argv]) + '; echo "[exit status $?]"; sleep 600'
        self.run(
            "new-session", "-d", "-x", "120", "-y", "36", "-s", name, "-c", str(ROOT), f"-ePYTHONPATH={ROOT}", command
        )

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-J", "-t", name, check=False)

    def wait_for(self, name: str, text: str, timeout: float = 20.0) -> str:
        """Poll the screen until `text` shows; fail with the screen if it never does."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen(name)
            if text in shown:
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never showed in {timeout}s; the screen was:\n{shown}")

    def wait_until_gone(self, name: str, text: str, timeout: float = 20.0) -> str:
        """Poll until `text` is no longer on screen (a dialog closed) and return the screen."""
        deadline = time.monotonic() + timeout
        while (shown := self.screen(name)) and text in shown:
            assert time.monotonic() < deadline, f"{text!r} stayed on screen:\n{shown}"
            time.sleep(0.05)
        return shown

    def carry_on_with_the_call(self, name: str) -> None:
        """On opening after a call was cut off: pick "still on the call" (an arrow, then Enter)."""
        self.wait_for(name, "Still on the call, or how did it go?")
        self.key(name, "Down")
        self.key(name, "Enter")
        self.wait_for(name, "● on the call")  # the timer: the question's own words say "on the call" too

    def key(self, name: str, key: str) -> None:
        self.run("send-keys", "-t", name, key)

    def type(self, name: str, text: str) -> None:
        self.run("send-keys", "-t", name, "-l", text)

    def dead(self, name: str) -> bool:
        return self.run("display-message", "-p", "-t", name, "#{pane_dead}", check=False).strip() == "1"

    def exit_status(self, name: str, timeout: float = 20.0) -> int:
        """Wait for followup to end in this session and return its exit status.

        tmux may mark the pane dead (its terminal closed) and collect the process much later, its
        status unknown until then: the status of a process ended but not yet collected is read from
        /proc instead."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.run(
                "display-message",
                "-p",
                "-t",
                name,
                "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pane_pid}",
                check=False,
            ).strip()
            dead, code, killed_by, pid = [*status.split(":"), "", "", ""][:4]
            if dead == "1" and not (code or killed_by) and (ended := uncollected_status(int(pid))) is not None:
                code, killed_by = (str(ended), "") if ended >= 0 else ("", str(-ended))
            if dead == "1" and code:
                return int(code)
            assert not (dead == "1" and killed_by), f"followup was ended by signal {killed_by}:\n{self.screen(name)}"
            assert time.monotonic() < deadline, f"followup kept running:\n{self.screen(name)}"
            time.sleep(0.05)

    def kill_session(self, name: str) -> None:
        self.run("kill-session", "-t", name, check=False)

    def close(self) -> None:
        self.run("kill-server", check=False)


def uncollected_status(pid: int) -> int | None:
    """The exit status of a process that has ended but that its parent has not collected yet (a zombie
    alone in its group of threads), as the signal's number negated if a signal ended it; else None."""
    try:
        with open(f"/proc/{pid}/stat") as proc:
            fields = proc.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None
    if fields[0] != "Z" or len(os.listdir(f"/proc/{pid}/task")) > 1:
        return None
    wait_status = int(fields[49])  # the 52nd field: the status as waitpid(2) reports it
    return -(wait_status & 0x7F) if wait_status & 0x7F else wait_status >> 8


def wait_gone(pid: int, timeout: float = 15.0) -> bool:
    """True once the process has ended (a zombie counts: tmux keeping a pane may reap it late).

    A killed leader turns zombie while its other threads are still exiting, and the file lock is
    only let go when the last of them has: so a zombie counts only once it is alone.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            with open(f"/proc/{pid}/stat") as proc:
                zombie = proc.read().rsplit(")", 1)[1].split()[0] == "Z"
            if zombie and len(os.listdir(f"/proc/{pid}/task")) <= 1:
                return True
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.02)
    return False


@pytest.fixture(scope="module")
def tmux() -> Tmux:
    server = Tmux(f"followup-test-{os.getpid()}-{time.monotonic_ns()}")
    yield server
    server.close()
