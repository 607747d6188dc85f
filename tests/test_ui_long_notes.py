"""A long note (a pasted log) never holds up the list or typing, and is saved whole: pasted or typed to."""

from __future__ import annotations

from datetime import timedelta

from textual import events
from ui_support import FIXED_NOW, running, seed, settle, stored

from tui.domain.models import Interview, Interviewer
from tui.widgets.interview_list import InterviewList
from tui.widgets.notes_pane import SHOWN_AT_MOST, NotesPane, split_for_editor

LINE = "12:00:01 INFO request served in 3 ms from the cache; nothing to report\n"


def log_of(size: int) -> str:
    return (LINE * (size // len(LINE) + 1))[:size]


def interview(company: str, notes: str = "", days: int = 1) -> Interview:
    when = FIXED_NOW - timedelta(days=days)
    return Interview(company, "Designer", interviewed_at=when, interviewer=Interviewer(name="Dana"), notes=notes)


def notes_of(db) -> dict[str, str]:
    return {doc["company"]: doc["notes"] for doc in stored(db)["interviews"]}


def test_a_short_note_is_shown_whole_and_a_long_one_from_a_line_start():
    assert split_for_editor("short") == (0, "short")
    text = log_of(3 * SHOWN_AT_MOST)
    cut, shown = split_for_editor(text)
    assert text[:cut] + shown == text
    assert len(shown) <= SHOWN_AT_MOST
    assert text[:cut].endswith("\n") and shown.startswith("12:00:01")


async def test_a_200_kb_paste_is_saved_whole(db):
    seed(db, [interview("Acme", "before the paste. ")])
    pasted = log_of(200_000)
    async with running(db) as pilot:
        await pilot.press("3")
        await settle(pilot)
        pilot.app.post_message(events.Paste(pasted))  # as the terminal hands over a bracketed paste
        await settle(pilot)
        await pilot.press("!")
        await settle(pilot)
        pilot.app.finish_work()
    assert notes_of(db)["Acme"] == "before the paste. " + pasted + "!"


async def test_a_20_mb_note_shows_its_end_and_keeps_all_of_it(db):
    big = log_of(20_000_000)
    seed(db, [interview("Acme", big, days=2), interview("Globex", "short notes")])
    async with running(db) as pilot:
        screen = pilot.app.screen
        rows = screen.query_one(InterviewList).rows
        assert [row.interview.company for row in rows] == ["Acme", "Globex"]  # the rows are there
        editor = screen.query_one("#notes")
        assert len(editor.text) <= SHOWN_AT_MOST and big.endswith(editor.text)
        assert "of 20.0 MB shown" in str(screen.query_one("#notes-title").render())
        await pilot.press("3", "end", "x")
        await settle(pilot)
        await pilot.press("escape", "down")  # to Globex: what was typed goes up with the start kept
        await settle(pilot)
        assert screen.query_one("#notes").text == "short notes"
        pilot.app.finish_work()
    assert notes_of(db) == {"Acme": big + "x", "Globex": "short notes"}


async def test_a_long_note_s_start_is_left_in_the_note_not_copied(db):
    """Shown, a 20 MB note costs the editor's last 100 KB: the start it keeps aside stays in the record's own
    text, which the pane holds (not a copy of it), and is joined to the typing only when handed up."""
    import tracemalloc

    big = log_of(20_000_000)
    seed(db, [interview("Acme", "short notes", days=2), interview("Globex", big)])
    async with running(db) as pilot:
        screen, session = pilot.app.screen, pilot.app.session
        pane = screen.query_one(NotesPane)
        tracemalloc.start()
        await pilot.press("down")  # to Globex, whose notes are the 20 MB log
        await settle(pilot)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert big.endswith(screen.query_one("#notes").text)
        assert pane._source is session.interview(screen.selected).notes
        assert peak < 5_000_000  # the 100 KB shown and the editor's lines of it, not 20 MB of the start
        assert pane.take_typed()[1] == big
        pilot.app.finish_work()


async def test_a_long_note_shown_again_is_not_copied_again(db, monkeypatch):
    """The list sorted or shown again highlights the same interview: its 20 MB note is already in place."""
    from tui.widgets import notes_pane

    big = log_of(3 * SHOWN_AT_MOST)
    seed(db, [interview("Acme", big, days=2), interview("Globex", "short notes")])
    async with running(db) as pilot:
        screen = pilot.app.screen
        split: list[int] = []
        monkeypatch.setattr(
            notes_pane, "split_for_editor", lambda text: split.append(len(text)) or split_for_editor(text)
        )
        screen.refresh_list()
        screen.selected = screen.selected
        await settle(pilot)
        assert split == []
        assert big.endswith(screen.query_one("#notes").text)
        await pilot.press("down")
        await settle(pilot)
        assert screen.query_one("#notes").text == "short notes" and split == [len("short notes")]


async def test_typing_into_a_long_note_hands_up_all_of_it(db):
    big = log_of(3 * SHOWN_AT_MOST)
    seed(db, [interview("Acme", big)])
    async with running(db) as pilot:
        await pilot.press("3", "y")
        await settle(pilot)
        owner, text = pilot.app.screen.query_one(NotesPane).take_typed()
        assert (owner, text) == (("interview", owner[1]), big + "y")
        pilot.app.finish_work()
    assert notes_of(db)["Acme"] == big + "y"


async def test_the_list_describes_only_the_rows_it_is_asked_for(db):
    seed(db, [interview(f"Company {n:02}") for n in range(40)])
    async with running(db, size=(100, 24)) as pilot:
        rows = pilot.app.screen.query_one(InterviewList).rows
        described = len(rows._described)
        assert len(rows) == 40 and 0 < described < 40  # a screenful, not all forty
        assert [row.interview.company for row in rows][:2] == ["Company 00", "Company 01"]
        pilot.app.finish_work()


async def test_a_long_note_is_wrapped_once_when_it_is_shown(db, monkeypatch):
    """The scrollbar's column is kept for it, so the note's lines keep their width when it shows: the text
    is wrapped once at that width, not again as the scrollbar comes (13 ms each time for a long note)."""
    from textual.document._wrapped_document import WrappedDocument

    seed(db, [interview("Acme", "short notes", days=2), interview("Globex", log_of(SHOWN_AT_MOST))])
    async with running(db) as pilot:
        await settle(pilot)
        widths: list[int] = []
        wrap = WrappedDocument.wrap

        def counted(self: WrappedDocument, width: int, tab_width: int | None = None) -> None:
            if self.document.line_count > 100:
                widths.append(width)
            wrap(self, width, tab_width)

        monkeypatch.setattr(WrappedDocument, "wrap", counted)
        await pilot.press("down")  # to Globex and its long note
        await settle(pilot)
        editor = pilot.app.screen.query_one("#notes")
        assert editor.show_vertical_scrollbar and editor.text.startswith("12:00:01")
        assert [width for width in widths if width] == [editor.wrap_width]
        pilot.app.finish_work()
