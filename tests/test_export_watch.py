"""`export --watch`: the chosen file is written again, whole, each time the workbook is saved, so a
calendar that subscribes to it is always current; Ctrl+C ends it quietly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import icalendar
from verbs_support import NOW, REPO, followup, seed


def _wait_for(check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("never happened")


def _summaries(path) -> set[str]:
    try:
        return {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    except (OSError, ValueError):
        return set()


def test_watch_rewrites_the_calendar_after_each_change_and_stops_on_ctrl_c(tmp_path):
    db, target = tmp_path / "wb.json", tmp_path / "followups.ics"
    seed(db)
    env = {**os.environ, "FOLLOWUP_NOW": NOW.isoformat(), "TZ": "America/New_York"}
    watcher = subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(db), "export", "--format", "ics", "-o", str(target), "--watch"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        _wait_for(lambda: any("Acme" in s for s in _summaries(target)))
        added = followup(
            db, "add", "--company", "Zenith", "--role", "Writer", "--interviewer", "Kim Ito",
            "--phone", "(212) 555-0177", "--when", "yesterday 2pm", "--tz", "America/New_York",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        _wait_for(lambda: any("Zenith" in s for s in _summaries(target)))
        assert oct(target.stat().st_mode & 0o777) == "0o600"
        watcher.send_signal(signal.SIGINT)
        _out, err = watcher.communicate(timeout=20)
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.wait()
    assert watcher.returncode == 0, err
    assert "Watching" in err and err.count("Wrote") >= 2 and "Traceback" not in err


def test_watch_needs_a_file(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    refused = followup(db, "export", "--format", "ics", "--watch")
    assert refused.returncode == 2 and "--watch" in refused.stderr and "-o FILE" in refused.stderr
