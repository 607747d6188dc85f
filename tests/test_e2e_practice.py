"""One rehearsal in a real terminal (D6): tmux drives `followup --db <tmp>` key by key; the file is read afterwards."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from terminal_support import needs_tmux, tmux  # noqa: F401  (the fixture)
from ui_support import seed, stored

from tui.domain.models import Interview, Interviewer, Profile

pytestmark = [pytest.mark.slow, needs_tmux]


def test_one_rehearsal_by_voicemail_is_kept_and_is_no_call(tmp_path, tmux):  # noqa: F811
    db = tmp_path / "workbook.json"
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    interviewer = Interviewer("Dana Reyes", "Head of Design", phone="+12125550100")
    seed(
        db, [Interview("Acme", "Product Designer", yesterday, interviewer)], profile=Profile("Sam Lee", "+14155550134")
    )
    name = "practice"
    tmux.start(name, ["--db", str(db)], keep=True, size="80x24")
    try:
        tmux.wait_for(name, "Acme – Product Designer")
        tmux.key(name, "h")
        tmux.wait_for(name, "PRACTICE")
        tmux.wait_for(name, "They picked up")
        tmux.key(name, "F6")
        tmux.wait_for(name, "4 to go")
        tmux.key(name, "F5")
        tmux.wait_for(name, "Said aloud: about")
        tmux.type(name, "breathe")
        tmux.wait_for(name, "breathe")
        time.sleep(1.2)  # the running time moves on
        tmux.key(name, "C-e")
        screen = tmux.wait_for(name, "How did that go?")
        assert "That took" in screen
        tmux.key(name, "C-s")
        tmux.wait_for(name, "Rehearsal kept")
        tmux.key(name, "q")
        assert tmux.exit_status(name) == 0
    finally:
        tmux.kill_session(name)
    data = stored(db)
    assert data.get("calls", []) == []
    (run,) = data["interviews"][0]["rehearsals"]
    assert run["branch"] == "voicemail" and run["notes"] == "breathe" and run["seconds"] >= 1
