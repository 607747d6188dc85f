"""A reminder in a real terminal: the app stays open across a call window's start, on a clock that
FOLLOWUP_NOW starts just before it; the row moves up and the notice appears, once."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from terminal_support import needs_tmux, tmux  # noqa: F401  (tmux is a fixture)
from test_ui_reminders import OPENS, seeded

pytestmark = [pytest.mark.slow, needs_tmux]


def _above(screen: str, first: str, second: str) -> bool:
    return -1 < screen.find(first) < screen.find(second)


def test_the_window_opens_while_the_app_is_open(tmp_path, tmux):  # noqa: F811
    db = tmp_path / "wb.json"
    seeded(db)
    env = {"FOLLOWUP_NOW": (OPENS - timedelta(seconds=10)).isoformat(), "TZ": "America/New_York"}
    tmux.start("reminder", ["--db", str(db)], env=env)
    before = tmux.wait_for("reminder", "Borealis")
    assert _above(before, "Borealis", "Acme"), before
    shown = tmux.wait_for("reminder", "has begun", timeout=40)
    assert _above(shown, "Acme", "Borealis"), shown
    time.sleep(1)
    assert tmux.screen("reminder").count("has begun") == 1
    tmux.key("reminder", "q")
