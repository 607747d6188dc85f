"""The demo workbook: realistic, made up, loadable, and moved to stand relative to today."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import stat
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from tui.demo import make_demo_copy, shift_demo
from tui.domain.documents import from_doc
from tui.domain.models import CallAttempt, Channel, Interview, Outcome, Profile, ThankYou
from tui.domain.phones import parse_phone
from tui.locations import demo_source
from tui.store import Workbook
from tui.store.schema import SCHEMA_VERSION, check_layout, schema_version

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"interviews": Interview, "calls": CallAttempt, "thank_yous": ThankYou, "profile": Profile}
FIXED_TODAYS = [date(2027, 1, 12), date(2027, 3, 9), date(2027, 7, 15), date(2026, 11, 1)]


def shipped() -> dict:
    return orjson.loads(demo_source().read_bytes())


def moments(data: dict) -> list[tuple[str, str, str, str]]:
    """(table, doc id, field, ISO text) for every stored moment."""
    fields = {
        "interviews": ("interviewed_at", "created_at"),
        "calls": ("started_at", "ended_at"),
        "thank_yous": ("sent_at",),
    }
    return [
        (table, key, name, doc[name])
        for table, names in fields.items()
        for key, doc in data[table].items()
        for name in names
        if doc.get(name)
    ]


def newest_interview_day(data: dict) -> date:
    return max(datetime.fromisoformat(doc["interviewed_at"]).date() for doc in data["interviews"].values())


def test_the_shipped_file_is_the_source_checkout_one():
    assert (
        demo_source() == ROOT / "data" / "demo.json"
        or demo_source().read_bytes() == (ROOT / "data" / "demo.json").read_bytes()
    )


def test_the_demo_is_a_schema_1_tinydb_layout_and_every_record_converts():
    data = shipped()
    assert check_layout(data) is None
    assert schema_version(data) == SCHEMA_VERSION == 1
    for table, cls in KINDS.items():
        assert data[table], table
        for doc in data[table].values():
            assert isinstance(from_doc(cls, doc), cls)


def test_the_demo_opens_through_the_workbook(tmp_path):
    path = make_demo_copy(tmp_path, today=date(2027, 2, 3))
    with Workbook.open(path, autosave=False) as book:
        everything = book.interviews(include_archived=True)
        assert len(everything) >= 12
        assert len(book.interviews()) == len(everything) - 1  # one is archived (closed)
        assert book.has_profile and book.profile.timezone == "America/New_York"
        ids = {interview.id for interview in everything}
        assert all(call.interview_id in ids for call in book.all_calls())
        assert all(thanks.interview_id in ids for thanks in book.all_thank_yous())
        assert all(call.ended_at is not None for call in book.all_calls())


def test_the_anchor_is_the_day_after_the_newest_interview():
    data = shipped()
    anchors = [doc["demo_anchor"] for doc in data["meta"].values() if "demo_anchor" in doc]
    assert anchors == [(newest_interview_day(data) + timedelta(days=1)).isoformat()]
    assert {"schema_version": SCHEMA_VERSION} in data["meta"].values()


@pytest.mark.parametrize("today", FIXED_TODAYS)
def test_after_copying_the_newest_interview_was_yesterday(tmp_path, today):
    data = orjson.loads(make_demo_copy(tmp_path, today=today).read_bytes())
    assert newest_interview_day(data) == today - timedelta(days=1)
    anchors = [doc["demo_anchor"] for doc in data["meta"].values() if "demo_anchor" in doc]
    assert anchors == [today.isoformat()]


@pytest.mark.parametrize("today", FIXED_TODAYS)
def test_shifting_moves_whole_days_and_keeps_times_of_day(tmp_path, today):
    before = shipped()
    after = orjson.loads(make_demo_copy(tmp_path, today=today).read_bytes())
    anchor = next(doc["demo_anchor"] for doc in before["meta"].values() if "demo_anchor" in doc)
    days = (today - date.fromisoformat(anchor)).days
    for (table, key, name, old), (_, _, _, new) in zip(moments(before), moments(after), strict=True):
        was, now = datetime.fromisoformat(old), datetime.fromisoformat(new)
        assert now.tzinfo is not None and now.utcoffset() is not None, (table, key, name)
        assert now.time() == was.time(), (table, key, name, old, new)
        assert (now.date() - was.date()).days == days, (table, key, name, old, new)
    for table, name in (("interviews", "decision_expected"), ("calls", "follow_up_on")):
        for key, doc in before[table].items():
            if doc.get(name):
                moved = date.fromisoformat(after[table][key][name])
                assert (moved - date.fromisoformat(doc[name])).days == days
    # Durations survive the shift, even across a daylight-saving change.
    for key, doc in before["calls"].items():
        old = datetime.fromisoformat(doc["ended_at"]) - datetime.fromisoformat(doc["started_at"])
        new = datetime.fromisoformat(after["calls"][key]["ended_at"]) - datetime.fromisoformat(
            after["calls"][key]["started_at"]
        )
        assert new == old


def test_a_summer_shift_keeps_the_local_time_and_takes_the_summer_offset(tmp_path):
    data = orjson.loads(make_demo_copy(tmp_path, today=date(2027, 7, 15)).read_bytes())
    first = datetime.fromisoformat(data["interviews"]["1"]["interviewed_at"])
    assert first.isoformat() == "2027-07-14T10:00:00-04:00"  # 10:00 New York time, daylight saving


def test_a_time_in_the_spring_forward_gap_becomes_a_real_moment():
    data = {
        "profile": {"1": {"timezone": "America/New_York"}},
        "interviews": {"1": {"id": "a", "interviewed_at": "2027-03-07T02:30:00-05:00", "interviewer_tz": ""}},
        "calls": {},
        "thank_yous": {},
    }
    assert shift_demo(data, date(2027, 3, 15)) == 7
    moved = datetime.fromisoformat(data["interviews"]["1"]["interviewed_at"])
    assert moved.isoformat() == "2027-03-14T03:30:00-04:00"  # 2:30 does not exist that night


def test_a_moment_on_an_unknown_clock_keeps_its_offset():
    data = {"interviews": {"1": {"id": "a", "interviewed_at": "2027-01-05T09:00:00+05:30"}}}
    shift_demo(data, date(2027, 1, 10))
    assert data["interviews"]["1"]["interviewed_at"] == "2027-01-09T09:00:00+05:30"


def test_the_shipped_file_is_untouched(tmp_path):
    source = demo_source()
    before = source.read_bytes()
    mode = source.stat().st_mode
    siblings = sorted(p.name for p in source.parent.iterdir())
    for number, today in enumerate(FIXED_TODAYS):
        folder = tmp_path / str(number)
        folder.mkdir()
        with Workbook.open(make_demo_copy(folder, today=today), autosave=False) as book:
            interview = book.interviews()[0]
            interview.notes += "\nedited in the demo"
            book.save_interview(interview)
    assert hashlib.sha256(source.read_bytes()).digest() == hashlib.sha256(before).digest()
    assert source.stat().st_mode == mode
    assert sorted(p.name for p in source.parent.iterdir()) == siblings  # no lock, backup or temp file


def test_the_copy_is_private(tmp_path):
    path = make_demo_copy(tmp_path, today=date(2027, 1, 12))
    assert path == tmp_path / "demo.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def phone_numbers(data: dict) -> list[str]:
    found = [data["profile"]["1"]["phone"]]
    for doc in data["interviews"].values():
        found.append(doc["interviewer"]["phone"])
        found += [ref["contact"] for ref in doc["references"] if not ref["contact"].count("@")]
    return found


def test_every_phone_number_is_a_fictional_555_01xx_number():
    data = shipped()
    numbers = phone_numbers(data)
    assert len(numbers) > 12
    for number in numbers:
        assert re.fullmatch(r"\+1[2-9]\d{2}55501\d{2}", number), number
        assert parse_phone(number) == number  # stored E.164, as the app stores it
    # Nothing in a note or any other text slips a real-looking number past the fields above.
    text = demo_source().read_text(encoding="utf-8")
    text = re.sub(r"\d{4}-\d{2}-\d{2}(T[\d:.]+([+-]\d{2}:\d{2})?)?", "", text)  # ISO dates and times
    text = re.sub(r"\b[0-9a-f]{32}\b", "", text)  # record ids
    for match in re.finditer(r"\+?\d[\d ().-]{5,}\d", text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) >= 7:
            assert re.search(r"55501\d{2}$", digits), match.group()


def test_every_email_is_at_a_reserved_example_domain():
    text = demo_source().read_text(encoding="utf-8")
    emails = re.findall(r"[\w.+-]+@([\w.-]+)", text)
    assert emails
    for domain in emails:
        assert domain in ("example.com", "example.org", "example.net") or domain.endswith(".example"), domain


def test_the_demo_shows_every_stage():
    data = shipped()
    interviews = [from_doc(Interview, doc) for doc in data["interviews"].values()]
    calls = [from_doc(CallAttempt, doc) for doc in data["calls"].values()]
    thanks = [from_doc(ThankYou, doc) for doc in data["thank_yous"].values()]
    anchor = newest_interview_day(data) + timedelta(days=1)
    assert {call.outcome for call in calls} == set(Outcome)
    assert {t.channel for t in thanks} == set(Channel)  # including a text message (D20)
    thanked = {t.interview_id for t in thanks}
    assert any(i.id not in thanked for i in interviews)  # D21 reminder
    assert sum(i.archived for i in interviews) == 1
    assert any(len(i.qualifications) > 5 for i in interviews)  # "keep it short" (D4)
    assert all(3 <= len(i.qualifications) <= 5 for i in interviews if len(i.qualifications) <= 5)
    assert any(not i.checks for i in interviews)
    assert any(i.ready_to_call for i in interviews) and any(i.checks and not i.ready_to_call for i in interviews)
    assert any(i.custom_items for i in interviews)
    zones = {i.interviewer_tz for i in interviews}
    assert {
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "Europe/London",
        "Pacific/Auckland",
    } <= zones
    no_calls = [i for i in interviews if not any(c.interview_id == i.id for c in calls)]
    ages = sorted((anchor - i.interviewed_at.date()).days for i in no_calls)
    assert 1 in ages and 4 in ages  # due today; overdue first call
    by_interview = {i.id: [c for c in calls if c.interview_id == i.id] for i in interviews}
    runs = [[c.outcome for c in sorted(cs, key=lambda c: c.started_at)] for cs in by_interview.values()]
    assert [Outcome.NO_ANSWER] in runs  # call again and leave a message (D12, D13)
    assert any(len(run) == 2 and all(o.unanswered for o in run) for run in runs)  # leave a message (D13)
    assert any(run and run[-1] is Outcome.VOICEMAIL_LEFT for run in runs)  # wait (D15)
    decisions = [i.decision_expected for i in interviews if i.decision_expected and not i.archived]
    assert any(d > anchor for d in decisions) and any(d < anchor for d in decisions)  # wait; follow up (D19)


def test_the_shipped_file_is_what_the_generator_writes():
    spec = importlib.util.spec_from_file_location("make_demo", ROOT / "data" / "make_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = orjson.dumps(module.build(), option=orjson.OPT_INDENT_2) + b"\n"
    assert built == (ROOT / "data" / "demo.json").read_bytes(), "rerun: .venv/bin/python data/make_demo.py"


def test_the_demo_module_does_not_import_textual():
    code = "import sys, tui.demo; print(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False"
