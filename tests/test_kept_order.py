"""The list's order kept between starts: a bigger workbook opened before shows its rows on the first frame
in the order it was left in, works out only the steps of the rows drawn, then puts the order right."""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
import pytest
from ui_support import fixed_clock, running, seed, settle
from ui_support import interview_held as interview

from tui.locations import order_cache_path
from tui.screens import start_up
from tui.screens.start_up import StartUp
from tui.session import Session
from tui.store import Workbook
from tui.store import kept_order as kept_order_module
from tui.store.kept_order import keep_order, read_kept_order
from tui.widgets.interview_list import InterviewList


@pytest.fixture
def bigger(monkeypatch) -> None:
    """A handful of interviews count as a workbook big enough to keep its order."""
    monkeypatch.setattr(start_up, "SORTED_AT_ONCE", 1)


def companies(pilot) -> list[str]:
    return [row.interview.company for row in pilot.app.screen.query_one(InterviewList).rows]


def kept_companies(db: Path) -> list[str]:
    book = Workbook.open(db, autosave=False)
    try:
        names = {i.id: i.company for i in book.interviews(include_archived=True)}
    finally:
        book.close()
    return [names[i] for i in read_kept_order(order_cache_path(db))]


def test_an_order_is_kept_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "orders" / "book.json"
    assert read_kept_order(path) == []
    assert keep_order(path, ["b2", "a1", "c3"])
    assert read_kept_order(path) == ["b2", "a1", "c3"]


@pytest.mark.parametrize(
    "held",
    [
        b"{not json",
        b"[]",
        b'{"layout": 1}',
        b'{"layout": 1, "ids": "abc"}',
        b'{"layout": 1, "ids": ["a", 2]}',
        b'{"layout": 99, "ids": ["a"]}',
        b"\xff\xfe",
    ],
)
def test_a_kept_order_followup_did_not_write_is_not_read(tmp_path: Path, held: bytes) -> None:
    path = tmp_path / "order.json"
    path.write_bytes(held)
    assert read_kept_order(path) == []


def test_a_kept_order_that_is_too_big_or_not_a_file_is_not_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "order.json"
    keep_order(path, ["a" * 30] * 10)
    monkeypatch.setattr(kept_order_module, "_AT_MOST", 100)
    assert read_kept_order(path) == []
    assert read_kept_order(tmp_path) == []  # a folder


def test_an_order_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert not keep_order(blocked / "orders" / "book.json", ["a"])  # its folder is a file
    assert blocked.read_text() == ""


def test_each_workbook_has_its_own_kept_order_named_by_a_digest_of_its_path(tmp_path: Path) -> None:
    one, other = order_cache_path(tmp_path / "job hunt.json"), order_cache_path(tmp_path / "other.json")
    assert one != other and one.parent == other.parent
    assert "job" not in one.name and one.suffix == ".json"


def test_the_session_lists_interviews_in_a_kept_order_then_those_added_since(db) -> None:
    acme, globex, initech, gone = interview("Acme"), interview("Globex"), interview("Initech"), interview("Gone")
    old = interview("Old", archived=True)
    seed(db, [acme, globex, initech, old])
    book = Workbook.open(db, autosave=False)
    try:
        session = Session(book, clock=fixed_clock).load()
        shown = session.in_order([initech.id, gone.id, acme.id, initech.id, old.id])
    finally:
        book.close()
    assert [i.company for i in shown] == ["Initech", "Acme", "Globex"]


async def test_a_workbook_opened_before_shows_its_kept_order_first_then_puts_it_right(db, bigger, monkeypatch) -> None:
    """The first frame has the rows in the order kept and the editor, and only the steps of the rows drawn
    are worked out for it; once every step is known the rows are sorted and the new first row highlighted."""
    import tui.session.steps as session_module
    from tui.app import FollowupApp

    names = [f"Company {n:02}" for n in range(40)]
    seed(db, [interview(name) for name in names])
    async with running(db):
        pass
    assert kept_companies(db) == names  # sorted by company: every step is the same
    keep_order(order_cache_path(db), list(reversed(read_kept_order(order_cache_path(db)))))

    worked_out = 0
    next_step = session_module.next_step

    def counted(*args, **kwargs):
        nonlocal worked_out
        worked_out += 1
        return next_step(*args, **kwargs)

    monkeypatch.setattr(session_module, "next_step", counted)
    first_frame: list[tuple[list[str], int, bool]] = []
    ready = FollowupApp.on_ready

    def on_ready(self) -> None:  # Textual's Ready: the first frame has been drawn
        rows = self.screen.query_one(InterviewList).rows  # its interviews: a row asked for is described
        first_frame.append(([i.company for i in rows.interviews], worked_out, self.screen.notes.built))
        ready(self)

    monkeypatch.setattr(FollowupApp, "on_ready", on_ready)
    async with running(db) as pilot:
        assert companies(pilot) == names
        assert pilot.app.screen.current.company == "Company 00"
    [(shown, steps, editor)] = first_frame
    assert shown == list(reversed(names))
    assert 0 < steps < len(names)  # the rows drawn, not all forty
    assert not editor  # built right after the first frame (a key that needs it sooner builds it first)
    assert kept_companies(db) == names


async def test_a_row_chosen_before_the_order_is_put_right_stays_chosen(db, bigger, monkeypatch) -> None:
    from tui.app import make_app

    seed(db, [interview("Acme"), interview("Globex"), interview("Initech")])
    async with running(db):
        pass
    keep_order(order_cache_path(db), list(reversed(read_kept_order(order_cache_path(db)))))

    gate = threading.Event()
    work_out = StartUp._work_out_steps

    def held(self) -> None:  # the steps take their time, while the user moves down the list
        gate.wait(10)
        work_out(self)

    monkeypatch.setattr(StartUp, "_work_out_steps", held)
    book = Workbook.open(db)
    app = make_app(book, clock=fixed_clock)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert companies(pilot) == ["Initech", "Globex", "Acme"]
            await pilot.press("down")
            await pilot.pause()
            assert pilot.app.screen.current.company == "Globex"
            gate.set()
            await settle(pilot)
            assert companies(pilot) == ["Acme", "Globex", "Initech"]
            assert pilot.app.screen.current.company == "Globex"
            assert pilot.app.screen.query_one(InterviewList).highlighted.company == "Globex"
    finally:
        gate.set()
        app.finish_work()
        book.close()


async def test_the_order_at_quit_is_kept_for_the_next_start(db, bigger) -> None:
    seed(db, [interview("Globex"), interview("Initech")])
    async with running(db) as pilot:
        session = pilot.app.screen.session
        assert [session.get(i).company for i in read_kept_order(order_cache_path(db))] == ["Globex", "Initech"]
        session.add_interview(interview("Acme"))
        pilot.app.screen.refresh_list()
    assert kept_companies(db) == ["Acme", "Globex", "Initech"]


async def test_a_small_workbook_keeps_no_order(db) -> None:
    seed(db, [interview("Acme"), interview("Globex")])
    async with running(db):
        pass
    assert not order_cache_path(db).parent.exists()  # sorted on the first frame: nothing to keep


async def test_the_demo_keeps_no_order(db, bigger) -> None:
    from tui.app import make_app

    seed(db, [interview("Acme"), interview("Globex")])
    book = Workbook.open(db)
    app = make_app(book, demo=True, clock=fixed_clock)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
        app.keep_list_order()
    finally:
        book.close()
    assert not order_cache_path(db).parent.exists()  # a demo leaves nothing behind


def test_a_kept_order_holds_the_ids_alone(tmp_path: Path) -> None:
    path = tmp_path / "order.json"
    keep_order(path, ["a1", "b2"])
    assert orjson.loads(path.read_bytes()) == {"layout": 1, "ids": ["a1", "b2"]}


async def test_an_order_unchanged_since_it_was_kept_is_not_written_again(db, bigger, monkeypatch) -> None:
    seed(db, [interview("Acme"), interview("Globex")])
    async with running(db):
        pass
    written: list[Path] = []
    write = kept_order_module.write_atomic
    monkeypatch.setattr(kept_order_module, "write_atomic", lambda path, data: written.append(path) or write(path, data))
    async with running(db):
        pass
    assert written == []
    assert kept_companies(db) == ["Acme", "Globex"]


def test_orders_not_kept_or_read_for_half_a_year_are_removed(tmp_path: Path) -> None:
    """A workbook deleted or moved leaves its order behind: it goes once it has not been used for months."""
    import os
    import time

    folder = tmp_path / "orders"
    gone, used, mine = folder / "gone.json", folder / "used.json", folder / "mine.json"
    for path in (gone, used):
        keep_order(path, ["a1"])
        months_ago = time.time() - kept_order_module.STALE_AFTER - 60
        os.utime(path, (months_ago, months_ago))
    assert read_kept_order(used) == ["a1"]  # read at a start: in use
    keep_order(mine, ["b2"])
    assert not gone.exists()
    assert read_kept_order(used) == ["a1"] and read_kept_order(mine) == ["b2"]
