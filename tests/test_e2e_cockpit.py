"""The call, end to end in a real terminal at 80x24 and 120x36, on a copy of the demo workbook.

Select an interview, type notes, start a call, read the whole voicemail, end the call, reopen: the
typed text is at the end of the notes; no rule code on any screen the footer's keys reach; every pane
title whole; keys sent together never raise."""

from __future__ import annotations

import re
from datetime import date

import pytest
from terminal_support import needs_tmux, tmux, wait_gone  # noqa: F401  (tmux is a fixture)
from ui_support import stored

from tui.demo import make_demo_copy
from tui.domain.phones import display_phone

pytestmark = [pytest.mark.slow, needs_tmux]

SIZES = ["80x24", "120x36"]
CODE = re.compile(r"\bD\d{1,2}\b")


def demo_db(tmp_path):
    path = make_demo_copy(tmp_path, today=date.today())
    data = stored(path)
    (harbor,) = [doc for doc in data["interviews"] if doc["company"].startswith("Harborlight")]
    return path, harbor, data["profile"][0]


def no_codes(screen: str, where: str) -> None:
    assert not CODE.search(screen), f"a rule code on {where}:\n{screen}"


def select_harborlight(tmux, name: str) -> None:  # noqa: F811
    tmux.wait_for(name, "Harborlight Analytics")  # the rows are in: the screen takes keys
    tmux.key(name, "/")
    tmux.type(name, "Harborlight")
    tmux.wait_for(name, "Interviews · 1 match")  # the filter has been applied: the selection is made
    tmux.key(name, "Enter")
    tmux.wait_for(name, "Harborlight Analytics – Senior")


@pytest.mark.parametrize("size", SIZES)
def test_a_call_at_this_size_types_after_the_notes_shows_the_voicemail_and_ends(tmp_path, tmux, size):  # noqa: F811
    path, harbor, profile = demo_db(tmp_path)
    name = f"cockpit-{size}"
    tmux.start(name, ["--db", str(path)], size=size)
    select_harborlight(tmux, name)
    for key, where in (("2", "the checklist"), ("3", "the notes")):
        tmux.key(name, key)
        screen = tmux.wait_for(name, "Pre-call checklist" if key == "2" else "Call notes")
        no_codes(screen, where)
    tmux.type(name, " ZZZ")
    tmux.wait_for(name, "ZZZ")
    tmux.key(name, "Escape")  # leaves the editor: keys are keys again
    tmux.wait_for(name, "c Call")  # (a key right on Esc's heels would read as alt+key, in any terminal)
    tmux.key(name, "c")
    screen = tmux.wait_for(name, "● on the call")
    assert "Say first:" in screen and "Call notes" in screen
    no_codes(screen, "the call")
    tmux.type(name, "asked about timing")
    tmux.wait_for(name, "asked about timing")
    tmux.key(name, "F5")
    screen = tmux.wait_for(name, "If voicemail answers")
    number = display_phone(profile["phone"])
    assert number in " ".join(screen.split()), f"the voicemail's number is not on screen:\n{screen}"
    tmux.key(name, "C-e")
    tmux.wait_for(name, "How did the call go?")
    tmux.key(name, "v")
    tmux.wait_for(name, "Recorded: Voicemail left")
    tmux.key(name, "q")
    tmux.kill_session(name)
    (saved,) = [doc for doc in stored(path)["interviews"] if doc["id"] == harbor["id"]]
    assert saved["notes"] == harbor["notes"] + " ZZZ", "the typing landed in front of the old notes"
    (call,) = [c for c in stored(path)["calls"] if c["interview_id"] == harbor["id"] and c["notes"]]
    assert call["notes"] == "asked about timing" and call["outcome"] == "voicemail_left"


@pytest.mark.parametrize("size", SIZES)
def test_no_rule_code_and_no_cut_title_on_any_screen_the_footer_reaches(tmp_path, tmux, size):  # noqa: F811
    path, _, _ = demo_db(tmp_path)
    name = f"screens-{size}"
    tmux.start(name, ["--db", str(path)], size=size)
    select_harborlight(tmux, name)
    screen = tmux.wait_for(name, "Interviews")
    no_codes(screen, "the main screen")
    assert "Pre-call checklist" in screen  # two panes or three: the second pane's title is whole
    for key, title in (
        ("f1", "Every key, and a short guide"),
        ("s", "e: your own words"),
        ("e", "Edit Harborlight"),
        ("p", "Your profile"),
        ("t", "How did your thank-you go out?"),
    ):
        tmux.key(name, key)
        no_codes(tmux.wait_for(name, title), f"what {key} opens")
        tmux.key(name, "Escape")
        tmux.wait_until_gone(name, title)  # back on the main screen before the next key


@pytest.mark.parametrize("chunk", ["qe", "cq", "ce", "xq", "eq"])
def test_keys_sent_together_never_raise(tmp_path, tmux, chunk):  # noqa: F811
    path, _, _ = demo_db(tmp_path)
    name = f"chunk-{chunk}"
    pid = tmux.start(name, ["--db", str(path)], keep=True, size="80x24")
    tmux.wait_for(name, "Harborlight Analytics")
    tmux.type(name, chunk)  # as one chunk, the way a fast typist's keys arrive
    tmux.key(name, "C-q")
    if "c" in chunk:
        tmux.wait_for(name, "End the call and quit?")
        tmux.key(name, "y")
    assert wait_gone(pid), "followup did not end"
    screen = tmux.screen(name)  # the pane stays: whatever followup printed last is still there
    assert "Traceback" not in screen and "Error" not in screen, screen
    stored(path)  # the file reads back whole


def test_the_demo_leaves_no_folder_behind(tmp_path, tmux):  # noqa: F811
    pid = tmux.start("demo", ["--demo"], env={"TMPDIR": str(tmp_path)})
    tmux.wait_for("demo", "Harborlight Analytics")
    assert list(tmp_path.glob("followup-demo-*")), "the demo's copy is made in TMPDIR"
    tmux.key("demo", "q")
    assert wait_gone(pid)
    assert list(tmp_path.glob("followup-demo-*")) == []
