"""End to end in a real terminal: tmux runs `followup --db <tmp>`; the file is read afterwards."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from tinydb import TinyDB

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

ROOT = Path(__file__).resolve().parent.parent


class Terminal:
    def __init__(self, session: str) -> None:
        self.session = session

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.session], capture_output=True, text=True).stdout

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"“{text}” never appeared; the screen shows:\n{self.screen()}")

    def wait_until_gone(self, text: str, timeout: float = 15.0) -> str:
        """Until `text` has left the screen (a dialog closed): the keys that follow reach what is under it."""
        deadline = time.monotonic() + timeout
        while text in (shown := self.screen()):
            assert time.monotonic() < deadline, f"“{text}” stayed on screen:\n{shown}"
            time.sleep(0.1)
        return shown

    def keys(self, *keys: str) -> None:
        """One bound key at a time (Textual issue #6605)."""
        for key in keys:
            subprocess.run(["tmux", "send-keys", "-t", self.session, key], check=True)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.session, "-l", text], check=True)

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.session], capture_output=True).returncode == 0


def test_add_tick_call_note_voicemail_quit(tmp_path):
    db = tmp_path / "workbook.json"
    session = f"followup-e2e-{uuid.uuid4().hex[:8]}"
    command = f"cd {ROOT} && {sys.executable} -m tui --db {db}"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "36", command], check=True)
    term = Terminal(session)
    try:
        term.wait_for("Your name")  # the dialog itself: the welcome behind it names the profile too
        term.keys("Escape")  # skip the profile for now
        term.wait_until_gone("Your name")  # the dialog has closed (the welcome shows behind it already)
        term.wait_for("to add the interview")
        term.keys("a")
        term.wait_for("Add an interview")
        term.type("Acme")
        term.keys("Tab")
        term.type("Product Designer")
        term.keys("Tab")
        term.type("yesterday 2pm")
        term.wait_for("14:00")
        term.keys("C-s")
        term.wait_for("Acme – Product Designer")
        term.keys("2")
        term.wait_for("Not ready yet")
        term.keys("Space")
        term.wait_for("tick references ready")
        term.keys("Down", "Space")
        term.wait_for("tick a quiet, private")
        term.keys("c")
        term.wait_for("on the call")
        term.type("Asked about the team")
        term.wait_for("Asked about the team")
        term.keys("C-e")
        term.wait_for("How did the call go?")
        term.keys("v")
        term.wait_for("Recorded: Voicemail left")
        term.keys("q")
        deadline = time.monotonic() + 10
        while term.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not term.alive(), term.screen()
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    data = TinyDB(db)
    try:
        (interview,) = data.table("interviews").all()
        (call,) = data.table("calls").all()
    finally:
        data.close()
    assert interview["company"] == "Acme" and interview["role"] == "Product Designer"
    assert interview["checks"] == {"D1": True, "D2": True}
    assert call["outcome"] == "voicemail_left"
    assert call["notes"] == "Asked about the team"
    assert call["ended_at"] >= call["started_at"]
