"""Every rule of the practice (D1-D21) is proved by a test that names it; the checklist rules here."""

from __future__ import annotations

import ast
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tui.domain.models import CHECKLIST_RULES, REQUIRED_RULES, CallAttempt, Interview, Outcome
from tui.domain.recording import record_outcome
from tui.domain.scripts import talking_points

NY = ZoneInfo("America/New_York")
TESTS = Path(__file__).parent


def _named_rules() -> set[int]:
    """The rule numbers that test function names carry ("test_d13_d15_..." names 13 and 15)."""
    found: set[int] = set()
    for path in TESTS.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_"):
                for part in node.name.split("_"):
                    if part[:1] == "d" and part[1:].isdigit():
                        found.add(int(part[1:]))
    return found


def test_every_rule_is_named_by_a_test():
    missing = sorted(set(range(1, 22)) - _named_rules())
    assert not missing, f"no test names D{missing}"


def test_d1_d2_d3_d4_are_the_items_that_must_be_ticked():
    assert REQUIRED_RULES == ("D1", "D2", "D3", "D4")
    iv = Interview("Acme", "Designer", checks={"D1": True, "D4": True})
    assert iv.missing_required == ["D2", "D3"] and not iv.ready_to_call


def test_d5_to_d9_are_on_the_checklist_but_never_block_a_call():
    labels = dict(CHECKLIST_RULES)
    assert labels["D5"] == "Decision-maker's number" and labels["D6"] == "Practised the call"
    assert labels["D7"] == "A reason to call" and labels["D9"] == "Smile while you speak"
    assert Interview("Acme", "Designer", checks=dict.fromkeys(REQUIRED_RULES, True)).ready_to_call


def test_d8_what_you_wish_you_had_said_is_in_the_talking_points():
    iv = Interview("Acme", "Designer", wish_said="my accessibility audit")
    assert "• What I meant to mention: my accessibility audit" in talking_points(iv, None, datetime.now(NY)).text


def test_d18_every_attempt_keeps_its_outcome_when_and_how_long():
    iv = Interview("Acme", "Designer", interviewer_tz="America/New_York")
    started = datetime(2026, 11, 25, 9, 0, tzinfo=NY)
    for outcome in Outcome:
        call = CallAttempt(iv.id, started)
        record_outcome(iv, call, [], started + timedelta(minutes=3, seconds=20), outcome)
        assert (call.outcome, call.started_at, call.duration_seconds) == (outcome, started, 200)
