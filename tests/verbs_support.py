"""Shared by the tests/test_verbs_*.py files: run a verb in a subprocess on a fixed clock, seed a workbook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import tinydb

from tui.domain.models import REQUIRED_RULES, CallAttempt, Interview, Interviewer, Outcome, Profile
from tui.store import Workbook

NY = ZoneInfo("America/New_York")
#: The fixed clock every verb runs on: Thursday 26 November 2026, 10:00 in New York.
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=NY)
REPO = Path(__file__).resolve().parent.parent


def followup(db: Path, *args: str, stdin: str | None = None, now: datetime = NOW) -> subprocess.CompletedProcess[str]:
    """`python -m tui --db DB ARGS...` with FOLLOWUP_NOW fixed and the machine's zone set to New York."""
    env = {**os.environ, "FOLLOWUP_NOW": now.isoformat(), "TZ": "America/New_York"}
    env.pop("FOLLOWUP_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        env=env,
        cwd=REPO,
        timeout=60,
    )


def followup_raw(
    *args: str | bytes | Path, stdin: bytes | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`python -m tui ARGS...` on the fixed clock, with arguments and stdin as bytes (not UTF-8 on
    purpose, when a test wants that); what it prints comes back decoded."""
    env = {**os.environ, "FOLLOWUP_NOW": NOW.isoformat(), "TZ": "America/New_York"}
    env.pop("FOLLOWUP_DB", None)
    done = subprocess.run(
        [
            os.fsencode(sys.executable),
            b"-m",
            b"tui",
            *(os.fsencode(arg) if not isinstance(arg, bytes) else arg for arg in args),
        ],
        capture_output=True,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        env=env,
        cwd=REPO,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())


def ready(**kwargs: object) -> Interview:
    """An interview with D1-D4 ticked, so the next step is a call rather than preparation."""
    kwargs.setdefault("checks", {rule: True for rule in REQUIRED_RULES})
    kwargs.setdefault("created_at", NOW - timedelta(days=2))
    return Interview(**kwargs)  # type: ignore[arg-type]


def seed(path: Path) -> dict[str, Interview]:
    """Three interviews at different stages, and a profile.

    - due: interviewed yesterday, ready: the call is due today (D10).
    - waiting: spoke this morning, they decide by Friday: wait, follow up Monday 30 Nov (D19).
    - archived: closed.
    """
    due = ready(
        company="Acme",
        role="Product Designer",
        interviewer=Interviewer("Dana Reyes", "Design Lead", "+12125550100", "dana@acme.example"),
        interviewer_tz="America/New_York",
        interviewed_at=datetime(2026, 11, 25, 14, 0, tzinfo=NY),
        notes="Asked about the onboarding redesign.",
    )
    waiting = ready(
        company="Borealis",
        role="UX Researcher",
        interviewer=Interviewer("Lee Park", phone="+13125550142"),
        interviewer_tz="America/Chicago",
        interviewed_at=datetime(2026, 11, 23, 11, 0, tzinfo=NY),
        decision_expected=datetime(2026, 11, 27).date(),
        decision_text="by Friday",
    )
    archived = ready(
        company="Cobalt",
        role="Designer",
        interviewed_at=datetime(2026, 10, 1, 9, 0, tzinfo=NY),
        archived=True,
    )
    spoke = CallAttempt(
        waiting.id,
        NOW - timedelta(hours=1),
        NOW - timedelta(minutes=52),
        Outcome.SPOKE,
        notes="Friendly; team of six.\nThey liked the portfolio.",
    )
    with Workbook.open(path, autosave=False) as book:
        book.save_profile(Profile("Sam Lee", "+14155550199", "sam@example.com", "America/New_York", "I ship calm UIs."))
        for interview in (due, waiting, archived):
            book.save_interview(interview)
        book.save_call(spoke)
    return {"due": due, "waiting": waiting, "archived": archived}


def tables(path: Path) -> dict[str, list[dict]]:
    """The file as plain TinyDB reads it: each table's documents."""
    db = tinydb.TinyDB(path)
    try:
        return {name: [dict(doc) for doc in db.table(name).all()] for name in db.tables()}
    finally:
        db.close()


def load_json(text: str) -> object:
    return json.loads(text)
