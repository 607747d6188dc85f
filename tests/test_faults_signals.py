"""SIGTERM, SIGHUP and a closed terminal during a call: the notes are written, the attempt is
recorded as ended at that moment, and the file opens as a consistent workbook."""

from __future__ import annotations

import os
import signal
from datetime import datetime

import pytest
from terminal_support import needs_tmux, tmux, wait_gone  # noqa: F401  (tmux is a fixture)
from test_faults_kill import live_call_workbook
from ui_support import stored

from tui.store import Workbook


@needs_tmux
@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "terminal closed"])
def test_a_signal_mid_call_ends_the_call_then_with_the_notes(tmp_path, tmux, how):  # noqa: F811
    path = tmp_path / "workbook.json"
    call_id = live_call_workbook(path)
    name = f"sig-{how.replace(' ', '-')}"
    pid = tmux.start(name, ["--db", str(path)])
    tmux.carry_on_with_the_call(name)
    tmux.type(name, "asked about the team size")
    tmux.wait_for(name, "team size")  # on screen, so in the app; the signal comes at once after
    before = datetime.now().astimezone().replace(microsecond=0)
    if how == "terminal closed":
        tmux.kill_session(name)  # tmux hangs up the pane, as closing a terminal window does
    else:
        os.kill(pid, getattr(signal, how))
    assert wait_gone(pid), "followup did not leave after the signal"
    after = datetime.now().astimezone()
    tmux.kill_session(name)
    Workbook.open(path, autosave=False).close()  # consistent: opens with every check
    (call,) = [c for c in stored(path)["calls"] if c["id"] == call_id]
    assert call["notes"] == "asked about the team size"
    assert call["ended_at"] is not None, "the attempt was left running"
    assert before <= datetime.fromisoformat(call["ended_at"]) <= after
    assert call["outcome"] is None
