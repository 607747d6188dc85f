"""SIGTERM, SIGHUP and a closed terminal during a call: the notes are written, the attempt is
recorded as ended at that moment, and the file opens as a consistent workbook."""

from __future__ import annotations

import os
import shlex
import signal
import sys
from datetime import datetime, timedelta

import pytest
from terminal_support import ROOT, needs_tmux, tmux, wait_gone  # noqa: F401  (tmux is a fixture)
from test_faults_kill import live_call_workbook
from ui_support import seed, stored

from tui.domain.models import Interview
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


STUCK_WORKER = """
import sys, threading
import tui.app
shown = tui.app.FollowupApp.on_ready

def on_ready(self):
    shown(self)
    # a thread worker that never hands back, as one waiting on the event loop the moment it stopped
    self.run_worker(threading.Event().wait, thread=True)

tui.app.FollowupApp.on_ready = on_ready
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""


@needs_tmux
def test_quitting_ends_followup_even_with_a_thread_worker_that_never_ends(tmp_path, tmux):  # noqa: F811
    """Textual's end waits for every thread worker; a stuck one must not keep followup alive."""
    path = tmp_path / "workbook.json"
    seed(path, [Interview("Acme", "Designer", datetime.now().astimezone() - timedelta(days=1))])
    command = shlex.join([sys.executable, "-c", STUCK_WORKER, "--db", str(path)])
    tmux.run("new-session", "-d", "-x", "120", "-y", "36", "-s", "stuck", f"-ePYTHONPATH={ROOT}", "exec " + command)
    pid = int(tmux.run("display-message", "-p", "-t", "stuck", "#{pane_pid}").strip())
    tmux.wait_for("stuck", "Acme")
    tmux.key("stuck", "3")
    tmux.wait_for("stuck", "Leave notes")
    tmux.type("stuck", "kept")
    tmux.wait_for("stuck", "kept")
    tmux.key("stuck", "Escape")
    tmux.wait_until_gone("stuck", "Leave notes")
    tmux.key("stuck", "q")
    assert wait_gone(pid, timeout=20), "followup kept running after quitting"
    tmux.kill_session("stuck")
    assert not path.with_name(path.name + ".lock").exists()
    assert stored(path)["interviews"][0]["notes"].endswith("kept")
