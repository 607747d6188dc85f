"""Next steps worked out once and shared (D10, D11): what is kept never gives one interview another's answer."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from tui.domain.models import Interview, Interviewer
from tui.domain.windows import awake, call_windows, windows_on
from tui.formats.ical import utc_stamp
from tui.session import Session
from tui.store import Workbook

NY = ZoneInfo("America/New_York")


def interview(held: datetime, tz: str = "", phone: str = "+12025550123", company: str = "Acme") -> Interview:
    checks = {"D1": True, "D2": True, "D3": True, "D4": True}
    return Interview(company, "Designer", interviewed_at=held, interviewer=Interviewer(phone=phone),
                     interviewer_tz=tz, checks=checks)  # fmt: skip


def test_d11_fixed_offsets_of_one_offset_keep_their_own_names():
    """Two clocks at +05:30 under different names each get windows on their own clock."""
    india, other = timezone(timedelta(hours=5, minutes=30), "IST"), timezone(timedelta(hours=5, minutes=30), "X")
    day = datetime(2026, 12, 2).date()
    assert windows_on(day, india)[0].start.tzname() == "IST"
    assert windows_on(day, other)[0].start.tzname() == "X"


def test_d11_windows_keep_the_wall_clock_on_both_sides_of_a_clock_change():
    before, after = windows_on(datetime(2026, 10, 30).date(), NY), windows_on(datetime(2026, 11, 2).date(), NY)
    assert before[0].start.utcoffset() != after[0].start.utcoffset()
    assert before[0].start.time() == after[0].start.time()


def test_d11_waking_hours_are_read_on_each_clock_asked_about():
    window = windows_on(datetime(2026, 12, 2).date(), NY)[0]
    assert awake(window, NY)
    assert not awake(window, ZoneInfo("Asia/Tokyo"))  # 22:30 there
    assert awake(window, ZoneInfo("Europe/London"))


def test_d10_interviews_asking_alike_get_their_own_first_day():
    """A late interview and a recent one asked at the same moment: the shared search does not mix them up."""
    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    old, recent = interview(now - timedelta(days=20)), interview(now - timedelta(hours=2))
    assert call_windows(old, now, 1, fallback_tz=NY)[0].start.date() == now.date()
    assert call_windows(recent, now, 1, fallback_tz=NY)[0].start.date() > now.date()
    assert call_windows(old, now, 1, fallback_tz=NY)[0].start.date() == now.date()


def test_d11_the_same_moment_asked_on_other_clocks_gives_each_its_windows():
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    held = now - timedelta(days=10)
    here = call_windows(interview(held, "America/New_York"), now, 1)[0]
    there = call_windows(interview(held, "Asia/Tokyo"), now, 1)[0]
    assert here.start.tzinfo is NY and there.start.tzinfo == ZoneInfo("Asia/Tokyo")
    assert here.start != there.start


def test_d11_holidays_follow_the_number_of_each_interview():
    """Thanksgiving moves a US interviewer's call; a UK interviewer on the same day calls as usual."""
    held = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # Wednesday before Thanksgiving
    us = call_windows(interview(held, "America/New_York"), held, 1)[0]
    uk = call_windows(interview(held, "Europe/London", phone="+442079460000"), held, 1)[0]
    again = call_windows(interview(held, "America/New_York"), held, 1)[0]
    assert (us.day.isoformat(), uk.day.isoformat(), again.day) == ("2026-11-27", "2026-11-26", us.day)


def test_calendar_stamps_tell_the_repeated_hour_apart():
    first = datetime(2026, 11, 1, 1, 30, tzinfo=NY)
    second = first.replace(fold=1)
    assert first == second  # the same wall clock on one zone compares equal
    assert utc_stamp(first) == "20261101T053000Z"
    assert utc_stamp(second) == "20261101T063000Z"


def test_the_list_order_follows_a_renamed_interview(tmp_path):
    """Equally urgent interviews sort by company; renaming one moves it."""
    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    book = Workbook.open(tmp_path / "w.json", autosave=False)
    held = now - timedelta(days=3)
    session = Session(book, clock=lambda: now).load()
    for name in ("Cobalt", "acme", "Birch"):
        session.add_interview(interview(held, company=name))
    assert [i.company for i in session.ordered()] == ["acme", "Birch", "Cobalt"]
    cobalt = next(i for i in session.interviews() if i.company == "Cobalt")
    session.update_interview(Interview("Aardvark", cobalt.role, interviewed_at=held, interviewer=cobalt.interviewer,
                                       checks=cobalt.checks, id=cobalt.id))  # fmt: skip
    assert [i.company for i in session.ordered()] == ["Aardvark", "acme", "Birch"]
    book.close()


def test_working_out_every_step_first_leaves_the_sort_nothing_to_work_out(tmp_path, monkeypatch):
    """What a first listing waits for is the steps; the sort after them works none out again."""
    import tui.session.steps as session_module

    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    book = Workbook.open(tmp_path / "w.json", autosave=False)
    session = Session(book, clock=lambda: now).load()
    for name in ("Cobalt", "acme", "Birch"):
        session.add_interview(interview(now - timedelta(days=3), company=name))
    session.restep()
    worked: list[str] = []
    real = session_module.next_step
    monkeypatch.setattr(session_module, "next_step", lambda i, *rest: worked.append(i.company) or real(i, *rest))
    session.keep_steps(session.work_out_steps())
    assert sorted(worked) == ["Birch", "Cobalt", "acme"]
    assert [i.company for i in session.ordered()] == ["acme", "Birch", "Cobalt"]
    assert len(worked) == 3
    book.close()


def test_the_steps_kept_for_every_interview_hold_no_dictionary_each(tmp_path):
    """One next step is kept per interview for the session: each is its fields alone."""
    import sys

    with Workbook.open(tmp_path / "wb.json", autosave=False) as book:
        book.save_interview(interview(datetime(2026, 11, 30, 15, tzinfo=UTC)))
        session = Session(book, lambda: datetime(2026, 12, 2, 15, tzinfo=UTC))
        session.load()
        step = session.step(session.ordered()[0].id)
    assert not hasattr(step, "__dict__")
    assert sys.getsizeof(step) < 128


def test_steps_worked_out_aside_are_not_kept_when_something_changed_meanwhile(tmp_path):
    """Off the UI thread the steps take a moment; a call begun meanwhile must not be listed as still to make."""
    from tui.domain.guidance import StepKind

    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    book = Workbook.open(tmp_path / "w.json", autosave=False)
    session = Session(book, clock=lambda: now).load()
    acme = session.add_interview(interview(now - timedelta(days=3), company="Acme"))
    session.add_interview(interview(now - timedelta(days=3), company="Birch"))
    session.restep()

    worked = session.work_out_steps()  # as the thread does, while the user starts a call
    session.start_call(acme.id)
    session.keep_steps(worked)
    assert session.step(acme.id).kind is StepKind.ON_CALL

    session.restep()
    worked = session.work_out_steps()  # nothing changes meanwhile: every step is taken as worked out
    session.keep_steps(worked)
    assert {i.id: session.step(i.id) for i in session.interviews()} == worked.steps
    assert session._steps is worked.steps  # taken over: at 10,000 interviews a copy stays as a hole in memory
    book.close()


def _varied_workbook(path, seed: int, count: int) -> Session:
    """Interviews of every kind a list holds: late, due, ahead, waiting, a result come, archived, no time
    yet, calls before the interview and calls not ended, the same company and role more than once."""
    import random

    from tui.domain.models import CallAttempt, Outcome, Result

    rng = random.Random(seed)
    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    interviews, calls = [], []
    for _ in range(count):
        held = None if rng.random() < 0.05 else now + timedelta(hours=rng.randint(-24 * 40, 24 * 5))
        one = Interview(
            f"Company {rng.randint(0, count // 3)}",
            rng.choice(["Designer", "Analyst"]),
            interviewed_at=held,
            interviewer=Interviewer(phone=rng.choice(["+12025550123", "+442079460000", ""])),
            interviewer_tz=rng.choice(["", "America/New_York", "Asia/Tokyo"]),
            checks={"D1": True, "D2": rng.random() < 0.7, "D3": True, "D4": True},
            archived=rng.random() < 0.05,
            result=Result.OFFER if rng.random() < 0.05 else Result.WAITING,
        )
        interviews.append(one)
        start = held or now - timedelta(days=3)
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            started = start + timedelta(hours=rng.randint(-30, 24 * 20))
            if started > now:
                continue
            outcome = rng.choice([*Outcome, None])
            ended = None if outcome is None else started + timedelta(minutes=3)
            calls.append(CallAttempt(one.id, started, ended_at=ended, outcome=outcome))
    book = Workbook.open(path, autosave=False)
    book.load_many(interviews)
    book.load_many(calls)
    return Session(book, clock=lambda: now).load()


def test_the_first_rows_at_a_first_start_are_the_ones_the_sorted_list_begins_with(tmp_path):
    """A big workbook's first start shows its first rows before every step is worked out: they are the
    rows, in the order, that the list sorted on every step has, and every other row follows them."""
    for seed in range(30):
        session = _varied_workbook(tmp_path / f"w{seed}.json", seed, 60)
        count = 1 + seed % 20
        first = [i.id for i in session.first_listed(count)]
        everything = [i.id for i in Session(session.workbook, clock=session._clock).load().ordered()]
        assert first[:count] == everything[:count], seed
        assert sorted(first) == sorted(everything)


def test_the_first_rows_need_the_steps_of_a_few_of_many_interviews(tmp_path):
    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    book = Workbook.open(tmp_path / "w.json", autosave=False)
    book.load_many(interview(now - timedelta(days=n % 40, hours=n % 7), company=f"Co {n}") for n in range(2_000))
    session = Session(book, clock=lambda: now).load()
    shown = session.first_listed(20)
    worked_out = len(session._steps)
    assert len(shown) == 2_000 and worked_out < 400
    assert [i.id for i in shown[:20]] == [i.id for i in session.ordered()[:20]]


def test_the_first_rows_of_interviews_alike_but_for_their_names_come_by_name(tmp_path):
    """Interviews as urgent as each other, and as urgent as they could be, tie on everything but their
    names: the names, in any case, then the file's order decide which come first, as in the sorted list."""
    import random

    from tui.domain.guidance import attention_key
    from tui.session.order import first_rows

    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    rng = random.Random(7)
    names = [rng.choice(["acme", "Acme", "Bolt", "bolt", "Crane", "Dune", "echo"]) for _ in range(300)]
    book = Workbook.open(tmp_path / "w.json", autosave=False)
    book.load_many(interview(now - timedelta(days=9 + n % 2), company=name) for n, name in enumerate(names))
    session = Session(book, clock=lambda: now).load()
    everything = session.ordered()
    for count in (1, 7, 40, 120):
        # The tightest bound there is: each interview's own key, so every bound ties with a key found.
        first = first_rows(
            list(session._index.interviews.values()),
            lambda i: session.step(i.id),
            lambda i: attention_key(session.step(i.id), now),
            now,
            count,
        )
        assert [i.id for i in first[:count]] == [i.id for i in everything[:count]], count
        assert sorted(i.id for i in first) == sorted(i.id for i in everything)


def test_the_list_is_by_urgency_then_company_and_role_in_any_case_then_the_file_s_order(tmp_path):
    """The list's order against a plain sort of every interview in the file's order, on each key at once;
    after a delete and an add too (the order by name kept from before is not taken for them)."""
    import random

    from tui.domain.guidance import attention_key

    def plainly(session: Session, include_archived: bool, words: tuple[str, ...] = ()) -> list[str]:
        now = session.now()
        kept = [i for i in session._index.interviews.values() if include_archived or not i.archived]
        kept = [i for i in kept if all(word in f"{i.company} {i.role}".lower() for word in words)]
        key = lambda i: (i.archived, *attention_key(session.step(i.id), now), i.company.lower(), i.role.lower())  # noqa: E731
        return [i.id for i in sorted(kept, key=key)]

    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    for seed in range(10):
        rng = random.Random(seed)
        book = Workbook.open(tmp_path / f"w{seed}.json", autosave=False)
        book.load_many(
            Interview(
                rng.choice(["acme", "Acme", "ACME", "Bolt", "bolt", "Crane"]),
                rng.choice(["Designer", "designer", "Analyst"]),
                interviewed_at=now - timedelta(days=rng.choice([1, 3, 9, 9, 9, 40])),
                interviewer=Interviewer(phone="+12025550123"),
                archived=rng.random() < 0.2,
            )
            for _ in range(80)
        )
        session = Session(book, clock=lambda: now).load()
        for include_archived in (False, True):
            assert [i.id for i in session.ordered(include_archived)] == plainly(session, include_archived), seed
        assert [i.id for i in session.ordered(words=("bolt",))] == plainly(session, False, ("bolt",)), seed
        gone = session.ordered()[rng.randrange(40)]
        session.delete_interview(gone.id)
        assert [i.id for i in session.ordered()] == plainly(session, False), seed
        session.add_interview(Interview("acme", "Designer", interviewed_at=now - timedelta(days=9)))
        assert [i.id for i in session.ordered(True)] == plainly(session, True), seed


def test_interviews_alike_share_one_step_and_a_zone_of_their_own_keeps_its_own(tmp_path):
    """Steps equal in every field are one object; a window equal as moments but in another zone is not
    theirs (its day and hours are read in its own zone), and a changed interview gets a step of its own."""
    now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    held = now - timedelta(days=1, hours=5)
    book = Workbook.open(tmp_path / "w.json", autosave=False)
    twins = [interview(held, "America/New_York", company=name) for name in ("Acme", "Bolt")]
    toronto = interview(held, "America/Toronto", company="Crane")  # the same offsets as New York's
    book.load_many([*twins, toronto])
    session = Session(book, clock=lambda: now).load()
    first, second, third = (session.step(i.id) for i in (*twins, toronto))
    assert first is second and first.window is not None
    assert third == first and third is not first  # equal moments, another zone
    assert str(third.window.start.tzinfo) == "America/Toronto"
    assert str(first.window.start.tzinfo) == "America/New_York"
    session.update_interview(dataclasses.replace(twins[1], interviewer=Interviewer(phone="")))
    assert session.step(twins[1].id) != first and session.step(twins[0].id) is first
    session.restep()
    assert session._alike == {} and session.step(twins[0].id) == first
