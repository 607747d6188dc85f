"""Escape sequences never reach the terminal: refused where they are typed (every option, both
imports), and neutralised on every output when a file already holds them (another tool wrote it):
each verb, each export to stdout, and every screen of the app. Direction marks are refused in
names. Real `followup` processes, the pilot, and tmux (the terminal's title must not change).
"""

from __future__ import annotations

import json
import time
from datetime import timedelta

import orjson
import pytest
from terminal_support import needs_tmux, tmux  # noqa: F401  (tmux is a fixture)
from test_ui_flows import acme
from ui_support import FIXED_NOW, running, seed, settle, stored
from verbs_support import followup

from tui.domain.models import CallAttempt, Channel, ChecklistItem, Outcome, Profile, Qualification, Reference, ThankYou

ESC = "\x1b[31m"
OSC0 = "\x1b]0;PWNED\x07"
OSC52 = "\x1b]52;c;ZXZpbA==\x07"
CSI = "\x9b2J"  # the one-byte C1 form of ESC [
RLO = "\u202e"
#: Everything a terminal would obey, and what makes a name read backwards.
RAW = ("\x1b", "\x07", "\x9b", "\u202e")
EVIL = f"{OSC0}{OSC52}{ESC}{CSI}{RLO}[/b][red]"


def book_with_one(tmp_path):
    path = tmp_path / "wb.json"
    seed(path, [acme()], profile=Profile(name="Sam Lee", phone="+12025550199"))
    return path, stored(path)["interviews"][0]["id"]


#: (verb and options, the option the message names, the character it names).
TYPED = [
    (["profile", "--name", f"Sam{OSC0}"], "--name", "U+001B"),
    (["profile", "--pitch", f"I ship{OSC52}"], "--pitch", "U+001B"),
    (["profile", "--email", f"sam{ESC}@example.com"], "--email", "U+001B"),
    (["profile", "--name", f"Sam{RLO}eeL"], "--name", "U+202E"),
    (["add", "--company", "A", "--role", "B", "--email", f"x{OSC0}@y.example"], "--email", "U+001B"),
    (["add", "--company", "A", "--role", "B", "--notes", f"n{OSC52}"], "--notes", "U+001B"),
    (["add", "--company", "A", "--role", "B", "--wish", f"w{ESC}"], "--wish", "U+001B"),
    (["add", "--company", f"Ac{RLO}me", "--role", "B"], "--company", "U+202E"),
    (["add", "--company", "A", "--role", "B", "--interviewer", "Dana\u2066Reyes"], "--interviewer", "U+2066"),
    (["add", "--company", "A", "--role", "B", "--title", "Lead\u202a"], "--title", "U+202A"),
    (["log-call", "{id}", "--outcome", "spoke", "--notes", f"n{OSC52}"], "--notes", "U+001B"),
    (["log-call", "{id}", "--outcome", "spoke", "--notes", f"n{CSI}"], "--notes", "U+009B"),
    (["log-call", "{id}", "--outcome", "spoke", "--decision", f"by Friday{OSC0}"], "--decision", "U+001B"),
]


@pytest.mark.parametrize(("argv", "option", "code"), TYPED, ids=[f"{a[0]}-{o}-{c}" for a, o, c in TYPED])
def test_escape_sequences_and_direction_marks_are_refused_where_typed(tmp_path, argv, option, code):
    path, interview_id = book_with_one(tmp_path)
    before = path.read_bytes()
    done = followup(path, *[arg.replace("{id}", interview_id[:8]) for arg in argv])
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{option}: Contains" in done.stderr and code in done.stderr
    assert not any(char in done.stderr + done.stdout for char in RAW)
    assert path.read_bytes() == before


def test_notes_piped_in_with_an_escape_sequence_are_refused(tmp_path):
    path, interview_id = book_with_one(tmp_path)
    before = path.read_bytes()
    done = followup(path, "log-call", interview_id[:8], "--outcome", "spoke", "--notes", "-", stdin=f"ok {OSC0}\n")
    assert done.returncode == 2 and "--notes: Contains a control character (U+001B)" in done.stderr
    assert path.read_bytes() == before


def export_with(tmp_path, where: str, text: str) -> str:
    """A json export of one interview with `text` put in `where` (a field, or "call notes")."""
    path, _ = book_with_one(tmp_path)
    document = orjson.loads(followup(path, "export", "--format", "json").stdout)
    document["interviews"][0]["id"] = "imported0000"
    if where == "call notes":
        call = {
            "id": "importedcall",
            "interview_id": "imported0000",
            "started_at": FIXED_NOW.isoformat(),
            "notes": text,
        }
        document["calls"] = [call]
    elif where == "interviewer":
        document["interviews"][0]["interviewer"]["name"] = text
    else:
        document["interviews"][0][where] = text
    return json.dumps(document, indent=1)


@pytest.mark.parametrize(
    ("where", "text", "says"),
    [
        ("company", f"Acme{OSC0}", "company: Contains a control character (U+001B)"),
        ("notes", f"hello{OSC52}", "notes: Contains a control character (U+001B)"),
        ("interviewer", f"Dana{RLO}", "interviewer_name: Contains a hidden direction mark (U+202E)"),
        ("call notes", f"said{ESC}", "notes: Contains a control character (U+001B)"),
    ],
)
def test_a_json_import_with_escape_sequences_is_refused_by_line(tmp_path, where, text, says):
    source = tmp_path / "in.json"
    source.write_text(export_with(tmp_path, where, text), encoding="utf-8")
    target = tmp_path / "target.json"
    done = followup(target, "import", str(source), "--apply")
    assert done.returncode == 2, done.stdout + done.stderr
    assert says in done.stderr and " line " in done.stderr
    assert not any(char in done.stderr for char in RAW)
    assert not target.exists() or not stored(target).get("interviews")


def evil_workbook(path):
    """Every text field holds what another tool might have written: escape sequences, OSC 0/52, RLO."""
    interview = acme(
        company=f"Evil{EVIL}Corp",
        role=f"Role{EVIL}",
        notes=f"notes{EVIL}\nsecond line",
        wish_said=f"wish{EVIL}",
        decision_text=f"by Friday{EVIL}",
        interviewer_tz="America/New_York",
    )
    interview.interviewer.name = f"Dana{EVIL}"
    interview.interviewer.title = f"Lead{EVIL}"
    interview.interviewer.email = "dana@acme.example"
    interview.references = (Reference(f"Ref{EVIL}", f"boss{EVIL}", f"ref{EVIL}@x.example"),)
    interview.qualifications = (Qualification(f"Qual{EVIL}", f"need{EVIL}"),)
    interview.custom_items = (ChecklistItem(f"item{EVIL}"),)
    call = CallAttempt(
        interview.id,
        FIXED_NOW - timedelta(hours=3),
        FIXED_NOW - timedelta(hours=2, minutes=58),
        Outcome.NO_ANSWER,
        notes=f"call notes{EVIL}",
        next_step=f"next{EVIL}",
    )
    thanks = ThankYou(interview.id, Channel.EMAIL, FIXED_NOW - timedelta(hours=1), note=f"thanks{EVIL}")
    profile = Profile(name=f"Sam{EVIL}", phone="+12025550199", email="sam@example.com", pitch=f"pitch{EVIL}")
    seed(path, [interview], [call], profile=profile, thank_yous=[thanks])
    return interview.id


OUTPUTS = [
    ["list"],
    ["list", "--json"],
    ["list", "--archived"],
    ["script", "{id}", "--kind", "voicemail"],
    ["script", "{id}", "--kind", "talking-points"],
    ["script", "{id}", "--kind", "thank-you"],
    ["profile"],
    ["export", "--format", "md"],
    ["export", "--format", "csv"],
    ["export", "--format", "json"],
    ["export", "--format", "ics"],
    ["log-call", "{id}", "--outcome", "busy"],
]


@pytest.mark.parametrize("argv", OUTPUTS, ids=[" ".join(a) for a in OUTPUTS])
def test_what_a_file_already_holds_is_shown_never_obeyed_by_every_verb(tmp_path, argv):
    path = tmp_path / "wb.json"
    interview_id = evil_workbook(path)
    done = followup(path, *[arg.replace("{id}", interview_id[:8]) for arg in argv])
    assert done.returncode == 0, done.stderr
    for stream in (done.stdout, done.stderr):
        raw = [f"U+{ord(char):04X}" for char in RAW if char in stream]
        assert not raw, f"{' '.join(argv)} printed {raw} raw:\n{stream[:400]!r}"
    if argv[:2] == ["export", "--format"] and argv[2] in ("md", "csv"):
        assert "␛" in done.stdout, "an escape should be shown as a symbol, not dropped silently"


def test_the_json_export_escapes_them_and_reads_back_the_same(tmp_path):
    path = tmp_path / "wb.json"
    evil_workbook(path)
    done = followup(path, "export", "--format", "json")
    assert "\\u202e" in done.stdout and "\\u009b" in done.stdout and "\\u001b" in done.stdout
    document = json.loads(done.stdout)
    assert document["interviews"][0]["company"] == f"Evil{EVIL}Corp"


#: A walk through the app: (keys, or "pane:NAME" to switch panes; the screen it leads to; what is looked at).
WALK = [
    ("", "MainScreen", "list"),
    ("pane:checklist", "MainScreen", "checklist and history"),
    ("pane:list-pane s", "DraftsDialog", "drafts"),
    ("escape", "MainScreen", ""),
    ("c", "MainScreen", "call screen"),
    ("ctrl+e", "OutcomeDialog", "outcome"),
    ("s", "DecisionDialog", "decision"),
    ("escape", "MainScreen", ""),
    ("pane:list-pane e", "InterviewForm", "form"),
    ("escape", "MainScreen", ""),
    ("p", "ProfileDialog", "profile"),
    ("escape", "MainScreen", ""),
    ("ctrl+p", "CommandPalette", ""),
    ("E v i l", "CommandPalette", "palette"),
]


async def test_no_screen_of_the_app_sends_them_raw(tmp_path):
    """Every line each screen draws, as it goes to the terminal: list, checklist, notes, history, the
    call screen with its scripts, the drafts, the outcome and decision questions, the form, the
    profile and the palette."""
    path = tmp_path / "wb.json"
    evil_workbook(path)
    seen: dict[str, list[str]] = {}
    async with running(path) as pilot:
        for keys, screen, where in WALK:
            for key in keys.split():
                if key.startswith("pane:"):
                    pilot.app.main.front(key.removeprefix("pane:"))
                else:
                    await pilot.press(key)
            deadline = time.monotonic() + 10
            while type(pilot.app.screen).__name__ != screen:
                assert time.monotonic() < deadline, f"{screen} never opened"
                await pilot.pause(0.05)
            await settle(pilot)
            await pilot.pause(0.2)
            if where:
                lines = pilot.app.screen._compositor.render_update(full=True)
                text = "".join(segment.text for strip in getattr(lines, "strips", []) for segment in strip)
                assert "Evil" in text or where in ("outcome", "decision", "profile"), f"{where}: {text[:200]}"
                seen[where] = [f"U+{ord(char):04X}" for char in RAW if char in text]
    assert all(not found for found in seen.values()), seen
    assert len(seen) == 9


@needs_tmux
def test_the_terminal_title_is_not_changed_by_text_from_the_file(tmp_path, tmux):  # noqa: F811
    path = tmp_path / "wb.json"
    evil_workbook(path)
    tmux.start("title", ["--db", str(path)])
    try:
        tmux.run("select-pane", "-t", "title", "-T", "followup-test")
        tmux.wait_for("title", "Interviews")
        for key in ("2", "1", "c"):  # the checklist, back to the list, then the call screen and its scripts
            tmux.key("title", key)
            time.sleep(0.6)
        tmux.wait_for("title", "on the call")
        tmux.key("title", "s")
        time.sleep(0.6)
        title = tmux.run("display-message", "-p", "-t", "title", "#{pane_title}").strip()
        assert "PWNED" not in title, f"text from the file set the terminal's title to {title!r}"
        assert "Evil" in tmux.screen("title")
    finally:
        tmux.kill_session("title")
