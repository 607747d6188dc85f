"""The guidance line: plain words, no rule ids, at most three lines at 80 columns, in every state."""

from __future__ import annotations

import re
import textwrap
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.domain.guidance import next_step
from tui.domain.models import REQUIRED_RULES, CallAttempt, Channel, Interview, Interviewer, Outcome, Profile, ThankYou
from tui.screens.rows import guidance_line, next_window

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
#: The guidance pane is the screen's width less one column of padding each side.
WIDTH, LINES = 78, 3


def ny(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=NY)


def make(**kw) -> Interview:
    kw.setdefault("interviewed_at", ny(11, 24, 14))
    kw.setdefault("interviewer_tz", "Europe/London")
    kw.setdefault("interviewer", Interviewer("Dana Reyes", phone="+442079460000", greet_as="Ms. Reyes"))
    return Interview("Acme Corporation International", "Senior Product Designer", **kw)


def tried(iv: Interview, at: datetime, outcome: Outcome) -> CallAttempt:
    return CallAttempt(iv.id, at, at + timedelta(minutes=2), outcome, dialled=iv.interviewer.phone)


NA, VM, SPOKE, ELSE = Outcome.NO_ANSWER, Outcome.VOICEMAIL_LEFT, Outcome.SPOKE, Outcome.SOMEONE_ELSE
ready = {"checks": dict.fromkeys(REQUIRED_RULES, True)}
STATES = [
    ("first call", ready, [], ny(11, 25, 9)),
    ("prepare", {}, [], ny(11, 25, 9)),
    ("no number", {**ready, "interviewer": Interviewer("Dana Reyes")}, [], ny(11, 25, 9)),
    ("one missed", ready, [(ny(11, 25, 4), NA)], ny(11, 25, 6)),
    (
        "busy then someone else",
        ready,
        [(ny(11, 25, 4), Outcome.BUSY), (ny(11, 25, 5), NA), (ny(11, 25, 11), ELSE)],
        ny(11, 25, 12),
    ),
    ("redial", ready, [(ny(11, 25, 4), NA)], ny(11, 25, 4, 5)),
    ("someone else", ready, [(ny(11, 25, 4), ELSE)], ny(11, 25, 6)),
    ("two missed", ready, [(ny(11, 25, 4), NA), (ny(11, 25, 11), NA)], ny(11, 25, 11, 3)),
    ("waiting", ready, [(ny(11, 25, 4), VM)], ny(11, 26, 9)),
    ("decision", {**ready, "decision_expected": ny(12, 21).date()}, [(ny(11, 25, 4), SPOKE)], ny(11, 26, 9)),
    ("follow up late", ready, [(ny(11, 25, 4), VM)], ny(12, 15, 9)),
    ("second message", ready, [(ny(11, 25, 4), VM), (ny(12, 2, 4), VM)], ny(12, 3, 9)),
    ("short email", ready, [(ny(11, 25, 4), VM), (ny(12, 2, 4), VM)], ny(12, 9, 9)),
    ("rest", ready, [(ny(11, 25, 4), VM), (ny(12, 2, 4), VM)], ny(12, 30, 9)),
    ("christmas", {**ready, "interviewed_at": ny(12, 24, 6)}, [], ny(12, 24, 12)),
    ("wrong number", ready, [(ny(11, 25, 4), Outcome.WRONG_NUMBER)], ny(11, 25, 5)),
]


@pytest.mark.parametrize("thanks", [True, False], ids=["thanked", "not-thanked"])
@pytest.mark.parametrize(("kwargs", "attempts", "now"), [s[1:] for s in STATES], ids=[s[0] for s in STATES])
def test_the_guidance_line_is_short_plain_and_free_of_rule_ids(kwargs, attempts, now, thanks):
    iv = make(**kwargs)
    calls = [tried(iv, at, outcome) for at, outcome in attempts]
    sent = [ThankYou(iv.id, Channel.EMAIL, ny(11, 24, 18))] if thanks else []
    step = next_step(iv, calls, sent, now, Profile(timezone="America/New_York"))
    line = guidance_line(step, now, next_window(iv, step, now))
    plain = re.sub(r"\[/?[^\]]*\]", "", line)
    assert not re.search(r"\bD\d{1,2}\b", plain)
    assert len(textwrap.wrap(plain, WIDTH)) <= LINES, plain
