"""What the start does once and keeps: holiday tables kept on disk, a checklist that is not rebuilt
for every row the cursor passes, and hints that need no keymap file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from terminal_support import needs_tmux, tmux  # noqa: F401  (tmux is a fixture)
from ui_support import interview_held as interview
from ui_support import running, seed, settle

from tui.domain.models import ChecklistItem
from tui.domain.workdays import WorkCalendar, country_for_phone
from tui.locations import holidays_cache_path
from tui.store.kept_holidays import keep_holidays, read_kept_holidays
from tui.widgets.checklist import Checklist, Item
from tui.widgets.interview_list import InterviewList
from tui.widgets.key_footer import KeyFooter


def test_holiday_tables_are_kept_and_read_back_without_the_holidays_package(tmp_path: Path) -> None:
    """D11: the second start knows Thanksgiving without loading the package that works it out."""
    kept = tmp_path / "cache" / "holidays.json"
    script = f"""
import sys
from datetime import date
from pathlib import Path
from tui.domain.workdays import WorkCalendar, country_for_phone
from tui.store.kept_holidays import keep_holidays, read_kept_holidays
path = Path({str(kept)!r})
known = read_kept_holidays(path)
name = WorkCalendar("US").holiday(date(2026, 11, 26))
keep_holidays(path, known)
print(known, name, "holidays" in sys.modules)
"""

    def run():
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout

    assert run().split() == ["0", "Thanksgiving", "Day", "True"]
    assert kept.is_file()
    assert run().split() == ["1", "Thanksgiving", "Day", "False"]


def test_the_country_of_a_number_is_kept_and_read_back_without_the_phone_number_package(tmp_path: Path) -> None:
    """D11: whose holidays count comes from the number's country; the second start knows it without
    loading the package that tells it (20 ms of every start)."""
    kept = tmp_path / "cache" / "holidays.json"
    script = f"""
import sys
from pathlib import Path
from tui.domain.workdays import calendar_for
from tui.store.kept_holidays import keep_holidays, read_kept_holidays
path = Path({str(kept)!r})
known = read_kept_holidays(path)
country = calendar_for(phone="+14165550100").country
keep_holidays(path, known)
print(known, country, "phonenumbers" in sys.modules)
"""

    def run():
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout

    assert run().split() == ["0", "CA", "True"]
    assert json.loads(kept.read_text())["countries"] == {"+1416": "CA"}
    assert run().split() == ["1", "CA", "False"]


def test_a_kept_copy_with_a_country_followup_never_writes_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "holidays.json"
    country_for_phone("+442079460000")
    keep_holidays(path)
    data = json.loads(path.read_text())
    assert data["countries"]["+442"] == "GB"
    data["countries"]["+999"] = "[b]Made up[/b]"
    path.write_text(json.dumps(data))
    assert read_kept_holidays(path) == 0
    assert country_for_phone("+999") == ""


def test_phone_numbers_are_read_only_once_there_is_a_number_to_read() -> None:
    """Loading the phone-number tables takes a start 20 ms; an empty workbook never needs them."""
    script = """
import sys
import tui.cli.run, tui.app
from tui.domain.phones import display_phone, parse_phone
from tui.domain.workdays import country_for_phone
before = "phonenumbers" in sys.modules
print(before, display_phone(parse_phone("(312) 555-0123")), country_for_phone("+14165550100"))
"""
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["False", "(312)", "555-0123", "CA"]


def test_opening_a_workbook_and_its_kept_order_loads_no_hashing_library(tmp_path: Path) -> None:
    """OpenSSL, which hashlib loads, takes a start 2-3 ms and 0.4 MB: the kept order's name is made without
    it, and a file is hashed only when one must be (a big note, a file written elsewhere)."""
    script = f"""
import sys
import tui.cli.run, tui.app
from tui.locations import order_cache_path
from tui.store import Workbook
book = Workbook.open({str(tmp_path / "w.json")!r}, autosave=False)
name = order_cache_path(book.path).name
print("hashlib" in sys.modules, name)
"""
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    import hashlib

    digest = hashlib.blake2b(str(tmp_path / "w.json").encode(), digest_size=12).hexdigest()
    assert shown == ["False", f"{digest}.json"]  # the same name as before: the order kept is still found


def test_the_app_imports_no_ssl_and_ssl_still_imports_after() -> None:
    """asyncio loads `ssl` only to offer TLS connections, and `ssl` loads OpenSSL (4.5 MB and 5-7 ms of a
    start): while the app's modules are imported, none finds it; afterwards any code may import it."""
    script = """
import sys
from tui.cli import _no_tls
with _no_tls():
    import asyncio, tui.cli.run
    try:
        import ssl
        print("imported")
    except ImportError:
        print("refused")
import tui.app
print("ssl" in sys.modules)
import ssl
print(ssl.PROTOCOL_TLS_CLIENT.name)
"""
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["refused", "False", "PROTOCOL_TLS_CLIENT"]


@needs_tmux
def test_followup_runs_in_a_terminal_without_openssl(tmp_path: Path, tmux) -> None:  # noqa: F811
    path = tmp_path / "w.json"
    seed(path, [interview("Acme")])
    pid = tmux.start("no-tls", ["--db", str(path)], size="80x24")
    try:
        tmux.wait_for("no-tls", "Acme")
        tmux.wait_for("no-tls", "555-0123")  # the start has gone as far as showing the number to call
        with open(f"/proc/{pid}/maps") as maps:
            loaded = {line.split()[-1].rsplit("/", 1)[-1] for line in maps if "/" in line}
        assert not [name for name in loaded if name.startswith("_ssl.")], sorted(loaded)
        assert [name for name in loaded if name.startswith("_asyncio.")]  # asyncio itself is loaded
    finally:
        tmux.kill_session("no-tls")


def test_threads_take_quick_turns_while_the_app_starts_and_their_usual_ones_after(tmp_path: Path, monkeypatch) -> None:
    """Textual's own thread writes each frame to the terminal: while the app starts, it waits at most half a
    millisecond for each turn, not Python's 5 ms (the first frame reached the terminal 9-16 ms late). Once
    the start is done, the usual turns come back: its thread that reads the keyboard would otherwise
    outrun the app on a long text typed key by key."""
    from tui.app import FollowupApp
    from tui.cli import run

    seen: list[float] = []

    def started_and_quit(app: FollowupApp) -> None:
        seen.append(sys.getswitchinterval())
        assert app.on_started is not None
        app.on_started()  # as the app calls it once the start is done
        seen.append(sys.getswitchinterval())

    monkeypatch.setattr(FollowupApp, "run", started_and_quit)
    before = sys.getswitchinterval()
    assert before > run.START_SWITCH_INTERVAL
    assert run.run_app(str(tmp_path / "w.json")) == 0
    assert seen == [run.START_SWITCH_INTERVAL, before]
    assert sys.getswitchinterval() == before


@pytest.mark.parametrize("big", [False, True], ids=["sorted on the first frame", "sorted once every step is known"])
async def test_the_app_says_once_when_its_start_is_done(db, monkeypatch, big: bool) -> None:
    from ui_support import fixed_clock

    from tui.app import make_app
    from tui.screens import start_up
    from tui.store import Workbook

    if big:
        monkeypatch.setattr(start_up, "SORTED_AT_ONCE", 1)  # two interviews count as a big workbook here
    seed(db, [interview("Acme"), interview("Globex")])
    calls: list[bool] = []
    book = Workbook.open(db)
    app = make_app(book, clock=fixed_clock)
    app.on_started = lambda: calls.append(app.screen.query_one(InterviewList).rows[0].interview.company == "Acme")
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert calls == [True]  # once, with the rows in order
            await pilot.press("down", "up")
            await settle(pilot)
            assert calls == [True]
            assert app.on_started is None
    finally:
        app.finish_work()
        book.close()


def test_a_start_with_no_call_cut_off_loads_no_dialog(tmp_path: Path) -> None:
    """The question of a call cut off is asked at every start: when there is none, no dialog is loaded,
    and one dialog never loads the others with it."""
    script = f"""
import asyncio, sys
from tui.screens import flows
from tui.session import Session
from tui.store import Workbook
session = Session(Workbook.open({str(tmp_path / "w.json")!r}, autosave=False)).load()
print(asyncio.run(flows.interrupted_call(None, session)), [m for m in sys.modules if m.startswith("tui.dialogs.")])
from tui.dialogs.interrupted import InterruptedCallDialog
print(sorted(m for m in sys.modules if m.startswith("tui.dialogs.")))
"""
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert shown.splitlines() == ["None []", "['tui.dialogs.interrupted']"]


def test_a_damaged_or_stale_copy_is_ignored_and_written_anew(tmp_path: Path) -> None:
    path = tmp_path / "holidays.json"
    path.write_text("{not json")
    assert read_kept_holidays(path) == 0
    path.write_text(json.dumps({"stamp": "another release", "tables": [["US", 2026, {"2026-12-02": "Made Up Day"}]]}))
    assert read_kept_holidays(path) == 0
    assert WorkCalendar("US").holiday(date(2026, 12, 2)) == ""
    WorkCalendar("US").holiday(date(2026, 12, 25))
    keep_holidays(path)
    data = json.loads(path.read_text())
    assert data["stamp"] != "another release"
    assert any(country == "US" and table.get("2026-12-25") == "Christmas Day" for country, _, table in data["tables"])


def test_a_copy_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    WorkCalendar("US").holiday(date(2026, 7, 3))
    keep_holidays(blocked / "holidays.json")  # its folder is a file: nothing is written, nothing raised
    assert blocked.read_text() == ""


async def test_the_app_keeps_the_holidays_it_worked_out(db) -> None:
    seed(db, [interview("Acme")])
    async with running(db):
        pass
    assert read_kept_holidays(holidays_cache_path()) >= 1


async def test_moving_down_the_list_changes_the_checklist_without_rebuilding_it(db) -> None:
    seed(db, [interview("Acme", checks={"D1": True}), interview("Globex", checks={"D2": True})])
    async with running(db) as pilot:
        checklist = pilot.app.screen.query_one(Checklist)
        items = list(checklist.query(Item))
        first = pilot.app.screen.current
        assert {i.key: i.value for i in items if i.key in ("D1", "D2")} == {
            "D1": first.ticked("D1"),
            "D2": first.ticked("D2"),
        }
        await pilot.press("down")
        await settle(pilot)
        second = pilot.app.screen.current
        assert second.id != first.id
        assert list(checklist.query(Item)) == items  # the same widgets, showing the other interview
        assert {i.key: i.value for i in items if i.key in ("D1", "D2")} == {
            "D1": second.ticked("D1"),
            "D2": second.ticked("D2"),
        }
        assert pilot.app.screen.query_one(InterviewList).has_focus


async def test_an_interview_with_items_of_its_own_still_shows_them(db) -> None:
    seed(db, [interview("Acme"), interview("Globex", custom_items=(ChecklistItem("Ask about the start date"),))])
    async with running(db) as pilot:
        checklist = pilot.app.screen.query_one(Checklist)

        def own():
            return [str(item.label) for item in checklist.query(Item) if item.custom]

        assert pilot.app.screen.current.company == "Acme" and own() == []
        await pilot.press("down")
        await settle(pilot)
        assert pilot.app.screen.current.company == "Globex" and own() == ["Ask about the start date"]
        await pilot.press("up")
        await settle(pilot)
        assert pilot.app.screen.current.company == "Acme" and own() == []


async def test_the_footer_keeps_its_keys_while_the_cursor_moves_and_changes_with_them(db) -> None:
    seed(db, [interview("Acme"), interview("Globex"), interview("Initech", archived=True)])
    async with running(db) as pilot:
        footer = pilot.app.screen.query_one(KeyFooter)
        keys = footer.keys
        await pilot.press("down")
        await settle(pilot)
        assert footer.keys is keys  # nothing was worked out or drawn again
        await pilot.press("v")  # archived ones too, the last of them archived
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert pilot.app.screen.current.archived
        words = [key.description for key in footer.keys]
        assert "Restore" in words and "Archive" not in words


async def test_a_big_workbook_lists_its_rows_once_the_steps_are_worked_out_off_the_ui_thread(db, monkeypatch) -> None:
    from tui.screens import start_up

    monkeypatch.setattr(start_up, "SORTED_AT_ONCE", 1)  # two interviews count as a big workbook here
    seed(db, [interview("Acme"), interview("Globex")])
    async with running(db) as pilot:
        listing = pilot.app.screen.query_one(InterviewList)
        assert [row.interview.company for row in listing.rows] == ["Acme", "Globex"]
        await pilot.press("down")
        await settle(pilot)
        assert pilot.app.screen.current.company == "Globex"
        assert pilot.app.screen.notes.built


async def test_a_big_workbook_s_first_start_has_its_first_rows_in_order_before_every_step_is_known(
    db, monkeypatch
) -> None:
    """Opened for the first time, a big workbook shows its rows on the first frame: the first ones in their
    final order, though the rest of the steps are still to come (here they never do)."""
    from datetime import timedelta

    from ui_support import FIXED_NOW

    from tui.screens import start_up

    monkeypatch.setattr(start_up, "SORTED_AT_ONCE", 1)
    monkeypatch.setattr(start_up, "FIRST_ROWS", 2)
    monkeypatch.setattr(start_up.StartUp, "_work_out_steps", lambda self: None)
    held = FIXED_NOW - timedelta(days=6)
    due_now = interview("Aardvark Ltd", interviewed_at=held + timedelta(days=5))  # due this morning, not late
    late = [interview(name, interviewed_at=held + timedelta(days=n)) for n, name in enumerate(["Zeta", "Yonder"])]
    seed(db, [due_now, *late])
    async with running(db) as pilot:
        shown = [row.interview.company for row in pilot.app.screen.query_one(InterviewList).rows]
        assert shown[:2] == ["Zeta", "Yonder"]  # the longest late first, though "Aardvark" comes first by name
        assert sorted(shown) == ["Aardvark Ltd", "Yonder", "Zeta"]
        assert pilot.app.screen.current.company == "Zeta"


async def test_a_big_workbook_shows_its_rows_before_looking_for_what_is_due(db, monkeypatch) -> None:
    """What is due is a second walk over every step: the rows do not wait for it."""
    from tui.screens import start_up
    from tui.screens.reminders import Reminders

    monkeypatch.setattr(start_up, "SORTED_AT_ONCE", 1)
    rows_then: list[int] = []
    survey = Reminders.survey

    def watched(self, now):
        rows_then.append(len(self.screen.query_one(InterviewList).rows))
        return survey(self, now)

    monkeypatch.setattr(Reminders, "survey", watched)
    seed(db, [interview("Acme"), interview("Globex")])
    async with running(db) as pilot:
        await settle(pilot)
        assert rows_then == [2]


async def test_the_first_frame_has_the_rows_and_the_editor_comes_right_after_it(db) -> None:
    """The rows show the moment they can, with the guidance line of the one highlighted above them (the
    panes do not move down when it comes); the editor, which would hold them back, is there as soon as the
    first frame is drawn, with the notes of the interview shown."""
    from textual.widgets import Static
    from ui_support import fixed_clock

    from tui.app import FollowupApp
    from tui.store import Workbook

    seen: list[tuple[int, bool]] = []
    guided: list[str | None] = []

    class Watched(FollowupApp):
        CSS_PATH = str(Path(sys.modules[FollowupApp.__module__].__file__).with_name("app.tcss"))

        def on_ready(self) -> None:  # Textual's Ready: the first frame has been drawn
            seen.append((len(self.screen.query_one(InterviewList).rows), self.screen.notes.built))
            guidance = self.screen.query_one("#guidance", Static)
            guided.append(str(guidance.content) if guidance.display else None)
            super().on_ready()

    for name, interviews in (("one.json", [interview("Acme", notes="Sent the portfolio.")]), ("empty.json", [])):
        path = db.with_name(name)
        seed(path, interviews)
        seen.clear()
        guided.clear()
        book = Workbook.open(path)
        try:
            async with Watched(book, clock=fixed_clock).run_test(size=(120, 36)) as pilot:
                await settle(pilot)
                notes = pilot.app.screen.notes
                assert notes.built
                assert notes.editor.text == ("Sent the portfolio." if interviews else "")
                assert notes.editor.disabled is not bool(interviews)  # an empty workbook's has no notes to hold
        finally:
            book.close()
        assert seen == [(len(interviews), False)]
        if interviews:
            [line] = guided
            assert line is not None and line.startswith("[b]Next: ")
        else:
            assert guided == [None]


class _NoEditorYet:
    """The start stops at its first frame: the editor is still to be built when the keys below come, as
    when they were typed ahead of it."""

    @staticmethod
    async def after_first_frame(self) -> None:
        pass


@pytest.mark.parametrize("pane_key", ["3", "c"])
async def test_a_key_for_the_notes_pressed_before_the_editor_is_built_builds_it_and_what_follows_is_notes(
    db, monkeypatch, pane_key
) -> None:
    """3 (or c for a call) typed ahead of the editor: it is built first, and the keys after it wait
    for it, so "Said it" is typed into the notes, not taken as keys ("a" adds, "i" shows what worked)."""
    from tui.screens.start_up import StartUp
    from tui.session import Session

    monkeypatch.setattr(StartUp, "_after_first_frame", _NoEditorYet.after_first_frame)
    seed(db, [interview("Acme", notes="Old notes.")])
    async with running(db) as pilot:
        screen = pilot.app.screen
        assert not screen.notes.built
        await pilot.press(pane_key, *"Said it")
        await settle(pilot)
        assert type(pilot.app.screen) is type(screen)  # no dialog opened: the letters were not taken as keys
        assert screen.notes.editor.has_focus
        typed = screen.notes.editor.text
        pilot.app.finish_work()
        session: Session = screen.session
        if pane_key == "c":
            assert typed == "Said it"
            [call] = session.calls_for(screen.selected)
            assert call.notes == "Said it"
            assert session.interview(screen.selected).notes == "Old notes."
        else:
            assert typed == "Old notes.Said it"  # after the old notes, the cursor put at their end
            assert session.interview(screen.selected).notes == "Old notes.Said it"


@pytest.mark.parametrize("pasted", [False, True], ids=["typed", "pasted"])
@pytest.mark.parametrize("big", [False, True], ids=["small workbook", "big workbook"])
@pytest.mark.parametrize("pane_key", ["3", "c"])
async def test_keys_typed_while_the_app_starts_wait_for_its_rows(db, monkeypatch, pane_key, big, pasted) -> None:
    """The terminal is read from the start, before there are rows: "3" (or "c") then "Said it", typed or
    pasted ahead, go to the first row's notes (or its call's) once the rows show; not lost, not taken as keys."""
    from textual import events
    from textual.keys import _character_to_key

    from tui.app import FollowupApp
    from tui.screens import start_up
    from tui.screens.main import MainScreen

    if big:
        monkeypatch.setattr(start_up, "SORTED_AT_ONCE", 1)
    mount = FollowupApp.on_mount

    def typed_ahead(self) -> None:
        self.post_message(events.Key(pane_key, pane_key))  # as the terminal's reader does
        if pasted:
            self.post_message(events.Paste("Said it"))
        else:
            for char in "Said it":
                self.post_message(events.Key(_character_to_key(char), char))
        mount(self)

    monkeypatch.setattr(FollowupApp, "on_mount", typed_ahead)
    seed(db, [interview("Acme", notes="Old notes."), interview("Globex")])
    async with running(db) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)  # no dialog: "a" did not add, "i" did not show what worked
        assert screen.notes.editor.has_focus
        acme = screen.session.interviews()[0]
        assert screen.current is acme and acme.company == "Acme"
        if pane_key == "c":
            assert screen.in_call and screen.notes.editor.text == "Said it"
        else:
            assert screen.notes.editor.text == "Old notes.Said it"


async def test_the_first_frame_is_styled_once_on_the_one_screen(db, monkeypatch) -> None:
    """Styling is most of what a start costs in Textual: the workbook's screen is the first and only
    one, and each of its widgets is styled as it is mounted, again only where the focus moves in."""
    from collections import Counter

    from textual.css.stylesheet import Stylesheet

    from tui.screens.main import MainScreen
    from tui.widgets.list_pane import ListPane

    styled: Counter[str] = Counter()
    apply = Stylesheet.apply

    def counted(self, node, *args, **kwargs):
        if getattr(node, "id", None):
            styled[node.id] += 1
        return apply(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counted)
    seed(db, [interview("Acme")])
    async with running(db) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen) and pilot.app.screen_stack == [screen]
        in_list_pane = {node.id for node in screen.query_one(ListPane).walk_children(with_self=True)}
        # the editor too: made after the first frame, for the interview shown then
        once = {name: count for name, count in styled.items() if name not in in_list_pane}
        assert once and set(once.values()) == {1}, {name: count for name, count in once.items() if count > 1}
        assert styled["notes"] == 1
        # the list takes the focus: its pane is styled again for that, and the hidden filter box only then
        assert styled["filter"] == styled["welcome"] == 2


async def test_the_first_frame_turns_the_cycle_collector_back_on(db) -> None:
    import gc

    seed(db, [interview("Acme")])
    gc.disable()  # as the `followup` command starts the app
    try:
        async with running(db):
            assert gc.isenabled()
    finally:
        gc.enable()
